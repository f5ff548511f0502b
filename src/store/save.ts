// Writing one document with its reports and facts, inside the caller's transaction.
import { createHash } from "node:crypto";
import type BetterSqlite3 from "better-sqlite3";
import { CompiledQuery, type Kysely, type Transaction } from "kysely";
import type { Extraction, Provenance, Report } from "../model/index.js";
import type { Database } from "./schema.js";
import type { Dialect, IngestMeta, IngestResult } from "./types.js";

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export function attackId(date: string, attacker: string, target: string): string {
  return `${date}.${attacker}-${target}`;
}

/** What makes a later version of a document a revision rather than a new document. */
export function identityOf(meta: IngestMeta): string | null {
  if (meta.channel && meta.post_id) return `post:${meta.channel.toLowerCase()}/${meta.post_id}`;
  // A Telegram post's link names the same post as its channel and id (from a feed, a preview or a gold file).
  const tg = meta.url ? /^https?:\/\/(?:www\.)?t\.me\/(?:s\/)?([A-Za-z0-9_]+)\/(\d+)\/?(?:[?#].*)?$/.exec(meta.url) : null;
  if (tg) return `post:${tg[1]!.toLowerCase()}/${tg[2]}`;
  if (meta.url) return `url:${meta.url}`;
  if (meta.key) return `key:${meta.key}`;
  return null;
}

export interface SaveOutcome {
  result: IngestResult;
  /** Attacks whose figures must be recomputed. */
  touched: Set<string>;
}

function prov(p: Provenance | null | undefined) {
  if (!p) return { rule: null, sentence_start: null, sentence_end: null, evidence: null };
  return {
    rule: p.rule,
    sentence_start: p.sentence.start,
    sentence_end: p.sentence.end,
    evidence: JSON.stringify(p.evidence),
  };
}

/** What a batch already knows of the documents table (looked up once for the whole batch). */
export interface KnownDocuments {
  bySha: Map<string, number>;
  /** Current version per identity. */
  byIdentity: Map<string, number>;
  /**
   * Attacks whose row this batch already made sure of: an attack row is only ever created here (insert, or
   * nothing when it exists) and removed after the documents, when attacks are recomputed, so one insert per
   * batch does what one per document did (the dataset import: 3,585 inserts on PostgreSQL became ~1,100).
   */
  ensured: Set<string>;
}

export async function knownDocuments(trx: Kysely<Database>, items: Array<{ x: Extraction; meta: IngestMeta }>): Promise<KnownDocuments> {
  const known: KnownDocuments = { bySha: new Map(), byIdentity: new Map(), ensured: new Set() };
  const shas = [...new Set(items.map((i) => sha256(i.x.text)))];
  const ids = [...new Set(items.map((i) => identityOf(i.meta)).filter((v): v is string => v !== null))];
  for (let i = 0; i < shas.length; i += 500) {
    const rows = await trx.selectFrom("documents").select(["id", "sha256"]).where("sha256", "in", shas.slice(i, i + 500)).execute();
    for (const r of rows) known.bySha.set(r.sha256, r.id);
  }
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await trx
      .selectFrom("documents")
      .select(["id", "identity"])
      .where("identity", "in", ids.slice(i, i + 500))
      .where("current", "=", 1)
      .orderBy("id")
      .execute();
    for (const r of rows) if (r.identity) known.byIdentity.set(r.identity, r.id);
  }
  return known;
}

/**
 * Prepared statements of the SQLite write path, compiled once per connection and reused for every row:
 * building and compiling each insert again (Kysely) cost more than running it.
 */
export class SqliteWriter {
  private readonly cache = new Map<string, BetterSqlite3.Statement>();
  constructor(private readonly db: BetterSqlite3.Database) {}

  stmt(sql: string): BetterSqlite3.Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }

  /** Whether a transaction is open on the connection (BEGIN issued, not yet committed or rolled back). */
  get inTransaction(): boolean {
    return this.db.inTransaction;
  }

  insertId(sql: string, ...params: unknown[]): number {
    return Number(this.stmt(sql).run(...params).lastInsertRowid);
  }
}

/**
 * Inserts rows of one shape, in order, with the columns given (default: the keys of the first row). SQLite: one
 * reused prepared statement run for each row, in the caller's transaction (without one, as migrations run:
 * multi-row inserts). PostgreSQL: thousands of rows a statement, compiled here rather than by the query
 * builder (whose cost grows with every value). `suffix`: `on conflict (id) do nothing` or nothing.
 */
export async function insertRows<T extends keyof Database & string>(
  db: Kysely<Database>,
  dialect: Dialect,
  writer: SqliteWriter | undefined,
  table: T,
  rows: ReadonlyArray<Record<string, unknown>>,
  columns?: readonly string[],
  suffix = "",
): Promise<void> {
  if (!rows.length) return;
  const cols = columns ?? Object.keys(rows[0]!);
  if (writer) {
    const st = writer.stmt(`insert into ${table} (${cols.join(", ")}) values (${cols.map(() => "?").join(", ")}) ${suffix}`);
    const args = new Array<unknown>(cols.length);
    for (const r of rows) {
      for (let i = 0; i < cols.length; i++) args[i] = r[cols[i]!] ?? null;
      st.run(args);
    }
    return;
  }
  if (dialect === "sqlite") {
    for (let i = 0; i < rows.length; i += 200) {
      const q = db.insertInto(table).values(rows.slice(i, i + 200).map((r) => Object.fromEntries(cols.map((c) => [c, r[c] ?? null]))) as never);
      await (suffix ? q.onConflict((oc) => oc.doNothing()) : q).execute();
    }
    return;
  }
  let textBytes = 0;
  for (const r of rows) for (const c of cols) if (typeof r[c] === "string") textBytes += (r[c] as string).length;
  if (textBytes / (rows.length * cols.length) > 200) await insertValues(db, table, cols, rows, suffix);
  else await insertJson(db, table, cols, rows, suffix);
}

/**
 * PostgreSQL, rows of small values: thousands a statement as one JSON parameter, read into the table's own row
 * type (each value gets its column's type). One parameter beats thousands: ~2× faster than VALUES for the
 * fact tables.
 */
async function insertJson(db: Kysely<Database>, table: string, cols: readonly string[], rows: ReadonlyArray<Record<string, unknown>>, suffix: string): Promise<void> {
  const list = cols.map((c) => `"${c}"`).join(", ");
  const picked = cols.map((c) => `v."${c}"`).join(", ");
  // Rows without their id take it from the column's sequence in the array's order, kept explicitly.
  const from = cols.includes("id") ? "as v" : "with ordinality as v order by v.ordinality";
  const text = `insert into "${table}" (${list}) select ${picked} from json_populate_recordset(null::"${table}", $1::json) ${from} ${suffix}`;
  for (let start = 0; start < rows.length; start += 5000) {
    const part = rows.slice(start, start + 5000).map((r) => {
      const o: Record<string, unknown> = {};
      for (const c of cols) o[c] = r[c] ?? null;
      return o;
    });
    await db.executeQuery(CompiledQuery.raw(text, [JSON.stringify(part)]));
  }
}

/**
 * PostgreSQL, rows of large text values (attack details are tens of kilobytes of JSON): multi-row VALUES with
 * each value a parameter, sent as it is, where JSON would escape every quote of it (~2× slower here).
 * At most 65,535 parameters a statement.
 */
async function insertValues(db: Kysely<Database>, table: string, cols: readonly string[], rows: ReadonlyArray<Record<string, unknown>>, suffix: string): Promise<void> {
  const perStatement = Math.max(1, Math.floor(65_535 / cols.length));
  const head = `insert into "${table}" (${cols.map((c) => `"${c}"`).join(", ")}) values `;
  for (let start = 0; start < rows.length; ) {
    const params: unknown[] = [];
    const tuples: string[] = [];
    let bytes = 0;
    let end = start;
    while (end < rows.length && (end === start || (bytes < 8_000_000 && end - start < perStatement))) {
      const r = rows[end]!;
      const marks: string[] = [];
      for (const c of cols) {
        const v = r[c] ?? null;
        params.push(v);
        marks.push(`$${params.length}`);
        if (typeof v === "string") bytes += v.length;
      }
      tuples.push(`(${marks.join(", ")})`);
      end++;
    }
    await db.executeQuery(CompiledQuery.raw(`${head}${tuples.join(", ")} ${suffix}`, params));
    start = end;
  }
}

const FACT_COLS = "report_id, document_id, rule, sentence_start, sentence_end, evidence";

function factParams(base: { report_id: number; document_id: number }, p: ReturnType<typeof prov>): unknown[] {
  return [base.report_id, base.document_id, p.rule, p.sentence_start, p.sentence_end, p.evidence];
}

/** `saveDocument` on SQLite with reused prepared statements (same rows, same order). */
function saveDocumentSqlite(w: SqliteWriter, x: Extraction, meta: IngestMeta, additiveGroup: string | null, known: KnownDocuments): SaveOutcome {
  const touched = new Set<string>();
  const hash = sha256(x.text);
  const sameId = known.bySha.get(hash);
  if (sameId !== undefined) return { result: { status: "unchanged", documentId: sameId, facts: 0 }, touched };
  const identity = identityOf(meta);
  let revisionOf: number | null = null;
  const prevId = identity ? known.byIdentity.get(identity) : undefined;
  if (prevId !== undefined) {
    revisionOf = prevId;
    w.stmt("update documents set current = 0 where id = ?").run(prevId);
    for (const r of w.stmt("select attack_id from reports where document_id = ?").all(prevId) as Array<{ attack_id: string | null }>) {
      if (r.attack_id) touched.add(r.attack_id);
    }
  }
  const documentId = w.insertId(
    "insert into documents (sha256, identity, url, channel, post_id, publisher, lang, kind, published, updated, fetched, title, text, source_ref, revision_of, current) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
    hash,
    identity,
    meta.url ?? x.source.url ?? null,
    meta.channel ?? x.source.channel ?? null,
    meta.post_id ?? null,
    meta.publisher ?? x.source.publisher ?? null,
    meta.lang ?? x.lang,
    meta.kind ?? x.kind,
    meta.published ?? x.source.published ?? x.published ?? null,
    meta.updated ?? x.updated ?? null,
    new Date().toISOString(),
    meta.title ?? x.title ?? null,
    x.text,
    meta.source_ref ? JSON.stringify(meta.source_ref) : null,
    revisionOf,
  );
  known.bySha.set(hash, documentId);
  if (identity) known.byIdentity.set(identity, documentId);
  let facts = 0;
  for (const [ordinal, r] of x.reports.entries()) {
    const aid = r.date ? attackId(r.date, r.attacker, r.target) : null;
    if (aid && r.date) {
      if (!known.ensured.has(aid)) {
        known.ensured.add(aid);
        const e = EMPTY_ATTACK;
        w.stmt(
          "insert into attacks (id, date, attacker, target, night, documents, claimants, orgs, regions, launched, intercepted, suppressed, hit, launched_sort, by_weapon, conflict, rec_any, rec_any_basis, rec_drone, rec_missile, all_any, all_any_basis, all_drone, all_missile, sides) values (?, ?, ?, ?, ?, ?, ?, ?, ?, null, null, null, null, ?, ?, ?, null, null, null, null, null, null, null, null, ?) on conflict (id) do nothing",
        ).run(aid, r.date, r.attacker, r.target, r.night ? 1 : 0, e.documents, e.claimants, e.orgs, e.regions, e.launched_sort, e.by_weapon, e.conflict, e.sides);
      }
      touched.add(aid);
    }
    const reportId = w.insertId(
      "insert into reports (document_id, ordinal, claimant, claimant_orgs, attacker, target, date, night, attack_id, org_evidence, date_evidence, additive_group, period) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      documentId,
      ordinal,
      r.claimant,
      JSON.stringify(r.claimant_orgs),
      r.attacker,
      r.target,
      r.date,
      r.night ? 1 : 0,
      aid,
      JSON.stringify(r.org_facts ?? []),
      r.date_evidence ? JSON.stringify(r.date_evidence) : null,
      additiveGroup,
      r.period ? JSON.stringify(r.period) : null,
    );
    const base = { report_id: reportId, document_id: documentId };
    for (const c of r.counts) {
      w.stmt(`insert into counts (${FACT_COLS}, weapon, model, outcome, n, qualifier, region) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
        ...factParams(base, prov(c.provenance)), c.weapon, c.model, c.outcome, c.n, c.qualifier, c.region,
      );
    }
    for (const c of r.casualties) {
      w.stmt(`insert into casualties (${FACT_COLS}, kind, n, qualifier, region) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
        ...factParams(base, prov(c.provenance)), c.kind, c.n, c.qualifier, c.region,
      );
    }
    for (const [table, codes, fs] of [["targets", r.targets, r.target_facts ?? []], ["launch_areas", r.launch_areas, r.launch_area_facts ?? []]] as const) {
      for (const region of codes) {
        w.stmt(`insert into ${table} (${FACT_COLS}, region) values (?, ?, ?, ?, ?, ?, ?)`).run(...factParams(base, prov(fs.find((f) => f.region === region)?.provenance)), region);
      }
    }
    for (const c of r.record_claims) {
      w.stmt(`insert into record_claims (${FACT_COLS}, metric, scope) values (?, ?, ?, ?, ?, ?, ?, ?)`).run(...factParams(base, prov(c.provenance)), c.metric, c.scope);
    }
    for (const p of r.places) {
      w.stmt(`insert into places (${FACT_COLS}, name, region, role) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...factParams(base, prov(p.provenance)), p.name, p.region, p.role);
    }
    facts += r.counts.length + r.casualties.length + r.targets.length + r.launch_areas.length + r.record_claims.length + r.places.length;
  }
  return { result: { status: revisionOf === null ? "new" : "revised", documentId, facts }, touched };
}

export async function saveDocument(
  trx: Transaction<Database> | Kysely<Database>,
  x: Extraction,
  meta: IngestMeta,
  additiveGroup: string | null = null,
  known?: KnownDocuments,
  sqlite?: SqliteWriter,
): Promise<SaveOutcome> {
  if (sqlite && known) return saveDocumentSqlite(sqlite, x, meta, additiveGroup, known);
  const touched = new Set<string>();
  const hash = sha256(x.text);
  const sameId = known
    ? known.bySha.get(hash)
    : (await trx.selectFrom("documents").select("id").where("sha256", "=", hash).executeTakeFirst())?.id;
  if (sameId !== undefined) return { result: { status: "unchanged", documentId: sameId, facts: 0 }, touched };

  const identity = identityOf(meta);
  let revisionOf: number | null = null;
  if (identity) {
    const prevId = known
      ? known.byIdentity.get(identity)
      : (
          await trx
            .selectFrom("documents")
            .select("id")
            .where("identity", "=", identity)
            .where("current", "=", 1)
            .orderBy("id", "desc")
            .executeTakeFirst()
        )?.id;
    const prev = prevId === undefined ? null : { id: prevId };
    if (prev) {
      revisionOf = prev.id;
      await trx.updateTable("documents").set({ current: 0 }).where("id", "=", prev.id).execute();
      const old = await trx.selectFrom("reports").select("attack_id").where("document_id", "=", prev.id).execute();
      for (const r of old) if (r.attack_id) touched.add(r.attack_id);
    }
  }

  const inserted = await trx
    .insertInto("documents")
    .values({
      sha256: hash,
      identity,
      url: meta.url ?? x.source.url ?? null,
      channel: meta.channel ?? x.source.channel ?? null,
      post_id: meta.post_id ?? null,
      publisher: meta.publisher ?? x.source.publisher ?? null,
      lang: meta.lang ?? x.lang,
      kind: meta.kind ?? x.kind,
      published: meta.published ?? x.source.published ?? x.published ?? null,
      updated: meta.updated ?? x.updated ?? null,
      fetched: new Date().toISOString(),
      title: meta.title ?? x.title ?? null,
      text: x.text,
      source_ref: meta.source_ref ? JSON.stringify(meta.source_ref) : null,
      revision_of: revisionOf,
      current: 1,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const documentId = inserted.id;
  known?.bySha.set(hash, documentId);
  if (identity) known?.byIdentity.set(identity, documentId);

  let facts = 0;
  for (const [ordinal, r] of x.reports.entries()) {
    const aid = r.date ? attackId(r.date, r.attacker, r.target) : null;
    if (aid && r.date) {
      if (!touched.has(aid) && !known?.ensured.has(aid)) {
        await ensureAttack(trx, aid, r);
        known?.ensured.add(aid);
      }
      touched.add(aid);
    }
    facts += await saveReport(trx, documentId, ordinal, r, aid, additiveGroup);
  }
  return {
    result: { status: revisionOf === null ? "new" : "revised", documentId, facts },
    touched,
  };
}

/** An attack row before its figures are computed (rebuilt in the same transaction). */
export const EMPTY_ATTACK = {
  documents: 0,
  claimants: "[]",
  orgs: "[]",
  regions: "[]",
  launched: null,
  intercepted: null,
  suppressed: null,
  hit: null,
  launched_sort: -1,
  by_weapon: "[]",
  conflict: 0,
  rec_any: null,
  rec_any_basis: null,
  rec_drone: null,
  rec_missile: null,
  all_any: null,
  all_any_basis: null,
  all_drone: null,
  all_missile: null,
  sides: "[]",
};

async function ensureAttack(trx: Kysely<Database>, id: string, r: Report): Promise<void> {
  await trx
    .insertInto("attacks")
    .values({ ...EMPTY_ATTACK, id, date: r.date ?? "", attacker: r.attacker, target: r.target, night: r.night ? 1 : 0 })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
}

async function saveReport(
  trx: Kysely<Database>,
  documentId: number,
  ordinal: number,
  r: Report,
  attack: string | null,
  additiveGroup: string | null,
): Promise<number> {
  const { id: reportId } = await trx
    .insertInto("reports")
    .values({
      document_id: documentId,
      ordinal,
      claimant: r.claimant,
      claimant_orgs: JSON.stringify(r.claimant_orgs),
      attacker: r.attacker,
      target: r.target,
      date: r.date,
      night: r.night ? 1 : 0,
      attack_id: attack,
      org_evidence: JSON.stringify(r.org_facts ?? []),
      date_evidence: r.date_evidence ? JSON.stringify(r.date_evidence) : null,
      additive_group: additiveGroup,
      period: r.period ? JSON.stringify(r.period) : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const base = { report_id: reportId, document_id: documentId };
  let n = 0;
  if (r.counts.length) {
    await trx
      .insertInto("counts")
      .values(
        r.counts.map((c) => ({
          ...base,
          weapon: c.weapon,
          model: c.model,
          outcome: c.outcome,
          n: c.n,
          qualifier: c.qualifier,
          region: c.region,
          ...prov(c.provenance),
        })),
      )
      .execute();
    n += r.counts.length;
  }
  if (r.casualties.length) {
    await trx
      .insertInto("casualties")
      .values(r.casualties.map((c) => ({ ...base, kind: c.kind, n: c.n, qualifier: c.qualifier, region: c.region, ...prov(c.provenance) })))
      .execute();
    n += r.casualties.length;
  }
  const regionRows = (codes: string[], facts: { region: string; provenance: Provenance }[]) =>
    codes.map((region) => ({ ...base, region, ...prov(facts.find((f) => f.region === region)?.provenance) }));
  if (r.targets.length) {
    await trx.insertInto("targets").values(regionRows(r.targets, r.target_facts ?? [])).execute();
    n += r.targets.length;
  }
  if (r.launch_areas.length) {
    await trx.insertInto("launch_areas").values(regionRows(r.launch_areas, r.launch_area_facts ?? [])).execute();
    n += r.launch_areas.length;
  }
  if (r.record_claims.length) {
    await trx
      .insertInto("record_claims")
      .values(r.record_claims.map((c) => ({ ...base, metric: c.metric, scope: c.scope, ...prov(c.provenance) })))
      .execute();
    n += r.record_claims.length;
  }
  if (r.places.length) {
    await trx
      .insertInto("places")
      .values(r.places.map((p) => ({ ...base, name: p.name, region: p.region, role: p.role, ...prov(p.provenance) })))
      .execute();
    n += r.places.length;
  }
  return n;
}
