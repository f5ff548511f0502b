import type { CasualtyKind, Org, Outcome, Qualifier, RegionCode, Side, Weapon } from "../../model/vocab.js";

export interface Mention {
  start: number;
  end: number;
}
export interface Valued<T> extends Mention {
  value: T;
}
export interface NumberMention extends Mention {
  value: number;
  /** Written in words ("deux", "шість") rather than digits. */
  word: boolean;
}
export interface WeaponMention extends Mention {
  weapon: Weapon;
  singular: boolean;
}
export interface ModelMention extends Mention {
  model: string;
  weapon: Weapon;
  /** The side that fires it, when every model named is fired by one side only. */
  side: Side | null;
}
export interface PlaceMention extends Mention {
  region: RegionCode;
  name: string;
  kind: string;
}
export type OutcomeCue = Outcome | "debris";

/** Everything the lexicons and the gazetteer find in one document. Each list is sorted by start. */
export interface Mentions {
  numbers: NumberMention[];
  weapons: WeaponMention[];
  models: ModelMention[];
  locations: Mention[];
  outcomes: Valued<OutcomeCue>[];
  negations: Mention[];
  qualifiers: Valued<Qualifier>[];
  casualties: Valued<CasualtyKind>[];
  persons: Mention[];
  rose: Mention[];
  partOf: Mention[];
  all: Mention[];
  outOf: Mention[];
  each: Mention[];
  over: Mention[];
  regionNouns: Mention[];
  capital: Mention[];
  unnamedRegion: Mention[];
  regionsPlural: Mention[];
  compass: Mention[];
  launch: Mention[];
  from: Mention[];
  places: PlaceMention[];
  orgs: Valued<Org>[];
  sides: Valued<Side>[];
  enemy: Mention[];
  forces: Mention[];
  attribution: Mention[];
  agent: Mention[];
  according: Mention[];
  thisRegion: Mention[];
  ownStrike: Mention[];
  ownStrikeThere: Mention[];
  and: Mention[];
  modelIntro: Mention[];
  one: Mention[];
  attack: Mention[];
  modifies: Mention[];
  recordNot: Mention[];
  recordCue: Mention[];
  recordWar: Mention[];
  recordYear: Mention[];
  period: Mention[];
  caption: Mention[];
  defence: Mention[];
  earlier: Mention[];
  that: Mention[];
  anaphora: Mention[];
}
