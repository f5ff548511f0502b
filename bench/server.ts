/**
 * HTTP throughput of `salvo serve` on loopback: requests/s and p50/p99 latency of /api/attacks,
 * /api/timeline and /api/extract under concurrent load (autocannon), against a temp SQLite store
 * holding the full attack history (the Air Force dataset from ../shared, imported first).
 * The server runs as the real CLI in a child process; client and server share the machine's cores.
 * Results also go to bench/output/server.json.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { importDataset } from "../src/ingest/dataset.js";
import { SqlStore } from "../src/store/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const DATASET = join(root, "..", "shared", "data", "attacks", "missile_attacks_daily.csv");
const SEED = join(root, "..", "shared", "corpus", "dev", "liberation-2025-07-04-frappes.json");
const DURATION_S = 5;
const RUNS = 2;
const CONNECTIONS = 20;

/** A report in the style of an Air Force post, written for this bench (used when the seed is absent). */
const FALLBACK_TEXT =
  "In the night of 4 July (from 23:00 on 3 July), the enemy attacked with 550 means of air attack: 539 Shahed-type " +
  "attack drones and decoy drones, and 11 missiles. Air defence shot down or suppressed 478 aerial targets: 270 drones " +
  "were shot down, 208 were lost to electronic warfare. Hits were recorded in 8 locations, debris fell in 33.";

interface Target {
  name: string;
  /** Also measured with `--cache-ttl` (repeated reads served from memory). */
  cached?: boolean;
  path: string;
  method: "GET" | "POST";
  body?: string;
  headers?: Record<string, string>;
}

interface Row {
  route: string;
  run: number;
  rps: number;
  p50_ms: number;
  p99_ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  mb_per_s: number;
}

async function startServer(dbPath: string, extra: string[] = []): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "src/cli/main.ts"), "serve", "--port", "0", "--db", dbPath, ...extra], {
    cwd: root,
    env: { ...process.env, SALVO_TOKEN: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`salvo serve did not start: ${err}`)), 30_000);
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /serving (http:\/\/[^/\s]+)\//.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on("exit", (code) => reject(new Error(`salvo serve exited (${code}): ${err}`)));
  });
  return { child, base };
}

async function load(base: string, t: Target): Promise<autocannon.Result> {
  return autocannon({
    url: base + t.path,
    method: t.method,
    connections: CONNECTIONS,
    duration: DURATION_S,
    ...(t.body ? { body: t.body } : {}),
    ...(t.headers ? { headers: t.headers } : {}),
  });
}

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "salvo-bench-server-"));
  const dbPath = join(dir, "bench.db");
  let server: { child: ChildProcess; base: string } | null = null;
  try {
    let history = "no history loaded (../shared/data/attacks/missile_attacks_daily.csv absent): empty store";
    let attacks = 0;
    if (existsSync(DATASET)) {
      const store = await SqlStore.open(dbPath);
      try {
        const s = await importDataset(store, DATASET);
        attacks = (await store.listAttacks({}, { limit: 1, offset: 0, sort: "-date" })).total;
        history = `full history: ${s.rows} dataset rows → ${attacks} attacks, imported in ${fmt(s.seconds, 1)} s`;
      } finally {
        await store.close();
      }
    } else {
      await (await SqlStore.open(dbPath)).close();
    }
    const seedText = existsSync(SEED) ? (JSON.parse(readFileSync(SEED, "utf8")) as { text: string }).text : FALLBACK_TEXT;
    const extractBody = JSON.stringify({ text: seedText, lang: existsSync(SEED) ? "fr" : "en", published: "2025-07-04T11:34:00+02:00" });
    const targets: Target[] = [
      { name: "GET /api/attacks?limit=50", path: "/api/attacks?limit=50", method: "GET", cached: true },
      { name: "GET /api/attacks?weapon=missile&limit=50", path: "/api/attacks?weapon=missile&limit=50", method: "GET" },
      { name: "GET /api/timeline?bucket=week", path: "/api/timeline?bucket=week", method: "GET", cached: true },
      { name: "GET /api/timeline?from=2025-01-01", path: "/api/timeline?from=2025-01-01", method: "GET" },
      {
        name: `POST /api/extract (${fmt(Buffer.byteLength(seedText) / 1024, 1)} KB)`,
        path: "/api/extract",
        method: "POST",
        body: extractBody,
        headers: { "content-type": "application/json" },
      },
    ];

    const rows: Row[] = [];
    const measure = async (base: string, t: Target, label: string) => {
      // A short warm-up so that the first run does not measure JIT compilation and cold caches.
      await autocannon({ url: base + t.path, method: t.method, connections: 4, amount: 200, ...(t.body ? { body: t.body } : {}), ...(t.headers ? { headers: t.headers } : {}) });
      for (let i = 1; i <= RUNS; i++) {
        const r = await load(base, t);
        rows.push({
          route: label,
          run: i,
          rps: r.requests.average,
          p50_ms: r.latency.p50,
          p99_ms: r.latency.p99,
          requests: r.requests.total,
          non2xx: r.non2xx,
          errors: r.errors,
          mb_per_s: r.throughput.average / (1024 * 1024),
        });
      }
    };
    server = await startServer(dbPath);
    for (const t of targets) await measure(server.base, t, t.name);
    await stop(server);
    server = await startServer(dbPath, ["--cache-ttl", "1000"]);
    for (const t of targets.filter((x) => x.cached)) await measure(server.base, t, `${t.name} (--cache-ttl 1000)`);

    const out = process.stdout;
    out.write(`## server: salvo serve on loopback (autocannon, ${CONNECTIONS} connections, ${DURATION_S} s × ${RUNS} runs per route)\n`);
    out.write(`${history}; ${cpus().length} cores shared by client and server; SQLite store.\n\n`);
    out.write("| route | run | req/s | p50 ms | p99 ms | requests | non-2xx | MB/s |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (const r of rows) {
      out.write(`| ${r.route} | ${r.run} | ${fmt(r.rps)} | ${fmt(r.p50_ms, 1)} | ${fmt(r.p99_ms, 1)} | ${fmt(r.requests)} | ${r.non2xx + r.errors} | ${fmt(r.mb_per_s, 2)} |\n`);
    }
    mkdirSync(join(root, "bench", "output"), { recursive: true });
    writeFileSync(
      join(root, "bench", "output", "server.json"),
      JSON.stringify({ history, attacks, connections: CONNECTIONS, duration_s: DURATION_S, cores: cpus().length, rows }, null, 2) + "\n",
    );
  } finally {
    if (server) await stop(server);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function stop(server: { child: ChildProcess }): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  server.child.kill("SIGTERM");
  await exited;
}
