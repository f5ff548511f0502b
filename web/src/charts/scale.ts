/** Small scale helpers, so the charts need no charting library. */

export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** About `count` round ticks from 0 to at least `max`. */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return ticks;
}

export const DAY_MS = 86_400_000;

export function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Ticks at the first day of years, quarters, months or weeks, whichever gives a readable count. */
export function dateTicks(d0: number, d1: number, maxTicks: number): { day: number; label: string }[] {
  const span = d1 - d0;
  const out: { day: number; label: string }[] = [];
  const start = new Date(d0 * DAY_MS);
  const monthSteps = [1, 2, 3, 6, 12, 24];
  if (span > 45) {
    const step = monthSteps.find((m) => span / (30.4 * m) <= maxTicks) ?? 24;
    const years = step / 12;
    for (let abs = start.getUTCFullYear() * 12 + start.getUTCMonth(); ; abs++) {
      const y = Math.floor(abs / 12);
      const m = abs % 12;
      const day = Math.floor(Date.UTC(y, m, 1) / DAY_MS);
      if (day > d1) break;
      const keep = step >= 12 ? m === 0 && y % years === 0 : abs % step === 0;
      if (!keep || day < d0) continue;
      const label =
        m === 0 ? String(y) : new Date(day * DAY_MS).toLocaleDateString("en-GB", { month: "short", timeZone: "UTC" });
      out.push({ day, label });
    }
    return out;
  }
  const step = Math.max(1, Math.ceil(span / maxTicks));
  for (let d = d0; d <= d1; d += step) {
    out.push({
      day: d,
      label: new Date(d * DAY_MS).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }),
    });
  }
  return out;
}
