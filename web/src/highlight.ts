import { h } from "./dom.js";

export interface Highlight {
  start: number;
  end: number;
  role: string;
  /** Shown as the mark's title and given to screen readers. */
  label?: string;
}

/**
 * Text with `<mark>` elements around the highlighted spans, built from text nodes only.
 * Overlapping spans are cut at every boundary; each piece takes the role of the narrowest span over it.
 */
export function highlightText(text: string, spans: Highlight[]): DocumentFragment {
  const frag = document.createDocumentFragment();
  const valid = spans.filter((sp) => sp.start >= 0 && sp.end <= text.length && sp.start < sp.end);
  const cuts = new Set<number>([0, text.length]);
  for (const sp of valid) {
    cuts.add(sp.start);
    cuts.add(sp.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i] as number;
    const b = points[i + 1] as number;
    const piece = text.slice(a, b);
    let best: Highlight | null = null;
    for (const sp of valid) {
      if (sp.start <= a && sp.end >= b && (!best || sp.end - sp.start < best.end - best.start)) best = sp;
    }
    if (!best) frag.appendChild(document.createTextNode(piece));
    else {
      const mark = h("mark", { "data-role": best.role, "data-start": a, title: best.label ?? best.role }, piece);
      frag.appendChild(mark);
    }
  }
  return frag;
}

/**
 * A source sentence with its evidence marked. Evidence offsets point into the document; when they do
 * not fall inside the sentence (an older store, a revised document) the evidence text is searched instead.
 */
export function highlightSentence(
  sentence: { start: number; end: number; text: string },
  evidence: { role: string; start: number; end: number; text: string }[],
): DocumentFragment {
  const spans: Highlight[] = [];
  for (const ev of evidence) {
    let start = ev.start - sentence.start;
    let end = ev.end - sentence.start;
    if (start < 0 || end > sentence.text.length || sentence.text.slice(start, end) !== ev.text) {
      const at = ev.text ? sentence.text.indexOf(ev.text) : -1;
      if (at < 0) continue;
      start = at;
      end = at + ev.text.length;
    }
    spans.push({ start, end, role: ev.role, label: `${ev.role}: ${ev.text}` });
  }
  return highlightText(sentence.text, spans);
}
