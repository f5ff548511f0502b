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
}

/** Where a fact comes from: the sentence, the words inside it, and the rule that joined them. */
export interface Provenance {
  rule: string;
  sentence: Span;
  evidence: Evidence[];
}
