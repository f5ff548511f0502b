// One attack from every current report about it: figures with their chosen values, totals, regions.
import type { CasualtyKind, Claimant, Org, Outcome, Qualifier, RegionCode, Side, Weapon } from "../model/index.js";
import { decideFigure, type ClaimDoc, type ClaimIn, type FigureDecision } from "./rules.js";
import { TOP_CLASSES, classValue, totalValue, type ValueAt } from "./totals.js";
import { relate, type PeriodIn, type Window } from "./windows.js";

export interface ReportIn {
  id: number;
  claimant: Claimant;
  orgs: Org[];
  night: boolean;
  doc: ClaimDoc;
  additive_group: string | null;
  /** The report's period as its text states it; null or absent when none. */
  period?: PeriodIn | null;
}
export interface CountIn {
  id: number;
  report_id: number;
  weapon: Weapon;
  model: string | null;
  outcome: Outcome;
  region: RegionCode | null;
  n: number;
  qualifier: Qualifier;
}
export interface CasualtyIn {
  id: number;
  report_id: number;
  kind: CasualtyKind;
  region: RegionCode | null;
  n: number;
  qualifier: Qualifier;
}
export interface AttackIn {
  /** The attack's date, on whose clock the reports' windows are placed. */
  date?: string;
  attacker: Side;
  target: Side;
  reports: ReportIn[];
  counts: CountIn[];
  casualties: CasualtyIn[];
  targets: { report_id: number; region: RegionCode }[];
}

export interface FigureOut {
  weapon: Weapon;
  model: string | null;
  outcome: Outcome;
  region: RegionCode | null;
  decision: FigureDecision;
}
export interface CasualtyOut {
  kind: CasualtyKind;
  region: RegionCode | null;
  decision: FigureDecision;
}
export interface TotalsOut {
  launched: number | null;
  intercepted: number | null;
  suppressed: number | null;
  hit: number | null;
}
export interface RecordFigures {
  any: number | null;
  any_basis: "any" | "sum" | null;
  drone: number | null;
  missile: number | null;
}
/** One figure's value within one window of a side's account. */
export interface WindowFigure {
  weapon: Weapon;
  model: string | null;
  outcome: Outcome;
  region: RegionCode | null;
  n: number;
  qualifier: Qualifier;
  claim_id: number;
}

export interface WindowTotals {
  launched: number | null;
  intercepted: number | null;
  suppressed: number | null;
}

/** One reporting window of a side's account: its all-weapons totals (national) and every figure in it. */
export interface SideWindow extends WindowTotals {
  window: Window;
  figures: WindowFigure[];
}

/** One side's own account of the attack: the figures of each window, and the day's total. */
export interface SideAccount {
  side: Side;
  /** True for the attacked side (whose account is the record's). */
  attacked: boolean;
  /** The bodies whose figures make this account. */
  orgs: Org[];
  windows: SideWindow[];
  /** The day's totals, from each figure's day value (a window standing for the day, or separate windows summed). */
  day: WindowTotals;
  /** `sum` when a national figure's day value is a sum of separate windows of one body. */
  basis: "window" | "sum";
}

/** What a direction's records are measured by: what the attacked side states of that direction. */
export function recordOutcome(target: Side): "launched" | "intercepted" {
  // Ukraine states what Russia launched; Russia's ministry almost never states what Ukraine launched, only what it intercepted.
  return target === "UA" ? "launched" : "intercepted";
}

export interface AttackOut {
  night: boolean;
  documents: number;
  claimants: Claimant[];
  orgs: Org[];
  regions: RegionCode[];
  figures: FigureOut[];
  casualties: CasualtyOut[];
  totals: TotalsOut;
  by_weapon: { weapon: Weapon; launched: number | null; intercepted: number | null; suppressed: number | null }[];
  conflict: boolean;
  /** The attacked side's own account, for records. */
  rec: RecordFigures;
  /** The chosen values whatever side gave them. */
  all: RecordFigures;
  side_totals: { side: Side; weapon: Weapon; launched: number | null; intercepted: number | null; suppressed: number | null }[];
  sides: SideAccount[];
  region_rows: { region: RegionCode; launched: number | null; intercepted: number | null; hit: number | null; casualties: number | null }[];
}

const CLAIMANT_ORDER: Claimant[] = ["UA", "RU", "third", "media"];

function claimsOf<T extends { id: number; report_id: number; n: number; qualifier: Qualifier }>(
  rows: T[],
  reports: Map<number, ReportIn>,
): ClaimIn[] {
  const out: ClaimIn[] = [];
  for (const r of rows) {
    const rep = reports.get(r.report_id);
    if (!rep) continue;
    out.push({
      id: r.id,
      n: r.n,
      qualifier: r.qualifier,
      claimant: rep.claimant,
      orgs: rep.orgs,
      doc: rep.doc,
      additive_group: rep.additive_group,
      period: rep.period ?? null,
    });
  }
  return out;
}

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return new Map([...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function recordFigures(values: ValueAt[], outcome: Outcome): RecordFigures {
  const t = totalValue(values, outcome);
  return {
    any: t.n,
    any_basis: t.n === null ? null : t.basis,
    drone: classValue(values, "drone", outcome),
    missile: classValue(values, "missile", outcome),
  };
}

function windowTotals(values: ValueAt[]): WindowTotals {
  return {
    launched: totalValue(values, "launched").n,
    intercepted: totalValue(values, "intercepted").n,
    suppressed: totalValue(values, "suppressed").n,
  };
}

/** A side's account window by window: each figure's chosen body for that side, its windows side by side. */
function sideAccount(side: Side, attacked: boolean, figures: FigureOut[]): SideAccount | null {
  const windows: SideWindow[] = [];
  const orgs = new Set<Org>();
  const day: ValueAt[] = [];
  let summed = false;
  for (const f of figures) {
    const c = f.decision.by_side[side];
    if (!c) continue;
    if (c.org) orgs.add(c.org);
    if (f.region === null && c.basis === "sum") summed = true;
    day.push({ weapon: f.weapon, model: f.model, outcome: f.outcome, region: f.region, n: c.n });
    for (const wv of c.windows) {
      let sw = windows.find((x) => x.window.key === wv.window.key || relate(x.window, wv.window) === "same");
      if (!sw) {
        sw = { window: wv.window, launched: null, intercepted: null, suppressed: null, figures: [] };
        windows.push(sw);
      }
      sw.figures.push({ weapon: f.weapon, model: f.model, outcome: f.outcome, region: f.region, n: wv.n, qualifier: wv.qualifier, claim_id: wv.claim_id });
    }
  }
  if (windows.length === 0) return null;
  for (const w of windows) Object.assign(w, windowTotals(w.figures));
  windows.sort((a, b) => (a.window.from ?? -Infinity) - (b.window.from ?? -Infinity) || (a.window.to ?? 0) - (b.window.to ?? 0));
  return { side, attacked, orgs: [...orgs].sort(), windows, day: windowTotals(day), basis: summed ? "sum" : "window" };
}

export function buildAttack(input: AttackIn): AttackOut {
  const reports = new Map(input.reports.map((r) => [r.id, r]));
  const figures: FigureOut[] = [];
  for (const rows of groupBy(input.counts, (c) => `${c.weapon}|${c.model ?? ""}|${c.outcome}|${c.region ?? ""}`).values()) {
    const f = rows[0]!;
    figures.push({
      weapon: f.weapon,
      model: f.model,
      outcome: f.outcome,
      region: f.region,
      decision: decideFigure(claimsOf(rows, reports), input.attacker, input.target, input.date),
    });
  }
  const casualties: CasualtyOut[] = [];
  for (const rows of groupBy(input.casualties, (c) => `${c.kind}|${c.region ?? ""}`).values()) {
    const f = rows[0]!;
    casualties.push({
      kind: f.kind,
      region: f.region,
      decision: decideFigure(claimsOf(rows, reports), input.attacker, input.target, input.date),
    });
  }

  const chosenValues = (pick: (d: FigureDecision) => number | null | undefined): ValueAt[] =>
    figures.flatMap((f) => {
      const n = pick(f.decision);
      return n === null || n === undefined ? [] : [{ weapon: f.weapon, model: f.model, outcome: f.outcome, region: f.region, n }];
    });
  const all = chosenValues((d) => d.chosen?.n);
  const bySide = (side: Side) => chosenValues((d) => d.by_side[side]?.n);

  const totals: TotalsOut = {
    launched: totalValue(all, "launched").n,
    intercepted: totalValue(all, "intercepted").n,
    suppressed: totalValue(all, "suppressed").n,
    hit: totalValue(all, "hit").n,
  };
  const by_weapon: AttackOut["by_weapon"] = [];
  for (const w of ["any", ...TOP_CLASSES] as Weapon[]) {
    const row = {
      weapon: w,
      launched: classValue(all, w, "launched"),
      intercepted: classValue(all, w, "intercepted"),
      suppressed: classValue(all, w, "suppressed"),
    };
    if (row.launched !== null || row.intercepted !== null || row.suppressed !== null) by_weapon.push(row);
  }

  const side_totals: AttackOut["side_totals"] = [];
  for (const side of [input.target, input.attacker]) {
    const values = bySide(side);
    for (const w of ["any", ...TOP_CLASSES] as Weapon[]) {
      const pickV = (o: Outcome) => (w === "any" ? totalValue(values, o).n : classValue(values, w, o));
      const row = { side, weapon: w, launched: pickV("launched"), intercepted: pickV("intercepted"), suppressed: pickV("suppressed") };
      if (row.launched !== null || row.intercepted !== null || row.suppressed !== null) side_totals.push(row);
    }
  }

  const regionSet = new Set<RegionCode>();
  for (const t of input.targets) if (reports.has(t.report_id)) regionSet.add(t.region);
  for (const f of figures) if (f.region) regionSet.add(f.region);
  for (const c of casualties) if (c.region) regionSet.add(c.region);
  const regions = [...regionSet].sort();
  const region_rows = regions.map((region) => {
    const here = all.filter((v) => v.region === region).map((v) => ({ ...v, region: null }));
    const cas = casualties
      .filter((c) => c.region === region && c.decision.chosen)
      .reduce<number | null>((s, c) => (s ?? 0) + (c.decision.chosen?.n ?? 0), null);
    return {
      region,
      launched: totalValue(here, "launched").n,
      intercepted: totalValue(here, "intercepted").n,
      hit: totalValue(here, "hit").n,
      casualties: cas,
    };
  });

  const docs = new Set(input.reports.map((r) => r.doc.id));
  const claimants = CLAIMANT_ORDER.filter((c) => input.reports.some((r) => r.claimant === c));
  const orgs = [...new Set(input.reports.flatMap((r) => r.orgs))].sort();
  return {
    night: input.reports.some((r) => r.night),
    documents: docs.size,
    claimants,
    orgs,
    regions,
    figures,
    casualties,
    totals,
    by_weapon,
    conflict: figures.some((f) => f.decision.conflict) || casualties.some((c) => c.decision.conflict),
    rec: recordFigures(bySide(input.target), recordOutcome(input.target)),
    all: recordFigures(all, recordOutcome(input.target)),
    side_totals,
    sides: [sideAccount(input.target, true, figures), sideAccount(input.attacker, false, figures)].filter((a): a is SideAccount => a !== null),
    region_rows,
  };
}
