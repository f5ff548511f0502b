// The seed's own night, as a new user gets it from the BUILT package: the Air Force dataset imported and the
// development corpus ingested, Moscow's 48 overnight (26 over Rostov) and its 6 of 08:00–11:00 are two
// windows summed into 54 that day — in the CLI, the HTTP API and the CSV export. Needs ../shared.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { BUILT_CLI, DATASET, DEV_CORPUS, HAVE_SHARED, ROOT, collect, ensureBuilt, tempDir } from "./helpers.js";

const BUILT = BUILT_CLI;
const skip = HAVE_SHARED ? false : "../shared is absent: the seed night needs its corpus and dataset";
if (skip) console.log(`# seed night skipped: ${skip}`);

/** The built CLI, as `npx salvo` runs it (built first when missing or older than the sources). */
async function built(args: string[]) {
  const child = spawn(process.execPath, [BUILT, ...args], { cwd: ROOT, env: { ...process.env, SALVO_DB: "", NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
  return collect(child);
}

interface WindowJson {
  window: { label: string; named: string | null; start: { time: string; zone: string | null } | null; end: { time: string; zone: string | null } | null };
  intercepted: number | null;
  figures: Array<{ region: string | null; n: number; outcome: string }>;
}
interface Detail {
  id: string;
  totals: { intercepted: number | null };
  sides: Array<{ side: string; attacked: boolean; basis: string; day: { intercepted: number | null }; windows: WindowJson[] }>;
  figures: Array<{ weapon: string; outcome: string; region: string | null; chosen: { n: number; basis: string; windows: Array<{ n: number; window: { label: string } }> } | null; claims: Array<{ n: number; superseded: boolean }> }>;
}

function checkSeedNight(d: Detail, where: string) {
  assert.equal(d.id, "2025-07-04.UA-RU", where);
  const ru = d.sides.find((s) => s.side === "RU");
  assert.ok(ru?.attacked, `${where}: Moscow's account is the attacked side's`);
  const night = ru.windows.find((w) => w.window.named === "night");
  const morning = ru.windows.find((w) => w.window.start?.time === "08:00" && w.window.end?.time === "11:00");
  assert.ok(night && morning, `${where}: a night window and an 08:00–11:00 window: ${JSON.stringify(ru.windows.map((w) => w.window.label))}`);
  assert.equal(night.intercepted, 48, `${where}: 48 overnight`);
  assert.equal(night.figures.find((f) => f.region === "RU-ROS")?.n, 26, `${where}: 26 over Rostov`);
  assert.equal(morning.intercepted, 6, `${where}: 6 from 08:00 to 11:00`);
  assert.equal(morning.window.end?.zone, "Europe/Moscow");
  assert.equal(ru.day.intercepted, 54, `${where}: 54 that day`);
  assert.equal(ru.basis, "sum", `${where}: the day's figure is labelled a sum`);
  assert.equal(d.totals.intercepted, 54);
  const national = d.figures.find((f) => f.weapon === "drone" && f.outcome === "intercepted" && f.region === null);
  assert.equal(national?.chosen?.n, 54);
  assert.equal(national?.chosen?.basis, "sum");
  assert.deepEqual(national?.chosen?.windows.map((w) => w.n).sort((a, b) => a - b), [6, 48]);
  assert.ok(national?.claims.every((c) => !c.superseded), `${where}: neither 48 nor 6 is dropped`);
}

let tmp: ReturnType<typeof tempDir>;
let db: string;
before(async () => {
  if (skip) return;
  tmp = tempDir("salvo-seed-night-");
  db = join(tmp.dir, "seed.db");
  await ensureBuilt();
});
after(() => tmp?.cleanup());

test("the seed night: Moscow's 48 overnight and 6 of 08:00–11:00, 54 that day (built CLI, API, CSV)", { skip, timeout: 600_000 }, async () => {
  const imp = await built(["import", DATASET, "--db", db]);
  assert.equal(imp.code, 0, imp.stderr + imp.stdout);
  assert.match(imp.stdout, /0 failed/, "every dataset row imports with the built package");
  const ing = await built(["ingest", DEV_CORPUS, "--db", db]);
  assert.equal(ing.code, 0, ing.stderr + ing.stdout);

  const cliJson = await built(["attack", "2025-07-04.UA-RU", "--json", "--db", db]);
  assert.equal(cliJson.code, 0, cliJson.stderr);
  checkSeedNight(JSON.parse(cliJson.stdout) as Detail, "CLI");

  const text = await built(["attack", "2025-07-04", "--db", db]);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /both directions/);
  assert.match(text.stdout, /Moscow's account[^\n]*\n\s+overnight: intercepted 48\s+\(RU-ROS: intercepted 26\)\n\s+08:00–11:00 MSK: intercepted 6[^\n]*\n\s+that day: intercepted 54 \(a sum of separate windows\)/);
  const one = await built(["attack", "2025-07-04", "--direction", "UA-RU", "--json", "--db", db]);
  assert.equal((JSON.parse(one.stdout) as Detail).id, "2025-07-04.UA-RU");

  const csv = await built(["export", "--format", "csv", "--from", "2025-07-04", "--to", "2025-07-04", "--attacker", "UA", "--db", db]);
  assert.equal(csv.code, 0, csv.stderr);
  const header = csv.stdout.split("\n")[0]!.split(",");
  const rows = csv.stdout
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => Object.fromEntries(l.split(",").map((v, i) => [header[i]!, v])))
    .filter((r) => r.weapon === "drone" && r.outcome === "intercepted" && r.region === "");
  assert.deepEqual(
    rows.map((r) => [r.row, r.window, r.n]),
    [
      ["window", "overnight", "48"],
      ["window", "08:00–11:00 MSK", "6"],
      ["day", "day (sum of 2 windows)", "54"],
    ],
  );
  assert.equal(rows[2]!.basis, "sum");

  // The same through HTTP, from `salvo serve` of the built package.
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const server = spawn(process.execPath, [BUILT, "serve", "--port", String(port), "--host", "127.0.0.1", "--db", db], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  try {
    const base = `http://127.0.0.1:${port}`;
    let res: Response | null = null;
    for (let i = 0; i < 150 && !res; i++) {
      res = await fetch(`${base}/api/attacks/2025-07-04.UA-RU`).catch(() => null);
      if (!res) await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(res, "salvo serve answers");
    assert.equal(res.status, 200);
    checkSeedNight((await res.json()) as Detail, "API");
    const apiCsv = await (await fetch(`${base}/api/export.csv?from=2025-07-04&to=2025-07-04&attacker=UA`)).text();
    assert.match(apiCsv, /,drone,,intercepted,,,48,[^\r\n]*,window,overnight,/);
    assert.match(apiCsv, /,drone,,intercepted,,,6,[^\r\n]*,window,08:00–11:00 MSK,08:00 Europe\/Moscow,11:00 Europe\/Moscow,/);
    assert.match(apiCsv, /,drone,,intercepted,,,54,[^\r\n]*,day,day \(sum of 2 windows\),,,sum/);
    const marks = (await (await fetch(`${base}/api/records/marks?attacker=UA&target=RU`)).json()) as { outcome: string; metric_label: string };
    assert.equal(marks.outcome, "intercepted");
    const rec = await built(["records", "--attacker", "UA", "--target", "RU", "--db", db]);
    assert.match(rec.stdout, /by intercepted, as Russia states it \(its defence ministry first\)/);
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
});
