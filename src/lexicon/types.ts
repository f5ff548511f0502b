import type { CasualtyKind, Lang, Org, Outcome, Qualifier, Side, Weapon } from "../model/vocab.js";

/**
 * What every language provides. Data only: surface forms in canonical form (ASCII apostrophe),
 * matched case-insensitively on word boundaries. A form ending in `*` is a stem: it matches any word
 * starting with it (for the inflected nouns of Ukrainian and Russian).
 */
export interface Lexicon {
  lang: Lang;
  /** What tells the language apart: its script, letters only it uses among ours, frequent short words. */
  detect: { script: "Cyrillic" | "Latin"; letters: string; endings: string[]; words: string[] };
  /** Number words in every inflected form → value. Compounds ("двадцять шість") are summed. */
  numbers: Record<string, number>;
  /** Words that make a following singular noun a count of 1 ("un", "a", "one"). */
  one: string[];
  /** Weapon nouns and noun phrases (also class adjectives: "cruise", "балістичних"). */
  weapons: Partial<Record<Weapon, string[]>>;
  /** Singular noun forms: "a missile" or "ракетою" alone state one weapon. */
  singular: Partial<Record<Weapon, string[]>>;
  /** Nouns counting places where something happened: "локаціях", "locations". */
  locations: string[];
  /** Words joining weapon classes into one figure: "drones et missiles". */
  and: string[];
  /** Words that introduce a model after the class: "типу", "type", "de type". */
  modelIntro: string[];
  outcomes: Partial<Record<Outcome | "debris", string[]>>;
  /** Words that cancel an outcome cue right before it ("не", "not"). */
  negation: string[];
  qualifiers: Partial<Record<Qualifier, string[]>>;
  casualties: Record<CasualtyKind, string[]>;
  /** A toll that grew to a number ("rose to", "зросла до"): the number after it is exact and the toll's. */
  rose: string[];
  /** Nouns for people, between a number and a casualty word ("3 people killed"). */
  persons: string[];
  /** "all 42 drones", "усі 14 шахедів": every one launched met the outcome told. */
  all: string[];
  /** "of them", "з них", "dont": a figure that is a part of the previous one. */
  partOf: string[];
  /** "28 of 29": the word between a part and its total. */
  outOf: string[];
  /** "по одному", "one each": one weapon for each region listed after. */
  each: string[];
  /** Prepositions putting a figure in, over or towards a region. */
  over: string[];
  /** Nouns that may stand between such a preposition and the region name ("territory", "région"). */
  regionNouns: string[];
  /** Directions relative to a place ("east of Moscow"): the place is a landmark, not a target. */
  compass: string[];
  /** Plural nouns closing a list of regions ("…, Kyiv and Sumy regions"): every name in it is a region's. */
  regionsPlural: string[];
  /** A region the text leaves unnamed: "над іншою областю", "au-dessus de plusieurs régions". */
  unnamedRegion: string[];
  /** The capital of the target country ("la capitale", "столиця"). */
  capital: string[];
  /** Launch-area cues: "з напрямків", "launched from", "район пуску". */
  launch: string[];
  /** Prepositions of origin: a place right after one, in a sentence about weapons, is a launch area. */
  from: string[];
  seas: Record<"sea:black" | "sea:azov" | "sea:caspian", string[]>;
  /** Bodies whose statements are claims, and generic side names used with an attribution verb. */
  orgs: Partial<Record<Org, string[]>>;
  sides: Record<Side, string[]>;
  /** Armed forces: a side word beside them names the attacker ("російські війська", "Russian forces"). */
  forces: string[];
  /** "ворожий", "противник", "enemy": the side opposite to the claimant. */
  enemy: string[];
  /** The agent of a passive ("lancés par la Russie", "launched by Russia"): the side named after it attacks. */
  agent: string[];
  /** Verbs and phrases of attribution: "selon", "said", "за даними". */
  attribution: string[];
  /** Attribution that names its source right after it: "selon", "according to", "за даними". */
  according: string[];
  /** The speaker's own strike ("affirme avoir frappé", "said it struck"): the speaker's side attacked. */
  ownStrike: string[];
  /** The same, at the place named before ("y avoir frappé"). */
  ownStrikeThere: string[];
  /** A region referred back to: "cette région", "this region", "цій області". */
  thisRegion: string[];
  /** Words of attack that make a sentence about an attack ("frappes", "атака", "strike"). */
  attack: string[];
  /** Words after a singular weapon noun that show it names a kind of something ("drone attack"). */
  modifies: string[];
  /** Record claims; `not` are hedges that make a superlative no claim ("one of the largest"). */
  record: { cue: string[]; war: string[]; year: string[]; not: string[] };
  /** Words that announce a figure about something other than an attack (a week's total…). */
  period: string[];
  /**
   * Words of a photo caption or credit line ("Photo:", "FILE PHOTO", "in this picture", "На фото"): such a
   * line describes an image, often of another day, and neither dates nor tells the report.
   */
  caption: string[];
  /** Air defence ("ППО", "air defences", "défense aérienne"): a side word beside it names the side defending. */
  defence: string[];
  /** Words opening a sentence about an earlier event ("Ранее", "Earlier", "Auparavant"): what follows on its line is of that day too. */
  earlier: string[];
  /** Words opening a reported clause ("que", "that", "що", "что"): a body after them is reported on, not reporting. */
  that: string[];
  /** Attribution that points back ("Об этом сообщили в…", "Про це повідомили…", "This was reported by…"): its body told what came before. */
  anaphora: string[];
}
