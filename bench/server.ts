/**
 * HTTP API on loopback, beside baselines measured in the same run: a bare Fastify route answering a small
 * JSON object (same machine, same client), so that ratios compare across machines, and the same route sending
 * the bytes of a page of 50 attacks, ready: what the client and loopback allow for that answer with no work on
 * the server's side. (autocannon decodes every body into a string: 100 KB of JSON with non-ASCII text costs
 * the client about three times what 100 KB of ASCII does, and on 2 shared cores the client bounds the rate.) The store holds the full
 * history (the Air Force dataset imported and the development corpus ingested, from ../shared). The server
 * runs as the real CLI (`salvo serve`, no response cache) in a child process; client and server share the
 * cores. autocannon, 10 connections, RUNS runs per route; every figure is the median over runs.
 * Results also go to bench/output/server.json.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { importDataset } from "../src/ingest/dataset.js";
import { ingestInputs } from "../src/ingest/ingest.js";
import { SqlStore } from "../src/store/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const DATASET = join(root, "..", "shared", "data", "attacks", "missile_attacks_daily.csv");
const CORPUS = join(root, "..", "shared", "corpus", "dev");
const SEED = join(CORPUS, "liberation-2025-07-04-frappes.json");
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 3);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CONNECTIONS = 10;

/** A report in the style of an Air Force post, written for this bench (used when the seed is absent). */
const FALLBACK_TEXT =
  "In the night of 4 July (from 23:00 on 3 July), the enemy attacked with 550 means of air attack: 539 Shahed-type " +
  "attack drones and decoy drones, and 11 missiles. Air defence shot down or suppressed 478 aerial targets: 270 drones " +
  "were shot down, 208 were lost to electronic warfare. Hits were recorded in 8 locations, debris fell in 33.";

/**
 * The baselines: Fastify with one route and nothing else, in its own process like the real server; and a route
 * sending the bytes of the file BODY_FILE (read once, sent as a Buffer).
 */
const BARE_SERVER = `
import Fastify from "fastify";
import { readFileSync } from "node:fs";
const app = Fastify({ logger: false });
app.get("/bare", async () => ({ status: "ok", version: "0.1.0", store: "sqlite", documents: 3706, writes: false }));
const body = readFileSync(process.env.BODY_FILE);
app.get("/body", async (_request, reply) => reply.type("application/json; charset=utf-8").send(body));
await app.listen({ port: 0, host: "127.0.0.1" });
const a = app.server.address();
process.stdout.write("serving http://127.0.0.1:" + a.port + "/\\n");
`;

interface Target {
  name: string;
  path: string;
  method: "GET" | "POST";
  body?: string;
  headers?: Record<string, string>;
}

interface Figures {
  route: string;
  rps: number;
  p50_ms: number;
  p99_ms: number;
  non2xx: number;
  /** Bytes received per answer, headers included. */
  bytes: number;
  runs: Array<{ rps: number; p50_ms: number; p99_ms: number }>;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function waitForServing(child: ChildProcess, what: string): Promise<string> {
  let out = "";
  let err = "";
  child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start: ${err}`)), 60_000);
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /serving (http:\/\/[^/\s]+)\//.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on("exit", (code) => reject(new Error(`${what} exited (${code}): ${err}`)));
  });
}

async function startServer(dbPath: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "src/cli/main.ts"), "serve", "--port", "0", "--db", dbPath], {
    cwd: root,
    env: { ...process.env, SALVO_TOKEN: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return { child, base: await waitForServing(child, "salvo serve") };
}

async function startBare(bodyFile: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ["--input-type=module", "-e", BARE_SERVER], {
    cwd: root,
    env: { ...process.env, BODY_FILE: bodyFile },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return { child, base: await waitForServing(child, "bare Fastify") };
}

async function measure(base: string, t: Target): Promise<Figures> {
  const opts = { url: base + t.path, method: t.method, ...(t.body ? { body: t.body } : {}), ...(t.headers ? { headers: t.headers } : {}) };
  // A short warm-up so that the first run does not measure JIT compilation and cold caches.
  await autocannon({ ...opts, connections: 4, amount: 300 });
  const runs: Figures["runs"] = [];
  let non2xx = 0;
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const r = await autocannon({ ...opts, connections: CONNECTIONS, duration: DURATION_S });
    runs.push({ rps: r.requests.average, p50_ms: r.latency.p50, p99_ms: r.latency.p99 });
    non2xx += r.non2xx + r.errors;
    if (r.requests.total > 0) bytes = r.throughput.total / r.requests.total;
  }
  return {
    route: t.name,
    rps: median(runs.map((r) => r.rps)),
    p50_ms: median(runs.map((r) => r.p50_ms)),
    p99_ms: median(runs.map((r) => r.p99_ms)),
    non2xx,
    bytes,
    runs,
  };
}

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "salvo-bench-server-"));
  const dbPath = join(dir, "bench.db");
  const servers: Array<{ child: ChildProcess }> = [];
  try {
    let history = "no history loaded (../shared absent): empty store";
    if (existsSync(DATASET)) {
      const store = await SqlStore.open(dbPath);
      try {
        const s = await importDataset(store, DATASET);
        const ing = existsSync(CORPUS) ? await ingestInputs(store, [CORPUS]) : null;
        const attacks = (await store.listAttacks({}, { limit: 1, offset: 0, sort: "-date" })).total;
        history = `full history: ${s.rows} dataset rows and ${ing?.documents ?? 0} corpus documents → ${attacks} attacks`;
      } finally {
        await store.close();
      }
    } else {
      await (await SqlStore.open(dbPath)).close();
    }
    const seedText = existsSync(SEED) ? (JSON.parse(readFileSync(SEED, "utf8")) as { text: string }).text : FALLBACK_TEXT;
    const extractBody = JSON.stringify({ text: seedText, lang: existsSync(SEED) ? "fr" : "en", published: "2025-07-04T11:34:00+02:00" });
    const targets: Target[] = [
      { name: "GET /api/health", path: "/api/health", method: "GET" },
      { name: "GET /api/attacks (50 per page)", path: "/api/attacks?limit=50", method: "GET" },
      { name: "GET /api/attacks (1000 per page)", path: "/api/attacks?limit=1000", method: "GET" },
      { name: "GET /api/attacks?weapon=missile", path: "/api/attacks?weapon=missile&limit=50", method: "GET" },
      { name: "GET /api/attacks/<id>", path: "/api/attacks/2025-07-04.RU-UA", method: "GET" },
      { name: "GET /api/timeline?bucket=week", path: "/api/timeline?bucket=week", method: "GET" },
      { name: "GET /api/timeline?from=2025-01-01", path: "/api/timeline?from=2025-01-01", method: "GET" },
      { name: "GET /api/records", path: "/api/records", method: "GET" },
      { name: `POST /api/extract (${fmt(Buffer.byteLength(seedText) / 1024, 1)} KB)`, path: "/api/extract", method: "POST", body: extractBody, headers: { "content-type": "application/json" } },
    ];

    const server = await startServer(dbPath);
    servers.push(server);
    const page = Buffer.from(await (await fetch(`${server.base}/api/attacks?limit=50`)).arrayBuffer());
    writeFileSync(join(dir, "page.json"), page);
    const bare = await startBare(join(dir, "page.json"));
    servers.push(bare);
    const baseline = await measure(bare.base, { name: "baseline: bare Fastify route", path: "/bare", method: "GET" });
    const sized = await measure(bare.base, { name: `baseline: bare route sending a page of 50 ready (${fmt(page.length / 1024, 0)} KB)`, path: "/body", method: "GET" });
    await stop(bare);
    const rows: Figures[] = [baseline, sized];
    for (const t of targets) rows.push(await measure(server.base, t));

    const out = process.stdout;
    out.write(`## server: salvo serve on loopback (autocannon, ${CONNECTIONS} connections, ${DURATION_S} s × ${RUNS} runs per route, medians)\n`);
    out.write(`${history}; ${cpus().length} cores shared by client and server; SQLite store; no response cache.\n\n`);
    out.write("| route | req/s | % of bare route | p50 ms | p99 ms | KB per answer | MB/s | non-2xx |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (const r of rows) {
      const kb = r.bytes / 1024;
      out.write(`| ${r.route} | ${fmt(r.rps)} | ${fmt((100 * r.rps) / baseline.rps, 1)} % | ${fmt(r.p50_ms, 1)} | ${fmt(r.p99_ms, 1)} | ${fmt(kb, 1)} | ${fmt((kb * r.rps) / 1024, 0)} | ${r.non2xx} |\n`);
    }
    mkdirSync(join(root, "bench", "output"), { recursive: true });
    writeFileSync(
      join(root, "bench", "output", "server.json"),
      JSON.stringify({ history, connections: CONNECTIONS, duration_s: DURATION_S, runs: RUNS, cores: cpus().length, rows }, null, 2) + "\n",
    );
  } finally {
    for (const s of servers) await stop(s);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function stop(server: { child: ChildProcess }): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  server.child.kill("SIGTERM");
  await exited;
}
