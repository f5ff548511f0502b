// The store's public interface: what the CLI and the HTTP server call. Plain JSON-able values only.
import type {
  CasualtyKind,
  Claimant,
  DocKind,
  Extraction,
  Lang,
  Org,
  Outcome,
  PlaceRole,
  Qualifier,
  RecordMetric,
  RecordScope,
  RegionCode,
  Side,
  Weapon,
  Evidence,
  Period,
  Span,
} from "../model/index.js";
import type { SideAccount } from "../reconcile/attack.js";
import type { WindowValue } from "../reconcile/rules.js";
import type { Window } from "../reconcile/windows.js";

export type { SideAccount, SideWindow, WindowFigure, WindowTotals } from "../reconcile/attack.js";
export type { WindowValue } from "../reconcile/rules.js";
export type { Window } from "../reconcile/windows.js";

export type Dialect = "sqlite" | "postgres";

/** Filters shared by attacks, timeline, regions and export. Dates are inclusive `YYYY-MM-DD`. */
export interface AttackFilter {
  from?: string;
  to?: string;
  attacker?: Side;
  target?: Side;
  /** An attack matches when it has a figure of this class or one of its subclasses. */
  weapon?: Weapon;
  /** An attack matches when it names this region as a target or in a figure. */
  region?: RegionCode;
}

/** `size`: the launched total, or the intercepted total where no launch figure is stated (Moscow's usual account). */
export type AttackSort = "date" | "-date" | "launched" | "-launched" | "size" | "-size";

export interface AttackPage {
  limit: number;
  offset: number;
  sort: AttackSort;
  /** Continue after the last attack of an earlier page (a stable cursor; offset is then ignored). */
  cursor?: { key: string | number; id: string } | undefined;
}

export interface Page<T> {
  total: number;
  items: T[];
}

export interface Totals {
  launched: number | null;
  intercepted: number | null;
  suppressed: number | null;
  hit: number | null;
}

export interface WeaponTotals {
  /** Top-level class: `drone`, `missile`, `bomb`, `rocket` (and `any` when only a total is known). */
  weapon: Weapon;
  launched: number | null;
  intercepted: number | null;
  suppressed: number | null;
}

export type RecordStatus = "confirmed" | "refuted" | "unverifiable";

/** A record claim made by a document about this attack, with the verdict against stored history. */
export interface RecordClaimSummary {
  id: number;
  metric: RecordMetric;
  scope: RecordScope;
  claimant: Claimant;
  document_id: number;
  status: RecordStatus;
}

export interface AttackSummary {
  /** `<date>.<attacker>-<target>`, e.g. `2025-07-04.RU-UA`. */
  id: string;
  date: string;
  attacker: Side;
  target: Side;
  night: boolean;
  /** Number of current documents with a report about this attack. */
  documents: number;
  claimants: Claimant[];
  orgs: Org[];
  /** Chosen values of the attacked side's account (see docs/reconciliation.md). */
  totals: Totals;
  by_weapon: WeaponTotals[];
  regions: RegionCode[];
  record_claims: RecordClaimSummary[];
  /** True when sources of the same side disagree about the same window on any figure of this attack. */
  conflict: boolean;
  /**
   * Each side's own account (the attacked side first): the figures of each reporting window and the day's
   * total, a sum when the day is made of several windows (docs/reconciliation.md).
   */
  sides: SideAccount[];
}

export interface DocumentRef {
  id: number;
  publisher: string | null;
  url: string | null;
  channel: string | null;
  post_id: string | null;
  published: string | null;
  title: string | null;
  kind: DocKind;
  lang: Lang;
}

export interface SentenceRef extends Span {
  text: string;
}

/** An imported dataset row as what it is (its own columns), instead of the raw CSV line. */
export interface DatasetRow {
  file: string;
  line: number;
  /** The row's window as the dataset gives it: `2025-07-03 18:00` → `2025-07-04 06:00` (Kyiv time), or dates only. */
  time_start: string;
  time_end: string;
  /** The model cell as written ("X-101/X-555 and Kalibr"). */
  model: string;
  launched: number | null;
  destroyed: number | null;
  not_reach_goal: number | null;
  /** The post the row was taken from, as the dataset names it, and as a link when it is one. */
  source: string;
  source_url: string | null;
  /**
   * How this claim's figure relates to the row: `row` (the row's own figure), `split` (one model's share,
   * from the row's launched_details column), `combined` (one figure for several models the dataset does
   * not split).
   */
  figure: "row" | "split" | "combined";
}

/** One claimed value of a figure, by one body in one document. */
export interface FigureClaim {
  id: number;
  /** The side whose account this is (the claimant's side, or the side of the body a medium quotes); null for media's own or third-party statements. */
  side: Side | null;
  claimant: Claimant;
  orgs: Org[];
  /** The body the claim is credited to when choosing (the quoted body for a restatement). */
  credited_to: Org | null;
  /** A news document restating a body's figure. */
  restated: boolean;
  /** Replaced by a later statement of the same source. */
  superseded: boolean;
  n: number;
  qualifier: Qualifier;
  document: DocumentRef;
  sentence: SentenceRef;
  evidence: Evidence[];
  rule: string;
  /** The reporting window of the claim's report ("period not stated" when its text gives none). */
  window: Window;
  /** The period's cue in the document (evidence role `period`); empty when no period is stated. */
  period_evidence: Evidence[];
  /** A claim of the same body whose window contains this one's and stands for it. */
  contained_by: number | null;
  /** For a claim imported from the dataset: the row, readable. */
  dataset_row: DatasetRow | null;
}

export interface ChosenValue {
  /** The day's figure of the chosen body: one window's value, or its separate windows summed. */
  n: number;
  qualifier: Qualifier;
  claim_id: number;
  side: Side | null;
  org: Org | null;
  /** `window`: one window stands for the day; `sum`: the body's separate windows summed. */
  basis: "window" | "sum";
  windows: WindowValue[];
}

export interface Figure {
  weapon: Weapon;
  model: string | null;
  outcome: Outcome;
  region: RegionCode | null;
  /** The attacked side's chosen value (falls back to others only when it has none). */
  chosen: ChosenValue | null;
  /** Each side's own chosen value, never mixed: `{ UA: …, RU: … }`. */
  by_side: Partial<Record<Side, ChosenValue>>;
  conflict: boolean;
  claims: FigureClaim[];
}

export interface CasualtyFigure {
  kind: CasualtyKind;
  region: RegionCode | null;
  chosen: ChosenValue | null;
  by_side: Partial<Record<Side, ChosenValue>>;
  conflict: boolean;
  claims: FigureClaim[];
}

export interface AttackRef {
  id: string;
  date: string;
  n: number;
}

export interface RecordCheck {
  claim_id: number;
  metric: RecordMetric;
  scope: RecordScope;
  claimant: Claimant;
  document: DocumentRef;
  sentence: SentenceRef | null;
  evidence: Evidence[];
  status: RecordStatus;
  /** This attack's figure for the metric (chosen, attacked side). */
  value: number | null;
  /** The largest earlier attack in scope (the one that refutes the claim when larger or equal). */
  largest_earlier: AttackRef | null;
  reason: string;
}

export interface AttackDetail extends AttackSummary {
  figures: Figure[];
  casualties: CasualtyFigure[];
  record_checks: RecordCheck[];
  /** The current documents with a report about this attack. */
  document_refs: DocumentRef[];
}

export interface RecordHolder {
  id: string;
  date: string;
  attacker: Side;
  target: Side;
  n: number;
  /** `any`: an all-weapons figure; `sum`: drones + missiles summed by class. */
  basis: "any" | "sum" | "class";
}

export interface RecordEntry {
  metric: RecordMetric;
  record: RecordHolder | null;
  previous: RecordHolder | null;
}

export interface RecordsOptions {
  /** Default RU → UA with UA claims. */
  attacker?: Side;
  target?: Side;
  /** Count every side's claims, not only the attacked side's. */
  allClaimants?: boolean;
}

export interface RecordsResult {
  as_of: string | null;
  attacker: Side;
  target: Side;
  claimant: Side | "all";
  /** What the records measure: what the attacked side states for this direction (docs/reconciliation.md). */
  outcome: "launched" | "intercepted";
  /** The metric in words, e.g. "intercepted, as Russia states it (its defence ministry first)". */
  metric_label: string;
  records: Record<RecordMetric, RecordEntry>;
}

/** An attack that set a record as of its own date: larger than every earlier attack of its direction. */
export interface RecordMark {
  id: string;
  date: string;
  n: number;
  /** The record it beat (the largest attack before it). */
  previous: { id: string; date: string; n: number };
}

export interface RecordMarks {
  attacker: Side;
  target: Side;
  metric: RecordMetric;
  claimant: Side | "all";
  outcome: "launched" | "intercepted";
  metric_label: string;
  /** In date order; computed over the whole stored history, whatever range a caller shows. */
  items: RecordMark[];
}

export interface TimelineRow {
  /** `YYYY-MM-DD` (day) or the Monday of the ISO week (week). */
  period: string;
  attacker: Side;
  target: Side;
  claimant: Side;
  weapon: Weapon;
  launched: number | null;
  intercepted: number | null;
  suppressed: number | null;
}

export interface RegionRow {
  region: RegionCode;
  attacks: number;
  launched: number;
  intercepted: number;
  hit: number;
  casualties: number;
}

export interface DocumentFilter {
  lang?: Lang;
  kind?: DocKind;
}

export interface DocumentPage {
  limit: number;
  offset: number;
}

export interface DocumentSummary extends DocumentRef {
  sha256: string;
  updated: string | null;
  fetched: string;
  /** False for versions superseded by a revision. */
  current: boolean;
  revision_of: number | null;
  report_count: number;
  fact_count: number;
}

export interface StoredFact {
  id: number;
  provenance: { rule: string; sentence: Span; evidence: Evidence[] } | null;
}

export interface StoredReport {
  id: number;
  attack_id: string | null;
  claimant: Claimant;
  claimant_orgs: Org[];
  attacker: Side;
  target: Side;
  date: string | null;
  night: boolean;
  /** The reporting window the text states, with its cue; null when none. */
  period: Period | null;
  counts: Array<StoredFact & { weapon: Weapon; model: string | null; outcome: Outcome; n: number; qualifier: Qualifier; region: RegionCode | null }>;
  casualties: Array<StoredFact & { kind: CasualtyKind; n: number; qualifier: Qualifier; region: RegionCode | null }>;
  targets: Array<StoredFact & { region: RegionCode }>;
  launch_areas: Array<StoredFact & { region: RegionCode }>;
  record_claims: Array<StoredFact & { metric: RecordMetric; scope: RecordScope }>;
  places: Array<StoredFact & { name: string; region: RegionCode; role: PlaceRole }>;
}

export interface DocumentDetail extends DocumentSummary {
  text: string;
  /** Provenance of an imported dataset row: file, line and the raw row. */
  source_ref: SourceRef | null;
  reports: StoredReport[];
}

export interface SourceRef {
  file: string;
  line: number;
  row: string;
  /** The row's cells by column name (imports since the dataset rows became readable evidence). */
  fields?: Record<string, string>;
}

/** What is known about a document from outside its text. */
export interface IngestMeta {
  url?: string | null;
  channel?: string | null;
  post_id?: string | null;
  publisher?: string | null;
  lang?: Lang | null;
  kind?: DocKind | null;
  published?: string | null;
  updated?: string | null;
  title?: string | null;
  source_ref?: SourceRef | null;
  /** A stable identity when there is neither URL nor channel post (a file path, a gold id): a changed text under it is a revision. */
  key?: string | null;
}

export type IngestStatus = "new" | "unchanged" | "revised" | "failed";

export interface IngestResult {
  status: IngestStatus;
  documentId: number | null;
  /** Facts stored for this document (0 when unchanged or failed). */
  facts: number;
  reason?: string;
}

/**
 * One row per attack and figure with the day's chosen value, and, when that value is a sum of separate
 * windows, one row per window before it; see docs/export.md.
 */
export interface ExportRow {
  /** `day`: the figure's value for the day; `window`: one window of a day made of several. */
  row: "day" | "window";
  /** The window in words ("overnight", "08:00–11:00 MSK"); for a day row of several windows, "day (sum of 2 windows)". */
  window: string;
  /** Its stated start and end, `YYYY-MM-DD HH:MM` or `HH:MM` with the zone when stated; empty when not stated. */
  window_start: string | null;
  window_end: string | null;
  /** For day rows: `window` (one window stands for the day) or `sum`. */
  basis: "window" | "sum" | null;
  attack_id: string;
  date: string;
  attacker: Side;
  target: Side;
  night: boolean;
  weapon: Weapon;
  model: string | null;
  outcome: Outcome;
  region: RegionCode | null;
  n: number | null;
  qualifier: Qualifier | null;
  chosen_side: Side | null;
  chosen_org: Org | null;
  claims: number;
  conflict: boolean;
  document_ids: number[];
}

/** A document to store with its extraction (a batch of them is one transaction). */
export interface BatchItem {
  x: Extraction;
  meta: IngestMeta;
  /** Claims of one group sharing a key are summed (rows of one dataset: separate time windows). */
  additiveGroup?: string | null;
}

export interface Store {
  readonly dialect: Dialect;
  /** Whether reads come from the read models (JSON written at write time) or are recomputed from the claims. */
  readonly readModels: boolean;
  close(): Promise<void>;
  listAttacks(filter: AttackFilter, page: AttackPage): Promise<Page<AttackSummary>>;
  /** An attack id, or a date (`YYYY-MM-DD`): the attack of that day between `attackerTarget` (default RU → UA). */
  getAttack(idOrDate: string, attackerTarget?: { attacker: Side; target: Side }): Promise<AttackDetail | null>;
  /** Ids of all attacks on a date (for a date that matches several). */
  attacksOn(date: string): Promise<string[]>;
  records(asOf?: string, options?: RecordsOptions): Promise<RecordsResult>;
  /** Every attack that set a record for one metric when it happened, over the whole history. */
  recordMarks(metric: RecordMetric, options?: RecordsOptions): Promise<RecordMarks>;
  timeline(filter: AttackFilter, bucket: "day" | "week" | "month"): Promise<TimelineRow[]>;
  regionsAggregate(filter: AttackFilter): Promise<RegionRow[]>;
  listDocuments(page: DocumentPage, filter?: DocumentFilter): Promise<Page<DocumentSummary>>;
  getDocument(id: number): Promise<DocumentDetail | null>;
  /** Extracts the text and stores the document with its facts in one transaction. */
  ingestText(text: string, meta: IngestMeta): Promise<IngestResult>;
  /** Stores an extraction made elsewhere (the dataset import, tests) in one transaction. */
  saveExtraction(x: Extraction, meta: IngestMeta): Promise<IngestResult>;
  /** Several documents in one transaction; each attack they touch is recomputed once, at the end. */
  saveBatch(items: BatchItem[]): Promise<IngestResult[]>;
  exportRows(filter: AttackFilter): Promise<ExportRow[]>;
  /** A page of attack summaries as JSON strings (as the API sends each), with the cursor of the next page. */
  attackPageJson(filter: AttackFilter, page: AttackPage): Promise<{ total: number; items: string[]; next: string | null }>;
  /** One attack's detail as a JSON string (as the API sends it); null when unknown. */
  attackJson(idOrDate: string, attackerTarget?: { attacker: Side; target: Side }): Promise<string | null>;
  /**
   * Timeline rows as JSON strings (as the API sends each) when the stored totals answer the query as they are
   * (no weapon or region filter; days, or whole weeks without a date range); null otherwise.
   */
  timelineJson(filter: AttackFilter, bucket: "day" | "week"): Promise<string[] | null>;
  /** The store's version: bumped by every write transaction, whichever process made it (the ETag of reads). */
  version(): Promise<number>;
  /** Documents stored (a counter kept by writes, not a scan). */
  documentCount(): Promise<number>;
}
