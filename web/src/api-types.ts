// Shapes of the public HTTP API (docs/contract.md, docs/reference/api.md). Not written here: the server's
// result types are derived from the JSON Schemas it serves (src/store/shapes.ts, through src/store/types.ts),
// and POST /api/extract answers the extractor's own `Extraction` (src/model). Type-only imports: nothing of
// the server is bundled. test/types/api-shapes.test.ts fails if these stop being the server's types.

import type { FigureClaim, SentenceRef, StoredReport } from "../../src/store/types.js";
import type { Count, Evidence, Extraction, Period, PeriodPoint, Provenance, Report } from "../../src/model/index.js";

export type { Claimant, Side } from "../../src/model/index.js";
export type {
  AttackDetail,
  AttackRef,
  AttackSummary,
  CasualtyFigure,
  ChosenValue,
  DatasetRow,
  DocumentDetail,
  DocumentRef,
  DocumentSummary,
  Figure,
  RecordCheck,
  RecordClaimSummary,
  RecordEntry,
  RecordHolder,
  RecordMark,
  RecordMarks,
  RecordStatus,
  RecordsResult,
  RegionRow,
  SideAccount,
  StoredReport,
  TimelineRow,
  Totals,
  WeaponTotals,
  WindowValue,
  Window as ReportWindow,
} from "../../src/store/types.js";

/** A page of a list route: the store's page with the paging the request asked for. */
export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

/** One claimed value of a figure, by one body in one document. */
export type Claim = FigureClaim;
export type SpanText = SentenceRef;
export type EvidenceText = Evidence;
export type { PeriodPoint };

/** A stored fact of a document's report (its provenance is null for facts saved without one). */
export type StoredFact = StoredReport["counts"][number];

/** What POST /api/extract answers with format=json: the extraction exactly as `salvo extract` prints it. */
export type ExtractionJson = Extraction;
export type ExtractedReport = Report;
export type ExtractedCount = Count;
export type ProvenanceJson = Provenance;
export type PeriodJson = Period;
export type PeriodPointJson = PeriodPoint;

/** A region of the gazetteer (GET /api/gazetteer/regions; its schema lives with the route). */
export interface GazetteerRegion {
  iso: string;
  country: string;
  kind: string;
  names: { en: string; uk: string; ru: string; fr: string };
  capital: string | null;
  /** [longitude, latitude], a point inside the region */
  centroid: [number, number];
  aliases?: string[];
}

export interface ApiErrorBody {
  error: { code: string; message: string };
}

