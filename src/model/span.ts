/** A half-open range [start, end) of UTF-16 code units in a document's normalized text. */
export interface Span {
  start: number;
  end: number;
}

export const EVIDENCE_ROLES = [
  "number",
  "weapon",
  "model",
  "outcome",
  "qualifier",
  "region",
  "attribution",
  "date",
  "casualty",
  "record",
  "launch",
  "place",
  "period",
] as const;
export type EvidenceRole = (typeof EVIDENCE_ROLES)[number];

/** One piece of text that supports a fact, with what it says. */
export interface Evidence extends Span {
  role: EvidenceRole;
  text: string;
  /**
   * Set when the words lie outside the fact's own phrase: the id of the rule or refiner that took
   * them from there ("count/model-of-the-attack" for a model named elsewhere in the report,
   * "count/<part-of> <number>" for the weapons of the figure a part belongs to). Absent for the
   * fact's own words.
   */
  by?: string;
}

/** Where a fact comes from: the sentence, the words inside it, and the rule that joined them. */
export interface Provenance {
  rule: string;
  sentence: Span;
  evidence: Evidence[];
}
