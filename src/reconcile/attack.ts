// One attack from every current report about it: figures with their chosen values, totals, regions.
import type { CasualtyKind, Claimant, Org, Outcome, Qualifier, RegionCode, Side, Weapon } from "../model/index.js";
import { decideFigure, type ClaimDoc, type ClaimIn, type FigureDecision } from "./rules.js";
import { TOP_CLASSES, classValue, totalValue, type ValueAt } from "./totals.js";

export interface ReportIn {
  id: number;
  claimant: Claimant;
  orgs: Org[];
  night: boolean;
  doc: ClaimDoc;
  additive_group: string | null;
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

function recordFigures(values: ValueAt[]): RecordFigures {
  const t = totalValue(values, "launched");
  return {
    any: t.n,
    any_basis: t.n === null ? null : t.basis,
    drone: classValue(values, "drone", "launched"),
    missile: classValue(values, "missile", "launched"),
  };
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
      decision: decideFigure(claimsOf(rows, reports), input.attacker, input.target),
    });
  }
  const casualties: CasualtyOut[] = [];
  for (const rows of groupBy(input.casualties, (c) => `${c.kind}|${c.region ?? ""}`).values()) {
    const f = rows[0]!;
    casualties.push({
      kind: f.kind,
      region: f.region,
      decision: decideFigure(claimsOf(rows, reports), input.attacker, input.target),
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
    rec: recordFigures(bySide(input.target)),
    all: recordFigures(all),
    side_totals,
    region_rows,
  };
}
