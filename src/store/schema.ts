// Row shapes of the tables, as Kysely sees them. JSON columns are text on both dialects (portable).
import type { Generated } from "kysely";

export interface DocumentsTable {
  id: Generated<number>;
  sha256: string;
  /** url, or `channel/post_id`, or `dataset:file#key`: what makes a later version a revision. */
  identity: string | null;
  url: string | null;
  channel: string | null;
  post_id: string | null;
  publisher: string | null;
  lang: string;
  kind: string;
  published: string | null;
  updated: string | null;
  fetched: string;
  title: string | null;
  text: string;
  source_ref: string | null;
  revision_of: number | null;
  /** 1 = the current version; 0 = superseded by a revision. */
  current: number;
}

export interface ReportsTable {
  id: Generated<number>;
  document_id: number;
  ordinal: number;
  claimant: string;
  claimant_orgs: string;
  attacker: string;
  target: string;
  date: string | null;
  night: number;
  attack_id: string | null;
  org_evidence: string;
  date_evidence: string | null;
  /** Claims of one group sharing a key are summed (rows of one dataset: separate time windows). */
  additive_group: string | null;
  /** The report's period as JSON (src/model/extraction.ts `Period`), null when its text states none. */
  period: string | null;
}

interface FactColumns {
  id: Generated<number>;
  report_id: number;
  document_id: number;
  rule: string | null;
  sentence_start: number | null;
  sentence_end: number | null;
  evidence: string | null;
}

export interface CountsTable extends FactColumns {
  weapon: string;
  model: string | null;
  outcome: string;
  n: number;
  qualifier: string;
  region: string | null;
}
export interface CasualtiesTable extends FactColumns {
  kind: string;
  n: number;
  qualifier: string;
  region: string | null;
}
export interface RegionFactsTable extends FactColumns {
  region: string;
}
export interface RecordClaimsTable extends FactColumns {
  metric: string;
  scope: string;
}
export interface PlacesTable extends FactColumns {
  name: string;
  region: string;
  role: string;
}

export interface AttacksTable {
  id: string;
  date: string;
  attacker: string;
  target: string;
  night: number;
  documents: number;
  claimants: string;
  orgs: string;
  regions: string;
  launched: number | null;
  intercepted: number | null;
  suppressed: number | null;
  hit: number | null;
  /** Sort key: launched, or -1 when unknown, so that ordering is total and equal on both dialects. */
  launched_sort: number;
  by_weapon: string;
  conflict: number;
  /** Record figures of the attacked side's claims only (null: none), and of all claims. */
  rec_any: number | null;
  rec_any_basis: string | null;
  rec_drone: number | null;
  rec_missile: number | null;
  all_any: number | null;
  all_any_basis: string | null;
  all_drone: number | null;
  all_missile: number | null;
  /** Each side's account window by window, JSON (src/reconcile/attack.ts `SideAccount[]`). */
  sides: string;
  /** Sort key of `size`: launched, else intercepted, else -1. */
  size_sort: Generated<number>;
  /** The weapon classes of the attack's figures, as bits (src/store/weapon-classes.ts): the list's weapon filter. */
  weapon_classes: Generated<number>;
}

export interface AttackFiguresTable {
  id: Generated<number>;
  attack_id: string;
  weapon: string;
  model: string | null;
  outcome: string;
  region: string | null;
  n: number | null;
  qualifier: string | null;
  chosen_claim_id: number | null;
  chosen_side: string | null;
  chosen_org: string | null;
  claims: number;
  conflict: number;
  document_ids: string;
  /** The chosen value's windows, JSON (src/reconcile/rules.ts `WindowValue[]`). */
  windows: string;
}

export interface AttackSideTotalsTable {
  attack_id: string;
  side: string;
  weapon: string;
  launched: number | null;
  intercepted: number | null;
  suppressed: number | null;
}

export interface AttackRegionsTable {
  attack_id: string;
  region: string;
  launched: number | null;
  intercepted: number | null;
  hit: number | null;
  casualties: number | null;
}

/** Counters kept by every write: `version` (bumped per write transaction, the ETag) and `documents`. */
export interface SalvoMetaTable {
  key: string;
  value: number;
}

/**
 * The running records of one direction: each attack that beat every earlier one in a series, in date order.
 * Series `<rec|all>:<metric>:<scope>`: scope `all` (whole history), `war` (from 2022-02-24) or a year `YYYY`.
 */
export interface RecordMarksTable {
  attacker: string;
  target: string;
  series: string;
  date: string;
  attack_id: string;
  n: number;
  basis: string;
}

/** Launched / intercepted / suppressed totals per period (`day`, `week`: its Monday, `month`: its first day). */
export interface TimelineBucketsTable {
  bucket: string;
  period: string;
  attacker: string;
  target: string;
  claimant: string;
  weapon: string;
  launched: number | null;
  intercepted: number | null;
  suppressed: number | null;
  /** `period|attacker|target|claimant|weapon`: the API's order. */
  sort_key: string;
  /** The row as the API sends it. */
  json: string;
}

/**
 * A period's timeline rows (0005): its `timeline_buckets` rows as the API sends them, in the API's order,
 * comma-separated, and how many they are. A timeline without a side filter is these texts in period order.
 */
export interface TimelinePeriodsTable {
  bucket: string;
  period: string;
  row_count: number;
  json: string;
}

/** Read models (0003): each attack's summary and detail as the API sends them, for attacks with documents. */
export interface AttackViewsTable {
  id: string;
  summary: string;
}
export interface AttackDetailsTable {
  id: string;
  detail: string;
}

/** A dataset file imported whole (src/ingest/dataset.ts): its bytes' sha256, its rows, the lines that failed (JSON). */
export interface DatasetFilesTable {
  sha256: string;
  rows: number;
  failed: string;
}

export interface Database {
  dataset_files: DatasetFilesTable;
  attack_views: AttackViewsTable;
  attack_details: AttackDetailsTable;
  salvo_meta: SalvoMetaTable;
  record_marks: RecordMarksTable;
  timeline_buckets: TimelineBucketsTable;
  timeline_periods: TimelinePeriodsTable;
  documents: DocumentsTable;
  reports: ReportsTable;
  counts: CountsTable;
  casualties: CasualtiesTable;
  targets: RegionFactsTable;
  launch_areas: RegionFactsTable;
  record_claims: RecordClaimsTable;
  places: PlacesTable;
  attacks: AttacksTable;
  attack_figures: AttackFiguresTable;
  attack_side_totals: AttackSideTotalsTable;
  attack_regions: AttackRegionsTable;
}
