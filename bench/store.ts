/**
 * Store bench, for SQLite and PostgreSQL, each figure beside a baseline measured in the same run:
 * - import of the Air Force dataset (rows/s) beside a single reused INSERT of the same rows into a narrow table,
 *   and where the import's time goes (conversion, documents and claims written, attacks, read models, commit);
 *   the same file imported again (known by the hash of its bytes);
 * - ingest of the development corpus (docs/s), with extraction and without it (texts extracted beforehand), the
 *   same corpus ingested again (every text stored already: looked up by hash, not extracted), and 8 copies of the
 *   corpus (every text new) with extraction on the worker pool beside extraction all in the main thread;
 * - the time of `attacks`, `records` and one attack's detail on the full history.
 * Every figure is the median over RUNS runs, each on a fresh database. Needs ../shared.
 * Results also go to bench/output/store.json.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { extract } from "../src/extract/index.js";
import { readCsv } from "../src/ingest/csv.js";
import { importDataset } from "../src/ingest/dataset.js";
import { expandInputs, ingestInputs, sourceDocs, storeDocuments, type DocInput } from "../src/ingest/ingest.js";
import { SqlStore } from "../src/store/store.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SHARED = resolve(ROOT, "../shared");
const DATASET = join(SHARED, "data/attacks/missile_attacks_daily.csv");
const CORPUS = join(SHARED, "corpus/dev");
const PG_ADMIN = process.env.SALVO_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/postgres";
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const REPEAT = 8;

const STEPS = ["convert", "write", "attacks", "read models", "commit"] as const;
type Step = (typeof STEPS)[number];

interface Row {
  dialect: string;
  baselineRowsPerS: number;
  importRowsPerS: number;
  /** The same file imported again (known by its bytes' hash: nothing converted or stored). */
  reimportRowsPerS: number;
  /** Milliseconds of the import in each step. */
  importSteps: Record<Step, number>;
  ingestDocsPerS: number;
  reingestDocsPerS: number;
  ingestRepeatDocsPerS: number;
  ingestRepeatOneThreadDocsPerS: number;
  ingestNoExtractDocsPerS: number;
  attacksMs: number;
  attacksFilteredMs: number;
  recordsMs: number;
  attackDetailMs: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function timeIt(fn: () => Promise<unknown>, runs = 20): Promise<number> {
  await fn();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  return (performance.now() - t0) / runs;
}

/** The dataset's rows as raw lines and a few cells: what the narrow baseline table holds. */
function datasetRows(): Array<[number, string, string, string, string]> {
  const recs = [...readCsv(readFileSync(DATASET, "utf8"))];
  const head = recs.shift()!.fields.map((f) => f.value.trim());
  const at = (name: string) => head.indexOf(name);
  return recs.map((r) => [r.line, r.raw, r.fields[at("time_start")]?.value ?? "", r.fields[at("model")]?.value ?? "", r.fields[at("launched")]?.value ?? ""]);
}

/** Baseline: one prepared INSERT reused for every row, in one transaction. */
async function baselineInsert(dialect: string, url: string, rows: Array<[number, string, string, string, string]>): Promise<number> {
  if (dialect === "sqlite") {
    const db = new BetterSqlite3(url);
    try {
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
      db.exec("create table if not exists bench_rows (line integer, raw text, time_start text, model text, launched text)");
      const ins = db.prepare("insert into bench_rows values (?, ?, ?, ?, ?)");
      const t0 = performance.now();
      db.transaction(() => {
        for (const r of rows) ins.run(...r);
      })();
      return rows.length / ((performance.now() - t0) / 1000);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("create table if not exists bench_rows (line integer, raw text, time_start text, model text, launched text)");
    const t0 = performance.now();
    await client.query("begin");
    for (const r of rows) await client.query({ name: "bench_ins", text: "insert into bench_rows values ($1, $2, $3, $4, $5)", values: r });
    await client.query("commit");
    return rows.length / ((performance.now() - t0) / 1000);
  } finally {
    await client.end();
  }
}

async function corpusDocs(): Promise<DocInput[]> {
  const { sources } = await expandInputs([CORPUS]);
  const docs: DocInput[] = [];
  for (const s of sources) docs.push(...(await sourceDocs(s, {}, () => undefined)));
  return docs;
}

async function once(dialect: string, url: string, docs: DocInput[], rows: Array<[number, string, string, string, string]>, queries: boolean): Promise<Row> {
  const baselineRowsPerS = await baselineInsert(dialect, url, rows);
  const store = await SqlStore.open(url);
  try {
    const ing = await ingestInputs(store, [CORPUS]);
    const again = await ingestInputs(store, [CORPUS]);
    const importSteps: Record<Step, number> = { convert: 0, write: 0, attacks: 0, "read models": 0, commit: 0 };
    const imp = await importDataset(store, DATASET, { onStep: (step, ms) => (importSteps[step] += ms) });
    const reimp = await importDataset(store, DATASET);
    const row: Row = {
      dialect,
      baselineRowsPerS,
      importRowsPerS: imp.rowsPerSecond,
      reimportRowsPerS: reimp.rowsPerSecond,
      importSteps,
      ingestDocsPerS: ing.documents / Math.max(ing.seconds, 1e-6),
      reingestDocsPerS: again.documents / Math.max(again.seconds, 1e-6),
      ingestRepeatDocsPerS: 0,
      ingestRepeatOneThreadDocsPerS: 0,
      ingestNoExtractDocsPerS: 0,
      attacksMs: NaN,
      attacksFilteredMs: NaN,
      recordsMs: NaN,
      attackDetailMs: NaN,
    };
    if (queries) {
      row.attacksMs = await timeIt(() => store.listAttacks({}, { limit: 50, offset: 0, sort: "-launched" }));
      row.attacksFilteredMs = await timeIt(() => store.listAttacks({ from: "2024-01-01", to: "2025-12-31", weapon: "missile", region: "UA-30" }, { limit: 50, offset: 0, sort: "-date" }));
      row.recordsMs = await timeIt(() => store.records("2025-07-04"));
      row.attackDetailMs = await timeIt(() => store.getAttack("2025-07-04"));
    }
    return row;
  } finally {
    await store.close();
  }
}

/** Ingest without extraction: the same documents extracted beforehand, then stored the way ingest stores them. */
async function ingestWithoutExtraction(url: string, docs: DocInput[]): Promise<number> {
  const extracted = docs.map((d) => ({ ...d, x: extract(d.text, { ...(d.meta.lang ? { lang: d.meta.lang } : {}), ...(d.meta.kind ? { kind: d.meta.kind } : {}), published: d.meta.published ?? null, publisher: d.meta.publisher ?? null, url: d.meta.url ?? null, channel: d.meta.channel ?? null, title: d.meta.title ?? null }) }));
  const store = await SqlStore.open(url);
  try {
    const t0 = performance.now();
    await storeDocuments(store, extracted);
    return docs.length / ((performance.now() - t0) / 1000);
  } finally {
    await store.close();
  }
}

/**
 * REPEAT copies of the corpus, each text with a line of its own (and each gold id its copy's): as many new
 * documents to extract (the same corpus given again would be found stored, and not extracted).
 */
function corpusCopies(dir: string, sources: string[]): string {
  const root = join(dir, "copies");
  for (let k = 0; k < REPEAT; k++) {
    const out = join(root, `copy-${k}`);
    mkdirSync(out, { recursive: true });
    sources.forEach((source, i) => {
      const raw = readFileSync(source, "utf8");
      const name = `${String(i).padStart(4, "0")}-${basename(source)}`;
      if (source.endsWith(".json")) {
        const gold = JSON.parse(raw) as { id?: unknown; text?: string };
        if (typeof gold.text === "string") {
          gold.text += `\n\nCopy ${k}.`;
          if (typeof gold.id === "string") gold.id += `-copy-${k}`;
          writeFileSync(join(out, name), JSON.stringify(gold));
          return;
        }
      }
      writeFileSync(join(out, name), `${raw}\n\nCopy ${k}.\n`);
    });
  }
  return root;
}

/**
 * Ingest of REPEAT copies of the corpus (every text new), extracting on the worker pool as `salvo ingest` does, or
 * all in the main thread (0 workers): the pool starts only once extraction has taken half a second, so it shows on
 * an input of this size, not on the corpus once.
 */
async function ingestRepeated(url: string, copies: string, workers?: number): Promise<number> {
  const store = await SqlStore.open(url);
  try {
    const ing = await ingestInputs(store, [copies], workers === undefined ? {} : { workers });
    return ing.documents / Math.max(ing.seconds, 1e-6);
  } finally {
    await store.close();
  }
}

async function measure(dialect: string, fresh: () => Promise<{ url: string; drop(): Promise<void> }>, docs: DocInput[], rows: Array<[number, string, string, string, string]>, copies: string): Promise<Row> {
  const runs: Row[] = [];
  for (let i = 0; i < RUNS; i++) {
    const db = await fresh();
    try {
      runs.push(await once(dialect, db.url, docs, rows, i === RUNS - 1));
    } finally {
      await db.drop();
    }
    const db2 = await fresh();
    try {
      runs[i]!.ingestNoExtractDocsPerS = await ingestWithoutExtraction(db2.url, docs);
    } finally {
      await db2.drop();
    }
    for (const workers of [undefined, 0]) {
      const db3 = await fresh();
      try {
        const v = await ingestRepeated(db3.url, copies, workers);
        if (workers === 0) runs[i]!.ingestRepeatOneThreadDocsPerS = v;
        else runs[i]!.ingestRepeatDocsPerS = v;
      } finally {
        await db3.drop();
      }
    }
  }
  const m = (k: keyof Omit<Row, "dialect" | "importSteps">) => median(runs.map((r) => r[k]).filter((v) => !Number.isNaN(v)));
  return {
    dialect,
    baselineRowsPerS: m("baselineRowsPerS"),
    importRowsPerS: m("importRowsPerS"),
    reimportRowsPerS: m("reimportRowsPerS"),
    importSteps: Object.fromEntries(STEPS.map((st) => [st, median(runs.map((r) => r.importSteps[st]))])) as Record<Step, number>,
    ingestDocsPerS: m("ingestDocsPerS"),
    reingestDocsPerS: m("reingestDocsPerS"),
    ingestRepeatDocsPerS: m("ingestRepeatDocsPerS"),
    ingestRepeatOneThreadDocsPerS: m("ingestRepeatOneThreadDocsPerS"),
    ingestNoExtractDocsPerS: m("ingestNoExtractDocsPerS"),
    attacksMs: m("attacksMs"),
    attacksFilteredMs: m("attacksFilteredMs"),
    recordsMs: m("recordsMs"),
    attackDetailMs: m("attackDetailMs"),
  };
}

export async function run(): Promise<void> {
  process.stdout.write(`## store (import, ingest, queries on the full history; medians of ${RUNS} runs on fresh databases)\n`);
  if (!existsSync(DATASET) || !existsSync(CORPUS)) {
    process.stdout.write("skipped: ../shared (dataset and dev corpus) is absent\n");
    return;
  }
  const docs = await corpusDocs();
  const rows = datasetRows();
  const out: Row[] = [];
  const dir = mkdtempSync(join(tmpdir(), "salvo-bench-"));
  const copies = corpusCopies(dir, (await expandInputs([CORPUS])).sources);
  let n = 0;
  try {
    out.push(
      await measure(
        "sqlite",
        async () => {
          const url = join(dir, `bench-${n++}.db`);
          return { url, drop: async () => rmSync(url, { force: true }) };
        },
        docs,
        rows,
        copies,
      ),
    );
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const admin = new pg.Client({ connectionString: PG_ADMIN, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    out.push(
      await measure(
        "postgres",
        async () => {
          const name = `salvo_bench_${Date.now().toString(36)}_${n++}`;
          await admin.query(`create database ${name}`);
          const u = new URL(PG_ADMIN);
          u.pathname = `/${name}`;
          return { url: u.toString(), drop: async () => void (await admin.query(`drop database if exists ${name} with (force)`)) };
        },
        docs,
        rows,
        copies,
      ),
    );
  } catch (e) {
    process.stdout.write(`postgres skipped: ${(e as Error).message}\n`);
  } finally {
    await admin.end().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
  const head = ["dialect", "baseline: one reused INSERT rows/s", "import rows/s", "re-import rows/s (same file)", "ingest docs/s", "ingest docs/s without extraction", "re-ingest docs/s (texts unchanged)", `ingest of ${REPEAT} copies docs/s (extraction on workers)`, `ingest of ${REPEAT} copies docs/s (extraction in the main thread)`, "attacks ms", "attacks filtered ms", "records ms", "attack detail ms"];
  const table = out.map((r) => [
    r.dialect,
    r.baselineRowsPerS.toFixed(0),
    r.importRowsPerS.toFixed(0),
    r.reimportRowsPerS.toFixed(0),
    r.ingestDocsPerS.toFixed(0),
    r.ingestNoExtractDocsPerS.toFixed(0),
    r.reingestDocsPerS.toFixed(0),
    r.ingestRepeatDocsPerS.toFixed(0),
    r.ingestRepeatOneThreadDocsPerS.toFixed(0),
    r.attacksMs.toFixed(2),
    r.attacksFilteredMs.toFixed(2),
    r.recordsMs.toFixed(2),
    r.attackDetailMs.toFixed(2),
  ]);
  const line = (c: string[]) => "| " + c.join(" | ") + " |";
  process.stdout.write([line(head), line(head.map(() => "---")), ...table.map(line)].join("\n") + "\n");
  // Where the import's time goes (medians of each step, so they need not add up to the median import).
  const stepHead = ["dialect", ...STEPS.map((st) => `import: ${st} ms`)];
  process.stdout.write("\n" + [line(stepHead), line(stepHead.map(() => "---")), ...out.map((r) => line([r.dialect, ...STEPS.map((st) => r.importSteps[st].toFixed(0))]))].join("\n") + "\n");
  mkdirSync(join(ROOT, "bench", "output"), { recursive: true });
  writeFileSync(join(ROOT, "bench", "output", "store.json"), JSON.stringify({ runs: RUNS, rows: out }, null, 2) + "\n");
}
