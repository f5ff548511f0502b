import { readFileSync } from "node:fs";
// Shared by the dashboard's end-to-end tests and bench/web.ts: a real `salvo serve` on a temp
// database, the real CLI to fill it, and Debian's headless Chromium.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createRequire } from "node:module";
import { type Browser, type Frame, type Page, chromium } from "playwright-core";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const SHARED = resolve(ROOT, "../shared");
export const CORPUS_DEV = join(SHARED, "corpus/dev");
export const DATASET_CSV = join(SHARED, "data/attacks/missile_attacks_daily.csv");
export const CHROMIUM = "/usr/bin/chromium";
export const SCREENSHOTS = join(ROOT, "test/output/screenshots");
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const run = promisify(execFile);

/** Why the end-to-end suite cannot run here, or null when it can. */
export function missingPrerequisite(): string | null {
  if (!existsSync(SHARED)) return `../shared is absent (${SHARED}): the dashboard tests need its corpus and dataset`;
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is missing: apt-get install -y chromium`;
  return null;
}

export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs the real CLI; rejects with its stderr when it exits non-zero. */
export async function salvo(args: string[], options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<{ stdout: string; stderr: string }> {
  try {
    return await run(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/main.ts"), ...args], {
      cwd: ROOT,
      timeout: options.timeoutMs ?? 300_000,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, ...options.env },
    });
  } catch (e) {
    const err = e as { stderr?: string; stdout?: string; message: string };
    throw new Error(`salvo ${args.join(" ")} failed: ${(err.stderr || err.stdout || err.message).trim().slice(0, 2000)}`);
  }
}

/** The names of the CLI's commands, from `salvo --help`. */
export async function salvoCommands(): Promise<Set<string>> {
  const { stdout } = await salvo(["--help"]).catch(() => ({ stdout: "" }));
  const names = new Set<string>();
  let inCommands = false;
  for (const line of stdout.split("\n")) {
    if (/^Commands:/.test(line)) inCommands = true;
    else if (inCommands) {
      const m = /^\s{2}(\S+)/.exec(line);
      if (m?.[1]) names.add(m[1]);
    }
  }
  return names;
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

export interface RunningServer {
  url: string;
  stop: () => Promise<void>;
}

/** `salvo serve` on a free loopback port against `db`; resolves once /api/health answers. */
export async function startServer(db: string, extraArgs: string[] = []): Promise<RunningServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", join(ROOT, "src/cli/main.ts"), "serve", "--port", String(port), "--host", "127.0.0.1", "--db", db, ...extraArgs],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, SALVO_DB: db } },
  );
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((ok) => child.once("exit", () => ok()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`salvo serve exited with ${child.exitCode}: ${output.trim().slice(0, 2000)}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`salvo serve did not answer within 30 s: ${output.trim().slice(0, 2000)}`);
}

/** Builds web/dist when it is missing or older than the sources (a second or so with vite). */
export async function buildWeb(force = false): Promise<void> {
  const built = join(ROOT, "web/dist/index.html");
  if (!force && existsSync(built) && newestSource(join(ROOT, "web")) <= statSync(built).mtimeMs) return;
  await run("npm", ["run", "--silent", "build:web"], { cwd: ROOT, timeout: 120_000 });
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "dist" || entry.name === "node_modules") continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.png`);
}

export async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The store as a newsroom would have it: the development corpus ingested and the Air Force dataset imported. */
export async function fillWithRealData(db: string): Promise<void> {
  await salvo(["ingest", CORPUS_DEV, "--db", db]);
  await salvo(["import", DATASET_CSV, "--db", db]);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** Runs axe-core (pinned in package.json) inside the page or frame and gives its violations. */
export async function axeViolations(target: Page | Frame): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, not added as an inline <script>: the dashboard's CSP (script-src 'self')
  // rightly blocks inline scripts, and the audit must run on the page as users get it, policy included.
  await target.evaluate(readFileSync(AXE, "utf8"));
  return target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}
