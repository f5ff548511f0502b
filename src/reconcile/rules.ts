// Choosing one value per figure among every claim about an attack, window by window. Pure: the store
// (or any caller, at write time or read time) feeds claims in. The rules are written up in
// docs/reconciliation.md; keep the two in step.
import type { Claimant, DocKind, Org, Qualifier, Side } from "../model/index.js";
import { duration, homeZone, placeWindow, relate, type PeriodIn, type Window } from "./windows.js";

export interface ClaimDoc {
  id: number;
  kind: DocKind;
  publisher: string | null;
  channel: string | null;
  url: string | null;
  published: string | null;
}

/** One claimed value, already grouped under one figure key by the caller. */
export interface ClaimIn {
  id: number;
  n: number;
  qualifier: Qualifier;
  claimant: Claimant;
  orgs: Org[];
  doc: ClaimDoc;
  /** Claims of one additive group (rows of one dataset) are separate events: they are summed, window by window. */
  additive_group: string | null;
  /** The reporting window of the claim's report; null or absent when its text states none. */
  period?: PeriodIn | null;
}

export interface ClaimOut extends ClaimIn {
  side: Side | null;
  credited_to: Org | null;
  restated: boolean;
  /** Replaced by a later statement of the same source for the same window (a correction, an update). */
  superseded: boolean;
  window: Window;
  /** A claim of the same body whose window contains this one's and stands for it; null when none does. */
  contained_by: number | null;
}

/** One window's figure in a body's account: its value and the claims it stands for. */
export interface WindowValue {
  window: Window;
  n: number;
  qualifier: Qualifier;
  claim_id: number;
  /** The claims this value stands for: its own window's statements, and those of windows inside it. */
  stands_for: number[];
  /** The documents of those claims. */
  document_ids: number[];
}

export interface Chosen {
  /** The day's figure: one window's value, or the sum of the body's windows that do not overlap. */
  n: number;
  qualifier: Qualifier;
  claim_id: number;
  side: Side | null;
  org: Org | null;
  /** `window`: one window stands for the day; `sum`: separate windows summed. */
  basis: "window" | "sum";
  windows: WindowValue[];
}

export interface FigureDecision {
  claims: ClaimOut[];
  chosen: Chosen | null;
  by_side: Partial<Record<Side, Chosen>>;
  conflict: boolean;
}

const ORG_RANK: Record<Org, number> = {
  "UA.air_force": 0,
  "UA.general_staff": 1,
  "UA.president": 2,
  "UA.government": 3,
  "UA.regional": 4,
  "UA.other": 5,
  "RU.mod": 0,
  "RU.regional": 1,
  "RU.government": 2,
  "RU.other": 3,
  third: 8,
  media: 9,
};


/** The figure one body gives for the day, from its windows. */
interface BodyFigure {
  side: Side | null;
  claimant: Claimant;
  credited_to: Org | null;
  n: number;
  qualifier: Qualifier;
  claim_id: number;
  basis: "window" | "sum";
  windows: WindowValue[];
  /** Every counted value is a medium's restatement. */
  restated: boolean;
  published: string;
  /** Each window's value, for comparing like windows across bodies. */
  groups: Array<{ w: Window; n: number }>;
  conflict: boolean;
}

function sideOf(claimant: Claimant): Side | null {
  return claimant === "UA" || claimant === "RU" ? claimant : null;
}

/** The body a claim is credited to: its best-ranked organisation of its own side. */
function creditedOrg(c: ClaimIn, side: Side | null): Org | null {
  const own = c.orgs.filter((o) => (side ? o.startsWith(side + ".") : true));
  own.sort((a, b) => ORG_RANK[a] - ORG_RANK[b] || a.localeCompare(b));
  if (own[0]) return own[0];
  if (side) return `${side}.other` as Org;
  return c.claimant === "third" ? "third" : "media";
}

/** Who a statement comes from, for "a later statement of the same source replaces the earlier". */
function sourceKey(c: ClaimOut): string {
  const outlet = c.doc.channel ?? c.doc.publisher ?? (c.doc.url ? hostOf(c.doc.url) : `doc:${c.doc.id}`);
  return `${c.side ?? c.claimant}|${c.credited_to ?? ""}|${outlet}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function rankOf(b: { side: Side | null; claimant: Claimant; credited_to: Org | null }, defender: Side): number {
  // The attacked side's official bodies first; then third parties and media; the attacker's own account last.
  if (b.side === defender) return ORG_RANK[b.credited_to ?? "media"] ?? 7;
  if (b.side === null) return b.claimant === "third" ? 20 : 21;
  return 40 + (ORG_RANK[b.credited_to ?? "media"] ?? 7);
}

function byTime(a: ClaimOut, b: ClaimOut): number {
  // Unknown times sort first, so any dated statement replaces them; ties by id keep the order total.
  const ta = a.doc.published ?? "";
  const tb = b.doc.published ?? "";
  return ta < tb ? -1 : ta > tb ? 1 : a.id - b.id;
}

function combine(qs: Qualifier[]): Qualifier {
  if (qs.every((q) => q === "exact")) return "exact";
  if (qs.includes("about")) return "about";
  if (qs.includes("at_least")) return "at_least";
  return "at_most";
}

/**
 * One window of one body: later statements of a source replace its earlier ones; several values in one
 * document are a part and its whole (the largest stands); the body's own latest statement is the value.
 */
function windowValue(claims: ClaimOut[]): { best: ClaimOut; n: number; conflict: boolean } {
  const latest = new Map<string, ClaimOut>();
  for (const c of [...claims].sort(byTime)) {
    const prev = latest.get(sourceKey(c));
    if (prev && prev.doc.id !== c.doc.id) prev.superseded = true;
    if (!prev || prev.doc.id !== c.doc.id) latest.set(sourceKey(c), c);
  }
  for (const c of claims) if (c.superseded) for (const d of claims) if (d.doc.id === c.doc.id && sourceKey(d) === sourceKey(c)) d.superseded = true;
  const live = claims.filter((c) => !c.superseded);
  const perDoc = new Map<number, ClaimOut>();
  for (const c of live) {
    const cur = perDoc.get(c.doc.id);
    if (!cur || c.n > cur.n) perDoc.set(c.doc.id, c);
  }
  const candidates = [...perDoc.values()].sort((a, b) => Number(a.restated) - Number(b.restated) || -byTime(a, b));
  const best = candidates[0] ?? claims[0]!;
  return { best, n: best.n, conflict: new Set(candidates.map((c) => c.n)).size > 1 };
}

function additiveBody(list: ClaimOut[]): BodyFigure {
  // A dataset's rows are separate events of the day, whichever command reported them: all add up.
  const first = list[0]!;
  const windows = [...list]
    .sort((a, b) => (a.window.from ?? 0) - (b.window.from ?? 0) || a.id - b.id)
    .map((c) => ({ window: c.window, n: c.n, qualifier: c.qualifier, claim_id: c.id, stands_for: [c.id], document_ids: [c.doc.id] }));
  return {
    side: first.side,
    claimant: first.claimant,
    credited_to: first.credited_to,
    n: list.reduce((s, c) => s + c.n, 0),
    qualifier: list.some((c) => c.qualifier !== "exact") ? "at_least" : "exact",
    claim_id: first.id,
    basis: list.length > 1 ? "sum" : "window",
    windows,
    restated: false,
    published: list.reduce((m, c) => ((c.doc.published ?? "") > m ? (c.doc.published ?? "") : m), ""),
    groups: list.map((c) => ({ w: c.window, n: c.n })),
    conflict: false,
  };
}

/**
 * One body's figure for the day. Statements of the same window: the latest stands. Windows that overlap form
 * one cluster, for which the window containing the others stands (else the largest value); clusters apart
 * from each other are summed. A value whose window is not stated stands for the day only when it exceeds
 * that sum; otherwise it is taken as a part or a restatement of it.
 */
function bodyFigure(list: ClaimOut[]): BodyFigure {
  if (list[0]!.additive_group !== null) return additiveBody(list);
  const groups: Array<{ w: Window; claims: ClaimOut[]; n: number; best: ClaimOut; conflict: boolean }> = [];
  for (const c of list) {
    const g = groups.find((x) => relate(x.w, c.window) === "same");
    if (g) g.claims.push(c);
    else groups.push({ w: c.window, claims: [c], n: 0, best: c, conflict: false });
  }
  for (const g of groups) Object.assign(g, windowValue(g.claims));
  const stated = groups.filter((g) => g.w.from !== null).sort((a, b) => a.w.from! - b.w.from! || b.w.to! - a.w.to!);
  const unstated = groups.find((g) => g.w.from === null);

  // Clusters of windows that overlap one another.
  const parent = stated.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (let i = 0; i < stated.length; i++) {
    for (let j = i + 1; j < stated.length; j++) if (relate(stated[i]!.w, stated[j]!.w) !== "disjoint") parent[root(j)] = root(i);
  }
  const clusters = new Map<number, typeof stated>();
  stated.forEach((g, i) => clusters.set(root(i), [...(clusters.get(root(i)) ?? []), g]));

  const counted: Array<{ g: (typeof groups)[number]; stands: ClaimOut[] }> = [];
  for (const members of clusters.values()) {
    const container = members.find((g) => members.every((o) => o === g || ["same", "contains"].includes(relate(g.w, o.w))));
    const stand = container ?? [...members].sort((a, b) => b.n - a.n || duration(b.w) - duration(a.w))[0]!;
    const stands: ClaimOut[] = [];
    for (const g of members) {
      stands.push(...g.claims);
      if (g !== stand) for (const c of g.claims) c.contained_by = stand.best.id;
    }
    counted.push({ g: stand, stands });
  }
  const sumStated = counted.reduce((s, c) => s + c.g.n, 0);
  if (unstated) {
    if (counted.length === 0 || unstated.n > sumStated) {
      for (const c of counted) for (const s of c.stands) s.contained_by = unstated.best.id;
      const stands = [...unstated.claims, ...counted.flatMap((c) => c.stands)];
      counted.splice(0, counted.length, { g: unstated, stands });
    } else {
      const same = counted.find((c) => c.g.n === unstated.n) ?? counted[0]!;
      same.stands.push(...unstated.claims);
      for (const c of unstated.claims) c.contained_by = same.g.best.id;
    }
  }
  const windows: WindowValue[] = counted.map(({ g, stands }) => ({
    window: g.w,
    n: g.n,
    qualifier: g.best.qualifier,
    claim_id: g.best.id,
    stands_for: stands.map((c) => c.id).sort((a, b) => a - b),
    document_ids: [...new Set(stands.map((c) => c.doc.id))].sort((a, b) => a - b),
  }));
  const first = counted[0]!.g.best;
  return {
    side: first.side,
    claimant: first.claimant,
    credited_to: first.credited_to,
    n: counted.reduce((s, c) => s + c.g.n, 0),
    qualifier: combine(counted.map((c) => c.g.best.qualifier)),
    claim_id: first.id,
    basis: counted.length > 1 ? "sum" : "window",
    windows,
    restated: counted.every((c) => c.g.best.restated),
    published: counted.reduce((m, c) => ((c.g.best.doc.published ?? "") > m ? (c.g.best.doc.published ?? "") : m), ""),
    groups: groups.map((g) => ({ w: g.w, n: g.n })),
    conflict: groups.some((g) => g.conflict),
  };
}

function firstDate(claims: ClaimIn[]): string | null {
  for (const c of claims) {
    const d = c.period?.end?.date ?? c.period?.start?.date ?? c.doc.published?.slice(0, 10);
    if (d && /^\d{4}-\d{2}-\d{2}$/.test(d)) return d;
  }
  return null;
}

/**
 * Every claim on one figure of one attack → each side's day figure (with the windows it is made of), the
 * chosen value, and whether sources of one side disagree about the same window. `date` is the attack's
 * date, the day on whose clock windows are placed.
 */
export function decideFigure(claimsIn: ClaimIn[], attacker: Side, target: Side, date?: string): FigureDecision {
  const defender = target;
  const day = date ?? firstDate(claimsIn) ?? "2000-01-01";
  const live: ClaimOut[] = [...claimsIn]
    .sort((a, b) => a.id - b.id)
    .map((c) => {
      const side = sideOf(c.claimant);
      const w = placeWindow(c.period ?? null, day, homeZone(side));
      // Named one by one rather than spread: this runs for every claim of every figure of every attack.
      const out: ClaimOut = {
        id: c.id,
        n: c.n,
        qualifier: c.qualifier,
        claimant: c.claimant,
        orgs: c.orgs,
        doc: c.doc,
        additive_group: c.additive_group,
        side,
        credited_to: creditedOrg(c, side),
        restated: c.doc.kind === "news" && side !== null,
        superseded: false,
        window: w,
        contained_by: null,
      };
      if (c.period !== undefined) out.period = c.period;
      return out;
    });

  const bodies = new Map<string, ClaimOut[]>();
  for (const c of live) {
    const k = c.additive_group !== null ? `group:${c.additive_group}|${c.side}` : `${c.side ?? c.claimant}|${c.credited_to}`;
    const body = bodies.get(k);
    if (body) body.push(c);
    else bodies.set(k, [c]);
  }
  const figures = [...bodies.values()].map(bodyFigure);

  const pick = (pool: BodyFigure[]): Chosen | null => {
    const best = [...pool].sort(
      // Same body: its own statement before a medium's restatement of it; then the latest.
      (a, b) => rankOf(a, defender) - rankOf(b, defender) || Number(a.restated) - Number(b.restated) || (a.published < b.published ? 1 : a.published > b.published ? -1 : 0),
    )[0];
    return best
      ? { n: best.n, qualifier: best.qualifier, claim_id: best.claim_id, side: best.side, org: best.credited_to, basis: best.basis, windows: best.windows }
      : null;
  };

  const by_side: Partial<Record<Side, Chosen>> = {};
  for (const side of [attacker, target]) {
    const c = pick(figures.filter((x) => x.side === side));
    if (c) by_side[side] = c;
  }
  const chosen = pick(figures);

  // Same side, same window, different values (after corrections and restatements are folded in) = conflict.
  let conflict = figures.some((f) => f.side !== null && f.conflict);
  for (let i = 0; i < figures.length && !conflict; i++) {
    for (let j = i + 1; j < figures.length && !conflict; j++) {
      const a = figures[i]!;
      const b = figures[j]!;
      if (a.side === null || a.side !== b.side) continue;
      conflict = a.groups.some((ga) => b.groups.some((gb) => relate(ga.w, gb.w) === "same" && ga.n !== gb.n));
    }
  }
  return { claims: live, chosen, by_side, conflict };
}
