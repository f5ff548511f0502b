/**
 * Store bench: dataset import rows/s, ingest documents/s, and the time of `attacks` and `records` queries on
 * the full history, for SQLite and PostgreSQL. Needs ../shared (the dataset and the dev corpus).
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { importDataset } from "../src/ingest/dataset.js";
import { ingestInputs } from "../src/ingest/ingest.js";
import { SqlStore } from "../src/store/store.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SHARED = resolve(ROOT, "../shared");
const DATASET = join(SHARED, "data/attacks/missile_attacks_daily.csv");
const CORPUS = join(SHARED, "corpus/dev");
const PG_ADMIN = process.env.SALVO_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/postgres";

interface Row {
  dialect: string;
  importRowsPerS: number;
  ingestDocsPerS: number;
  attacksMs: number;
  attacksFilteredMs: number;
  recordsMs: number;
  attackDetailMs: number;
}

async function timeIt(fn: () => Promise<unknown>, runs = 10): Promise<number> {
  await fn();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  return (performance.now() - t0) / runs;
}

async function measure(dialect: string, url: string): Promise<Row> {
  const store = await SqlStore.open(url);
  try {
    const ing = await ingestInputs(store, [CORPUS]);
    const imp = await importDataset(store, DATASET);
    return {
      dialect,
      importRowsPerS: imp.rowsPerSecond,
      ingestDocsPerS: ing.documents / Math.max(ing.seconds, 1e-6),
      attacksMs: await timeIt(() => store.listAttacks({}, { limit: 50, offset: 0, sort: "-launched" })),
      attacksFilteredMs: await timeIt(() => store.listAttacks({ from: "2024-01-01", to: "2025-12-31", weapon: "missile", region: "UA-30" }, { limit: 50, offset: 0, sort: "-date" })),
      recordsMs: await timeIt(() => store.records("2025-07-04")),
      attackDetailMs: await timeIt(() => store.getAttack("2025-07-04")),
    };
  } finally {
    await store.close();
  }
}

export async function run(): Promise<void> {
  process.stdout.write("## store (import, ingest, queries on the full history)\n");
  if (!existsSync(DATASET) || !existsSync(CORPUS)) {
    process.stdout.write("skipped: ../shared (dataset and dev corpus) is absent\n");
    return;
  }
  const rows: Row[] = [];
  const dir = mkdtempSync(join(tmpdir(), "salvo-bench-"));
  try {
    rows.push(await measure("sqlite", join(dir, "bench.db")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const name = `salvo_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN, connectionTimeoutMillis: 3000 });
  let created = false;
  try {
    await admin.connect();
    await admin.query(`create database ${name}`);
    created = true;
    const u = new URL(PG_ADMIN);
    u.pathname = `/${name}`;
    rows.push(await measure("postgres", u.toString()));
  } catch (e) {
    process.stdout.write(`postgres skipped: ${(e as Error).message}\n`);
  } finally {
    if (created) await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
  }
  const head = ["dialect", "import rows/s", "ingest docs/s", "attacks ms", "attacks filtered ms", "records ms", "attack detail ms"];
  const table = rows.map((r) => [
    r.dialect,
    r.importRowsPerS.toFixed(0),
    r.ingestDocsPerS.toFixed(1),
    r.attacksMs.toFixed(1),
    r.attacksFilteredMs.toFixed(1),
    r.recordsMs.toFixed(1),
    r.attackDetailMs.toFixed(1),
  ]);
  const w = head.map((h, i) => Math.max(h.length, ...table.map((t) => t[i]!.length)));
  const line = (c: string[]) => "| " + c.map((x, i) => x.padEnd(w[i]!)).join(" | ") + " |";
  process.stdout.write([line(head), line(w.map((n) => "-".repeat(n))), ...table.map(line)].join("\n") + "\n");
}
