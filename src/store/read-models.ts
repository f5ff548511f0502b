// Read models, written in the transaction that recomputes attacks: each attack's summary and detail as JSON
// (record checks included), the running records of each direction, the timeline's totals per day, week and
// month, and the store's counters. Reads then take one indexed query and no reconciliation.
import { sql, type Kysely, type Selectable } from "kysely";
import type { RecordMetric, RecordScope, Side } from "../model/index.js";
import { buildAttack } from "../reconcile/attack.js";
import {
  WAR_START,
  detailJson,
  detailOf,
  parseJson,
  recordCheckOf,
  recordScopeStart,
  summaryJson,
  summaryOf,
  type AttackRow,
  type DocRow,
  type RecordClaimRow,
} from "./attack-view.js";
import { loadAttacks, type Rebuilt } from "./rebuild.js";
import { insertRows, type SqliteWriter } from "./save.js";
import type { Database } from "./schema.js";
import type { Dialect, RecordHolder } from "./types.js";
import type { Evidence, Period } from "../model/index.js";

type MarkRow = Selectable<Database["record_marks"]>;
type BucketRow = Selectable<Database["timeline_buckets"]>;

function chunks<T>(xs: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

const METRICS: RecordMetric[] = ["any", "drone", "missile"];

/** The series of a metric: `rec` the attacked side's figures, `all` whichever side's; scope `all`, `war` or a year. */
export function seriesName(all: boolean, metric: RecordMetric, scope: string): string {
  return `${all ? "all" : "rec"}:${metric}:${scope}`;
}

/** The series a record claim is checked in (its scope starting at `recordScopeStart`). */
export function claimSeries(row: Pick<AttackRow, "date">, metric: RecordMetric, scope: RecordScope): string {
  return seriesName(false, metric, scope === "year" ? recordScopeStart(row, scope).slice(0, 4) : "war");
}

type MarkAttack = Pick<AttackRow, "id" | "date" | "attacker" | "target" | "rec_any" | "rec_any_basis" | "rec_drone" | "rec_missile" | "all_any" | "all_any_basis" | "all_drone" | "all_missile">;

/**
 * Every series' marks for the attacks of one direction: in (date, id) order, an attack is a mark when its
 * figure beats every earlier one of the series (ties stay with the earlier attack, as `records` rules).
 */
export function marksOf(attacks: MarkAttack[]): MarkRow[] {
  const sorted = [...attacks].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const best = new Map<string, number>();
  const out: MarkRow[] = [];
  for (const a of sorted) {
    for (const all of [false, true]) {
      for (const metric of METRICS) {
        const n = a[`${all ? "all" : "rec"}_${metric}`];
        if (n === null || n === undefined) continue;
        // Stored as text ("" for none): `records` reports the holder's basis as the attack row has it.
        const basis = metric === "any" ? ((all ? a.all_any_basis : a.rec_any_basis) ?? "") : "class";
        const scopes = ["all", a.date.slice(0, 4), ...(a.date >= WAR_START ? ["war"] : [])];
        for (const scope of scopes) {
          const series = seriesName(all, metric, scope);
          const b = best.get(series);
          if (b !== undefined && Number(n) <= b) continue;
          best.set(series, Number(n));
          out.push({ attacker: a.attacker, target: a.target, series, date: a.date, attack_id: a.id, n: Number(n), basis });
        }
      }
    }
  }
  return out;
}

/** Marks grouped by direction and series (`markKey`), each in date order. */
export type MarkIndex = Map<string, MarkRow[]>;

export function markKey(at: { attacker: string; target: string }, series: string): string {
  return `${at.attacker}|${at.target}|${series}`;
}

export function indexMarks(marks: MarkRow[]): MarkIndex {
  const out: MarkIndex = new Map();
  for (const m of marks) {
    const key = markKey(m, m.series);
    const list = out.get(key) ?? [];
    list.push(m);
    out.set(key, list);
  }
  for (const list of out.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.attack_id < b.attack_id ? -1 : 1));
  return out;
}

/** The largest attack of a series up to a date (the last mark on or before it, or strictly before it). */
export function holderAt(index: MarkIndex, key: string, date: string, inclusive: boolean): RecordHolder | null {
  const list = index.get(key);
  if (!list) return null;
  let found: MarkRow | null = null;
  for (const m of list) {
    if (inclusive ? m.date <= date : m.date < date) found = m;
    else break;
  }
  return found ? holderOf(found) : null;
}

/** A stored mark as the record holder it names. */
export function holderOf(m: MarkRow): RecordHolder {
  return { id: m.attack_id, date: m.date, attacker: m.attacker as Side, target: m.target as Side, n: Number(m.n), basis: (m.basis === "" ? null : m.basis) as RecordHolder["basis"] };
}

/** Record claims of current documents about these attacks, by attack id. */
export async function recordClaimsOf(db: Kysely<Database>, ids: string[]): Promise<Map<string, RecordClaimRow[]>> {
  const out = new Map<string, RecordClaimRow[]>();
  for (const part of chunks(ids)) {
    const rows = await db
      .selectFrom("record_claims")
      .innerJoin("reports", "reports.id", "record_claims.report_id")
      .innerJoin("documents", "documents.id", "record_claims.document_id")
      .select([
        "record_claims.id as id",
        "reports.attack_id as attack_id",
        "record_claims.metric as metric",
        "record_claims.scope as scope",
        "record_claims.rule as rule",
        "record_claims.sentence_start as s",
        "record_claims.sentence_end as e",
        "record_claims.evidence as evidence",
        "reports.claimant as claimant",
        "documents.id as doc_id",
        "documents.publisher as publisher",
        "documents.url as url",
        "documents.channel as channel",
        "documents.post_id as post_id",
        "documents.published as published",
        "documents.title as title",
        "documents.kind as kind",
        "documents.lang as lang",
        "documents.text as text",
      ])
      .where("reports.attack_id", "in", part)
      .where("documents.current", "=", 1)
      .orderBy("record_claims.id")
      .execute();
    for (const r of rows) {
      const list = out.get(r.attack_id ?? "") ?? [];
      list.push(r);
      out.set(r.attack_id ?? "", list);
    }
  }
  return out;
}

export async function documentsById(db: Kysely<Database>, ids: number[]): Promise<Map<number, DocRow>> {
  const docs = new Map<number, DocRow>();
  for (const part of chunks(ids)) {
    for (const d of await db.selectFrom("documents").selectAll().where("id", "in", part).execute()) docs.set(d.id, d);
  }
  return docs;
}

/**
 * The running records of some directions, recomputed from their attacks and stored when they changed.
 * Also the earliest date where a direction's marks changed (absent: unchanged): record checks of attacks
 * after it may change with them.
 */
async function refreshMarks(db: Kysely<Database>, pairs: Array<{ attacker: string; target: string }>): Promise<{ index: MarkIndex; changedFrom: Map<string, string> }> {
  const all: MarkRow[] = [];
  const changedFrom = new Map<string, string>();
  const markText = (m: MarkRow) => `${m.series}|${m.date}|${m.attack_id}|${Number(m.n)}|${m.basis}`;
  for (const p of pairs) {
    const attacks = await db
      .selectFrom("attacks")
      .select(["id", "date", "attacker", "target", "rec_any", "rec_any_basis", "rec_drone", "rec_missile", "all_any", "all_any_basis", "all_drone", "all_missile"])
      .where("attacker", "=", p.attacker)
      .where("target", "=", p.target)
      .where("documents", ">", 0)
      .execute();
    const marks = marksOf(attacks);
    const stored = await db.selectFrom("record_marks").selectAll().where("attacker", "=", p.attacker).where("target", "=", p.target).execute();
    const now = new Set(marks.map(markText));
    const was = new Set(stored.map(markText));
    const differing = [...marks.filter((m) => !was.has(markText(m))), ...stored.filter((m) => !now.has(markText(m)))];
    if (differing.length) {
      changedFrom.set(`${p.attacker}|${p.target}`, differing.map((m) => m.date).sort()[0]!);
      await db.deleteFrom("record_marks").where("attacker", "=", p.attacker).where("target", "=", p.target).execute();
      for (const part of chunks(marks, 300)) await db.insertInto("record_marks").values(part).execute();
    }
    all.push(...marks);
  }
  return { index: indexMarks(all), changedFrom };
}

/** The Monday of the ISO week of a date, `YYYY-MM-DD`. */
export function mondayOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - dow);
  return d.toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export type Bucket = "day" | "week" | "month";

export function periodOf(bucket: Bucket, date: string): string {
  return bucket === "day" ? date : bucket === "week" ? mondayOf(date) : `${date.slice(0, 7)}-01`;
}

/** A sum where null means "no figure": null + null = null, null + n = n. */
export function addFigure(a: number | null, b: number | null): number | null {
  return b === null ? a : (a ?? 0) + b;
}

/** A timeline row as the API sends it (the schema's order: period, attacker, target, claimant, weapon, figures). */
export function timelineRowJson(r: { period: string; attacker: string; target: string; claimant: string; weapon: string; launched: number | null; intercepted: number | null; suppressed: number | null }): string {
  return JSON.stringify({
    period: r.period,
    attacker: r.attacker,
    target: r.target,
    claimant: r.claimant,
    weapon: r.weapon,
    launched: r.launched === null ? null : Number(r.launched),
    intercepted: r.intercepted === null ? null : Number(r.intercepted),
    suppressed: r.suppressed === null ? null : Number(r.suppressed),
  });
}

/** The sort key of a timeline row (the order the API has always given). */
export function bucketKey(r: { period: string; attacker: string; target: string; claimant: string; weapon: string }): string {
  return `${r.period}|${r.attacker}|${r.target}|${r.claimant}|${r.weapon}`;
}

/** Totals per period of the periods containing these dates, recomputed from the attacks' side totals. */
async function refreshBuckets(db: Kysely<Database>, dates: string[], dialect: Dialect, writer?: SqliteWriter): Promise<void> {
  if (!dates.length) return;
  const wanted: Record<Bucket, Set<string>> = { day: new Set(), week: new Set(), month: new Set() };
  const ranges: Array<[string, string]> = [];
  for (const d of new Set(dates)) {
    const monday = mondayOf(d);
    const monthStart = `${d.slice(0, 7)}-01`;
    const monthEnd = addDays(`${addDays(monthStart, 32).slice(0, 7)}-01`, -1);
    wanted.day.add(d);
    wanted.week.add(monday);
    wanted.month.add(monthStart);
    const sunday = addDays(monday, 6);
    ranges.push([monday < monthStart ? monday : monthStart, sunday > monthEnd ? sunday : monthEnd]);
  }
  ranges.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const merged: Array<[string, string]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= addDays(last[1], 1)) {
      if (r[1] > last[1]) last[1] = r[1];
    } else merged.push([r[0], r[1]]);
  }
  const acc = new Map<string, BucketRow>();
  for (const [from, to] of merged) {
    const rows = await db
      .selectFrom("attack_side_totals")
      .innerJoin("attacks", "attacks.id", "attack_side_totals.attack_id")
      .where("attacks.documents", ">", 0)
      .where("attacks.date", ">=", from)
      .where("attacks.date", "<=", to)
      .select([
        "attacks.date as date",
        "attacks.attacker as attacker",
        "attacks.target as target",
        "attack_side_totals.side as claimant",
        "attack_side_totals.weapon as weapon",
        "attack_side_totals.launched as launched",
        "attack_side_totals.intercepted as intercepted",
        "attack_side_totals.suppressed as suppressed",
      ])
      .execute();
    for (const r of rows) {
      for (const bucket of ["day", "week", "month"] as const) {
        const period = periodOf(bucket, r.date);
        if (!wanted[bucket].has(period)) continue;
        const sortKey = bucketKey({ period, attacker: r.attacker, target: r.target, claimant: r.claimant, weapon: r.weapon });
        const key = `${bucket}|${sortKey}`;
        const cur = acc.get(key) ?? { bucket, period, attacker: r.attacker, target: r.target, claimant: r.claimant, weapon: r.weapon, launched: null, intercepted: null, suppressed: null, sort_key: sortKey, json: "" };
        cur.launched = addFigure(cur.launched, r.launched);
        cur.intercepted = addFigure(cur.intercepted, r.intercepted);
        cur.suppressed = addFigure(cur.suppressed, r.suppressed);
        acc.set(key, cur);
      }
    }
  }
  for (const bucket of ["day", "week", "month"] as const) {
    for (const part of chunks([...wanted[bucket]])) {
      await db.deleteFrom("timeline_buckets").where("bucket", "=", bucket).where("period", "in", part).execute();
      await db.deleteFrom("timeline_periods").where("bucket", "=", bucket).where("period", "in", part).execute();
    }
  }
  for (const b of acc.values()) b.json = timelineRowJson(b);
  await insertRows(db, dialect, writer, "timeline_buckets", [...acc.values()]);
  // Every row of each wanted period was recomputed above: each period's text is rewritten whole.
  await insertRows(db, dialect, writer, "timeline_periods", timelinePeriods([...acc.values()]));
}

/**
 * Timeline rows grouped by bucket and period: each period's rows as the API sends them, in its order (the sort
 * key), comma-separated. Rows of the periods given must all be there (a period is written whole).
 */
export function timelinePeriods(rows: ReadonlyArray<Pick<BucketRow, "bucket" | "period" | "sort_key" | "json">>): Array<Selectable<Database["timeline_periods"]>> {
  const groups = new Map<string, Array<Pick<BucketRow, "sort_key" | "json">>>();
  for (const r of rows) {
    const key = `${r.bucket}|${r.period}`;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const out: Array<Selectable<Database["timeline_periods"]>> = [];
  for (const [key, list] of groups) {
    list.sort((a, b) => (a.sort_key < b.sort_key ? -1 : a.sort_key > b.sort_key ? 1 : 0));
    const bar = key.indexOf("|");
    out.push({ bucket: key.slice(0, bar), period: key.slice(bar + 1), row_count: list.length, json: list.map((r) => r.json).join(",") });
  }
  // In key order, whatever order the rows came in: the same rows in the same order on every run and dialect.
  return out.sort((a, b) => (a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
}

/**
 * Writes the read models of these attacks (recomputed in `rebuilt`, or loaded and reconciled here), the
 * running records of their directions, the views of every attack whose record checks may have changed with
 * them, and the timeline totals of their periods. Runs inside the caller's write transaction.
 */
export async function refreshReadModels(db: Kysely<Database>, ids: string[], rebuilt: Map<string, Rebuilt>, dialect: Dialect, writer?: SqliteWriter): Promise<void> {
  if (!ids.length) return;
  if (dialect === "postgres") {
    // Two writers on one PostgreSQL may touch one direction's records or one week's totals through different
    // attacks: each recomputes them from what it sees, so they take turns here (until commit), and the second
    // sees the first's attacks. SQLite needs nothing: its write transactions already take turns (BEGIN IMMEDIATE).
    await sql`select pg_advisory_xact_lock(7302)`.execute(db);
  }
  const pairs = new Map<string, { attacker: string; target: string }>();
  const dates: string[] = [];
  const rows = new Map<string, AttackRow>();
  for (const r of rebuilt.values()) rows.set(r.row.id, r.row);
  const missing = ids.filter((id) => !rows.has(id));
  for (const part of chunks(missing)) for (const r of await db.selectFrom("attacks").selectAll().where("id", "in", part).execute()) rows.set(r.id, r);
  for (const r of rows.values()) {
    pairs.set(`${r.attacker}|${r.target}`, { attacker: r.attacker, target: r.target });
    dates.push(r.date);
  }
  const { index: marks, changedFrom } = await refreshMarks(db, [...pairs.values()]);

  // A change in a direction's records changes the record checks of the attacks after it that claim one.
  const withClaims = new Set<string>();
  for (const p of pairs.values()) {
    const from = changedFrom.get(`${p.attacker}|${p.target}`);
    if (from === undefined) continue;
    const r = await db
      .selectFrom("record_claims")
      .innerJoin("reports", "reports.id", "record_claims.report_id")
      .innerJoin("documents", "documents.id", "record_claims.document_id")
      .select("reports.attack_id as attack_id")
      .distinct()
      .where("reports.attacker", "=", p.attacker)
      .where("reports.target", "=", p.target)
      .where("reports.date", ">", from)
      .where("documents.current", "=", 1)
      .execute();
    for (const x of r) if (x.attack_id) withClaims.add(x.attack_id);
  }
  const viewIds = [...new Set([...ids, ...withClaims])].sort();
  const sources = new Map<string, Rebuilt>();
  const toLoad: string[] = [];
  for (const id of viewIds) {
    const r = rebuilt.get(id);
    if (r) sources.set(id, r);
    else toLoad.push(id);
  }
  if (toLoad.length) {
    for (const [id, l] of await loadAttacks(db, toLoad)) sources.set(id, { out: buildAttack(l.input), loaded: l, row: l.row });
  }
  const claims = await recordClaimsOf(db, viewIds);
  const docIds = new Set<number>();
  for (const s of sources.values()) for (const r of s.loaded.input.reports) docIds.add(r.doc.id);
  const docs = await documentsById(db, [...docIds]);

  const views: Array<{ id: string; summary: string }> = [];
  const details: Array<{ id: string; detail: string }> = [];
  for (const id of viewIds) {
    const s = sources.get(id);
    if (!s) continue;
    const row = s.row;
    if (row.documents === 0) continue;
    const checks = (claims.get(id) ?? []).map((c) =>
      recordCheckOf(row, c, holderAt(marks, markKey(row, claimSeries(row, c.metric as RecordMetric, c.scope as RecordScope)), row.date, false)),
    );
    const periodEvidence = new Map<number, Evidence[]>();
    for (const [rid, p] of s.loaded.periods) periodEvidence.set(rid, parseJson<Period | null>(p, null)?.provenance.evidence ?? []);
    const detail = detailOf({
      row,
      built: s.out,
      prov: s.loaded.prov,
      periodEvidence,
      docs,
      docIds: [...new Set(s.loaded.input.reports.map((r) => r.doc.id))].sort((a, b) => a - b),
      checks,
    });
    views.push({ id, summary: summaryJson(summaryOf(row, checks)) });
    details.push({ id, detail: detailJson(detail) });
  }
  for (const part of chunks(viewIds)) {
    await db.deleteFrom("attack_views").where("id", "in", part).execute();
    await db.deleteFrom("attack_details").where("id", "in", part).execute();
  }
  await insertRows(db, dialect, writer, "attack_views", views);
  await insertRows(db, dialect, writer, "attack_details", details);
  await refreshBuckets(db, [...new Set(dates)], dialect, writer);
}

/** Bumps the store version (the ETag of every read) and adds the documents this transaction stored. */
export async function bumpCounters(db: Kysely<Database>, newDocuments: number): Promise<void> {
  await db.updateTable("salvo_meta").set({ value: sql`value + 1` }).where("key", "=", "version").execute();
  if (newDocuments) await db.updateTable("salvo_meta").set({ value: sql`value + ${newDocuments}` }).where("key", "=", "documents").execute();
}
