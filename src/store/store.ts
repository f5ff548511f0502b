// The store over one Kysely connection: writes in one transaction per document, reads for CLI and HTTP.
import { sql, type Kysely, type Selectable } from "kysely";
import { SalvoError } from "../errors.js";
import { extractFor } from "./extract-for.js";
import type {
  Claimant,
  Evidence,
  Extraction,
  Org,
  Period,
  PeriodPoint,
  Qualifier,
  RecordMetric,
  RecordScope,
  Side,
  Weapon,
} from "../model/index.js";
import { buildAttack, recordOutcome } from "../reconcile/attack.js";
import type { WindowValue } from "../reconcile/rules.js";
import { WAR_START, detailJson, detailOf, docRef, parseJson, recordCheckOf, recordColumn, parseDetail, parseSummary, parseSummaryPage, recordScopeStart, summaryJson, summaryOf } from "./attack-view.js";
import { attackConditions } from "./filters.js";
import { connect, type Connection } from "./open.js";
import { listJson } from "./list-json.js";
import { LIST_ORDER, cursorOf, parseCursor } from "./list-order.js";
import { addFigure, bucketKey, bumpCounters, documentsById, holderAt, holderOf, indexMarks, markKey, mondayOf, periodOf, recordClaimsOf, refreshReadModels, seriesName, type MarkIndex } from "./read-models.js";
import { loadAttack, rebuildAttacks } from "./rebuild.js";
import { lookUp, writeDocuments } from "./bulk.js";
import { SqliteWriter, attackId, knownDocuments, saveDocument } from "./save.js";
import { attackDetail, attackPage, recordMark, timelinePeriods } from "./sqlite-reads.js";
import type { Database } from "./schema.js";
import type {
  AttackDetail,
  AttackFilter,
  AttackPage,
  AttackPageJson,
  BatchItem,
  AttackSummary,
  Dialect,
  DocumentDetail,
  DocumentFilter,
  DocumentPage,
  DocumentSummary,
  ExportRow,
  IngestMeta,
  IngestResult,
  Page,
  RecordCheck,
  RecordEntry,
  RecordHolder,
  RecordMark,
  RecordMarks,
  RecordsOptions,
  RecordsResult,
  RegionRow,
  StoredReport,
  Store,
  TimelineRow,
} from "./types.js";

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
export { WAR_START, mondayOf, cursorOf, parseCursor };

export type { BatchItem } from "./types.js";

/** A dataset file imported whole: the sha256 of its bytes, its rows, the line numbers of those that failed. */
export interface DatasetFile {
  sha256: string;
  rows: number;
  failed: number[];
}

/** The steps of `importBatch`: documents and their claims written, attacks recomputed, read models written, commit. */
export type ImportStep = "write" | "attacks" | "read models" | "commit";

/** The extraction of a text to be stored, with what its source tells (as `ingestText` extracts it). */
export { extractFor };
export const NO_TEXT = "the document has no text";

export interface StoreOptions {
  /**
   * Serve reads from the read models written at write time (default). False recomputes every answer from
   * the claims, as before the read models: the reference the tests compare the read models with.
   */
  readModels?: boolean;
}

export class SqlStore implements Store {
  readonly dialect: Dialect;
  readonly db: Kysely<Database>;

  readonly readModels: boolean;
  private readonly writer: SqliteWriter | undefined;

  private constructor(conn: Connection, options: StoreOptions) {
    this.db = conn.db;
    this.writer = conn.sqlite ? new SqliteWriter(conn.sqlite) : undefined;
    this.dialect = conn.dialect;
    this.readModels = options.readModels ?? true;
  }

  static async open(url?: string, options: StoreOptions = {}): Promise<SqlStore> {
    return new SqlStore(await connect(url), options);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  // ---- writes ----

  /**
   * A write transaction. On SQLite it takes the write lock at BEGIN (IMMEDIATE), so that two processes
   * writing at once wait for each other (busy timeout) instead of failing when a read turns into a write.
   */
  private async writeTransaction<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    if (this.dialect === "postgres") return this.db.transaction().execute(fn);
    return this.db.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn);
      try {
        const out = await fn(conn);
        await sql`commit`.execute(conn);
        return out;
      } catch (e) {
        await sql`rollback`.execute(conn).catch(() => undefined);
        throw e;
      }
    });
  }

  async ingestText(text: string, meta: IngestMeta): Promise<IngestResult> {
    if (!text.trim()) return { status: "failed", documentId: null, facts: 0, reason: NO_TEXT };
    return this.saveExtraction(extractFor(text, meta), meta);
  }

  async saveExtraction(x: Extraction, meta: IngestMeta): Promise<IngestResult> {
    const [r] = await this.saveBatch([{ x, meta }]);
    return r!;
  }

  /** Several documents in one transaction (the dataset import); attacks recomputed once at the end. */
  async saveBatch(items: BatchItem[], retried = false): Promise<IngestResult[]> {
    try {
      return await this.writeTransaction(async (trx) => {
        const results: IngestResult[] = [];
        const touched = new Set<string>();
        const known = await knownDocuments(trx, items);
        for (const it of items) {
          const out = await saveDocument(trx, it.x, it.meta, it.additiveGroup ?? null, known, this.writer);
          results.push(out.result);
          for (const t of out.touched) touched.add(t);
        }
        const ids = [...touched].sort();
        await refreshReadModels(trx, ids, await rebuildAttacks(trx, ids, this.dialect, this.writer), this.dialect, this.writer);
        await bumpCounters(trx, results.filter((r) => r.status === "new" || r.status === "revised").length);
        return results;
      });
    } catch (e) {
      // Another process stored the same content (or took the same revision) meanwhile: retry once, which sees it.
      if (!retried && /unique|duplicate key/i.test((e as Error).message)) return this.saveBatch(items, true);
      throw new SalvoError("SALVO_STORE_FAILED", `cannot store the document: ${(e as Error).message}`);
    }
  }

  /**
   * Many documents in one transaction, written in bulk (`writeDocuments`) rather than document by document:
   * the dataset import. Same rows, ids and results as `saveBatch`; attacks recomputed once at the end.
   * `onStep` hears how long each step took (the bench's breakdown).
   */
  async importBatch(items: BatchItem[], opts: { onStep?: (step: ImportStep, ms: number) => void; file?: DatasetFile } = {}): Promise<IngestResult[]> {
    try {
      return await this.importOnce(items, opts.onStep, opts.file);
    } catch (e) {
      // As in `saveBatch`: another process stored some of these documents meanwhile; the retry sees them.
      if (/unique|duplicate key/i.test((e as Error).message)) {
        try {
          return await this.importOnce(items, opts.onStep, opts.file);
        } catch (again) {
          e = again;
        }
      }
      throw new SalvoError("SALVO_STORE_FAILED", `cannot store the documents: ${(e as Error).message}`);
    }
  }

  private async importOnce(items: BatchItem[], onStep?: (step: ImportStep, ms: number) => void, file?: DatasetFile): Promise<IngestResult[]> {
    let t = performance.now();
    const step = (name: ImportStep) => {
      const now = performance.now();
      onStep?.(name, now - t);
      t = now;
    };
    const results = await this.writeTransaction(async (trx) => {
      const { results, touched } = await writeDocuments(trx, items, this.dialect, this.writer);
      step("write");
      const ids = [...touched].sort();
      const rebuilt = await rebuildAttacks(trx, ids, this.dialect, this.writer);
      step("attacks");
      await refreshReadModels(trx, ids, rebuilt, this.dialect, this.writer);
      await bumpCounters(trx, results.filter((r) => r.status === "new" || r.status === "revised").length);
      // With the rows it names: a file is known only once every row it converted is stored.
      if (file) {
        await sql`insert into dataset_files (sha256, rows, failed) values (${file.sha256}, ${file.rows}, ${JSON.stringify(file.failed)})
          on conflict (sha256) do update set rows = excluded.rows, failed = excluded.failed`.execute(trx);
      }
      step("read models");
      return results;
    });
    step("commit");
    return results;
  }

  /** A dataset file imported whole before (by the sha256 of its bytes); null when unknown. */
  async datasetFile(sha256: string): Promise<DatasetFile | null> {
    const row = await this.db.selectFrom("dataset_files").selectAll().where("sha256", "=", sha256).executeTakeFirst();
    if (!row) return null;
    const failed = parseJson<unknown>(row.failed, null);
    // Unreadable: as if unknown (the file is imported again, which finds its rows stored).
    if (!Array.isArray(failed) || !failed.every((n) => Number.isInteger(n))) return null;
    return { sha256: row.sha256, rows: Number(row.rows), failed: failed as number[] };
  }

  /** Ids of stored documents by content hash: one query for all of them (ingest skips extracting these texts). */
  async documentsByHash(hashes: string[]): Promise<Map<string, number>> {
    if (!hashes.length) return new Map();
    return (await lookUp(this.db, this.dialect, [...new Set(hashes)], [])).bySha;
  }

  /** Recomputes every attack (after a change of rules). */
  async rebuildAll(): Promise<number> {
    const ids = await this.db.selectFrom("attacks").select("id").orderBy("id").execute();
    await this.writeTransaction(async (trx) => {
      const all = ids.map((r) => r.id);
      await refreshReadModels(trx, all, await rebuildAttacks(trx, all, this.dialect, this.writer), this.dialect, this.writer);
      await bumpCounters(trx, 0);
    });
    return ids.length;
  }

  /**
   * A read on SQLite through reused prepared statements. It never sees a write transaction of this process half
   * done: with none open on the connection it runs at once (better-sqlite3 is synchronous, so no write of this
   * process can start before it ends), else it waits for the connection like any query, until the commit.
   */
  private sqliteRead<T>(fn: (w: SqliteWriter) => T): Promise<T> | null {
    const w = this.writer;
    if (!w) return null;
    if (!w.inTransaction) {
      try {
        return Promise.resolve(fn(w));
      } catch (e) {
        return Promise.reject(e as Error);
      }
    }
    return this.db.connection().execute(async () => fn(w));
  }

  // ---- counters ----

  async version(): Promise<number> {
    const fast = this.sqliteRead((w) => (w.stmt("select value from salvo_meta where key = 'version'").get() as { value: number } | undefined)?.value ?? 0);
    if (fast) return Number(await fast);
    const row = await this.db.selectFrom("salvo_meta").select("value").where("key", "=", "version").executeTakeFirst();
    return Number(row?.value ?? 0);
  }

  async documentCount(): Promise<number> {
    if (!this.readModels) {
      const { n } = await this.db.selectFrom("documents").select(sql<number>`cast(count(*) as integer)`.as("n")).executeTakeFirstOrThrow();
      return Number(n);
    }
    const fast = this.sqliteRead((w) => (w.stmt("select value from salvo_meta where key = 'documents'").get() as { value: number } | undefined)?.value ?? 0);
    if (fast) return Number(await fast);
    const row = await this.db.selectFrom("salvo_meta").select("value").where("key", "=", "documents").executeTakeFirst();
    return Number(row?.value ?? 0);
  }

  // ---- attacks ----

  /** A page of attack summaries as the API sends them, from the read models. */
  async attackPageJson(filter: AttackFilter, page: AttackPage): Promise<AttackPageJson & { json: Buffer }> {
    if (!this.readModels) {
      const p = await this.computeAttackPage(filter, page);
      const last = p.rows[p.rows.length - 1];
      return { json: listJson(p.total, page.limit, page.offset, p.items.map((i) => summaryJson(i))), next: last && p.rows.length === page.limit ? cursorOf(page.sort, last) : null };
    }
    const fast = this.sqliteRead((w) => attackPage(w, filter, page));
    if (fast) return fast;
    const p = await this.summaryRows(filter, page);
    return { json: listJson(p.total, page.limit, page.offset, p.items), next: p.next };
  }

  async listAttacks(filter: AttackFilter, page: AttackPage): Promise<Page<AttackSummary>> {
    if (!this.readModels) {
      const p = await this.computeAttackPage(filter, page);
      return { total: p.total, items: p.items };
    }
    if (this.writer) {
      const { json } = await this.attackPageJson(filter, page);
      return parseSummaryPage(json.toString("utf8"));
    }
    const p = await this.summaryRows(filter, page);
    return { total: p.total, items: p.items.map(parseSummary) };
  }

  /** A page's stored summaries, one string each, through the query builder (PostgreSQL). */
  private async summaryRows(filter: AttackFilter, page: AttackPage): Promise<{ total: number; items: string[]; next: string | null }> {
    const o = LIST_ORDER[page.sort];
    const base = this.db.selectFrom("attacks").where((eb) => attackConditions(eb, filter));
    const { total } = await base.select(sql<number>`cast(count(*) as integer)`.as("total")).executeTakeFirstOrThrow();
    let q = base
      .innerJoin("attack_views", "attack_views.id", "attacks.id")
      .select(["attacks.id as id", "attacks.date as date", "attacks.launched_sort as launched_sort", "attacks.size_sort as size_sort", "attack_views.summary as summary"]);
    if (page.cursor) {
      const c = page.cursor;
      q = q.where((eb) =>
        eb.or([
          eb(`attacks.${o.col}`, o.dir === "asc" ? ">" : "<", c.key as never),
          eb.and([eb(`attacks.${o.col}`, "=", c.key as never), eb("attacks.id", o.idDir === "asc" ? ">" : "<", c.id)]),
        ]),
      );
    }
    const rows = await q.orderBy(`attacks.${o.col}`, o.dir).orderBy("attacks.id", o.idDir).limit(page.limit).offset(page.cursor ? 0 : page.offset).execute();
    const last = rows[rows.length - 1];
    return { total: Number(total), items: rows.map((r) => r.summary), next: last && rows.length === page.limit ? cursorOf(page.sort, last) : null };
  }

  /** The page recomputed from the claims (no read model). */
  private async computeAttackPage(filter: AttackFilter, page: AttackPage): Promise<{ total: number; items: AttackSummary[]; rows: AttackRow[] }> {
    const base = this.db.selectFrom("attacks").where((eb) => attackConditions(eb, filter));
    const { total } = await base.select(sql<number>`cast(count(*) as integer)`.as("total")).executeTakeFirstOrThrow();
    let q = base.selectAll("attacks");
    const o = LIST_ORDER[page.sort];
    if (page.sort === "size" || page.sort === "-size") {
      q = q.orderBy(sql`coalesce(attacks.launched, attacks.intercepted, -1)`, o.dir).orderBy("attacks.id", "asc");
    } else {
      q = q.orderBy(`attacks.${o.col}`, o.dir).orderBy("attacks.id", o.idDir);
    }
    if (page.cursor) {
      const c = page.cursor;
      const expr = o.col === "size_sort" ? sql<number>`coalesce(attacks.launched, attacks.intercepted, -1)` : sql.ref(`attacks.${o.col}`);
      q = q.where((eb) =>
        eb.or([
          eb(expr, o.dir === "asc" ? ">" : "<", c.key as never),
          eb.and([eb(expr, "=", c.key as never), eb("attacks.id", o.idDir === "asc" ? ">" : "<", c.id)]),
        ]),
      );
    }
    const rows = await q.limit(page.limit).offset(page.cursor ? 0 : page.offset).execute();
    const items: AttackSummary[] = [];
    for (const row of rows) items.push(summaryOf(row, await this.recordChecks(row)));
    return { total: Number(total), items, rows: rows.map((r) => ({ ...r, size_sort: r.launched ?? r.intercepted ?? -1 })) };
  }

  async attacksOn(date: string): Promise<string[]> {
    const rows = await this.db.selectFrom("attacks").select("id").where("date", "=", date).where("documents", ">", 0).orderBy("id").execute();
    return rows.map((r) => r.id);
  }

  private attackIdOf(idOrDate: string, at?: { attacker: Side; target: Side }): string {
    return DATE_RE.test(idOrDate) ? attackId(idOrDate, at?.attacker ?? "RU", at?.target ?? "UA") : idOrDate;
  }

  /** One attack's detail as the API sends it, from the read model; null when unknown. */
  async attackJson(idOrDate: string, at?: { attacker: Side; target: Side }): Promise<Buffer | null> {
    if (!this.readModels) {
      const d = await this.computeAttack(this.attackIdOf(idOrDate, at));
      return d ? Buffer.from(detailJson(d), "utf8") : null;
    }
    const id = this.attackIdOf(idOrDate, at);
    const fast = this.sqliteRead((w) => attackDetail(w, id));
    if (fast) return fast;
    const row = await this.db.selectFrom("attack_details").select("detail").where("id", "=", id).executeTakeFirst();
    return row ? Buffer.from(row.detail, "utf8") : null;
  }

  async getAttack(idOrDate: string, at?: { attacker: Side; target: Side }): Promise<AttackDetail | null> {
    if (!this.readModels) return this.computeAttack(this.attackIdOf(idOrDate, at));
    const json = await this.attackJson(idOrDate, at);
    return json === null ? null : parseDetail(json.toString("utf8"));
  }

  /** The detail recomputed from the claims (no read model). */
  private async computeAttack(id: string): Promise<AttackDetail | null> {
    const loaded = await loadAttack(this.db, id);
    if (!loaded || loaded.row.documents === 0) return null;
    const built = buildAttack(loaded.input);
    const periodEvidence = new Map<number, Evidence[]>();
    for (const [rid, p] of loaded.periods) periodEvidence.set(rid, parseJson<Period | null>(p, null)?.provenance.evidence ?? []);
    const docIds = [...new Set(loaded.input.reports.map((r) => r.doc.id))].sort((a, b) => a - b);
    return detailOf({
      row: loaded.row,
      built,
      prov: loaded.prov,
      periodEvidence,
      docs: await documentsById(this.db, docIds),
      docIds,
      checks: await this.recordChecks(loaded.row),
    });
  }

  // ---- records ----

  /** The largest attack by one metric among attacks between these sides up to a date (inclusive or not). */
  private async largest(
    metric: RecordMetric,
    at: { attacker: string; target: string },
    range: { from?: string; to: string; inclusive: boolean },
    all = false,
  ): Promise<RecordHolder | null> {
    const col = recordColumn(metric, all);
    let q = this.db
      .selectFrom("attacks")
      .selectAll()
      .where("attacker", "=", at.attacker)
      .where("target", "=", at.target)
      .where("documents", ">", 0)
      .where(col, "is not", null)
      .where("date", range.inclusive ? "<=" : "<", range.to);
    if (range.from) q = q.where("date", ">=", range.from);
    const row = await q.orderBy(col, "desc").orderBy("date", "asc").orderBy("id", "asc").limit(1).executeTakeFirst();
    if (!row) return null;
    const basis = metric === "any" ? ((all ? row.all_any_basis : row.rec_any_basis) as "any" | "sum") : "class";
    return { id: row.id, date: row.date, attacker: row.attacker as Side, target: row.target as Side, n: row[col]!, basis };
  }

  /** The running records of one direction (the read model), by series. */
  private async marks(at: { attacker: string; target: string }, series: string[]): Promise<MarkIndex> {
    const fast = this.sqliteRead((w) =>
      w
        .stmt(`select * from record_marks where attacker = ? and target = ? and series in (${series.map(() => "?").join(", ")})`)
        .all(at.attacker, at.target, ...series) as Array<Selectable<Database["record_marks"]>>,
    );
    if (fast) return indexMarks(await fast);
    const rows = await this.db
      .selectFrom("record_marks")
      .selectAll()
      .where("attacker", "=", at.attacker)
      .where("target", "=", at.target)
      .where("series", "in", series)
      .execute();
    return indexMarks(rows);
  }

  async recordMarks(metric: RecordMetric, options: RecordsOptions = {}): Promise<RecordMarks> {
    const at = { attacker: options.attacker ?? "RU", target: options.target ?? "UA" };
    const all = options.allClaimants ?? false;
    const items: RecordMark[] = [];
    const label = this.metricLabel(at.target as Side, all);
    const head = { attacker: at.attacker as Side, target: at.target as Side, metric, claimant: all ? ("all" as const) : (at.target as Side), ...label };
    if (this.readModels) {
      const series = seriesName(all, metric, "all");
      const list = (await this.marks(at, [series])).get(markKey(at, series)) ?? [];
      for (let i = 1; i < list.length; i++) {
        const m = list[i]!;
        const p = list[i - 1]!;
        items.push({ id: m.attack_id, date: m.date, n: Number(m.n), previous: { id: p.attack_id, date: p.date, n: Number(p.n) } });
      }
      return { ...head, items };
    }
    const col = recordColumn(metric, all);
    const rows = await this.db
      .selectFrom("attacks")
      .select(["id", "date", col])
      .where("attacker", "=", at.attacker)
      .where("target", "=", at.target)
      .where("documents", ">", 0)
      .where(col, "is not", null)
      .orderBy("date")
      .orderBy("id")
      .execute();
    let best: { id: string; date: string; n: number } | null = null;
    for (const r of rows) {
      const n = Number(r[col]);
      // Ties go to the earlier attack, as in `records`.
      if (best && n > best.n) items.push({ id: r.id, date: r.date, n, previous: best });
      if (!best || n > best.n) best = { id: r.id, date: r.date, n };
    }
    return { ...head, items };
  }

  private metricLabel(target: Side, all: boolean): { outcome: "launched" | "intercepted"; metric_label: string } {
    const outcome = recordOutcome(target);
    return {
      outcome,
      metric_label: all
        ? `${outcome}, whichever side's figure was chosen`
        : target === "UA"
          ? `${outcome}, as Ukraine states it (its Air Force first)`
          : `${outcome}, as Russia states it (its defence ministry first)`,
    };
  }

  async records(asOf?: string, options: RecordsOptions = {}): Promise<RecordsResult> {
    const at = { attacker: options.attacker ?? "RU", target: options.target ?? "UA" };
    const all = options.allClaimants ?? false;
    const to = asOf ?? "9999-12-31";
    const METRICS = ["any", "drone", "missile"] as const;
    // SQLite: each holder is one row read backwards from the date in the marks' index, not the whole series.
    const fast = this.readModels
      ? this.sqliteRead((w) => {
          const entry = (metric: RecordMetric): RecordEntry => {
            const series = seriesName(all, metric, "all");
            const mark = recordMark(w, at, series, to, true);
            const earlier = mark ? recordMark(w, at, series, mark.date, false) : null;
            return { metric, record: mark ? holderOf(mark) : null, previous: earlier ? holderOf(earlier) : null };
          };
          return { any: entry("any"), drone: entry("drone"), missile: entry("missile") };
        })
      : null;
    const index = this.readModels && !fast ? await this.marks(at, METRICS.map((m) => seriesName(all, m, "all"))) : null;
    const entry = async (metric: RecordMetric): Promise<RecordEntry> => {
      if (index) {
        const key = markKey(at, seriesName(all, metric, "all"));
        const record = holderAt(index, key, to, true);
        const previous = record ? holderAt(index, key, record.date, false) : null;
        return { metric, record, previous };
      }
      const record = await this.largest(metric, at, { to, inclusive: true }, all);
      const previous = record ? await this.largest(metric, at, { to: record.date, inclusive: false }, all) : null;
      return { metric, record, previous };
    };
    return {
      as_of: asOf ?? null,
      attacker: at.attacker as Side,
      target: at.target as Side,
      claimant: all ? "all" : (at.target as Side),
      ...this.metricLabel(at.target as Side, all),
      records: fast ? await fast : { any: await entry("any"), drone: await entry("drone"), missile: await entry("missile") },
    };
  }

  /** Record claims about this attack, each checked against the attacks stored before its date (recomputed). */
  private async recordChecks(row: AttackRow): Promise<RecordCheck[]> {
    const claims = (await recordClaimsOf(this.db, [row.id])).get(row.id) ?? [];
    const out: RecordCheck[] = [];
    for (const c of claims) {
      const from = recordScopeStart(row, c.scope as RecordScope);
      out.push(recordCheckOf(row, c, await this.largest(c.metric as RecordMetric, row, { from, to: row.date, inclusive: false })));
    }
    return out;
  }

  // ---- aggregates ----

  async timeline(filter: AttackFilter, bucket: "day" | "week" | "month"): Promise<TimelineRow[]> {
    if (this.readModels && !filter.weapon && !filter.region) return this.timelineFromBuckets(filter, bucket);
    const rows = await this.db
      .selectFrom("attack_side_totals")
      .innerJoin("attacks", "attacks.id", "attack_side_totals.attack_id")
      .where((eb) => attackConditions(eb, filter))
      .select([
        "attacks.date as date",
        "attacks.attacker as attacker",
        "attacks.target as target",
        "attack_side_totals.side as side",
        "attack_side_totals.weapon as weapon",
        "attack_side_totals.launched as launched",
        "attack_side_totals.intercepted as intercepted",
        "attack_side_totals.suppressed as suppressed",
      ])
      .orderBy("attacks.date")
      .orderBy("attacks.id")
      .execute();
    const wanted = filter.weapon ?? null;
    return sumBuckets(
      rows.filter((r) => (wanted ? r.weapon === wanted : true)).map((r) => ({ ...r, claimant: r.side, period: r.date })),
      bucket,
    );
  }

  async timelineJson(filter: AttackFilter, bucket: "day" | "week"): Promise<Buffer | null> {
    if (!this.readModels || filter.weapon || filter.region || (bucket !== "day" && (filter.from || filter.to))) return null;
    if (!filter.attacker && !filter.target) {
      // Both sides: each period's rows are one stored text, and the timeline is those texts in period order.
      const fast = this.sqliteRead((w) => timelinePeriods(w, filter, bucket));
      if (fast) return fast;
      let q = this.db.selectFrom("timeline_periods").select(["period", "row_count", "json"]).where("bucket", "=", bucket);
      if (filter.from) q = q.where("period", ">=", filter.from);
      if (filter.to) q = q.where("period", "<=", filter.to);
      // Sorted here, not in SQL: text collation differs between PostgreSQL servers and SQLite.
      const periods = (await q.execute()).sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
      let count = 0;
      for (const p of periods) count += Number(p.row_count);
      return listJson(count, count, 0, periods.map((p) => p.json));
    }
    const conds = ["bucket = ?"];
    const params: unknown[] = [bucket];
    if (filter.from) conds.push("period >= ?"), params.push(filter.from);
    if (filter.to) conds.push("period <= ?"), params.push(filter.to);
    if (filter.attacker) conds.push("attacker = ?"), params.push(filter.attacker);
    if (filter.target) conds.push("target = ?"), params.push(filter.target);
    const sqlText = `select sort_key, json from timeline_buckets where ${conds.join(" and ")}`;
    const fast = this.sqliteRead((w) => w.stmt(sqlText).all(...params) as Array<{ sort_key: string; json: string }>);
    let rows: Array<{ sort_key: string; json: string }>;
    if (fast) rows = await fast;
    else {
      let q = this.db.selectFrom("timeline_buckets").select(["sort_key", "json"]).where("bucket", "=", bucket);
      if (filter.from) q = q.where("period", ">=", filter.from);
      if (filter.to) q = q.where("period", "<=", filter.to);
      if (filter.attacker) q = q.where("attacker", "=", filter.attacker);
      if (filter.target) q = q.where("target", "=", filter.target);
      rows = await q.execute();
    }
    // Sorted here, not in SQL: text collation differs between PostgreSQL servers and SQLite.
    const json = rows.sort((a, b) => (a.sort_key < b.sort_key ? -1 : a.sort_key > b.sort_key ? 1 : 0)).map((r) => r.json);
    return listJson(json.length, json.length, 0, json);
  }

  /** The timeline from the stored totals: the bucket's own rows, or day rows summed when a date range cuts periods. */
  private async timelineFromBuckets(filter: AttackFilter, bucket: "day" | "week" | "month"): Promise<TimelineRow[]> {
    const ranged = Boolean(filter.from || filter.to);
    const source = bucket === "day" || ranged ? "day" : bucket;
    let q = this.db.selectFrom("timeline_buckets").selectAll().where("bucket", "=", source);
    if (filter.from) q = q.where("period", ">=", filter.from);
    if (filter.to) q = q.where("period", "<=", filter.to);
    if (filter.attacker) q = q.where("attacker", "=", filter.attacker);
    if (filter.target) q = q.where("target", "=", filter.target);
    const rows = await q.execute();
    if (source !== bucket) return sumBuckets(rows, bucket);
    return rows
      .map((r) => ({ key: bucketKey(r), row: timelineRow(r) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((x) => x.row);
  }

  async regionsAggregate(filter: AttackFilter): Promise<RegionRow[]> {
    const rows = await this.db
      .selectFrom("attack_regions")
      .innerJoin("attacks", "attacks.id", "attack_regions.attack_id")
      .where((eb) => attackConditions(eb, filter))
      .select([
        "attack_regions.region as region",
        sql<number>`cast(count(*) as integer)`.as("attacks"),
        sql<number>`cast(coalesce(sum(attack_regions.launched), 0) as integer)`.as("launched"),
        sql<number>`cast(coalesce(sum(attack_regions.intercepted), 0) as integer)`.as("intercepted"),
        sql<number>`cast(coalesce(sum(attack_regions.hit), 0) as integer)`.as("hit"),
        sql<number>`cast(coalesce(sum(attack_regions.casualties), 0) as integer)`.as("casualties"),
      ])
      .groupBy("attack_regions.region")
      .orderBy("attack_regions.region")
      .execute();
    // Sorted here, not in SQL: text collation differs between servers (C vs en_US) and SQLite.
    rows.sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : 0));
    return rows.map((r) => ({
      region: r.region,
      attacks: Number(r.attacks),
      launched: Number(r.launched),
      intercepted: Number(r.intercepted),
      hit: Number(r.hit),
      casualties: Number(r.casualties),
    }));
  }

  async exportRows(filter: AttackFilter): Promise<ExportRow[]> {
    const rows = await this.db
      .selectFrom("attack_figures")
      .innerJoin("attacks", "attacks.id", "attack_figures.attack_id")
      .where((eb) => attackConditions(eb, filter))
      .select([
        "attacks.id as attack_id",
        "attacks.date as date",
        "attacks.attacker as attacker",
        "attacks.target as target",
        "attacks.night as night",
        "attack_figures.weapon as weapon",
        "attack_figures.model as model",
        "attack_figures.outcome as outcome",
        "attack_figures.region as region",
        "attack_figures.n as n",
        "attack_figures.qualifier as qualifier",
        "attack_figures.chosen_side as chosen_side",
        "attack_figures.chosen_org as chosen_org",
        "attack_figures.claims as claims",
        "attack_figures.conflict as conflict",
        "attack_figures.document_ids as document_ids",
        "attack_figures.windows as windows",
        "attack_figures.id as fid",
      ])
      .orderBy("attacks.date")
      .orderBy("attacks.id")
      .orderBy("attack_figures.id")
      .execute();
    const out: ExportRow[] = [];
    for (const r of rows) {
      const base = {
        attack_id: r.attack_id,
        date: r.date,
        attacker: r.attacker as Side,
        target: r.target as Side,
        night: r.night === 1,
        weapon: r.weapon as Weapon,
        model: r.model,
        outcome: r.outcome as ExportRow["outcome"],
        region: r.region,
        chosen_side: r.chosen_side as Side | null,
        chosen_org: r.chosen_org as Org | null,
      };
      const windows = parseJson<WindowValue[]>(r.windows, []);
      // A day made of several windows: each window's row first, then the day's sum.
      if (windows.length > 1) {
        for (const w of windows) {
          out.push({
            ...base,
            n: w.n,
            qualifier: w.qualifier,
            claims: w.stands_for.length,
            conflict: r.conflict === 1,
            document_ids: w.document_ids ?? [],
            row: "window",
            window: w.window.label,
            window_start: pointText(w.window.start),
            window_end: pointText(w.window.end),
            basis: null,
          });
        }
      }
      const one = windows.length === 1 ? windows[0]! : null;
      out.push({
        ...base,
        n: r.n,
        qualifier: r.qualifier as Qualifier | null,
        claims: r.claims,
        conflict: r.conflict === 1,
        document_ids: parseJson<number[]>(r.document_ids, []),
        row: "day",
        window: one ? one.window.label : windows.length > 1 ? `day (sum of ${windows.length} windows)` : "",
        window_start: one ? pointText(one.window.start) : null,
        window_end: one ? pointText(one.window.end) : null,
        basis: windows.length === 0 ? null : windows.length > 1 ? "sum" : "window",
      });
    }
    return out;
  }

  /** One row per attack and region (for the GeoJSON export). */
  async attackRegionRows(filter: AttackFilter): Promise<Array<{ attack_id: string; date: string; attacker: Side; target: Side; region: string; launched: number | null; intercepted: number | null; hit: number | null; casualties: number | null }>> {
    const rows = await this.db
      .selectFrom("attack_regions")
      .innerJoin("attacks", "attacks.id", "attack_regions.attack_id")
      .where((eb) => attackConditions(eb, filter))
      .select([
        "attacks.id as attack_id",
        "attacks.date as date",
        "attacks.attacker as attacker",
        "attacks.target as target",
        "attack_regions.region as region",
        "attack_regions.launched as launched",
        "attack_regions.intercepted as intercepted",
        "attack_regions.hit as hit",
        "attack_regions.casualties as casualties",
      ])
      .orderBy("attacks.date")
      .orderBy("attacks.id")
      .orderBy("attack_regions.region")
      .execute();
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    rows.sort((a, b) => cmp(a.date, b.date) || cmp(a.attack_id, b.attack_id) || cmp(a.region, b.region));
    return rows.map((r) => ({ ...r, attacker: r.attacker as Side, target: r.target as Side }));
  }

  /** Whether a current document was fetched from this URL (watch skips refetching it). */
  async knownUrl(url: string): Promise<boolean> {
    const row = await this.db.selectFrom("documents").select("id").where("identity", "=", `url:${url}`).executeTakeFirst();
    return row !== undefined;
  }

  // ---- documents ----

  async listDocuments(page: DocumentPage, filter: DocumentFilter = {}): Promise<Page<DocumentSummary>> {
    let base = this.db.selectFrom("documents");
    if (filter.lang) base = base.where("lang", "=", filter.lang);
    if (filter.kind) base = base.where("kind", "=", filter.kind);
    const { total } = await base.select(sql<number>`cast(count(*) as integer)`.as("total")).executeTakeFirstOrThrow();
    const rows = await base
      .select([
        "id", "sha256", "url", "channel", "post_id", "publisher", "lang", "kind", "published", "updated",
        "fetched", "title", "current", "revision_of",
      ])
      .select(sql<number>`cast((select count(*) from reports r where r.document_id = documents.id) as integer)`.as("report_count"))
      .select(
        sql<number>`cast((select count(*) from counts c where c.document_id = documents.id) + (select count(*) from casualties c where c.document_id = documents.id) + (select count(*) from targets c where c.document_id = documents.id) + (select count(*) from launch_areas c where c.document_id = documents.id) + (select count(*) from record_claims c where c.document_id = documents.id) + (select count(*) from places c where c.document_id = documents.id) as integer)`.as("fact_count"),
      )
      .orderBy("id", "desc")
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return {
      total: Number(total),
      items: rows.map((d) => ({
        ...docRef(d),
        sha256: d.sha256,
        updated: d.updated,
        fetched: d.fetched,
        current: d.current === 1,
        revision_of: d.revision_of,
        report_count: Number(d.report_count),
        fact_count: Number(d.fact_count),
      })),
    };
  }

  async getDocument(id: number): Promise<DocumentDetail | null> {
    const d = await this.db.selectFrom("documents").selectAll().where("id", "=", id).executeTakeFirst();
    if (!d) return null;
    const reports = await this.db.selectFrom("reports").selectAll().where("document_id", "=", id).orderBy("ordinal").execute();
    const ids = reports.map((r) => r.id);
    const none = [-1];
    const rids = ids.length ? ids : none;
    const counts = await this.db.selectFrom("counts").selectAll().where("report_id", "in", rids).orderBy("id").execute();
    const casualties = await this.db.selectFrom("casualties").selectAll().where("report_id", "in", rids).orderBy("id").execute();
    const targets = await this.db.selectFrom("targets").selectAll().where("report_id", "in", rids).orderBy("id").execute();
    const launch = await this.db.selectFrom("launch_areas").selectAll().where("report_id", "in", rids).orderBy("id").execute();
    const records = await this.db.selectFrom("record_claims").selectAll().where("report_id", "in", rids).orderBy("id").execute();
    const places = await this.db.selectFrom("places").selectAll().where("report_id", "in", rids).orderBy("id").execute();
    const prov = (f: { rule: string | null; sentence_start: number | null; sentence_end: number | null; evidence: string | null }) =>
      f.rule === null
        ? null
        : { rule: f.rule, sentence: { start: f.sentence_start ?? 0, end: f.sentence_end ?? 0 }, evidence: parseJson<Evidence[]>(f.evidence, []) };
    const stored: StoredReport[] = reports.map((r) => {
      const mine = <F extends { report_id: number }>(rows: F[]) => rows.filter((x) => x.report_id === r.id);
      return {
        id: r.id,
        attack_id: r.attack_id,
        claimant: r.claimant as Claimant,
        claimant_orgs: parseJson<Org[]>(r.claimant_orgs, []),
        attacker: r.attacker as Side,
        target: r.target as Side,
        date: r.date,
        night: r.night === 1,
        period: parseJson<Period | null>(r.period, null),
        counts: mine(counts).map((c) => ({ id: c.id, provenance: prov(c), weapon: c.weapon as Weapon, model: c.model, outcome: c.outcome as ExportRow["outcome"], n: c.n, qualifier: c.qualifier as Qualifier, region: c.region })),
        casualties: mine(casualties).map((c) => ({ id: c.id, provenance: prov(c), kind: c.kind as StoredReport["casualties"][number]["kind"], n: c.n, qualifier: c.qualifier as Qualifier, region: c.region })),
        targets: mine(targets).map((c) => ({ id: c.id, provenance: prov(c), region: c.region })),
        launch_areas: mine(launch).map((c) => ({ id: c.id, provenance: prov(c), region: c.region })),
        record_claims: mine(records).map((c) => ({ id: c.id, provenance: prov(c), metric: c.metric as RecordMetric, scope: c.scope as RecordScope })),
        places: mine(places).map((c) => ({ id: c.id, provenance: prov(c), name: c.name, region: c.region, role: c.role as StoredReport["places"][number]["role"] })),
      };
    });
    const factCount = counts.length + casualties.length + targets.length + launch.length + records.length + places.length;
    return {
      ...docRef(d),
      sha256: d.sha256,
      updated: d.updated,
      fetched: d.fetched,
      current: d.current === 1,
      revision_of: d.revision_of,
      report_count: reports.length,
      fact_count: factCount,
      text: d.text,
      source_ref: parseJson(d.source_ref, null),
      reports: stored,
    };
  }
}

/** A window's stated start or end: `2025-07-03 18:00 Europe/Kyiv`, `08:00 Europe/Moscow`; null when not stated. */
function pointText(p: PeriodPoint | null): string | null {
  return p ? [p.date, p.time, p.zone].filter((x) => x).join(" ") : null;
}

type AttackRow = Selectable<Database["attacks"]>;

function timelineRow(r: { period: string; attacker: string; target: string; claimant: string; weapon: string; launched: number | null; intercepted: number | null; suppressed: number | null }): TimelineRow {
  return {
    period: r.period,
    attacker: r.attacker as Side,
    target: r.target as Side,
    claimant: r.claimant as Side,
    weapon: r.weapon as Weapon,
    launched: r.launched === null ? null : Number(r.launched),
    intercepted: r.intercepted === null ? null : Number(r.intercepted),
    suppressed: r.suppressed === null ? null : Number(r.suppressed),
  };
}

/** Rows of days (or attacks) summed per period of a bucket, in the API's order. */
function sumBuckets(
  rows: Array<{ period: string; attacker: string; target: string; claimant: string; weapon: string; launched: number | null; intercepted: number | null; suppressed: number | null }>,
  bucket: "day" | "week" | "month",
): TimelineRow[] {
  const acc = new Map<string, TimelineRow>();
  for (const r of rows) {
    const period = periodOf(bucket, r.period);
    const key = bucketKey({ ...r, period });
    const cur = acc.get(key) ?? timelineRow({ ...r, period, launched: null, intercepted: null, suppressed: null });
    cur.launched = addFigure(cur.launched, r.launched === null ? null : Number(r.launched));
    cur.intercepted = addFigure(cur.intercepted, r.intercepted === null ? null : Number(r.intercepted));
    cur.suppressed = addFigure(cur.suppressed, r.suppressed === null ? null : Number(r.suppressed));
    acc.set(key, cur);
  }
  return [...acc.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}
