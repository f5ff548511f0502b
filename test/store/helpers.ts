// Shared by the store, ingest and reconcile tests: the real CLI in a child process, temp databases.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import assert from "node:assert/strict";
import { after, before } from "node:test";
import { sql } from "kysely";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { readCsv } from "../../src/ingest/csv.js";
import { SqlStore } from "../../src/store/store.js";
import type { Evidence, Extraction, Provenance, Report } from "../../src/model/index.js";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const SHARED = resolve(ROOT, "../shared");

/** The newest modification time under a folder. */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** The compiled CLI; `npm test` builds first (scripts/test.sh), and a file run alone builds when it is missing or stale. */
export const BUILT_CLI = join(ROOT, "dist/src/cli/main.js");
export async function ensureBuilt(): Promise<void> {
  if (!existsSync(BUILT_CLI) || statSync(BUILT_CLI).mtimeMs < newest(join(ROOT, "src"))) {
    await promisify(execFile)("npm", ["run", "--silent", "build"], { cwd: ROOT, timeout: 300_000 });
  }
}

export const HAVE_SHARED = existsSync(join(SHARED, "data/attacks/missile_attacks_daily.csv"));
export const DATASET = join(SHARED, "data/attacks/missile_attacks_daily.csv");
export const DEV_CORPUS = join(SHARED, "corpus/dev");
export const PG_ADMIN = process.env.SALVO_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const child = spawnCli(args, env);
  return collect(child);
}

export function spawnCli(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/main.ts"), ...args], {
    cwd: ROOT,
    env: { ...process.env, SALVO_DB: "", NO_COLOR: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

export function collect(child: ChildProcess): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((res) => child.on("close", (code, signal) => res({ code, signal, stdout, stderr })));
}

export function tempDir(prefix = "salvo-store-"): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh PostgreSQL database with a unique name; null when no server answers. */
export type TempPg = { url: string; drop(): Promise<void> };

/**
 * Two throwaway PostgreSQL databases for the enclosing suite, made before its tests and dropped after them;
 * each is null when the server is unreachable (the tests skip then).
 */
export function tempPgPair(): { a: TempPg | null; b: TempPg | null } {
  const pair: { a: TempPg | null; b: TempPg | null } = { a: null, b: null };
  before(async () => {
    pair.a = await tempPg();
    pair.b = await tempPg();
  });
  after(async () => {
    await pair.a?.drop();
    await pair.b?.drop();
  });
  return pair;
}

export async function tempPg(): Promise<TempPg | null> {
  const name = `salvo_t_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    // Databases of runs that were killed before their cleanup (older than two hours) are dropped here.
    const stale = await admin.query<{ datname: string }>("select datname from pg_database where datname like 'salvo\\_t\\_%'");
    for (const { datname } of stale.rows) {
      const born = parseInt(datname.split("_")[2] ?? "", 36);
      if (Number.isFinite(born) && Date.now() - born > 2 * 3_600_000) await admin.query(`drop database if exists ${datname} with (force)`).catch(() => undefined);
    }
    await admin.query(`create database ${name}`);
  } catch {
    await admin.end().catch(() => undefined);
    return null;
  }
  await admin.end();
  const u = new URL(PG_ADMIN);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

// ---- comparing stores ----

const TABLES = [
  "documents", "reports", "counts", "casualties", "targets", "launch_areas", "record_claims", "places", "attacks", "attack_figures",
  "attack_side_totals", "attack_regions", "attack_views", "attack_details", "record_marks", "timeline_buckets", "timeline_periods", "salvo_meta",
  "dataset_files",
] as const;

/** Every row of every table, `fetched` (the clock when stored) aside; rows sorted, so that only content counts. */
export async function storeTables(url: string): Promise<Record<string, string[]>> {
  const store = await SqlStore.open(url);
  try {
    const out: Record<string, string[]> = {};
    for (const t of TABLES) {
      const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(store.db)).rows;
      out[t] = rows.map((r) => JSON.stringify({ ...r, ...("fetched" in r ? { fetched: "" } : {}) })).sort();
    }
    return out;
  } finally {
    await store.close();
  }
}

export function assertSameTables(a: Record<string, string[]>, b: Record<string, string[]>, label: string): void {
  for (const t of TABLES) {
    const x = a[t]!;
    const y = b[t]!;
    if (x.length === y.length && x.every((v, i) => v === y[i])) continue;
    const ys = new Set(y);
    const xs = new Set(x);
    assert.fail(`${label}: table ${t} differs (${x.length} vs ${y.length} rows): ${x.find((v) => !ys.has(v))?.slice(0, 400)} vs ${y.find((v) => !xs.has(v))?.slice(0, 400)}`);
  }
}

// ---- the HTTP API ----

/** Every read path with the parameters that take different routes through the read models. */
export function apiUrls(ids: string[]): string[] {
  const out: string[] = ["/api/health"];
  for (const sort of ["date", "-date", "launched", "-launched", "size", "-size"]) {
    out.push(`/api/attacks?sort=${sort}`, `/api/attacks?sort=${sort}&limit=1000`, `/api/attacks?sort=${sort}&limit=1000&offset=1000`);
  }
  out.push(
    "/api/attacks?weapon=missile",
    "/api/attacks?weapon=drone&limit=200&sort=-size",
    "/api/attacks?region=UA-30&limit=100",
    "/api/attacks?from=2024-01-01&to=2024-12-31&limit=500",
    "/api/attacks?attacker=UA",
    "/api/attacks?attacker=UA&target=RU&sort=-launched",
    "/api/attacks?target=UA&offset=37&limit=13",
  );
  for (const bucket of ["day", "week"]) {
    out.push(
      `/api/timeline?bucket=${bucket}`,
      `/api/timeline?bucket=${bucket}&from=2025-01-01`,
      `/api/timeline?bucket=${bucket}&from=2023-03-15&to=2024-02-07`,
      `/api/timeline?bucket=${bucket}&attacker=UA`,
      `/api/timeline?bucket=${bucket}&target=UA&to=2023-06-30`,
      `/api/timeline?bucket=${bucket}&weapon=drone`,
      `/api/timeline?bucket=${bucket}&region=UA-30`,
    );
  }
  for (const q of ["", "?as_of=2025-07-04", "?as_of=2024-01-01", "?as_of=2022-12-31", "?as_of=2021-01-01", "?attacker=UA&target=RU", "?all_claimants=true", "?as_of=2025-07-03&all_claimants=true"]) {
    out.push(`/api/records${q}`);
  }
  for (const metric of ["any", "drone", "missile"]) {
    out.push(`/api/records/marks?metric=${metric}`, `/api/records/marks?metric=${metric}&all_claimants=true`, `/api/records/marks?metric=${metric}&attacker=UA`);
  }
  for (const id of ids) out.push(`/api/attacks/${id}`);
  out.push("/api/attacks/2025-07-04", "/api/attacks/2025-07-04?attacker=UA", "/api/attacks/2031-01-01.RU-UA");
  return out;
}

// ---- the dataset ----

/**
 * A corrected copy of the dataset in `dir` (with its companion model table): every 97th row's launched figure
 * one more (a revision of that row), and one row given twice (stored once). Returns the copy's path.
 */
export function correctedDataset(dir: string): string {
  const recs = [...readCsv(readFileSync(DATASET, "utf8"))];
  const at = recs[0]!.fields.findIndex((f) => f.value.trim() === "launched");
  const lines = recs.map((r, i) => {
    const f = r.fields[at];
    if (i === 0 || i % 97 !== 0 || !f || !/^\d+(\.0)?$/.test(f.value)) return r.raw;
    return `${r.raw.slice(0, f.start)}${Number(f.value) + 1}.0${r.raw.slice(f.end)}`;
  });
  lines.push(lines[5]!);
  const file = join(dir, "missile_attacks_daily.csv");
  writeFileSync(file, lines.join("\n") + "\n");
  copyFileSync(join(dirname(DATASET), "missiles_and_uavs.csv"), join(dir, "missiles_and_uavs.csv"));
  return file;
}

// ---- hand-made extractions (sentences written for the tests, in the style of reports) ----

export function span(text: string, needle: string, role: Evidence["role"], from = 0): Evidence {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`"${needle}" not in text`);
  return { role, start, end: start + needle.length, text: needle };
}

export function provenance(text: string, needle: string, rule = "test/rule"): Provenance {
  const ev = span(text, needle, "number");
  return { rule, sentence: { start: 0, end: text.length }, evidence: [ev] };
}

export interface ReportSpec {
  claimant: Report["claimant"];
  orgs?: Report["claimant_orgs"];
  attacker?: Report["attacker"];
  target?: Report["target"];
  date: string;
  night?: boolean;
  counts?: Array<{ weapon: Report["counts"][number]["weapon"]; model?: string | null; outcome: Report["counts"][number]["outcome"]; n: number; region?: string | null; word: string }>;
  casualties?: Array<{ kind: Report["casualties"][number]["kind"]; n: number; region?: string | null; word: string }>;
  targets?: string[];
  records?: Array<{ metric: Report["record_claims"][number]["metric"]; scope: Report["record_claims"][number]["scope"]; word: string }>;
}

export function report(text: string, s: ReportSpec): Report {
  return {
    claimant: s.claimant,
    claimant_orgs: s.orgs ?? [],
    attacker: s.attacker ?? "RU",
    target: s.target ?? "UA",
    date: s.date,
    night: s.night ?? true,
    counts: (s.counts ?? []).map((c) => ({
      weapon: c.weapon,
      model: c.model ?? null,
      outcome: c.outcome,
      n: c.n,
      qualifier: "exact",
      region: c.region ?? null,
      provenance: provenance(text, c.word),
    })),
    targets: s.targets ?? [],
    casualties: (s.casualties ?? []).map((c) => ({ kind: c.kind, n: c.n, qualifier: "exact", region: c.region ?? null, provenance: provenance(text, c.word) })),
    launch_areas: [],
    record_claims: (s.records ?? []).map((r) => ({ metric: r.metric, scope: r.scope, provenance: provenance(text, r.word, "record/test") })),
    places: [],
    target_facts: [],
    launch_area_facts: [],
    org_facts: [],
    date_evidence: null,
  };
}

export function extraction(text: string, reports: Report[], kind: Extraction["kind"] = "official"): Extraction {
  return {
    lang: "en",
    lang_source: "option",
    kind,
    text,
    title: null,
    source: { publisher: null, url: null, published: null, channel: null },
    published: null,
    updated: null,
    published_span: null,
    updated_span: null,
    reports,
    warnings: [],
  };
}

/**
 * `n` short Air Force-style reports, one file each, in `folder`: enough of them that an ingest, which commits in
 * batches, is still running when a test kills it.
 */
export function writeNightReports(folder: string, n: number): void {
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < n; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, "0");
    writeFileSync(
      join(folder, `doc-${String(i).padStart(4, "0")}.txt`),
      `Overnight on ${day}.${month}.2024 the enemy attacked Ukraine with ${50 + i} Shahed-type attack drones, the Air Force of Ukraine said. ` +
        `Air defence shot down ${40 + (i % 10)} drones. Report number ${i}.`,
    );
  }
}

/** Documents committed in a SQLite file another process may be writing (0 while it cannot be read yet). */
export function committedDocuments(db: string): number {
  try {
    const c = new BetterSqlite3(db, { readonly: true, timeout: 1000 });
    try {
      return (c.prepare("select count(*) as n from documents").get() as { n: number }).n;
    } finally {
      c.close();
    }
  } catch {
    return 0;
  }
}
