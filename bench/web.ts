// Dashboard benchmark: bundle size (raw and gzip), build time, and time to first render of the overview,
// the timeline, the map, a night and the attacks list with the whole imported history, in headless
// Chromium against a real `salvo serve`.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import {
  CORPUS_DEV,
  DATASET_CSV,
  ROOT,
  buildWeb,
  launchBrowser,
  missingPrerequisite,
  salvo,
  startServer,
  tempDir,
} from "../test/web/harness.js";

const RUNS = 5;

interface Row {
  what: string;
  value: string;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

function kb(n: number): string {
  return `${(n / 1024).toFixed(1)} kB`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

function table(title: string, rows: Row[]): void {
  const w = Math.max(...rows.map((r) => r.what.length), 10);
  console.log(`\n${title}`);
  console.log(`| ${"measure".padEnd(w)} | value |`);
  console.log(`|${"-".repeat(w + 2)}|-------|`);
  for (const r of rows) console.log(`| ${r.what.padEnd(w)} | ${r.value} |`);
}

export async function run(): Promise<void> {
  const t0 = performance.now();
  await buildWeb(true);
  const buildMs = performance.now() - t0;
  const dist = join(ROOT, "web/dist");
  const sizes: Row[] = [];
  let raw = 0;
  let gz = 0;
  for (const f of files(dist).sort()) {
    const bytes = readFileSync(f);
    const g = gzipSync(bytes, { level: 9 }).length;
    raw += statSync(f).size;
    gz += g;
    sizes.push({ what: relative(dist, f), value: `${kb(bytes.length)} raw, ${kb(g)} gzip` });
  }
  sizes.push({ what: "total", value: `${kb(raw)} raw, ${kb(gz)} gzip` });
  sizes.push({ what: "npm run build:web (tsc + vite)", value: `${(buildMs / 1000).toFixed(2)} s` });
  table("web bundle (web/dist)", sizes);

  const missing = missingPrerequisite();
  if (missing) {
    console.log(`\nweb render: skipped, ${missing}`);
    return;
  }
  const tmp = tempDir("salvo-web-bench-");
  const db = join(tmp.dir, "bench.db");
  try {
    const tImport = performance.now();
    await salvo(["import", DATASET_CSV, "--db", db]);
    await salvo(["ingest", CORPUS_DEV, "--db", db]);
    const loadMs = performance.now() - tImport;
    const server = await startServer(db);
    const browser = await launchBrowser();
    try {
      const attacks = (await (await fetch(`${server.url}/api/attacks?limit=1`)).json()) as { total: number };
      const rows: Row[] = [{ what: "attacks in the database", value: String(attacks.total) }];
      rows.push({ what: "import + ingest (setup, not the dashboard)", value: `${(loadMs / 1000).toFixed(1)} s` });
      for (const [label, hash] of [
        ["overview", "#/"],
        ["timeline (whole history)", "#/timeline"],
        ["map", "#/map"],
        ["a night, both directions (4 Jul 2025)", "#/attack/2025-07-04"],
        ["attacks by size", "#/attacks?sort=-size"],
      ] as const) {
        const firstRender: number[] = [];
        const wall: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          // A fresh context each run: cold HTTP cache, as a first visit.
          const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
          const page = await context.newPage();
          const start = performance.now();
          await page.goto(`${server.url}/${hash}`);
          await page.waitForSelector("main[data-ready=yes]", { timeout: 60_000 });
          wall.push(performance.now() - start);
          firstRender.push(await page.evaluate(() => performance.getEntriesByName("salvo:first-render")[0]?.startTime ?? Number.NaN));
          await context.close();
        }
        rows.push({
          what: `${label}: first render (median of ${RUNS})`,
          value: `${median(firstRender).toFixed(0)} ms from navigation (wall ${median(wall).toFixed(0)} ms, min ${Math.min(...firstRender).toFixed(0)}, max ${Math.max(...firstRender).toFixed(0)})`,
        });
      }
      table("web render, headless Chromium, cold cache", rows);
    } finally {
      await browser.close();
      await server.stop();
    }
  } finally {
    tmp.cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
