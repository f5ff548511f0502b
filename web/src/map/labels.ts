// Region labels that do not collide: short names placed greedily, most important first.

/** `Kharkiv Oblast` → `Kharkiv`, `Republic of Tatarstan` → `Tatarstan`; `Kyiv Oblast` stays apart from the city. */
export function shortName(name: string, taken: ReadonlySet<string> = new Set()): string {
  const short = name
    .replace(/^Autonomous Republic of /, "")
    .replace(/^Republic of /, "")
    .replace(/ (Oblast|Krai|Republic|Autonomous Okrug|Autonomous Oblast)$/, "")
    .trim();
  // A city and the oblast around it share a name (Kyiv, Moscow): the oblast says so.
  if (short !== name && taken.has(short)) return `${short} obl.`;
  return short || name;
}

export interface LabelCandidate {
  id: string;
  text: string;
  x: number;
  y: number;
  /** Higher first. */
  priority: number;
}

export interface PlacedLabel extends LabelCandidate {
  width: number;
  height: number;
}

/**
 * Keeps each label whose box fits inside the frame and overlaps no label placed before it. Widths are
 * estimated from the text length (an average glyph of `charWidth` px), so this runs without layout.
 */
export function placeLabels(candidates: LabelCandidate[], frame: { width: number; height: number }, fontSize = 11, charWidth = fontSize * 0.56): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const pad = 2;
  for (const c of [...candidates].sort((a, b) => b.priority - a.priority || a.text.localeCompare(b.text))) {
    const width = c.text.length * charWidth;
    const height = fontSize;
    const box = { x0: c.x - width / 2 - pad, x1: c.x + width / 2 + pad, y0: c.y - height / 2 - pad, y1: c.y + height / 2 + pad };
    if (box.x0 < 0 || box.y0 < 0 || box.x1 > frame.width || box.y1 > frame.height) continue;
    const hit = placed.some((p) => box.x0 < p.x + p.width / 2 + pad && box.x1 > p.x - p.width / 2 - pad && box.y0 < p.y + p.height / 2 + pad && box.y1 > p.y - p.height / 2 - pad);
    if (!hit) placed.push({ ...c, width, height });
  }
  return placed;
}
