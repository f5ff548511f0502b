import type { RecordMark, RecordMarks, TimelineRow } from "../api-types.js";
import { weaponClass } from "../format.js";

export const CLASSES = ["drone", "missile", "bomb", "rocket", "any"] as const;
export type WeaponClass = (typeof CLASSES)[number];

/** One night (or week) of one direction, as told by the account the chart shows. */
export interface Night {
  date: string;
  attacker: string;
  target: string;
  claimant: string;
  /** Launched per class; falls back to intercepted when an account gives only that (typical of Moscow's). */
  byClass: Partial<Record<WeaponClass, number>>;
  interceptedByClass: Partial<Record<WeaponClass, number>>;
  total: number;
  /** False when the account states only interceptions, so `total` counts those. */
  launchedStated: boolean;
  intercepted: number | null;
  /** True when this attack set a record of its direction when it happened (from the server, over the whole history). */
  record: boolean;
  /** The record it set, and what the direction's records measure. */
  recordMark: RecordMark | null;
  recordOutcome: "launched" | "intercepted" | null;
}

export interface Direction {
  attacker: string;
  target: string;
  nights: Night[];
}

/**
 * Timeline rows → one series per direction. For each night the attacked side's account is used when it
 * exists (it reports launches and interceptions); within an account a class's own figure wins over the sum
 * of its subclasses, and the all-weapons figure counts only when no class is given, so nothing is counted twice.
 */
export function nightsByDirection(rows: TimelineRow[], marks: RecordMarks[] = []): Direction[] {
  const groups = new Map<string, TimelineRow[]>();
  for (const r of rows) {
    const key = `${r.attacker}-${r.target}|${r.period}`;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const directions = new Map<string, Direction>();
  for (const [key, list] of groups) {
    const [dir = "", date = ""] = key.split("|");
    const first = list[0] as TimelineRow;
    const claimant = pickClaimant(list, first.target);
    const night = summarise(
      list.filter((r) => r.claimant === claimant),
      date,
      first.attacker,
      first.target,
      claimant,
    );
    if (night.total === 0 && night.intercepted === null) continue;
    let d = directions.get(dir);
    if (!d) directions.set(dir, (d = { attacker: first.attacker, target: first.target, nights: [] }));
    d.nights.push(night);
  }
  const out = [...directions.values()];
  for (const d of out) {
    d.nights.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    // Records come from the whole history as of each attack's date, never from the nights on screen.
    const m = marks.find((x) => x.attacker === d.attacker && x.target === d.target);
    const byId = new Map((m?.items ?? []).map((r) => [r.id, r]));
    for (const n of d.nights) {
      const mark = byId.get(`${n.date}.${n.attacker}-${n.target}`) ?? null;
      n.record = mark !== null;
      n.recordMark = mark;
      n.recordOutcome = mark ? (m?.outcome ?? null) : null;
    }
  }
  // Russia's attacks on Ukraine first: it is the longer and denser history.
  return out.sort((a, b) => (a.attacker === "RU" ? -1 : 0) - (b.attacker === "RU" ? -1 : 0));
}

function pickClaimant(rows: TimelineRow[], target: string): string {
  if (rows.some((r) => r.claimant === target)) return target;
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.claimant, (totals.get(r.claimant) ?? 0) + (r.launched ?? r.intercepted ?? 0));
  let best = rows[0]?.claimant ?? "";
  for (const [c, t] of totals) if (t > (totals.get(best) ?? -1)) best = c;
  return best;
}

function summarise(rows: TimelineRow[], date: string, attacker: string, target: string, claimant: string): Night {
  const own = new Map<string, TimelineRow>();
  const subs = new Map<string, { launched: number; intercepted: number | null }>();
  for (const r of rows) {
    const cls = weaponClass(r.weapon);
    if (r.weapon === cls) own.set(cls, r);
    else {
      const acc = subs.get(cls) ?? { launched: 0, intercepted: null };
      acc.launched += r.launched ?? r.intercepted ?? 0;
      if (r.intercepted !== null) acc.intercepted = (acc.intercepted ?? 0) + r.intercepted;
      subs.set(cls, acc);
    }
  }
  const byClass: Partial<Record<WeaponClass, number>> = {};
  const interceptedByClass: Partial<Record<WeaponClass, number>> = {};
  let total = 0;
  let intercepted: number | null = null;
  const add = (cls: string, launched: number, inter: number | null) => {
    const k = (CLASSES as readonly string[]).includes(cls) ? (cls as WeaponClass) : "any";
    byClass[k] = (byClass[k] ?? 0) + launched;
    total += launched;
    if (inter !== null) {
      intercepted = (intercepted ?? 0) + inter;
      interceptedByClass[k] = (interceptedByClass[k] ?? 0) + Math.min(inter, launched);
    }
  };
  const classes = new Set([...own.keys(), ...subs.keys()].filter((c) => c !== "any"));
  for (const cls of classes) {
    const r = own.get(cls);
    if (r) add(cls, r.launched ?? r.intercepted ?? 0, r.intercepted);
    else {
      const acc = subs.get(cls);
      if (acc) add(cls, acc.launched, acc.intercepted);
    }
  }
  const any = own.get("any");
  if (classes.size === 0 && any) add("any", any.launched ?? any.intercepted ?? 0, any.intercepted);
  else if (any && any.launched !== null && any.launched > total) {
    // The all-weapons total exceeds the classes it names: show the rest as unspecified.
    add("any", any.launched - total, null);
  }
  const launchedStated = rows.some((r) => r.launched !== null);
  return { date, attacker, target, claimant, byClass, interceptedByClass, total, launchedStated, intercepted, record: false, recordMark: null, recordOutcome: null };
}
