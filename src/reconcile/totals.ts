// Attack totals from per-figure chosen values: the all-weapons figure when stated, else classes summed.
import type { Outcome, RegionCode, Weapon } from "../model/index.js";

export interface ValueAt {
  weapon: Weapon;
  model: string | null;
  outcome: Outcome;
  region: RegionCode | null;
  n: number;
}

export const TOP_CLASSES = ["drone", "missile", "bomb", "rocket"] as const;
export type TopClass = (typeof TOP_CLASSES)[number];

const CHILDREN: Partial<Record<Weapon, Weapon[]>> = {
  drone: ["drone.strike", "drone.decoy", "drone.recon"],
  missile: ["missile.ballistic", "missile.aeroballistic", "missile.cruise", "missile.guided", "missile.sam"],
};

/** Each weapon's national figures for one outcome: its first model-less figure, and its models' figures summed. */
type Aggregate = Map<Weapon, { own: number | undefined; models: number | null }>;

function aggregate(values: ValueAt[], outcome: Outcome): Aggregate {
  // One pass over the values, however many classes are then asked for (an attack's totals ask dozens).
  const out: Aggregate = new Map();
  for (const v of values) {
    if (v.outcome !== outcome || v.region !== null) continue;
    let a = out.get(v.weapon);
    if (!a) out.set(v.weapon, (a = { own: undefined, models: null }));
    if (v.model === null) a.own ??= v.n;
    else a.models = (a.models ?? 0) + v.n;
  }
  return out;
}

function classIn(agg: Aggregate, weapon: Weapon): number | null {
  const a = agg.get(weapon);
  if (a?.own !== undefined) return a.own;
  let sum = a?.models ?? null;
  for (const child of CHILDREN[weapon] ?? []) {
    const c = classIn(agg, child);
    if (c !== null) sum = (sum ?? 0) + c;
  }
  return sum;
}

/**
 * A class's value at national level (region null): its own model-less figure when stated; otherwise
 * its models' figures plus its subclasses' values, each computed the same way. Null when nothing is known.
 */
export function classValue(values: ValueAt[], weapon: Weapon, outcome: Outcome): number | null {
  return classIn(aggregate(values, outcome), weapon);
}

export interface TotalWithBasis {
  n: number | null;
  basis: "any" | "sum";
}

/** All weapons: the `any` figure when stated, else drones + missiles (bombs and rockets are not part of an air-attack total). */
export function totalValue(values: ValueAt[], outcome: Outcome): TotalWithBasis {
  const agg = aggregate(values, outcome);
  const any = classIn(agg, "any");
  if (any !== null) return { n: any, basis: "any" };
  const d = classIn(agg, "drone");
  const m = classIn(agg, "missile");
  if (d === null && m === null) return { n: null, basis: "sum" };
  return { n: (d ?? 0) + (m ?? 0), basis: "sum" };
}
