import type { Extraction } from "./extraction.js";
import type {
  CasualtyKind,
  Claimant,
  Org,
  Outcome,
  PlaceRole,
  Qualifier,
  RecordMetric,
  RecordScope,
  RegionCode,
  Side,
  Weapon,
} from "./vocab.js";

/** Exactly the `gold` structure of ../shared/spec/gold-format.md. */
export interface GoldCount {
  weapon: Weapon;
  model: string | null;
  outcome: Outcome;
  n: number;
  qualifier: Qualifier;
  region: RegionCode | null;
}
export interface GoldCasualty {
  kind: CasualtyKind;
  n: number;
  qualifier: Qualifier;
  region: RegionCode | null;
}
export interface GoldReport {
  claimant: Claimant;
  claimant_orgs: Org[];
  attacker: Side;
  target: Side;
  date: string | null;
  night: boolean;
  counts: GoldCount[];
  targets: RegionCode[];
  casualties: GoldCasualty[];
  launch_areas: RegionCode[];
  record_claims: { metric: RecordMetric; scope: RecordScope }[];
  places: { name: string; region: RegionCode; role: PlaceRole }[];
}
export interface Gold {
  published: string | null;
  updated?: string | null;
  reports: GoldReport[];
}

export function toGold(x: Extraction): Gold {
  const gold: Gold = {
    published: x.published,
    reports: x.reports.map((r) => ({
      claimant: r.claimant,
      claimant_orgs: [...r.claimant_orgs],
      attacker: r.attacker,
      target: r.target,
      date: r.date,
      night: r.night,
      counts: r.counts.map(({ weapon, model, outcome, n, qualifier, region }) => ({
        weapon,
        model,
        outcome,
        n,
        qualifier,
        region,
      })),
      targets: [...r.targets],
      casualties: r.casualties.map(({ kind, n, qualifier, region }) => ({ kind, n, qualifier, region })),
      launch_areas: [...r.launch_areas],
      record_claims: r.record_claims.map(({ metric, scope }) => ({ metric, scope })),
      places: r.places.map(({ name, region, role }) => ({ name, region, role })),
    })),
  };
  if (x.updated) gold.updated = x.updated;
  return gold;
}
