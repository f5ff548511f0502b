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
  /** Each side's account window by window, and the day's total (the attacked side first). */
  sides?: SideAccount[];
}

export interface PeriodPoint {
  time: string;
  date: string | null;
  zone: string | null;
}

/** A reporting window: the period as stated and in words. */
export interface ReportWindow {
  key: string;
  label: string;
  named: "night" | "day" | "evening" | "24h" | null;
  start: PeriodPoint | null;
  end: PeriodPoint | null;
  from: number | null;
  to: number | null;
}

export interface WindowValue {
  window: ReportWindow;
  n: number;
  qualifier: string;
  claim_id: number;
  stands_for: number[];
  document_ids: number[];
}

export interface SideAccount {
  side: Side;
  attacked: boolean;
  orgs: string[];
  windows: Array<{
    window: ReportWindow;
    launched: number | null;
    intercepted: number | null;
    suppressed: number | null;
    figures: Array<{ weapon: string; model: string | null; outcome: string; region: string | null; n: number; qualifier: string; claim_id: number }>;
  }>;
  day: { launched: number | null; intercepted: number | null; suppressed: number | null };
  basis: "window" | "sum";
}

/** An imported dataset row, readable. */
export interface DatasetRow {
  file: string;
  line: number;
  time_start: string;
  time_end: string;
  model: string;
  launched: number | null;
  destroyed: number | null;
  not_reach_goal: number | null;
  source: string;
  source_url: string | null;
  figure: "row" | "split" | "combined";
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
  window?: ReportWindow;
  period_evidence?: EvidenceText[];
  contained_by?: number | null;
  dataset_row?: DatasetRow | null;
}

export interface ChosenValue {
  n: number;
  qualifier: string;
  claim_id: number;
  side: Side | null;
  org: string | null;
  basis?: "window" | "sum";
  windows?: WindowValue[];
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
  /** What the records measure: launched (RU → UA, Ukraine's figures) or intercepted (UA → RU, Russia's). */
  outcome?: "launched" | "intercepted";
  metric_label?: string;
  records: Record<string, RecordEntry>;
}

/** An attack that set a record when it happened (computed by the server over the whole history). */
export interface RecordMark {
  id: string;
  date: string;
  n: number;
  previous: { id: string; date: string; n: number };
}

export interface RecordMarks {
  attacker: Side;
  target: Side;
  metric: string;
  claimant: string;
  outcome: "launched" | "intercepted";
  metric_label: string;
  items: RecordMark[];
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
  /** The reporting window the text states (clock times and/or a named period), with its cue. */
  period?: PeriodJson | null;
}

export interface PeriodPointJson {
  time: string;
  date: string | null;
  zone: string | null;
}

export interface PeriodJson {
  start: PeriodPointJson | null;
  end: PeriodPointJson | null;
  named: "night" | "day" | "evening" | "24h" | null;
  provenance: ProvenanceJson;
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
