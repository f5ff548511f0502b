// The store over one Kysely connection: writes in one transaction per document, reads for CLI and HTTP.
import { sql, type Kysely, type Selectable } from "kysely";
import { SalvoError } from "../errors.js";
import { extract } from "../extract/index.js";
import type {
  Claimant,
  DocKind,
  Evidence,
  Extraction,
  Lang,
  Org,
  Period,
  PeriodPoint,
  Qualifier,
  RecordMetric,
  RecordScope,
  Side,
  Weapon,
} from "../model/index.js";
import { buildAttack, recordOutcome, type SideAccount } from "../reconcile/attack.js";
import type { WindowValue } from "../reconcile/rules.js";
import { datasetRow } from "./dataset-row.js";
import type { FigureDecision } from "../reconcile/rules.js";
import { attackConditions } from "./filters.js";
import { connect, type Connection } from "./open.js";
import { loadAttack, rebuildAttacks } from "./rebuild.js";
import { attackId, knownDocuments, saveDocument } from "./save.js";
import type { Database } from "./schema.js";
import type {
  AttackDetail,
  AttackFilter,
  AttackPage,
  AttackRef,
  AttackSummary,
  ChosenValue,
  Dialect,
  DocumentDetail,
  DocumentFilter,
  DocumentPage,
  DocumentRef,
  DocumentSummary,
  ExportRow,
  FigureClaim,
  IngestMeta,
  IngestResult,
  Page,
  RecordCheck,
  RecordClaimSummary,
  RecordEntry,
  RecordHolder,
  RecordMark,
  RecordMarks,
  RecordsOptions,
  RecordsResult,
  RecordStatus,
  RegionRow,
  StoredReport,
  Store,
  TimelineRow,
  WeaponTotals,
} from "./types.js";

type AttackRow = Selectable<Database["attacks"]>;
type DocRow = Selectable<Database["documents"]>;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
/** Start of the full-scale invasion: the scope of "since the start of the war". */
export const WAR_START = "2022-02-24";

export interface BatchItem {
  x: Extraction;
  meta: IngestMeta;
  additiveGroup?: string | null;
}

function parseJson<T>(s: string | null, fallback: T): T {
  if (s === null) return fallback;
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
}

function docRef(d: Pick<DocRow, "id" | "publisher" | "url" | "channel" | "post_id" | "published" | "title" | "kind" | "lang">): DocumentRef {
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

export class SqlStore implements Store {
  readonly dialect: Dialect;
  readonly db: Kysely<Database>;

  private constructor(conn: Connection) {
    this.db = conn.db;
    this.dialect = conn.dialect;
  }

  static async open(url?: string): Promise<SqlStore> {
    return new SqlStore(await connect(url));
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
    if (!text.trim()) return { status: "failed", documentId: null, facts: 0, reason: "the document has no text" };
    const x = extract(text, {
      ...(meta.lang ? { lang: meta.lang } : {}),
      ...(meta.kind ? { kind: meta.kind } : {}),
      published: meta.published ?? null,
      publisher: meta.publisher ?? null,
      url: meta.url ?? null,
      channel: meta.channel ?? null,
      title: meta.title ?? null,
    });
    return this.saveExtraction(x, meta);
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
          const out = await saveDocument(trx, it.x, it.meta, it.additiveGroup ?? null, known);
          results.push(out.result);
          for (const t of out.touched) touched.add(t);
        }
        await rebuildAttacks(trx, [...touched].sort(), this.dialect);
        return results;
      });
    } catch (e) {
      // Another process stored the same content (or took the same revision) meanwhile: retry once, which sees it.
      if (!retried && /unique|duplicate key/i.test((e as Error).message)) return this.saveBatch(items, true);
      throw new SalvoError("SALVO_STORE_FAILED", `cannot store the document: ${(e as Error).message}`);
    }
  }

  /** Recomputes every attack (after a change of rules). */
  async rebuildAll(): Promise<number> {
    const ids = await this.db.selectFrom("attacks").select("id").orderBy("id").execute();
    await this.writeTransaction(async (trx) => {
      await rebuildAttacks(trx, ids.map((r) => r.id), this.dialect);
    });
    return ids.length;
  }

  // ---- attacks ----

  async listAttacks(filter: AttackFilter, page: AttackPage): Promise<Page<AttackSummary>> {
    const base = this.db.selectFrom("attacks").where((eb) => attackConditions(eb, filter));
    const { total } = await base.select(sql<number>`cast(count(*) as integer)`.as("total")).executeTakeFirstOrThrow();
    let q = base.selectAll("attacks");
    switch (page.sort) {
      case "date":
        q = q.orderBy("attacks.date", "asc").orderBy("attacks.id", "asc");
        break;
      case "-date":
        q = q.orderBy("attacks.date", "desc").orderBy("attacks.id", "desc");
        break;
      case "launched":
        q = q.orderBy("attacks.launched_sort", "asc").orderBy("attacks.id", "asc");
        break;
      case "-launched":
        q = q.orderBy("attacks.launched_sort", "desc").orderBy("attacks.id", "asc");
        break;
      case "size":
      case "-size":
        q = q.orderBy(sql`coalesce(attacks.launched, attacks.intercepted, -1)`, page.sort === "size" ? "asc" : "desc").orderBy("attacks.id", "asc");
        break;
    }
    const rows = await q.limit(page.limit).offset(page.offset).execute();
    const items: AttackSummary[] = [];
    for (const row of rows) items.push(await this.summary(row));
    return { total: Number(total), items };
  }

  private async summary(row: AttackRow): Promise<AttackSummary> {
    const checks = await this.recordChecks(row);
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

  async attacksOn(date: string): Promise<string[]> {
    const rows = await this.db.selectFrom("attacks").select("id").where("date", "=", date).where("documents", ">", 0).orderBy("id").execute();
    return rows.map((r) => r.id);
  }

  async getAttack(idOrDate: string, at?: { attacker: Side; target: Side }): Promise<AttackDetail | null> {
    const id = DATE_RE.test(idOrDate) ? attackId(idOrDate, at?.attacker ?? "RU", at?.target ?? "UA") : idOrDate;
    const loaded = await loadAttack(this.db, id);
    if (!loaded || loaded.row.documents === 0) return null;
    const built = buildAttack(loaded.input);
    const summary = await this.summary(loaded.row);

    const countIds = built.figures.flatMap((f) => f.decision.claims.map((c) => c.id));
    const casIds = built.casualties.flatMap((f) => f.decision.claims.map((c) => c.id));
    const prov = new Map<string, { rule: string | null; s: number | null; e: number | null; ev: string | null; doc: number; report: number }>();
    for (const [table, ids] of [["counts", countIds], ["casualties", casIds]] as const) {
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        const rows = await this.db
          .selectFrom(table)
          .select(["id", "rule", "sentence_start", "sentence_end", "evidence", "document_id", "report_id"])
          .where("id", "in", chunk)
          .execute();
        for (const r of rows) prov.set(`${table}:${r.id}`, { rule: r.rule, s: r.sentence_start, e: r.sentence_end, ev: r.evidence, doc: r.document_id, report: r.report_id });
      }
    }
    const periodEvidence = new Map<number, Evidence[]>();
    const reportIds = loaded.input.reports.map((r) => r.id);
    for (let i = 0; i < reportIds.length; i += 500) {
      const rows = await this.db.selectFrom("reports").select(["id", "period"]).where("id", "in", reportIds.slice(i, i + 500)).execute();
      for (const r of rows) periodEvidence.set(r.id, parseJson<Period | null>(r.period, null)?.provenance.evidence ?? []);
    }
    const docIds = [...new Set(loaded.input.reports.map((r) => r.doc.id))].sort((a, b) => a - b);
    const docs = new Map<number, DocRow>();
    for (let i = 0; i < docIds.length; i += 500) {
      const rows = await this.db.selectFrom("documents").selectAll().where("id", "in", docIds.slice(i, i + 500)).execute();
      for (const d of rows) docs.set(d.id, d);
    }
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
      ...summary,
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
      record_checks: await this.recordChecks(loaded.row),
      document_refs: docIds.map((d) => docRef(docs.get(d)!)),
    };
  }

  // ---- records ----

  private recordColumn(metric: RecordMetric, all: boolean): "rec_any" | "rec_drone" | "rec_missile" | "all_any" | "all_drone" | "all_missile" {
    return `${all ? "all" : "rec"}_${metric}` as "rec_any";
  }

  /** The largest attack by one metric among attacks between these sides up to a date (inclusive or not). */
  private async largest(
    metric: RecordMetric,
    at: { attacker: string; target: string },
    range: { from?: string; to: string; inclusive: boolean },
    all = false,
  ): Promise<RecordHolder | null> {
    const col = this.recordColumn(metric, all);
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

  async recordMarks(metric: RecordMetric, options: RecordsOptions = {}): Promise<RecordMarks> {
    const at = { attacker: options.attacker ?? "RU", target: options.target ?? "UA" };
    const all = options.allClaimants ?? false;
    const col = this.recordColumn(metric, all);
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
    const items: RecordMark[] = [];
    let best: { id: string; date: string; n: number } | null = null;
    for (const r of rows) {
      const n = Number(r[col]);
      // Ties go to the earlier attack, as in `records`.
      if (best && n > best.n) items.push({ id: r.id, date: r.date, n, previous: best });
      if (!best || n > best.n) best = { id: r.id, date: r.date, n };
    }
    const label = this.metricLabel(at.target as Side, all);
    return { attacker: at.attacker as Side, target: at.target as Side, metric, claimant: all ? "all" : (at.target as Side), ...label, items };
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
    const entry = async (metric: RecordMetric): Promise<RecordEntry> => {
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
      records: { any: await entry("any"), drone: await entry("drone"), missile: await entry("missile") },
    };
  }

  /** Record claims about this attack, each checked against the attacks stored before its date. */
  private async recordChecks(row: AttackRow): Promise<RecordCheck[]> {
    const claims = await this.db
      .selectFrom("record_claims")
      .innerJoin("reports", "reports.id", "record_claims.report_id")
      .innerJoin("documents", "documents.id", "record_claims.document_id")
      .select([
        "record_claims.id as id",
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
      .where("reports.attack_id", "=", row.id)
      .where("documents.current", "=", 1)
      .orderBy("record_claims.id")
      .execute();
    const out: RecordCheck[] = [];
    for (const c of claims) {
      const metric = c.metric as RecordMetric;
      const scope = c.scope as RecordScope;
      const value = row[this.recordColumn(metric, false)];
      const from = scope === "year" ? `${row.date.slice(0, 4)}-01-01` : WAR_START;
      const earlier = await this.largest(metric, row, { from, to: row.date, inclusive: false });
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
      out.push({
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
      });
    }
    return out;
  }

  // ---- aggregates ----

  async timeline(filter: AttackFilter, bucket: "day" | "week"): Promise<TimelineRow[]> {
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
    const acc = new Map<string, TimelineRow>();
    const add = (a: number | null, b: number | null) => (b === null ? a : (a ?? 0) + b);
    for (const r of rows) {
      if (wanted ? r.weapon !== wanted : false) continue;
      const period = bucket === "day" ? r.date : mondayOf(r.date);
      const key = `${period}|${r.attacker}|${r.target}|${r.side}|${r.weapon}`;
      const cur = acc.get(key) ?? {
        period,
        attacker: r.attacker as Side,
        target: r.target as Side,
        claimant: r.side as Side,
        weapon: r.weapon as Weapon,
        launched: null,
        intercepted: null,
        suppressed: null,
      };
      cur.launched = add(cur.launched, r.launched);
      cur.intercepted = add(cur.intercepted, r.intercepted);
      cur.suppressed = add(cur.suppressed, r.suppressed);
      acc.set(key, cur);
    }
    return [...acc.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
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

/** The Monday of the ISO week of a date, `YYYY-MM-DD`. */
export function mondayOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - dow);
  return d.toISOString().slice(0, 10);
}
