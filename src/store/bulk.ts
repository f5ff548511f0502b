// Many documents written table by table in the caller's transaction (the dataset import): what is new, a
// revision or unchanged is decided for the whole batch in memory first, ids are taken in one step, then each
// table gets its rows in one go — one reused prepared statement on SQLite, a few statements of thousands of
// rows on PostgreSQL — instead of a handful of statements per document. The rows, their ids and their order
// are those `saveDocument` writes one document at a time (test/store/import-bulk.test.ts compares them).
import { sql, type Insertable, type Kysely } from "kysely";
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

type Row<T extends keyof Database> = Insertable<Database[T]>;
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

function prov(p: Provenance | null | undefined) {
  if (!p) return { rule: null, sentence_start: null, sentence_end: null, evidence: null };
  return { rule: p.rule, sentence_start: p.sentence.start, sentence_end: p.sentence.end, evidence: JSON.stringify(p.evidence) };
}

async function writeTable<T extends Written>(db: Kysely<Database>, dialect: Dialect, writer: SqliteWriter | undefined, table: T, rows: Array<Row<T>>): Promise<void> {
  // Attack rows are only made sure of: one may exist already (another document about that day).
  await insertRows(db, dialect, writer, table, rows as unknown as Array<Record<string, unknown>>, COLUMNS[table], table === "attacks" ? "on conflict (id) do nothing" : "");
}

/**
 * `n` ids for a table, ascending: those one insert after another would have taken. SQLite (inside the write
 * lock): after the table's largest id and its AUTOINCREMENT counter; rows inserted with them move the counter
 * on. PostgreSQL: taken from the column's sequence, so that a concurrent writer never gets one of them.
 */
async function takeIds(db: Kysely<Database>, dialect: Dialect, table: Written, n: number): Promise<number[]> {
  if (n === 0) return [];
  if (dialect === "postgres") {
    const r = await sql<{ id: number }>`select nextval(pg_get_serial_sequence(${table}, 'id'))::integer as id from generate_series(1, ${n})`.execute(db);
    return r.rows.map((x) => Number(x.id)).sort((a, b) => a - b);
  }
  const r = await sql<{ top: number }>`select max(coalesce((select max(id) from ${sql.table(table)}), 0), coalesce((select seq from sqlite_sequence where name = ${table}), 0)) as top`.execute(db);
  const top = Number(r.rows[0]?.top ?? 0);
  return Array.from({ length: n }, (_, i) => top + 1 + i);
}

/** Ids of stored documents by content hash, and the current version of each identity (the latest by id). */
async function lookUp(db: Kysely<Database>, dialect: Dialect, hashes: string[], identities: string[]): Promise<{ bySha: Map<string, number>; byIdentity: Map<string, number> }> {
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

  const docIds = await takeIds(db, dialect, "documents", fresh.length);
  const reportIds = await takeIds(db, dialect, "reports", reportCount);
  const factIds = {} as Record<FactTable, number[]>;
  for (const t of FACT_TABLES) factIds[t] = await takeIds(db, dialect, t, factCount[t]);
  const idOf = (ref: DocRef) => ("stored" in ref ? ref.stored : docIds[ref.batch]!);

  const fetched = new Date().toISOString();
  const documents: Array<Row<"documents">> = [];
  const attacks = new Map<string, Row<"attacks">>();
  const reports: Array<Row<"reports">> = [];
  const facts: { [T in FactTable]: Array<Row<T>> } = { counts: [], casualties: [], targets: [], launch_areas: [], record_claims: [], places: [] };
  const next: Record<FactTable | "reports", number> = { reports: 0, counts: 0, casualties: 0, targets: 0, launch_areas: 0, record_claims: 0, places: 0 };
  const take = (t: FactTable | "reports") => (t === "reports" ? reportIds : factIds[t])[next[t]++]!;
  const results: IngestResult[] = [];
  const factsOf = new Map<number, number>();
  for (const [n, f] of fresh.entries()) {
    const { x, meta, additiveGroup } = items[f.item]!;
    const document_id = docIds[n]!;
    documents.push({
      id: document_id,
      sha256: hashes[f.item]!,
      identity: identities[f.item]!,
      url: meta.url ?? x.source.url ?? null,
      channel: meta.channel ?? x.source.channel ?? null,
      post_id: meta.post_id ?? null,
      publisher: meta.publisher ?? x.source.publisher ?? null,
      lang: meta.lang ?? x.lang,
      kind: meta.kind ?? x.kind,
      published: meta.published ?? x.source.published ?? x.published ?? null,
      updated: meta.updated ?? x.updated ?? null,
      fetched,
      title: meta.title ?? x.title ?? null,
      text: x.text,
      source_ref: meta.source_ref ? JSON.stringify(meta.source_ref) : null,
      revision_of: f.revisionOf ? idOf(f.revisionOf) : null,
      current: f.current ? 1 : 0,
    });
    let count = 0;
    for (const [ordinal, r] of x.reports.entries()) {
      const aid = r.date ? attackId(r.date, r.attacker, r.target) : null;
      if (aid && r.date) {
        if (!attacks.has(aid)) attacks.set(aid, { ...EMPTY_ATTACK, id: aid, date: r.date, attacker: r.attacker, target: r.target, night: r.night ? 1 : 0 });
        touched.add(aid);
      }
      const report_id = take("reports");
      reports.push({
        id: report_id,
        document_id,
        ordinal,
        claimant: r.claimant,
        claimant_orgs: JSON.stringify(r.claimant_orgs),
        attacker: r.attacker,
        target: r.target,
        date: r.date,
        night: r.night ? 1 : 0,
        attack_id: aid,
        org_evidence: JSON.stringify(r.org_facts ?? []),
        date_evidence: r.date_evidence ? JSON.stringify(r.date_evidence) : null,
        additive_group: additiveGroup ?? null,
        period: r.period ? JSON.stringify(r.period) : null,
      });
      const base = { report_id, document_id };
      for (const c of r.counts) facts.counts.push({ id: take("counts"), ...base, ...prov(c.provenance), weapon: c.weapon, model: c.model, outcome: c.outcome, n: c.n, qualifier: c.qualifier, region: c.region });
      for (const c of r.casualties) facts.casualties.push({ id: take("casualties"), ...base, ...prov(c.provenance), kind: c.kind, n: c.n, qualifier: c.qualifier, region: c.region });
      // A region's provenance is its first fact naming it, as `saveDocument` takes it.
      for (const region of r.targets) facts.targets.push({ id: take("targets"), ...base, ...prov((r.target_facts ?? []).find((t) => t.region === region)?.provenance), region });
      for (const region of r.launch_areas) facts.launch_areas.push({ id: take("launch_areas"), ...base, ...prov((r.launch_area_facts ?? []).find((t) => t.region === region)?.provenance), region });
      for (const c of r.record_claims) facts.record_claims.push({ id: take("record_claims"), ...base, ...prov(c.provenance), metric: c.metric, scope: c.scope });
      for (const p of r.places) facts.places.push({ id: take("places"), ...base, ...prov(p.provenance), name: p.name, region: p.region, role: p.role });
      count += r.counts.length + r.casualties.length + r.targets.length + r.launch_areas.length + r.record_claims.length + r.places.length;
    }
    factsOf.set(n, count);
  }
  for (const [i, ref] of plan.entries()) {
    if ("stored" in ref || fresh[ref.batch]!.item !== i) results.push({ status: "unchanged", documentId: idOf(ref), facts: 0 });
    else results.push({ status: fresh[ref.batch]!.revisionOf ? "revised" : "new", documentId: idOf(ref), facts: factsOf.get(ref.batch)! });
  }

  // Referenced rows first: documents, then the attacks and reports that facts point to.
  await writeTable(db, dialect, writer, "documents", documents);
  await writeTable(db, dialect, writer, "attacks", [...attacks.values()]);
  await writeTable(db, dialect, writer, "reports", reports);
  for (const t of FACT_TABLES) await writeTable(db, dialect, writer, t, facts[t] as Array<Row<typeof t>>);
  return { results, touched };
}
