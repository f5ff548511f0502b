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

/**
 * A class's value at national level (region null): its own model-less figure when stated; otherwise
 * its models' figures plus its subclasses' values, each computed the same way. Null when nothing is known.
 */
export function classValue(values: ValueAt[], weapon: Weapon, outcome: Outcome): number | null {
  // One pass, no copies: an attack's totals ask this dozens of times, each class recursing into its subclasses.
  let sum: number | null = null;
  for (const v of values) {
    if (v.outcome !== outcome || v.region !== null || v.weapon !== weapon) continue;
    if (v.model === null) return v.n;
    sum = (sum ?? 0) + v.n;
  }
  for (const child of CHILDREN[weapon] ?? []) {
    const c = classValue(values, child, outcome);
    if (c !== null) sum = (sum ?? 0) + c;
  }
  return sum;
}

export interface TotalWithBasis {
  n: number | null;
  basis: "any" | "sum";
}

/** All weapons: the `any` figure when stated, else drones + missiles (bombs and rockets are not part of an air-attack total). */
export function totalValue(values: ValueAt[], outcome: Outcome): TotalWithBasis {
  const any = classValue(values, "any", outcome);
  if (any !== null) return { n: any, basis: "any" };
  const d = classValue(values, "drone", outcome);
  const m = classValue(values, "missile", outcome);
  if (d === null && m === null) return { n: null, basis: "sum" };
  return { n: (d ?? 0) + (m ?? 0), basis: "sum" };
}
