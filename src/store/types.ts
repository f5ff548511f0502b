// The store's public interface: what the CLI and the HTTP server call. Plain JSON-able values only.
// The result shapes are not written here: they are derived from their JSON Schemas in ./shapes.ts, which the
// server also serves (OpenAPI) and the dashboard reads, so the three cannot drift apart.
import type { FromSchema } from "../model/json-schema.js";
import type { DocKind, Extraction, Lang, Org, Outcome, Qualifier, RecordMetric, RegionCode, Side, Weapon } from "../model/index.js";
import type * as shapes from "./shapes.js";

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

/** A reporting window (src/reconcile/windows.ts builds it). */
export type Window = FromSchema<typeof shapes.windowRef>;
/** One window's value of a chosen figure (src/reconcile/rules.ts builds it). */
export type WindowValue = FromSchema<typeof shapes.windowValue>;
export type WindowTotals = FromSchema<typeof shapes.windowTotals>;
export type WindowFigure = FromSchema<typeof shapes.windowFigure>;
export type SideWindow = FromSchema<typeof shapes.sideWindow>;
/** One side's own account (src/reconcile/attack.ts builds it). */
export type SideAccount = FromSchema<typeof shapes.sideAccount>;

export type Totals = FromSchema<typeof shapes.totals>;
/** Top-level class: `drone`, `missile`, `bomb`, `rocket` (and `any` when only a total is known). */
export type WeaponTotals = FromSchema<typeof shapes.weaponTotals>;
export type RecordStatus = RecordClaimSummary["status"];
/** A record claim made by a document about this attack, with the verdict against stored history. */
export type RecordClaimSummary = FromSchema<typeof shapes.recordClaimSummary>;
/**
 * One attack: `id` is `<date>.<attacker>-<target>`; `totals` are the chosen values of the attacked side's
 * account; `sides` each side's own account, the attacked side first (docs/reconciliation.md).
 */
export type AttackSummary = FromSchema<typeof shapes.attackSummary>;
export type DocumentRef = FromSchema<typeof shapes.documentRef>;
export type SentenceRef = FromSchema<typeof shapes.sentenceRef>;
/** An imported dataset row as what it is (its own columns), instead of the raw CSV line. */
export type DatasetRow = FromSchema<typeof shapes.datasetRow>;
/** One claimed value of a figure, by one body in one document. */
export type FigureClaim = FromSchema<typeof shapes.figureClaim>;
/** The day's figure of the chosen body: one window's value, or its separate windows summed (`basis`). */
export type ChosenValue = FromSchema<typeof shapes.chosenValue>;
export type Figure = FromSchema<typeof shapes.figure>;
export type CasualtyFigure = FromSchema<typeof shapes.casualtyFigure>;
export type AttackRef = FromSchema<typeof shapes.attackRef>;
export type RecordCheck = FromSchema<typeof shapes.recordCheck>;
export type AttackDetail = FromSchema<typeof shapes.attackDetail>;
/** `basis` `any`: an all-weapons figure; `sum`: drones + missiles summed by class. */
export type RecordHolder = FromSchema<typeof shapes.recordHolder>;
export type RecordEntry = FromSchema<typeof shapes.recordEntry>;
/** The largest attacks as of a date, measured by what the attacked side states (docs/reconciliation.md). */
export type RecordsResult = FromSchema<typeof shapes.recordsResult>;
/** An attack that set a record as of its own date: larger than every earlier attack of its direction. */
export type RecordMark = FromSchema<typeof shapes.recordMark>;
/** Record marks in date order, computed over the whole stored history, whatever range a caller shows. */
export type RecordMarks = FromSchema<typeof shapes.recordMarks>;
/** `period`: `YYYY-MM-DD` (day) or the Monday of the ISO week (week). */
export type TimelineRow = FromSchema<typeof shapes.timelineRow>;
export type RegionRow = FromSchema<typeof shapes.regionRow>;
export type DocumentSummary = FromSchema<typeof shapes.documentSummary>;
export type StoredReport = FromSchema<typeof shapes.storedReport>;
/** What every stored fact of a report carries: its id and where it comes from (null when saved without). */
export type StoredFact = Pick<StoredReport["counts"][number], "id" | "provenance">;
export type DocumentDetail = FromSchema<typeof shapes.documentDetail>;
/** Provenance of an imported dataset row: file, line and the raw row, and its cells by column name. */
export type SourceRef = FromSchema<typeof shapes.sourceRef>;
export type IngestStatus = IngestResult["status"];
/** `facts`: stored for this document (0 when unchanged or failed). */
export type IngestResult = FromSchema<typeof shapes.ingestResult>;

export interface RecordsOptions {
  /** Default RU → UA with UA claims. */
  attacker?: Side;
  target?: Side;
  /** Count every side's claims, not only the attacked side's. */
  allClaimants?: boolean;
}

export interface DocumentFilter {
  lang?: Lang;
  kind?: DocKind;
}

export interface DocumentPage {
  limit: number;
  offset: number;
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

/**
 * A page of attacks as the API sends it, `{"total","limit","offset","items":[…]}` in UTF-8, the summaries as
 * the read models hold them (neither parsed nor serialized again on the way out), and the next page's cursor
 * (null on the last page). Bytes as a Uint8Array (a Node Buffer on the server): these types are the
 * dashboard's too, which has no Node types.
 */
export interface AttackPageJson {
  json: Uint8Array;
  next: string | null;
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
  /**
   * Several documents in one transaction, written in bulk (a few reused statements, or a few statements of
   * many rows each, for the whole batch); same rows, ids and results as `saveBatch`.
   */
  importBatch(items: BatchItem[]): Promise<IngestResult[]>;
  /** Ids of stored documents by the sha256 of their (normalized) text, in one query for all the hashes given. */
  documentsByHash(hashes: string[]): Promise<Map<string, number>>;
  exportRows(filter: AttackFilter): Promise<ExportRow[]>;
  /** A page of attacks as the API sends it, with the cursor of the next page. */
  attackPageJson(filter: AttackFilter, page: AttackPage): Promise<AttackPageJson>;
  /** One attack's detail as the API sends it (UTF-8 JSON); null when unknown. */
  attackJson(idOrDate: string, attackerTarget?: { attacker: Side; target: Side }): Promise<Uint8Array | null>;
  /**
   * The timeline as the API sends it (`{"total","limit","offset","items":[…]}`, UTF-8) when the stored totals
   * answer the query as they are (no weapon or region filter; days, or whole weeks without a date range);
   * null otherwise.
   */
  timelineJson(filter: AttackFilter, bucket: "day" | "week"): Promise<Uint8Array | null>;
  /** The store's version: bumped by every write transaction, whichever process made it (the ETag of reads). */
  version(): Promise<number>;
  /** Documents stored (a counter kept by writes, not a scan). */
  documentCount(): Promise<number>;
}
