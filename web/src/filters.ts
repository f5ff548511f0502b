/** The filters every list, chart, map and export shares; kept in the URL hash so a view can be linked. */
export interface Filters {
  from?: string;
  to?: string;
  attacker?: string;
  target?: string;
  weapon?: string;
}

const KEYS = ["from", "to", "attacker", "target", "weapon"] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SIDE = /^(UA|RU)$/;

export function parseFilters(q: URLSearchParams): Filters {
  const f: Filters = {};
  const from = q.get("from");
  const to = q.get("to");
  const attacker = q.get("attacker");
  const target = q.get("target");
  const weapon = q.get("weapon");
  if (from && DATE.test(from)) f.from = from;
  if (to && DATE.test(to)) f.to = to;
  if (attacker && SIDE.test(attacker)) f.attacker = attacker;
  if (target && SIDE.test(target)) f.target = target;
  if (weapon && /^[a-z.]+$/.test(weapon)) f.weapon = weapon;
  return f;
}

export function filterQuery(f: Filters): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const k of KEYS) out[k] = f[k];
  return out;
}

export function filterSearch(f: Filters): string {
  const q = new URLSearchParams();
  for (const k of KEYS) {
    const v = f[k];
    if (v) q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}
