// Shapes of the public HTTP API (docs/contract.md, docs/reference/api.md). The dashboard reads only
// these; every field the server might omit is optional so a thin database never breaks a page.

export type Side = "UA" | "RU";
export type Claimant = "UA" | "RU" | "third" | "media";

export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

export interface Totals {
  launched: number | null;
  intercepted: number | null;
  suppressed: number | null;
  hit: number | null;
}

export interface WeaponTotals {
  weapon: string;
  launched: number | null;
  intercepted: number | null;
  suppressed: number | null;
}

export type RecordStatus = "confirmed" | "refuted" | "unverifiable";

export interface RecordClaimSummary {
  id: number;
  metric: string;
  scope: string;
  claimant: string;
  document_id: number;
  status: RecordStatus;
}

export interface AttackSummary {
  id: string;
  date: string;
  attacker: Side;
  target: Side;
  night: boolean;
  documents: number;
  claimants: string[];
  orgs?: string[];
  totals: Totals;
  by_weapon: WeaponTotals[];
  regions: string[];
  record_claims: RecordClaimSummary[];
  conflict: boolean;
}

export interface DocumentRef {
  id: number;
  publisher: string | null;
  url: string | null;
  channel?: string | null;
  post_id?: string | null;
  published: string | null;
  title: string | null;
  kind?: string;
  lang?: string;
}

export interface SpanText {
  start: number;
  end: number;
  text: string;
}

export interface EvidenceText extends SpanText {
  role: string;
}

export interface Claim {
  id: number;
  side: Side | null;
  claimant: string;
  orgs: string[];
  credited_to?: string | null;
  restated?: boolean;
  superseded?: boolean;
  n: number;
  qualifier: string;
  document: DocumentRef;
  sentence: SpanText;
  evidence: EvidenceText[];
  rule: string;
}

export interface ChosenValue {
  n: number;
  qualifier: string;
  claim_id: number;
  side: Side | null;
  org: string | null;
}

export interface Figure {
  weapon: string;
  model: string | null;
  outcome: string;
  region: string | null;
  chosen: ChosenValue | null;
  by_side?: Partial<Record<Side, ChosenValue>>;
  conflict: boolean;
  claims: Claim[];
}

export interface CasualtyFigure {
  kind: string;
  region: string | null;
  chosen: ChosenValue | null;
  by_side?: Partial<Record<Side, ChosenValue>>;
  conflict: boolean;
  claims: Claim[];
}

export interface AttackRef {
  id: string;
  date: string;
  n: number;
}

export interface RecordCheck {
  claim_id: number;
  metric: string;
  scope: string;
  claimant: string;
  document: DocumentRef;
  sentence: SpanText | null;
  evidence: EvidenceText[];
  status: RecordStatus;
  value: number | null;
  largest_earlier: AttackRef | null;
  reason: string;
}

export interface AttackDetail extends AttackSummary {
  figures: Figure[];
  casualties: CasualtyFigure[];
  record_checks: RecordCheck[];
  document_refs: DocumentRef[];
}

export interface RecordHolder {
  id: string;
  date: string;
  attacker: Side;
  target: Side;
  n: number;
  basis: string;
}

export interface RecordEntry {
  metric: string;
  record: RecordHolder | null;
  previous: RecordHolder | null;
}

export interface RecordsResult {
  as_of: string | null;
  attacker: Side;
  target: Side;
  claimant: string;
  records: Record<string, RecordEntry>;
}

export interface TimelineRow {
  period: string;
  attacker: Side;
  target: Side;
  claimant: string;
  weapon: string;
  launched: number | null;
  intercepted: number | null;
  suppressed: number | null;
}

export interface RegionRow {
  region: string;
  attacks: number;
  launched: number | null;
  intercepted: number | null;
  hit: number | null;
  casualties: number | null;
}

export interface GazetteerRegion {
  iso: string;
  country?: string;
  kind?: string;
  names?: Record<string, string>;
  name?: string;
  /** [longitude, latitude], a point inside the region */
  centroid?: [number, number];
  capital?: string | null;
}

/** The evidence-bearing parts of an extraction that the Read page highlights. */
export interface ProvenanceJson {
  rule: string;
  sentence: { start: number; end: number };
  evidence: { role: string; start: number; end: number; text: string }[];
}

export interface ExtractedCount {
  weapon: string;
  model: string | null;
  outcome: string;
  n: number;
  qualifier: string;
  region: string | null;
  provenance: ProvenanceJson;
}

export interface ExtractedReport {
  claimant: string;
  claimant_orgs: string[];
  attacker: string;
  target: string;
  date: string | null;
  night: boolean;
  counts: ExtractedCount[];
  targets: string[];
  casualties: { kind: string; n: number; qualifier: string; region: string | null; provenance: ProvenanceJson }[];
  launch_areas: string[];
  record_claims: { metric: string; scope: string; provenance: ProvenanceJson }[];
  places: { name: string; region: string; role: string; provenance: ProvenanceJson }[];
  target_facts?: { region: string; provenance: ProvenanceJson }[];
  launch_area_facts?: { region: string; provenance: ProvenanceJson }[];
  org_facts?: { org: string; provenance: ProvenanceJson }[];
  date_evidence?: ProvenanceJson | null;
}

export interface ExtractionJson {
  lang: string;
  kind: string;
  text: string;
  title: string | null;
  /** The publication time the text itself states. */
  published: string | null;
  /** What came with the text: the page's metadata or the caller's options. */
  source?: { publisher: string | null; url: string | null; published: string | null; channel: string | null };
  reports: ExtractedReport[];
  warnings: string[];
}

export interface StoredFact {
  id: number;
  provenance: ProvenanceJson | null;
}

export interface StoredReport {
  id: number;
  attack_id: string | null;
  claimant: string;
  claimant_orgs: string[];
  attacker: string;
  target: string;
  date: string | null;
  night: boolean;
  counts: (StoredFact & { weapon: string; model: string | null; outcome: string; n: number; qualifier: string; region: string | null })[];
  casualties: (StoredFact & { kind: string; n: number; qualifier: string; region: string | null })[];
  targets: (StoredFact & { region: string })[];
  launch_areas: (StoredFact & { region: string })[];
  record_claims: (StoredFact & { metric: string; scope: string })[];
  places: (StoredFact & { name: string; region: string; role: string })[];
}

export interface DocumentDetail extends DocumentRef {
  text: string;
  sha256?: string;
  current?: boolean;
  source_ref?: { file: string; line: number; row: string } | null;
  reports: StoredReport[];
}

export interface ApiErrorBody {
  error: { code: string; message: string };
}
