// Issue 11: the README's quick start as a user runs it, against the BUILT package. The commands are read from
// README.md itself (its "Quick start" section), so the README and this test cannot drift apart.
//
// How each line is run: `npx salvo <args>` is `node <package>/bin/salvo.js <args>` (what npx resolves to), from
// a copy of the built package (bin/, dist/, data/, web/dist, package.json; node_modules linked), with the
// repository as the working directory so that the README's `../shared/...` paths mean what they say. Each gets
// `--db <temp file>` appended (so a developer's ./salvo.db is never touched) and `serve` gets `--port 0`;
// `> file` writes into the temp folder. `serve` is started after the loading commands, so that the HTTP
// checks see the loaded data. A second copy with data/regions.json moved away must fail naming the file and
// store nothing.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import Database from "better-sqlite3";
import { HAVE_SHARED, ROOT, collect, ensureBuilt, tempDir } from "../store/helpers.js";

const skip = HAVE_SHARED ? false : "../shared is absent: the README's load commands need its corpus and dataset";

/** The `npx salvo …` lines of the README's Quick start section, in order, as written (comments dropped). */
export function quickStartCommands(readme: string): { args: string[]; redirect: string | null; line: string }[] {
  const start = readme.indexOf("## Quick start");
  assert.ok(start >= 0, "README.md has a Quick start section");
  const end = readme.indexOf("\n## ", start + 3);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const out: { args: string[]; redirect: string | null; line: string }[] = [];
  for (const block of section.matchAll(/```bash\n([^]*?)```/g)) {
    for (const raw of block[1]!.split("\n")) {
      const line = raw.replace(/\s+#.*$/, "").trim();
      for (const part of line.split("&&").map((p) => p.trim())) {
        if (!part.startsWith("npx salvo ")) continue;
        const [cmd, redirect] = part.split(/\s+>\s+/);
        out.push({ args: cmd!.slice("npx salvo ".length).trim().split(/\s+/), redirect: redirect?.trim() ?? null, line: part });
      }
    }
  }
  return out;
}

/** A copy of the built package as it would be installed: what package.json's "files" ships, plus the dashboard. */
function copyPackage(to: string): string {
  mkdirSync(to, { recursive: true });
  for (const part of ["bin", "dist", "data", "package.json"]) cpSync(join(ROOT, part), join(to, part), { recursive: true });
  if (existsSync(join(ROOT, "web/dist"))) cpSync(join(ROOT, "web/dist"), join(to, "web/dist"), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(to, "node_modules"), "dir");
  return join(to, "bin/salvo.js");
}

function salvo(bin: string, args: string[]) {
  return collect(spawn(process.execPath, [bin, ...args], { cwd: ROOT, env: { ...process.env, SALVO_DB: "", NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] }));
}

function count(db: string, sql: string): number {
  const conn = new Database(db, { readonly: true });
  try {
    return (conn.prepare(sql).get() as { n: number }).n;
  } finally {
    conn.close();
  }
}

let tmp: ReturnType<typeof tempDir>;
before(async () => {
  tmp = tempDir("salvo-readme-");
  await ensureBuilt();
});
after(() => tmp?.cleanup());

test("the README's quick start, read from README.md, has the commands this test checks", () => {
  const cmds = quickStartCommands(readFileSync(join(ROOT, "README.md"), "utf8")).map((c) => c.args[0]);
  for (const c of ["serve", "import", "ingest", "records", "export"]) assert.ok(cmds.includes(c), `README quick start runs salvo ${c}: ${cmds.join(", ")}`);
});

test("the README's commands, as written, on the built package: regions imported, the seed night's figures, export, serve", { skip, timeout: 600_000 }, async () => {
  const bin = copyPackage(join(tmp.dir, "pkg"));
  const db = join(tmp.dir, "salvo.db");
  const commands = quickStartCommands(readFileSync(join(ROOT, "README.md"), "utf8"));
  const serve = commands.find((c) => c.args[0] === "serve");
  for (const c of commands.filter((c) => c !== serve)) {
    const r = await salvo(bin, [...c.args, "--db", db]);
    assert.equal(r.code, 0, `${c.line}\n${r.stderr}${r.stdout}`);
    if (c.redirect) writeFileSync(join(tmp.dir, c.redirect), r.stdout);
    switch (c.args[0]) {
      case "import":
        assert.match(r.stdout, /\b0 failed/, c.line);
        // Issue 11: from the build, the dataset's rows must keep their regions (0 targets was the silent failure).
        assert.ok(count(db, "select count(*) as n from targets") > 1000, `${c.line}: the dataset's target regions are stored`);
        break;
      case "records":
        assert.match(r.stdout, /all weapons: 2025-07-04\.RU-UA with 550/, `${c.line}: Kyiv's 550 launched is the record as of 2025-07-04`);
        break;
      case "export": {
        const csv = c.redirect ? readFileSync(join(tmp.dir, c.redirect), "utf8") : r.stdout;
        assert.match(csv.split("\n")[0] ?? "", /^[a-z_]+(,[a-z_]+)+\r?$/, `${c.line}: a CSV header`);
        assert.match(csv, /^2025-07-04\.UA-RU,[^\n]*,drone,,intercepted,,48,[^\n]*,window,overnight,/m, `${c.line}: Moscow's 48 overnight`);
        break;
      }
    }
  }

  assert.ok(serve, "the README starts the server");
  const server = spawn(process.execPath, [bin, ...serve.args, "--db", db, "--port", "0"], { cwd: ROOT, env: { ...process.env, SALVO_DB: "" }, stdio: ["ignore", "pipe", "pipe"] });
  try {
    const base = await new Promise<string>((resolve, reject) => {
      let out = "";
      server.stdout!.on("data", (d: Buffer) => {
        out += d.toString();
        const m = /serving (http:\/\/[^/\s]+)\//.exec(out);
        if (m) resolve(m[1]!);
      });
      server.once("exit", (code) => reject(new Error(`salvo serve exited with ${code}: ${out}`)));
    });
    const health = await fetch(`${base}/api/health`);
    assert.equal(health.status, 200);
    const detail = (await (await fetch(`${base}/api/attacks/2025-07-04.RU-UA`)).json()) as { totals: { launched: number | null } };
    assert.equal(detail.totals.launched, 550, "Kyiv: 550 launched on the seed night");
    const ru = (await (await fetch(`${base}/api/attacks/2025-07-04.UA-RU`)).json()) as { sides: Array<{ side: string; windows: Array<{ window: { named: string | null }; intercepted: number | null }> }> };
    assert.equal(ru.sides.find((s) => s.side === "RU")?.windows.find((w) => w.window.named === "night")?.intercepted, 48, "Moscow: 48 overnight");
    const regions = (await (await fetch(`${base}/api/regions-aggregate?from=2025-07-04&to=2025-07-04`)).json()) as { items?: unknown[] } | unknown[];
    const items = Array.isArray(regions) ? regions : (regions.items ?? []);
    assert.ok(items.length > 0, "regions present over HTTP");
    const page = await fetch(`${base}/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get("content-security-policy") ?? "", /default-src 'self'/);
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
});

test("with the region data moved away, import fails naming the file and stores nothing", { skip, timeout: 120_000 }, async () => {
  const bin = copyPackage(join(tmp.dir, "broken"));
  renameSync(join(tmp.dir, "broken/data/regions.json"), join(tmp.dir, "regions.json.moved"));
  const db = join(tmp.dir, "broken.db");
  const imp = quickStartCommands(readFileSync(join(ROOT, "README.md"), "utf8")).find((c) => c.args[0] === "import")!;
  const r = await salvo(bin, [...imp.args, "--db", db]);
  assert.notEqual(r.code, 0, r.stdout);
  assert.match(r.stderr, /regions\.json/, "the message names the missing file");
  assert.match(r.stderr, /SALVO_DATA_MISSING/);
  assert.ok(!existsSync(db) || count(db, "select count(*) as n from documents") === 0, "nothing stored");
});

test("bin/salvo.js runs the build only and says how to build when it is missing", async () => {
  const pkg = join(tmp.dir, "unbuilt");
  mkdirSync(join(pkg, "bin"), { recursive: true });
  cpSync(join(ROOT, "bin/salvo.js"), join(pkg, "bin/salvo.js"));
  writeFileSync(join(pkg, "package.json"), '{"type":"module"}');
  const r = await collect(spawn(process.execPath, [join(pkg, "bin/salvo.js"), "--version"], { stdio: ["ignore", "pipe", "pipe"] }));
  assert.equal(r.code, 2);
  assert.match(r.stderr, /not built.*npm run build/);
});
