import type { Org, Side } from "../../model/vocab.js";

/**
 * Official publishers whose posts speak for a body: a post on the Air Force's channel is the Air
 * Force's claim even when it names no one. Matched (case-insensitive, as substrings) against the
 * source's publisher, channel and URL.
 */
export interface Publisher {
  match: string[];
  org: Org;
  claimant: Side;
  attacker: Side;
  target: Side;
}

export const OFFICIAL_PUBLISHERS: Publisher[] = [
  { match: ["kpszsu", "Повітряні Сили", "Повітряних Сил", "Air Force of the Armed Forces of Ukraine"], org: "UA.air_force", claimant: "UA", attacker: "RU", target: "UA" },
  { match: ["mod_russia", "Министерство обороны", "Минобороны", "mil.ru"], org: "RU.mod", claimant: "RU", attacker: "UA", target: "RU" },
  { match: ["gov.ua", "ОВА", "ОДА", "обласна рада", "обласна військова адміністрація", "міська рада", "громада"], org: "UA.regional", claimant: "UA", attacker: "RU", target: "UA" },
];
