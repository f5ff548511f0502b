import {
  DATE,
  REGION,
  arrayOf,
  bool,
  casualtyKind,
  claimant,
  closed,
  evidence,
  int,
  kind,
  lang,
  nint,
  nnum,
  nstr,
  nullable,
  num,
  oneOf,
  org,
  outcome,
  period,
  periodName,
  periodPoint,
  placeRole,
  provenance,
  qualifier,
  recordMetric,
  recordScope,
  side,
  spanProperties,
  str,
  weapon,
} from "../model/json-schema.js";

/**
 * The store's results as JSON Schema, written once. src/store/types.ts derives the store's TypeScript types from
 * these (FromSchema), the server registers them for its serializer and the OpenAPI document
 * (src/server/schemas/store.ts), and the dashboard derives its types from them (web/src/api-types.ts).
 *
 * Objects are closed and every field the store always writes is required, so the schema says what a response
 * holds: a field the store adds without naming it here fails the shape tests (test/types, test/server/api-shapes)
 * instead of being silently dropped by the serializer or mistyped by the dashboard.
 *
 * This module imports only src/model/json-schema.ts, so that the dashboard's build can read it.
 */

const nregion = nullable({ ...REGION });
const sum = { type: "string", enum: ["window", "sum"] } as const;
const recordStatus = oneOf(["confirmed", "refuted", "unverifiable"]);
const directionOutcome = oneOf(["launched", "intercepted"]);
const claimantOrAll = oneOf(["UA", "RU", "all"]);

/** A clock time of a window, as stated. */
export const windowPoint = periodPoint;

/** A reporting window (src/reconcile/windows.ts `Window`). */
export const windowRef = {
  ...closed({
    key: { type: "string", description: "Equal for equal windows of one attack" },
    label: { type: "string", description: "The window in words: overnight, 08:00–11:00 MSK, period not stated…" },
    named: nullable(periodName),
    start: nullable(periodPoint),
    end: nullable(periodPoint),
    from: { ...nint, description: "Minutes from the attack day's local midnight (negative: the evening before); null when not stated" },
    to: nint,
  }),
  description: "A reporting window: the period as stated, in words, and its place on the attack day's clock",
} as const;

/** One window's value of a chosen figure (src/reconcile/rules.ts `WindowValue`). */
export const windowValue = closed({
  window: windowRef,
  n: num,
  qualifier,
  claim_id: int,
  stands_for: { ...arrayOf(int), description: "Claims this window's value stands for (its own and those of windows inside it)" },
  document_ids: arrayOf(int),
});

const windowTotalsProperties = { launched: nnum, intercepted: nnum, suppressed: nnum } as const;
export const windowTotals = closed(windowTotalsProperties);

export const windowFigure = closed({ weapon, model: nstr, outcome, region: nregion, n: num, qualifier, claim_id: int });

export const sideWindow = closed({ window: windowRef, ...windowTotalsProperties, figures: arrayOf(windowFigure) });

/** One side's own account (src/reconcile/attack.ts `SideAccount`). */
export const sideAccount = {
  ...closed({
    side,
    attacked: { type: "boolean", description: "True for the attacked side" },
    orgs: arrayOf(org),
    windows: arrayOf(sideWindow),
    day: windowTotals,
    basis: { ...sum, description: "`sum`: the day's figure adds up separate windows" },
  }),
  description: "One side's own account: the figures of each reporting window, and the day's total",
} as const;

export const datasetRow = {
  ...closed({
    file: str,
    line: int,
    time_start: { type: "string", description: "The row's window start as the dataset gives it (Kyiv time), or a date only" },
    time_end: str,
    model: { type: "string", description: "The model cell as written" },
    launched: nnum,
    destroyed: nnum,
    not_reach_goal: nnum,
    source: str,
    source_url: nstr,
    figure: { ...oneOf(["row", "split", "combined"]), description: "combined: one figure for several models the dataset does not split" },
  }),
  description: "An imported dataset row, readable",
} as const;

export const totals = closed({ launched: nnum, intercepted: nnum, suppressed: nnum, hit: nnum });

export const weaponTotals = closed({
  weapon: { ...weapon, description: "Top-level class (any when only a total is known)" },
  launched: nnum,
  intercepted: nnum,
  suppressed: nnum,
});

export const recordClaimSummary = closed({ id: int, metric: recordMetric, scope: recordScope, claimant, document_id: int, status: recordStatus });

const attackSummaryProperties = {
  id: { type: "string", description: "`<date>.<attacker>-<target>`, e.g. 2025-07-04.RU-UA" },
  date: DATE,
  attacker: side,
  target: side,
  night: bool,
  documents: { type: "integer", description: "Current documents with a report about this attack" },
  claimants: arrayOf(claimant),
  orgs: arrayOf(org),
  totals,
  by_weapon: arrayOf(weaponTotals),
  regions: arrayOf(REGION),
  record_claims: arrayOf(recordClaimSummary),
  conflict: { type: "boolean", description: "Sources of the same side disagree about the same window on a figure" },
  sides: { ...arrayOf(sideAccount), description: "Each side's account window by window, the attacked side first" },
} as const;

export const attackSummary = closed(attackSummaryProperties);

const documentRefProperties = {
  id: int,
  publisher: nstr,
  url: nstr,
  channel: nstr,
  post_id: nstr,
  published: nstr,
  title: nstr,
  kind,
  lang,
} as const;
export const documentRef = closed(documentRefProperties);

export const sentenceRef = closed({ ...spanProperties, text: str });

export const chosenValue = closed({
  n: { type: "number", description: "The day's figure of the chosen body" },
  qualifier,
  claim_id: int,
  side: nullable(side),
  org: nullable(org),
  basis: { ...sum, description: "`sum`: the body's separate windows added up" },
  windows: arrayOf(windowValue),
});

export const figureClaim = closed({
  id: int,
  side: nullable(side),
  claimant,
  orgs: arrayOf(org),
  credited_to: nullable(org),
  restated: bool,
  superseded: bool,
  n: num,
  qualifier,
  document: documentRef,
  sentence: sentenceRef,
  evidence: arrayOf(evidence),
  rule: str,
  window: windowRef,
  period_evidence: { ...arrayOf(evidence), description: "The period's cue in the document" },
  contained_by: { ...nint, description: "A claim of the same body whose window contains this one's" },
  dataset_row: nullable(datasetRow),
});

/** Each side's own chosen value, never mixed: a side is absent when it states no value. */
export const bySide = closed({ UA: chosenValue, RU: chosenValue }, ["UA", "RU"]);

export const figure = closed({
  weapon,
  model: nstr,
  outcome,
  region: nregion,
  chosen: nullable(chosenValue),
  by_side: bySide,
  conflict: bool,
  claims: arrayOf(figureClaim),
});

export const casualtyFigure = closed({
  kind: casualtyKind,
  region: nregion,
  chosen: nullable(chosenValue),
  by_side: bySide,
  conflict: bool,
  claims: arrayOf(figureClaim),
});

export const attackRef = closed({ id: str, date: DATE, n: num });

export const recordCheck = closed({
  claim_id: int,
  metric: recordMetric,
  scope: recordScope,
  claimant,
  document: documentRef,
  sentence: nullable(sentenceRef),
  evidence: arrayOf(evidence),
  status: recordStatus,
  value: nnum,
  largest_earlier: nullable(attackRef),
  reason: str,
});

export const attackDetail = closed({
  ...attackSummaryProperties,
  figures: { ...arrayOf(figure), description: "Every figure with each source's claim, sentence and evidence spans" },
  casualties: arrayOf(casualtyFigure),
  record_checks: arrayOf(recordCheck),
  document_refs: arrayOf(documentRef),
});

export const recordHolder = closed({
  id: str,
  date: DATE,
  attacker: side,
  target: side,
  n: num,
  basis: { ...oneOf(["any", "sum", "class"]), description: "any: an all-weapons figure; sum: drones + missiles summed by class" },
});

export const recordEntry = closed({ metric: recordMetric, record: nullable(recordHolder), previous: nullable(recordHolder) });

export const recordsResult = closed({
  as_of: nullable({ ...DATE }),
  attacker: side,
  target: side,
  claimant: claimantOrAll,
  outcome: { ...directionOutcome, description: "RU → UA: launched (Ukraine's figures); UA → RU: intercepted (Russia's)" },
  metric_label: { type: "string", description: "What the records measure, in words" },
  records: closed({ any: recordEntry, drone: recordEntry, missile: recordEntry }),
});

export const recordMark = closed({ id: str, date: DATE, n: num, previous: attackRef });

export const recordMarks = closed({
  attacker: side,
  target: side,
  metric: recordMetric,
  claimant: claimantOrAll,
  outcome: directionOutcome,
  metric_label: str,
  items: { ...arrayOf(recordMark), description: "Attacks that set a record when they happened, in date order, over the whole history" },
});

export const timelineRow = closed({
  period: { ...DATE, description: "The day, or the Monday of the ISO week" },
  attacker: side,
  target: side,
  claimant: side,
  weapon,
  launched: nnum,
  intercepted: nnum,
  suppressed: nnum,
});

export const regionRow = closed({ region: REGION, attacks: int, launched: num, intercepted: num, hit: num, casualties: num });

const documentSummaryProperties = {
  ...documentRefProperties,
  sha256: str,
  updated: nstr,
  fetched: str,
  current: { type: "boolean", description: "False for versions superseded by a revision" },
  revision_of: nint,
  report_count: int,
  fact_count: int,
} as const;
export const documentSummary = closed(documentSummaryProperties);

/** Where a stored fact comes from; null for facts saved without it. */
const factProvenance = nullable(provenance);
const factProperties = { id: int, provenance: factProvenance } as const;

export const storedReport = closed({
  id: int,
  attack_id: nstr,
  claimant,
  claimant_orgs: arrayOf(org),
  attacker: side,
  target: side,
  date: nullable({ ...DATE }),
  night: bool,
  period: nullable(period),
  counts: arrayOf(closed({ ...factProperties, weapon, model: nstr, outcome, n: num, qualifier, region: nregion })),
  casualties: arrayOf(closed({ ...factProperties, kind: casualtyKind, n: num, qualifier, region: nregion })),
  targets: arrayOf(closed({ ...factProperties, region: REGION })),
  launch_areas: arrayOf(closed({ ...factProperties, region: REGION })),
  record_claims: arrayOf(closed({ ...factProperties, metric: recordMetric, scope: recordScope })),
  places: arrayOf(closed({ ...factProperties, name: str, region: REGION, role: placeRole })),
});

/** Provenance of an imported dataset row: file, line, the raw row and (since rows became readable) its cells. */
export const sourceRef = closed(
  {
    file: str,
    line: int,
    row: str,
    fields: { type: "object", additionalProperties: { type: "string" }, description: "The row's cells by column" },
  },
  ["fields"],
);

export const documentDetail = closed({
  ...documentSummaryProperties,
  text: { type: "string", description: "The stored text; every span is [start, end) in its UTF-16 code units" },
  source_ref: nullable(sourceRef),
  reports: arrayOf(storedReport),
});

const ingestStatus = oneOf(["new", "unchanged", "revised", "failed"]);
const ingestResultProperties = { status: ingestStatus, documentId: nint, facts: int, reason: str } as const;
export const ingestResult = closed(ingestResultProperties, ["reason"]);

/** The named schemas the server registers (`$ref: "AttackSummary#"`) for its serializer and OpenAPI document. */
export const attackSummarySchema = { $id: "AttackSummary", ...attackSummary } as const;
export const documentRefSchema = { $id: "DocumentRef", ...documentRef } as const;
export const attackDetailSchema = { $id: "AttackDetail", ...attackDetail } as const;
export const recordsSchema = { $id: "Records", ...recordsResult } as const;
export const recordMarksSchema = { $id: "RecordMarks", ...recordMarks } as const;
export const timelineRowSchema = { $id: "TimelineRow", ...timelineRow } as const;
export const regionRowSchema = { $id: "RegionRow", ...regionRow } as const;
export const documentSummarySchema = { $id: "DocumentSummary", ...documentSummary } as const;
export const documentDetailSchema = { $id: "DocumentDetail", ...documentDetail } as const;
/** POST /api/documents also says which URL it fetched (after redirects). */
export const ingestResultSchema = {
  $id: "IngestResult",
  ...closed(
    { ...ingestResultProperties, url: { type: "string", description: "The URL fetched (after redirects), for URL ingestion" } },
    ["reason", "url"],
  ),
} as const;

export const STORE_SCHEMAS = [
  attackSummarySchema,
  documentRefSchema,
  attackDetailSchema,
  recordsSchema,
  recordMarksSchema,
  timelineRowSchema,
  regionRowSchema,
  documentSummarySchema,
  documentDetailSchema,
  ingestResultSchema,
] as const;
