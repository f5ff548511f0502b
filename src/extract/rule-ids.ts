import { REFINER_IDS, type RefinerId } from "./refine/refiners.js";

/**
 * Every rule of the grammar, by the id it writes into a fact's provenance. One list: a rule that is
 * not here does not compile, and test/extract/rule-coverage.test.ts (`npm run coverage:rules`) fails
 * when a rule or refiner here is exercised by no phrase of corpus/.
 */
export const RULE_IDS = [
  // counts (src/extract/rules/counts.ts)
  "count/<qualifier>? <number> <weapon>",
  "count/<number> <locations>",
  "count/<number> <weapon> <over-unnamed-region>",
  "count/<number> of <number> <weapon>",
  "count/<number> <weapon> <out-of> <number>",
  "count/<part-of> <number>",
  "count/<list-item> <number> <region>",
  "count/<each> <number> <weapon> <regions>",
  "count/<each> <regions>",
  "count/<all> <number> <weapon>",
  "count/<figure>, <running-total> <number>",
  "count/<number> <weapon> … <all> <outcome>",
  "count/<number> <weapon> … <outcome> <all>",
  "count/<of> <number> <weapon>, <number>",
  "count/<of> <weapon> <outcome>, <number>",
  "count/<one> <weapon:singular>",
  "count/<the> <weapon:singular>",
  "count/<weapon> (<number>)",
  "count/<weapon> <outcome> … — <number>",
  "count/<as many> <region>",
  "count/<places> <numbers> <respectively>",
  // casualties (src/extract/rules/casualties.ts)
  "casualty/<number> <persons>? <casualty>",
  "casualty/<casualty> <number> <persons>?",
  "casualty/<casualty> <one-person>",
  "casualty/<pronoun> <hospitalized>",
  "casualty/<casualty> … <receive> <number>",
  "casualty/<toll>, <place> — <number>",
  "casualty/<toll> <one> <place>, <other> <place>",
  // places (src/extract/rules/places.ts)
  "target/<attack-sentence> <place>",
  "target/<capital>",
  "target/<own-strike> <there>",
  "launch/<launch-cue> <place>+",
  "launch/<weapon> <from> <place>",
  "place/named",
  "place/launch",
  // records (src/extract/rules/records.ts)
  "record/<superlative> <scope>?",
  // attribution (src/extract/rules/frames.ts, src/extract/refine/reports.ts)
  "attribution/<according> <body>",
  "attribution/<body> <verb>",
  "attribution/<verb> <body>",
  "attribution/<verb> <preposition>? <body>",
  "attribution/<body-in-sentence>",
  "attribution/<points-back> <body>",
  "attribution/<no-cue>:outlet",
  "attribution/<carried-over>",
  // a report's date taken from the publication time it was given, or from a day told in its sentence
  "date/published",
  "report-date/sentence-day",
  "report-date/clause-day",
  "report-date/earlier-line",
] as const;

export type StaticRuleId = (typeof RULE_IDS)[number];

/**
 * Rules that set text or a reading aside ("target/drop:<river> <place>", captions): they leave no fact to carry their id,
 * so the negatives of corpus/ show them, not the provenance of what is read.
 */
export const DROP_RULE_IDS = [
  // photo captions and credit lines (src/extract/rules/captions.ts): neither dated nor read
  "caption/cue-first",
  "caption/cue-colon",
  "caption/cue-phrase",
  "caption/photographer-credit",
  "caption/dated-credit",
  // figures told before any day is named keep the publication day (src/extract/rules/dating.ts)
  "report-date/lede-undated",
  "casualty/drop:<number> <age>",
  "casualty/drop:<among> <casualty> <number>",
  "casualty/drop:<tally>",
  "casualty/drop:<war-toll>",
  "casualty/drop:<shelling-cause>",
  "casualty/drop:<injured> <part:killed|not-injured>",
  "target/drop:<river> <place>",
  "target/drop:<capital> as government",
  "target/drop:<venue> <place>",
] as const;
export type DropRuleId = (typeof DROP_RULE_IDS)[number];
/** Date rules are named by the date grammar (src/extract/dates) after the kind of expression read. */
export type DateRuleId = `date/${string}`;
export type RuleId = StaticRuleId | DateRuleId;
export type CountRuleId = Extract<StaticRuleId, `count/${string}`>;
export type CasualtyRuleId = Extract<StaticRuleId, `casualty/${string}`>;

/** The id of whatever a provenance names: a rule or a refiner. */
export type ProvenanceId = RuleId | RefinerId;

export const ALL_IDS: readonly string[] = [...RULE_IDS, ...REFINER_IDS];

export function isKnownId(id: string): boolean {
  return ALL_IDS.includes(id) || /^date\//.test(id);
}
