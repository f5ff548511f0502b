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
] as const;
export type EvidenceRole = (typeof EVIDENCE_ROLES)[number];

/** One piece of text that supports a fact, with what it says. */
export interface Evidence extends Span {
  role: EvidenceRole;
  text: string;
  /**
   * Set when a refiner (src/extract/refine) gave the fact this part from outside the fact's own
   * phrase: the id of that refiner ("count/model-of-the-attack"). Absent for the rule's own words.
   */
  refiner?: string;
}

/** Where a fact comes from: the sentence, the words inside it, and the rule that joined them. */
export interface Provenance {
  rule: string;
  sentence: Span;
  evidence: Evidence[];
}
