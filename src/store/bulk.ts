// Many documents written in bulk in the caller's transaction (the dataset import): what is new, a revision or
// unchanged is decided for the whole batch in memory first (one lookup for the batch), ids are taken in one
// step, then the rows go out — on SQLite as they are made, each by its table's one reused prepared statement;
// on PostgreSQL table by table, thousands a statement — instead of a handful of statements per document. The
// rows, their ids and their order are those `saveDocument` writes one document at a time
// (test/store/import-bulk.test.ts compares them).
import type BetterSqlite3 from "better-sqlite3";
import { sql, type Kysely } from "kysely";
import type { Provenance } from "../model/index.js";
import { EMPTY_ATTACK, attackId, identityOf, insertRows, sha256, type SqliteWriter } from "./save.js";
import type { Database } from "./schema.js";
import type { BatchItem, Dialect, IngestResult } from "./types.js";

export interface BulkOutcome {
  /** One per item, in order. */
  results: IngestResult[];
  /** Attacks whose figures must be recomputed. */
  touched: Set<string>;
}

type FactTable = "counts" | "casualties" | "targets" | "launch_areas" | "record_claims" | "places";

/** The columns each table is written with, in the order `saveDocument` names them. */
const COLUMNS = {
  documents: ["id", "sha256", "identity", "url", "channel", "post_id", "publisher", "lang", "kind", "published", "updated", "fetched", "title", "text", "source_ref", "revision_of", "current"],
  attacks: ["id", "date", "attacker", "target", "night", "documents", "claimants", "orgs", "regions", "launched_sort", "by_weapon", "conflict", "sides"],
  reports: ["id", "document_id", "ordinal", "claimant", "claimant_orgs", "attacker", "target", "date", "night", "attack_id", "org_evidence", "date_evidence", "additive_group", "period"],
  counts: ["id", "report_id", "document_id", "rule", "sentence_start", "sentence_end", "evidence", "weapon", "model", "outcome", "n", "qualifier", "region"],
  casualties: ["id", "report_id", "document_id", "rule", "sentence_start", "sentence_end", "evidence", "kind", "n", "qualifier", "region"],
  targets: ["id", "report_id", "document_id", "rule", "sentence_start", "sentence_end", "evidence", "region"],
  launch_areas: ["id", "report_id", "document_id", "rule", "sentence_start", "sentence_end", "evidence", "region"],
  record_claims: ["id", "report_id", "document_id", "rule", "sentence_start", "sentence_end", "evidence", "metric", "scope"],
  places: ["id", "report_id", "document_id", "rule", "sentence_start", "sentence_end", "evidence", "name", "region", "role"],
} as const satisfies { [T in keyof Database]?: ReadonlyArray<keyof Database[T] & string> };

type Written = keyof typeof COLUMNS;
const FACT_TABLES: FactTable[] = ["counts", "casualties", "targets", "launch_areas", "record_claims", "places"];

/**
 * `n` ids for each table, ascending: those one insert after another would have taken. SQLite (inside the write
 * lock): after the table's largest id and its AUTOINCREMENT counter; rows inserted with them move the counter
 * on. PostgreSQL: drawn from each column's sequence (one round trip for all), so that a concurrent writer never
 * gets one of them.
 */
async function takeIds<T extends Written>(db: Kysely<Database>, dialect: Dialect, wanted: Record<T, number>): Promise<Record<T, number[]>> {
  const out = {} as Record<T, number[]>;
  const tables = (Object.keys(wanted) as T[]).filter((t) => {
    out[t] = [];
    return wanted[t] > 0;
  });
  if (!tables.length) return out;
  if (dialect === "postgres") {
    const spec = JSON.stringify(tables.map((name) => ({ name, n: wanted[name] })));
    // The sequence looked up once per table, not once per id (that lookup cost more than nextval itself).
    const r = await sql<{ name: T; ids: number[] }>`select t.name, g.ids from json_to_recordset(${spec}::json) as t(name text, n integer)
      cross join lateral (select pg_get_serial_sequence(t.name, 'id')::regclass as seq) as q
      cross join lateral (select array_agg(x.id) as ids from (select nextval(q.seq)::integer as id from generate_series(1, t.n)) as x) as g`.execute(db);
    for (const row of r.rows) out[row.name] = row.ids.map(Number).sort((a, b) => a - b);
    return out;
  }
  for (const t of tables) {
    const r = await sql<{ top: number }>`select max(coalesce((select max(id) from ${sql.table(t)}), 0), coalesce((select seq from sqlite_sequence where name = ${t}), 0)) as top`.execute(db);
    const top = Number(r.rows[0]?.top ?? 0);
    out[t] = Array.from({ length: wanted[t] }, (_, i) => top + 1 + i);
  }
  return out;
}

/** Ids of stored documents by content hash, and the current version of each identity (the latest by id). */
export async function lookUp(db: Kysely<Database>, dialect: Dialect, hashes: string[], identities: string[]): Promise<{ bySha: Map<string, number>; byIdentity: Map<string, number> }> {
  const bySha = new Map<string, number>();
  const byIdentity = new Map<string, number>();
  // One statement each, the values as one parameter: a JSON array on SQLite, an array on PostgreSQL.
  const inList = (values: string[]) => (dialect === "postgres" ? sql`= any(${values}::text[])` : sql`in (select value from json_each(${JSON.stringify(values)}))`);
  if (hashes.length) {
    const r = await sql<{ id: number; sha256: string }>`select id, sha256 from documents where sha256 ${inList(hashes)}`.execute(db);
    for (const x of r.rows) bySha.set(x.sha256, Number(x.id));
  }
  if (identities.length) {
    const r = await sql<{ id: number; identity: string }>`select id, identity from documents where current = 1 and identity ${inList(identities)} order by id`.execute(db);
    for (const x of r.rows) byIdentity.set(x.identity, Number(x.id));
  }
  return { bySha, byIdentity };
}

/** A document's place before ids are taken: stored already (its id) or new in this batch (its index). */
type DocRef = { stored: number } | { batch: number };

/**
 * Writes the new documents and revisions of a batch with their reports and facts, and makes sure their
 * attacks' rows exist; the caller recomputes the touched attacks. Same content as a stored document (or an
 * earlier one of the batch): unchanged. Same identity as a current document: a revision, which supersedes it.
 */
export async function writeDocuments(db: Kysely<Database>, items: BatchItem[], dialect: Dialect, writer?: SqliteWriter): Promise<BulkOutcome> {
  const hashes = items.map((it) => sha256(it.x.text));
  const identities = items.map((it) => identityOf(it.meta));
  const stored = await lookUp(db, dialect, [...new Set(hashes)], [...new Set(identities.filter((v): v is string => v !== null))]);

  // What each item is, in order, as one document after another would find it.
  const bySha = new Map<string, DocRef>([...stored.bySha].map(([k, id]) => [k, { stored: id }]));
  const byIdentity = new Map<string, DocRef>([...stored.byIdentity].map(([k, id]) => [k, { stored: id }]));
  const fresh: Array<{ item: number; revisionOf: DocRef | null; current: boolean }> = [];
  const plan: DocRef[] = [];
  const supersededStored: number[] = [];
  let reportCount = 0;
  const factCount: Record<FactTable, number> = { counts: 0, casualties: 0, targets: 0, launch_areas: 0, record_claims: 0, places: 0 };
  for (const [i, it] of items.entries()) {
    const same = bySha.get(hashes[i]!);
    if (same) {
      plan.push(same);
      continue;
    }
    const identity = identities[i]!;
    const prev = identity === null ? undefined : byIdentity.get(identity);
    if (prev) {
      if ("stored" in prev) supersededStored.push(prev.stored);
      else fresh[prev.batch]!.current = false;
    }
    const ref = { batch: fresh.length };
    fresh.push({ item: i, revisionOf: prev ?? null, current: true });
    plan.push(ref);
    bySha.set(hashes[i]!, ref);
    if (identity !== null) byIdentity.set(identity, ref);
    for (const r of it.x.reports) {
      reportCount++;
      factCount.counts += r.counts.length;
      factCount.casualties += r.casualties.length;
      factCount.targets += r.targets.length;
      factCount.launch_areas += r.launch_areas.length;
      factCount.record_claims += r.record_claims.length;
      factCount.places += r.places.length;
    }
  }

  const touched = new Set<string>();
  if (supersededStored.length) {
    const ids = [...new Set(supersededStored)];
    const list = dialect === "postgres" ? sql`= any(${ids}::integer[])` : sql`in (select value from json_each(${JSON.stringify(ids)}))`;
    await sql`update documents set current = 0 where id ${list}`.execute(db);
    const old = await sql<{ attack_id: string | null }>`select attack_id from reports where document_id ${list}`.execute(db);
    for (const r of old.rows) if (r.attack_id) touched.add(r.attack_id);
  }

  const ids = await takeIds(db, dialect, { documents: fresh.length, reports: reportCount, ...factCount });
  const docIds = ids.documents;
  const idOf = (ref: DocRef) => ("stored" in ref ? ref.stored : docIds[ref.batch]!);

  const fetched = new Date().toISOString();
  const sink = writer ? new SqliteSink(writer) : new PostgresSink();
  const attacks = new Set<string>();
  const next: Record<FactTable | "reports", number> = { reports: 0, counts: 0, casualties: 0, targets: 0, launch_areas: 0, record_claims: 0, places: 0 };
  const take = (t: FactTable | "reports") => ids[t][next[t]++]!;
  const factsOf: number[] = [];
  for (const [n, f] of fresh.entries()) {
    const { x, meta, additiveGroup } = items[f.item]!;
    const doc = docIds[n]!;
    // Values in the order of COLUMNS.documents (and so on for each table below).
    sink.add("documents", [
      doc, hashes[f.item]!, identities[f.item]!, meta.url ?? x.source.url ?? null, meta.channel ?? x.source.channel ?? null, meta.post_id ?? null,
      meta.publisher ?? x.source.publisher ?? null, meta.lang ?? x.lang, meta.kind ?? x.kind, meta.published ?? x.source.published ?? x.published ?? null,
      meta.updated ?? x.updated ?? null, fetched, meta.title ?? x.title ?? null, x.text, meta.source_ref ? JSON.stringify(meta.source_ref) : null,
      f.revisionOf ? idOf(f.revisionOf) : null, f.current ? 1 : 0,
    ]);
    let count = 0;
    for (const [ordinal, r] of x.reports.entries()) {
      const aid = r.date ? attackId(r.date, r.attacker, r.target) : null;
      if (aid && r.date) {
        if (!attacks.has(aid)) {
          attacks.add(aid);
          const e = EMPTY_ATTACK;
          sink.add("attacks", [aid, r.date, r.attacker, r.target, r.night ? 1 : 0, e.documents, e.claimants, e.orgs, e.regions, e.launched_sort, e.by_weapon, e.conflict, e.sides]);
        }
        touched.add(aid);
      }
      const rep = take("reports");
      sink.add("reports", [
        rep, doc, ordinal, r.claimant, JSON.stringify(r.claimant_orgs), r.attacker, r.target, r.date, r.night ? 1 : 0, aid,
        JSON.stringify(r.org_facts ?? []), r.date_evidence ? JSON.stringify(r.date_evidence) : null, additiveGroup ?? null, r.period ? JSON.stringify(r.period) : null,
      ]);
      const fact = (t: FactTable, p: Provenance | null | undefined, ...rest: unknown[]) => {
        sink.add(t, p ? [take(t), rep, doc, p.rule, p.sentence.start, p.sentence.end, JSON.stringify(p.evidence), ...rest] : [take(t), rep, doc, null, null, null, null, ...rest]);
      };
      for (const c of r.counts) fact("counts", c.provenance, c.weapon, c.model, c.outcome, c.n, c.qualifier, c.region);
      for (const c of r.casualties) fact("casualties", c.provenance, c.kind, c.n, c.qualifier, c.region);
      // A region's provenance is its first fact naming it, as `saveDocument` takes it.
      for (const region of r.targets) fact("targets", (r.target_facts ?? []).find((t) => t.region === region)?.provenance, region);
      for (const region of r.launch_areas) fact("launch_areas", (r.launch_area_facts ?? []).find((t) => t.region === region)?.provenance, region);
      for (const c of r.record_claims) fact("record_claims", c.provenance, c.metric, c.scope);
      for (const p of r.places) fact("places", p.provenance, p.name, p.region, p.role);
      count += r.counts.length + r.casualties.length + r.targets.length + r.launch_areas.length + r.record_claims.length + r.places.length;
    }
    factsOf.push(count);
  }
  await sink.flush(db);

  const results = plan.map((ref, i): IngestResult => {
    if ("stored" in ref || fresh[ref.batch]!.item !== i) return { status: "unchanged", documentId: idOf(ref), facts: 0 };
    return { status: fresh[ref.batch]!.revisionOf ? "revised" : "new", documentId: idOf(ref), facts: factsOf[ref.batch]! };
  });
  return { results, touched };
}

/** Where the rows of a batch go, each as its values in the order of its table's COLUMNS. */
interface RowSink {
  add(table: Written, values: unknown[]): void;
  flush(db: Kysely<Database>): Promise<void>;
}

/**
 * SQLite: each row inserted as it comes, by its table's one prepared statement (in the caller's transaction),
 * a document before its reports, an attack before the first report about it, a report before its facts.
 */
class SqliteSink implements RowSink {
  private readonly statements = new Map<Written, BetterSqlite3.Statement>();
  constructor(private readonly writer: SqliteWriter) {}

  add(table: Written, values: unknown[]): void {
    let st = this.statements.get(table);
    if (!st) {
      const cols = COLUMNS[table];
      // An attack's row may exist already (another document about that day): it is only made sure of.
      st = this.writer.stmt(`insert into ${table} (${cols.join(", ")}) values (${cols.map(() => "?").join(", ")})${table === "attacks" ? " on conflict (id) do nothing" : ""}`);
      this.statements.set(table, st);
    }
    st.run(values);
  }

  async flush(): Promise<void> {}
}

/** PostgreSQL: rows kept per table, then sent table by table, thousands a statement, referenced tables first. */
class PostgresSink implements RowSink {
  private readonly rows = new Map<Written, unknown[][]>();

  add(table: Written, values: unknown[]): void {
    const list = this.rows.get(table);
    if (list) list.push(values);
    else this.rows.set(table, [values]);
  }

  async flush(db: Kysely<Database>): Promise<void> {
    for (const table of ["documents", "attacks", "reports", ...FACT_TABLES] as const) {
      const list = this.rows.get(table);
      if (!list) continue;
      const cols = COLUMNS[table];
      const objects = list.map((v) => {
        const o: Record<string, unknown> = {};
        for (let i = 0; i < cols.length; i++) o[cols[i]!] = v[i];
        return o;
      });
      await insertRows(db, "postgres", undefined, table, objects, cols, table === "attacks" ? "on conflict (id) do nothing" : "");
    }
  }
}
