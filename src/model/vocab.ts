// The controlled vocabulary of ../shared/spec/gold-format.md, ids verbatim.
export const LANGS = ["fr", "en", "uk", "ru"] as const;
export type Lang = (typeof LANGS)[number];

export const KINDS = ["news", "official", "social"] as const;
export type DocKind = (typeof KINDS)[number];

export const WEAPONS = [
  "any",
  "drone",
  "drone.strike",
  "drone.decoy",
  "drone.recon",
  "missile",
  "missile.ballistic",
  "missile.aeroballistic",
  "missile.cruise",
  "missile.guided",
  "missile.sam",
  "bomb",
  "rocket",
] as const;
export type Weapon = (typeof WEAPONS)[number];

export const OUTCOMES = [
  "launched",
  "intercepted",
  "suppressed",
  "neutralized",
  "hit",
  "hit_locations",
  "debris_locations",
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const QUALIFIERS = ["exact", "at_least", "about", "at_most"] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export const CASUALTY_KINDS = ["killed", "injured", "hospitalized"] as const;
export type CasualtyKind = (typeof CASUALTY_KINDS)[number];

export const SIDES = ["UA", "RU"] as const;
export type Side = (typeof SIDES)[number];

export const CLAIMANTS = ["UA", "RU", "third", "media"] as const;
export type Claimant = (typeof CLAIMANTS)[number];

export const ORGS = [
  "UA.air_force",
  "UA.general_staff",
  "UA.president",
  "UA.government",
  "UA.regional",
  "UA.other",
  "RU.mod",
  "RU.regional",
  "RU.government",
  "RU.other",
  "third",
  "media",
] as const;
export type Org = (typeof ORGS)[number];

export const RECORD_METRICS = ["any", "drone", "missile"] as const;
export type RecordMetric = (typeof RECORD_METRICS)[number];
export const RECORD_SCOPES = ["war", "year"] as const;
export type RecordScope = (typeof RECORD_SCOPES)[number];

/** A period named without clock times: the night, the day, the evening, a whole day ("за сутки", "over the past 24 hours"). */
export const PERIOD_NAMES = ["night", "day", "evening", "24h"] as const;
export type PeriodName = (typeof PERIOD_NAMES)[number];

export const PLACE_ROLES = ["impact", "debris", "launch", "other"] as const;
export type PlaceRole = (typeof PLACE_ROLES)[number];

/** An ISO 3166-2 code (`UA-63`, `RU-BEL`) or a sea (`sea:black`). */
export type RegionCode = string;

/** The class a weapon is scored as: `drone.strike` matches `drone`. */
export function scoringWeapon(w: Weapon): Weapon {
  return w === "drone.strike" ? "drone" : w;
}

export function isWeaponSubclass(child: Weapon, parent: Weapon): boolean {
  if (parent === "any") return true;
  return child === parent || child.startsWith(parent + ".");
}
