// An attack as the API shows it (summary, detail, record checks), built from what the store loaded.
// Pure: the same function serves the read models written at write time and the recompute from the claims.
import type { Selectable } from "kysely";
import type { Claimant, DocKind, Evidence, Lang, Org, RecordMetric, RecordScope, Side } from "../model/index.js";
import type { AttackOut, SideAccount } from "../reconcile/attack.js";
import type { FigureDecision } from "../reconcile/rules.js";
import { datasetRow } from "./dataset-row.js";
import { attackDetail, attackSummary } from "./shapes.js";
import type { Database } from "./schema.js";
import type {
  AttackDetail,
  AttackRef,
  AttackSummary,
  ChosenValue,
  DocumentRef,
  FigureClaim,
  RecordCheck,
  RecordClaimSummary,
  RecordHolder,
  RecordStatus,
  WeaponTotals,
} from "./types.js";

export type AttackRow = Selectable<Database["attacks"]>;
export type DocRow = Selectable<Database["documents"]>;

/** Start of the full-scale invasion: the scope of "since the start of the war". */
export const WAR_START = "2022-02-24";

export function parseJson<T>(s: string | null, fallback: T): T {
  if (s === null) return fallback;
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
}

export function docRef(d: Pick<DocRow, "id" | "publisher" | "url" | "channel" | "post_id" | "published" | "title" | "kind" | "lang">): DocumentRef {
  return {
    id: d.id,
    publisher: d.publisher,
    url: d.url,
    channel: d.channel,
    post_id: d.post_id,
    published: d.published,
    title: d.title,
    kind: d.kind as DocKind,
    lang: d.lang as Lang,
  };
}

export function recordColumn(metric: RecordMetric, all: boolean): "rec_any" | "rec_drone" | "rec_missile" | "all_any" | "all_drone" | "all_missile" {
  return `${all ? "all" : "rec"}_${metric}` as "rec_any";
}

/** A record claim of a current document about an attack, with its document's fields. */
export interface RecordClaimRow {
  id: number;
  attack_id: string | null;
  metric: string;
  scope: string;
  rule: string | null;
  s: number | null;
  e: number | null;
  evidence: string | null;
  claimant: string;
  doc_id: number;
  publisher: string | null;
  url: string | null;
  channel: string | null;
  post_id: string | null;
  published: string | null;
  title: string | null;
  kind: string;
  lang: string;
  text: string;
}

/** Where a record claim's "largest earlier attack" is looked for: from this date, strictly before the attack's. */
export function recordScopeStart(row: Pick<AttackRow, "date">, scope: RecordScope): string {
  return scope === "year" ? `${row.date.slice(0, 4)}-01-01` : WAR_START;
}

/** One record claim checked against the largest earlier attack in its scope. */
export function recordCheckOf(row: AttackRow, c: RecordClaimRow, earlier: RecordHolder | null): RecordCheck {
  const metric = c.metric as RecordMetric;
  const scope = c.scope as RecordScope;
  const value = row[recordColumn(metric, false)];
  const from = recordScopeStart(row, scope);
  let status: RecordStatus;
  let reason: string;
  const what = metric === "any" ? "weapons" : `${metric}s`;
  const since = scope === "year" ? `since ${from}` : "since the start of the full-scale war";
  if (value === null) {
    status = "unverifiable";
    reason = `no ${what} figure of the attacked side for this attack`;
  } else if (!earlier) {
    status = "unverifiable";
    reason = `no earlier attack with a ${what} figure ${since} in the store`;
  } else if (earlier.n >= value) {
    status = "refuted";
    reason = `${earlier.id} had ${earlier.n} ${what}, at least this attack's ${value}`;
  } else {
    status = "confirmed";
    reason = `${value} ${what} exceeds the largest earlier attack ${since} (${earlier.id}: ${earlier.n})`;
  }
  const s = c.s ?? 0;
  const e = c.e ?? 0;
  return {
    claim_id: c.id,
    metric,
    scope,
    claimant: c.claimant as Claimant,
    document: docRef({ ...c, id: c.doc_id }),
    sentence: c.s === null ? null : { start: s, end: e, text: c.text.slice(s, e) },
    evidence: parseJson<Evidence[]>(c.evidence, []),
    status,
    value,
    largest_earlier: earlier ? ({ id: earlier.id, date: earlier.date, n: earlier.n } satisfies AttackRef) : null,
    reason,
  };
}

/**
 * The API's key order: the response serializer writes an object's required properties first, in their
 * order, then the others in schema order (the shapes of src/store/shapes.ts). The read models are sent as
 * stored, so they are written in that order, taken from the same schemas; the read-model test compares
 * them byte for byte with the serializer's output.
 */
function serializerOrder(schema: { required: readonly string[]; properties: Record<string, unknown> }): readonly string[] {
  return [...schema.required, ...Object.keys(schema.properties).filter((k) => !schema.required.includes(k))];
}
const SUMMARY_ORDER = serializerOrder(attackSummary);
const DETAIL_ORDER = serializerOrder(attackDetail);

/** The order `summaryOf` and `detailOf` build (what the CLI's JSON has always printed). */
const SUMMARY_OBJECT_ORDER = ["id", "date", "attacker", "target", "night", "documents", "claimants", "orgs", "totals", "by_weapon", "regions", "record_claims", "conflict", "sides"] as const;
const DETAIL_OBJECT_ORDER = [...SUMMARY_OBJECT_ORDER, "figures", "casualties", "record_checks", "document_refs"] as const;

/** A stored summary read back as the object `summaryOf` builds (same keys in the same order). */
export function parseSummary(json: string): AttackSummary {
  return inOrder(JSON.parse(json) as AttackSummary, SUMMARY_OBJECT_ORDER);
}

/** A page as the API sends it read back: the total, and each summary as `summaryOf` builds it. */
export function parseSummaryPage(json: string): { total: number; items: AttackSummary[] } {
  const page = JSON.parse(json) as { total: number; items: AttackSummary[] };
  return { total: page.total, items: page.items.map((s) => inOrder(s, SUMMARY_OBJECT_ORDER)) };
}

/** A stored detail read back as the object `detailOf` builds. */
export function parseDetail(json: string): AttackDetail {
  return inOrder(JSON.parse(json) as AttackDetail, DETAIL_OBJECT_ORDER);
}

function inOrder<T extends object>(obj: T, keys: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (k in obj) out[k] = (obj as Record<string, unknown>)[k];
  for (const [k, v] of Object.entries(obj)) if (!(k in out)) out[k] = v;
  return out as T;
}

/** A summary as the API sends it. */
export function summaryJson(s: AttackSummary): string {
  return JSON.stringify(inOrder(s, SUMMARY_ORDER));
}

/** A detail as the API sends it. */
export function detailJson(d: AttackDetail): string {
  return JSON.stringify(inOrder(d, DETAIL_ORDER));
}

export function summaryOf(row: AttackRow, checks: RecordCheck[]): AttackSummary {
  return {
    id: row.id,
    date: row.date,
    attacker: row.attacker as Side,
    target: row.target as Side,
    night: row.night === 1,
    documents: row.documents,
    claimants: parseJson<Claimant[]>(row.claimants, []),
    orgs: parseJson<Org[]>(row.orgs, []),
    totals: { launched: row.launched, intercepted: row.intercepted, suppressed: row.suppressed, hit: row.hit },
    by_weapon: parseJson<WeaponTotals[]>(row.by_weapon, []),
    regions: parseJson<string[]>(row.regions, []),
    record_claims: checks.map((c) => ({
      id: c.claim_id,
      metric: c.metric,
      scope: c.scope,
      claimant: c.claimant,
      document_id: c.document.id,
      status: c.status,
    })) satisfies RecordClaimSummary[],
    conflict: row.conflict === 1,
    sides: parseJson<SideAccount[]>(row.sides, []),
  };
}

/** A fact's provenance columns, keyed `counts:<id>` / `casualties:<id>`. */
export interface ClaimProvenance {
  rule: string | null;
  s: number | null;
  e: number | null;
  ev: string | null;
  doc: number;
  report: number;
}

export interface DetailSources {
  row: AttackRow;
  built: AttackOut;
  prov: Map<string, ClaimProvenance>;
  /** Each report's period evidence, by report id. */
  periodEvidence: Map<number, Evidence[]>;
  docs: Map<number, DocRow>;
  /** Ids of the current documents with a report about this attack, ascending. */
  docIds: number[];
  checks: RecordCheck[];
}

export function detailOf(src: DetailSources): AttackDetail {
  const { built, prov, periodEvidence, docs } = src;
  const claimsOf = (table: "counts" | "casualties", d: FigureDecision): FigureClaim[] =>
    d.claims.map((c) => {
      const p = prov.get(`${table}:${c.id}`);
      const doc = docs.get(c.doc.id)!;
      const s = p?.s ?? 0;
      const e = p?.e ?? 0;
      return {
        id: c.id,
        side: c.side,
        claimant: c.claimant,
        orgs: c.orgs,
        credited_to: c.credited_to,
        restated: c.restated,
        superseded: c.superseded,
        n: c.n,
        qualifier: c.qualifier,
        document: docRef(doc),
        sentence: { start: s, end: e, text: doc.text.slice(s, e) },
        evidence: parseJson<Evidence[]>(p?.ev ?? null, []),
        rule: p?.rule ?? "",
        window: c.window,
        period_evidence: p ? (periodEvidence.get(p.report) ?? []) : [],
        contained_by: c.contained_by,
        dataset_row: datasetRow(doc, table === "counts" ? (p?.rule ?? "") : ""),
      };
    });
  const chosenOut = (c: FigureDecision["chosen"]): ChosenValue | null =>
    c ? { n: c.n, qualifier: c.qualifier, claim_id: c.claim_id, side: c.side, org: c.org, basis: c.basis, windows: c.windows } : null;
  const bySide = (d: FigureDecision) => {
    const out: Partial<Record<Side, ChosenValue>> = {};
    for (const s of ["UA", "RU"] as const) {
      const c = d.by_side[s];
      if (c) out[s] = chosenOut(c)!;
    }
    return out;
  };
  return {
    ...summaryOf(src.row, src.checks),
    figures: built.figures.map((f) => ({
      weapon: f.weapon,
      model: f.model,
      outcome: f.outcome,
      region: f.region,
      chosen: chosenOut(f.decision.chosen),
      by_side: bySide(f.decision),
      conflict: f.decision.conflict,
      claims: claimsOf("counts", f.decision),
    })),
    casualties: built.casualties.map((f) => ({
      kind: f.kind,
      region: f.region,
      chosen: chosenOut(f.decision.chosen),
      by_side: bySide(f.decision),
      conflict: f.decision.conflict,
      claims: claimsOf("casualties", f.decision),
    })),
    record_checks: src.checks,
    document_refs: src.docIds.map((d) => docRef(src.docs.get(d)!)),
  };
}
