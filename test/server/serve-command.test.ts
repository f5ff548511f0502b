// `salvo serve` as a user runs it: a child process that prints its URL, answers, and stops cleanly.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
const MAIN = join(ROOT, "src/cli/main.ts");

test("serve prints its URL, answers, and exits 0 on SIGTERM", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "salvo-serve-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const child = spawn(process.execPath, ["--import", "tsx", MAIN, "serve", "--port", "0", "--db", join(dir, "s.db")], {
    cwd: ROOT,
    env: { ...process.env, SALVO_TOKEN: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  t.after(() => {
    if (child.exitCode === null) child.kill("SIGKILL");
  });
  let out = "";
  let err = "";
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed; stderr: ${err}`)), 20_000);
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on("exit", () => reject(new Error(`exited early: ${out} ${err}`)));
  });
  assert.match(out, /writes disabled/);
  const health = (await (await fetch(`${url}api/health`)).json()) as { status: string; store: string };
  assert.deepEqual([health.status, health.store], ["ok", "sqlite"]);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  child.kill("SIGTERM");
  assert.equal(await exited, 0);
  assert.match(out, /SIGTERM, shutting down/);
  assert.equal(err, "");
});

test("a bad --port is a one-line usage error with exit code 2", () => {
  const r = spawnSync(process.execPath, ["--import", "tsx", MAIN, "serve", "--port", "http"], { cwd: ROOT, encoding: "utf8" });
  assert.equal(r.status, 2);
  assert.equal(r.stderr.trim().split("\n").length, 1);
  assert.match(r.stderr, /--port must be an integer/);
});
