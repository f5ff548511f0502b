import type { BelongingKey } from "../../lexicon/types.js";
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
  /** An approximation by its own wording ("une vingtaine"): the figure is `about`. */
  approx?: boolean;
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
  /** Named for its class and side only (a rocket launcher): counts of it carry no model id. */
  anonymous: boolean;
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
  copula: Mention[];
  where: Mention[];
  units: Mention[];
  sameNumber: Mention[];
  listItemPrep: Mention[];
  respectively: Mention[];
  drop: Mention[];
  superlative: Mention[];
  sinceWar: Mention[];
  howMany: Mention[];
  vague: Mention[];
  durations: Mention[];
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
  /** Short horizons of a superlative: "the largest in months" is no record. */
  recordBounded: Mention[];
  period: Mention[];
  or: Mention[];
  instrument: Mention[];
  also: Mention[];
  including: Mention[];
  otherTypes: Mention[];
  runningTotal: Mention[];
  runningTotalTo: Mention[];
  total: Mention[];
  nationwide: Mention[];
  determiners: Mention[];
  background: Mention[];
  more: Mention[];
  denominator: Mention[];
  above: Mention[];
  /** Forms singular after a governing noun ("влучання ракети"). */
  singularAfterNoun: WeaponMention[];
  /** The lexicon's belonging lists (tally, shelling, polity.after…), each sorted by start. */
  belonging: Record<BelongingKey, Mention[]>;
  caption: Mention[];
  defence: Mention[];
  earlier: Mention[];
  that: Mention[];
  anaphora: Mention[];
}
