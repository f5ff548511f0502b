import { CASUALTY_KINDS, PERIOD_NAMES, PLACE_ROLES, RECORD_METRICS, RECORD_SCOPES } from "../../model/index.js";
import { DATE, REGION, claimant, evidence, kind, lang, nullable, org, outcome, qualifier, side, spanProperties, weapon } from "./common.js";
import { periodSchema } from "./extraction.js";

/**
 * src/store/types.ts as JSON Schema, for the response serializer and the OpenAPI document.
 * Objects stay open (`additionalProperties: true`) so that a field the store adds later is
 * passed through rather than silently dropped.
 */

const int = { type: "integer" } as const;
const nint = { type: ["integer", "null"] } as const;
const num = { type: "number" } as const;
const nnum = { type: ["number", "null"] } as const;
const str = { type: "string" } as const;
const nstr = { type: ["string", "null"] } as const;
const bool = { type: "boolean" } as const;
const open = { additionalProperties: true } as const;
const recordStatus = { type: "string", enum: ["confirmed", "refuted", "unverifiable"] } as const;
const nregion = nullable({ ...REGION });

const point = {
  type: "object",
  ...open,
  properties: { time: str, date: nullable({ ...DATE }), zone: nstr },
} as const;

/** A reporting window (src/reconcile/windows.ts). */
const windowRef = {
  type: "object",
  ...open,
  description: "A reporting window: the period as stated, in words, and its place on the attack day's clock",
  properties: {
    key: { type: "string", description: "Equal for equal windows of one attack" },
    label: { type: "string", description: "The window in words: overnight, 08:00–11:00 MSK, period not stated…" },
    named: nullable({ type: "string", enum: PERIOD_NAMES }),
    start: nullable({ ...point }),
    end: nullable({ ...point }),
    from: { ...nint, description: "Minutes from the attack day's local midnight (negative: the evening before); null when not stated" },
    to: nint,
  },
} as const;

const windowValue = {
  type: "object",
  ...open,
  properties: {
    window: windowRef,
    n: num,
    qualifier,
    claim_id: int,
    stands_for: { type: "array", items: int, description: "Claims this window's value stands for (its own and those of windows inside it)" },
    document_ids: { type: "array", items: int },
  },
} as const;

const windowTotalsProps = { launched: nnum, intercepted: nnum, suppressed: nnum } as const;

const sideAccount = {
  type: "object",
  ...open,
  description: "One side's own account: the figures of each reporting window, and the day's total",
  properties: {
    side,
    attacked: { type: "boolean", description: "True for the attacked side" },
    orgs: { type: "array", items: org },
    windows: {
      type: "array",
      items: {
        type: "object",
        ...open,
        properties: {
          window: windowRef,
          ...windowTotalsProps,
          figures: {
            type: "array",
            items: { type: "object", ...open, properties: { weapon, model: nstr, outcome, region: nullable({ ...REGION }), n: num, qualifier, claim_id: int } },
          },
        },
      },
    },
    day: { type: "object", ...open, properties: windowTotalsProps },
    basis: { type: "string", enum: ["window", "sum"], description: "`sum`: the day's figure adds up separate windows" },
  },
} as const;

const datasetRow = {
  type: "object",
  ...open,
  description: "An imported dataset row, readable",
  properties: {
    file: str,
    line: int,
    time_start: str,
    time_end: str,
    model: str,
    launched: nnum,
    destroyed: nnum,
    not_reach_goal: nnum,
    source: str,
    source_url: nstr,
    figure: { type: "string", enum: ["row", "split", "combined"], description: "combined: one figure for several models the dataset does not split" },
  },
} as const;

const totals = {
  type: "object",
  ...open,
  properties: { launched: nnum, intercepted: nnum, suppressed: nnum, hit: nnum },
} as const;

const recordClaimSummary = {
  type: "object",
  ...open,
  properties: {
    id: int,
    metric: { type: "string", enum: RECORD_METRICS },
    scope: { type: "string", enum: RECORD_SCOPES },
    claimant,
    document_id: int,
    status: recordStatus,
  },
} as const;

const attackSummaryProperties = {
  id: { type: "string", description: "`<date>.<attacker>-<target>`, e.g. 2025-07-04.RU-UA" },
  date: DATE,
  attacker: side,
  target: side,
  night: bool,
  documents: { type: "integer", description: "Current documents with a report about this attack" },
  claimants: { type: "array", items: claimant },
  orgs: { type: "array", items: org },
  totals,
  by_weapon: {
    type: "array",
    items: { type: "object", ...open, properties: { weapon, launched: nnum, intercepted: nnum, suppressed: nnum } },
  },
  regions: { type: "array", items: REGION },
  record_claims: { type: "array", items: recordClaimSummary },
  conflict: { type: "boolean", description: "Sources of the same side disagree about the same window on a figure" },
  sides: { type: "array", items: sideAccount, description: "Each side's account window by window, the attacked side first" },
} as const;

export const attackSummarySchema = {
  $id: "AttackSummary",
  type: "object",
  ...open,
  required: ["id", "date", "attacker", "target", "totals"],
  properties: attackSummaryProperties,
} as const;

export const documentRefSchema = {
  $id: "DocumentRef",
  type: "object",
  ...open,
  required: ["id"],
  properties: {
    id: int,
    publisher: nstr,
    url: nstr,
    channel: nstr,
    post_id: nstr,
    published: nstr,
    title: nstr,
    kind,
    lang,
  },
} as const;

const sentence = { type: "object", ...open, properties: { ...spanProperties, text: str } } as const;

const chosen = {
  type: "object",
  ...open,
  properties: {
    n: { type: "number", description: "The day's figure of the chosen body" },
    qualifier,
    claim_id: int,
    side: nullable({ ...side }),
    org: nullable({ ...org }),
    basis: { type: "string", enum: ["window", "sum"], description: "`sum`: the body's separate windows added up" },
    windows: { type: "array", items: windowValue },
  },
} as const;

const figureClaim = {
  type: "object",
  ...open,
  properties: {
    id: int,
    side: nullable({ ...side }),
    claimant,
    orgs: { type: "array", items: org },
    credited_to: nullable({ ...org }),
    restated: bool,
    superseded: bool,
    n: num,
    qualifier,
    document: { $ref: "DocumentRef#" },
    sentence,
    evidence: { type: "array", items: evidence },
    rule: str,
    window: windowRef,
    period_evidence: { type: "array", items: evidence, description: "The period's cue in the document" },
    contained_by: { ...nint, description: "A claim of the same body whose window contains this one's" },
    dataset_row: nullable({ ...datasetRow }),
  },
} as const;

const bySide = { type: "object", ...open, properties: { UA: chosen, RU: chosen } } as const;

const figure = {
  type: "object",
  ...open,
  properties: {
    weapon,
    model: nstr,
    outcome,
    region: nregion,
    chosen: nullable({ ...chosen }),
    by_side: bySide,
    conflict: bool,
    claims: { type: "array", items: figureClaim },
  },
} as const;

const casualtyFigure = {
  type: "object",
  ...open,
  properties: {
    kind: { type: "string", enum: CASUALTY_KINDS },
    region: nregion,
    chosen: nullable({ ...chosen }),
    by_side: bySide,
    conflict: bool,
    claims: { type: "array", items: figureClaim },
  },
} as const;

const recordCheck = {
  type: "object",
  ...open,
  properties: {
    claim_id: int,
    metric: { type: "string", enum: RECORD_METRICS },
    scope: { type: "string", enum: RECORD_SCOPES },
    claimant,
    document: { $ref: "DocumentRef#" },
    sentence: nullable({ ...sentence }),
    evidence: { type: "array", items: evidence },
    status: recordStatus,
    value: nnum,
    largest_earlier: nullable({ type: "object", ...open, properties: { id: str, date: DATE, n: num } }),
    reason: str,
  },
} as const;

export const attackDetailSchema = {
  $id: "AttackDetail",
  type: "object",
  ...open,
  required: ["id", "date", "attacker", "target", "figures"],
  properties: {
    ...attackSummaryProperties,
    figures: { type: "array", items: figure, description: "Every figure with each source's claim, sentence and evidence spans" },
    casualties: { type: "array", items: casualtyFigure },
    record_checks: { type: "array", items: recordCheck },
    document_refs: { type: "array", items: { $ref: "DocumentRef#" } },
  },
} as const;

const recordHolder = {
  type: "object",
  ...open,
  properties: { id: str, date: DATE, attacker: side, target: side, n: num, basis: { type: "string", enum: ["any", "sum", "class"] } },
} as const;
const recordEntry = {
  type: "object",
  ...open,
  properties: { metric: str, record: nullable({ ...recordHolder }), previous: nullable({ ...recordHolder }) },
} as const;

export const recordsSchema = {
  $id: "Records",
  type: "object",
  ...open,
  properties: {
    as_of: nullable({ ...DATE }),
    attacker: side,
    target: side,
    claimant: { type: "string", enum: ["UA", "RU", "all"] },
    outcome: { type: "string", enum: ["launched", "intercepted"], description: "RU → UA: launched (Ukraine's figures); UA → RU: intercepted (Russia's)" },
    metric_label: { type: "string", description: "What the records measure, in words" },
    records: { type: "object", ...open, properties: { any: recordEntry, drone: recordEntry, missile: recordEntry } },
  },
} as const;

const attackRef = { type: "object", ...open, properties: { id: str, date: DATE, n: num } } as const;

export const recordMarksSchema = {
  $id: "RecordMarks",
  type: "object",
  ...open,
  properties: {
    attacker: side,
    target: side,
    metric: { type: "string", enum: RECORD_METRICS },
    claimant: { type: "string", enum: ["UA", "RU", "all"] },
    outcome: { type: "string", enum: ["launched", "intercepted"] },
    metric_label: str,
    items: {
      type: "array",
      description: "Attacks that set a record when they happened, in date order, over the whole history",
      items: { type: "object", ...open, properties: { id: str, date: DATE, n: num, previous: attackRef } },
    },
  },
} as const;

export const timelineRowSchema = {
  $id: "TimelineRow",
  type: "object",
  ...open,
  properties: {
    period: { ...DATE, description: "The day, or the Monday of the ISO week" },
    attacker: side,
    target: side,
    claimant: side,
    weapon,
    launched: nnum,
    intercepted: nnum,
    suppressed: nnum,
  },
} as const;

export const regionRowSchema = {
  $id: "RegionRow",
  type: "object",
  ...open,
  properties: { region: REGION, attacks: int, launched: num, intercepted: num, hit: num, casualties: num },
} as const;

const documentSummaryProperties = {
  ...documentRefSchema.properties,
  sha256: str,
  updated: nstr,
  fetched: str,
  current: bool,
  revision_of: nint,
  report_count: int,
  fact_count: int,
} as const;

export const documentSummarySchema = {
  $id: "DocumentSummary",
  type: "object",
  ...open,
  required: ["id"],
  properties: documentSummaryProperties,
} as const;

const factProvenance = nullable({
  type: "object",
  ...open,
  properties: {
    rule: str,
    sentence: { type: "object", properties: spanProperties },
    evidence: { type: "array", items: evidence },
  },
});
const fact = (props: Record<string, unknown>) =>
  ({ type: "array", items: { type: "object", ...open, properties: { id: int, provenance: factProvenance, ...props } } }) as const;

const storedReport = {
  type: "object",
  ...open,
  properties: {
    id: int,
    attack_id: nstr,
    claimant,
    claimant_orgs: { type: "array", items: org },
    attacker: side,
    target: side,
    date: nullable({ ...DATE }),
    night: bool,
    period: nullable({ ...periodSchema }),
    counts: fact({ weapon, model: nstr, outcome, n: num, qualifier, region: nregion }),
    casualties: fact({ kind: { type: "string", enum: CASUALTY_KINDS }, n: num, qualifier, region: nregion }),
    targets: fact({ region: REGION }),
    launch_areas: fact({ region: REGION }),
    record_claims: fact({ metric: { type: "string", enum: RECORD_METRICS }, scope: { type: "string", enum: RECORD_SCOPES } }),
    places: fact({ name: str, region: REGION, role: { type: "string", enum: PLACE_ROLES } }),
  },
} as const;

export const documentDetailSchema = {
  $id: "DocumentDetail",
  type: "object",
  ...open,
  required: ["id", "text", "reports"],
  properties: {
    ...documentSummaryProperties,
    text: { type: "string", description: "The stored text; every span is [start, end) in its UTF-16 code units" },
    source_ref: nullable({
      type: "object",
      ...open,
      properties: { file: str, line: int, row: str, fields: { type: "object", additionalProperties: { type: "string" }, description: "The row's cells by column" } },
    }),
    reports: { type: "array", items: storedReport },
  },
} as const;

export const ingestResultSchema = {
  $id: "IngestResult",
  type: "object",
  ...open,
  properties: {
    status: { type: "string", enum: ["new", "unchanged", "revised", "failed"] },
    documentId: nint,
    facts: int,
    reason: str,
    url: { type: "string", description: "The URL fetched (after redirects), for URL ingestion" },
  },
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
