// SIGKILL in the middle of a bulk ingest leaves a consistent database, and a re-run completes the batch.
// Readers are not blocked while the ingest writes (WAL).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { SqlStore } from "../../src/store/store.js";
import { cli, collect, committedDocuments, spawnCli, tempDir, writeNightReports } from "./helpers.js";

// Enough documents that the ingest, which commits them in batches, is still running when it is killed.
const N = 1500;
let tmp: ReturnType<typeof tempDir>;
let folder: string;

before(() => {
  tmp = tempDir("salvo-kill-");
  folder = join(tmp.dir, "docs");
  writeNightReports(folder, N);
});
after(() => tmp.cleanup());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const docCount = committedDocuments;

test("kill -9 midway: integrity ok, no orphans, attacks consistent; re-run completes; readers not blocked", async () => {
  const db = join(tmp.dir, "kill.db");
  const child = spawnCli(["ingest", folder, "--db", db]);
  const exit = collect(child);
  const t0 = Date.now();
  while (docCount(db) < 15 && Date.now() - t0 < 60_000) await sleep(50);

  // A reader while the writer is busy: the CLI answers, and a direct read takes no lock wait.
  const r0 = performance.now();
  const reader = new BetterSqlite3(db, { readonly: true, timeout: 0 });
  const n = (reader.prepare("select count(*) as n from documents").get() as { n: number }).n;
  reader.close();
  assert.ok(performance.now() - r0 < 1000, "a read is not blocked by the ingest");
  assert.ok(n >= 15);
  child.kill("SIGKILL");
  const killed = await exit;
  assert.equal(killed.signal, "SIGKILL");
  const rec = await cli(["records", "--json", "--db", db]);
  assert.equal(rec.code, 0, rec.stderr);
  assert.ok(JSON.parse(rec.stdout).records);
  const committed = docCount(db);
  assert.ok(committed > 0 && committed < N, `killed midway (committed ${committed} of ${N})`);

  const conn = new BetterSqlite3(db);
  assert.equal((conn.prepare("pragma integrity_check").get() as { integrity_check: string }).integrity_check, "ok");
  assert.deepEqual(conn.prepare("pragma foreign_key_check").all(), []);
  const orphans = conn
    .prepare(
      `select (select count(*) from reports r where not exists (select 1 from documents d where d.id = r.document_id))
            + (select count(*) from counts c where not exists (select 1 from reports r where r.id = c.report_id)) as n`,
    )
    .get() as { n: number };
  assert.equal(orphans.n, 0);
  // Every stored document is whole: its facts and the attacks they feed were committed with it.
  const before = conn.prepare("select * from attacks order by id").all();
  const figs = conn.prepare("select attack_id, weapon, model, outcome, region, n from attack_figures order by attack_id, id").all();
  // The read models were committed with the batch that wrote their attacks: a recompute changes nothing.
  const models = (c: BetterSqlite3.Database) => [
    c.prepare("select * from attack_views order by id").all(),
    c.prepare("select * from attack_details order by id").all(),
    c.prepare("select * from record_marks order by attacker, target, series, date").all(),
    c.prepare("select * from timeline_buckets order by bucket, period, attacker, target, claimant, weapon").all(),
    c.prepare("select value from salvo_meta where key = 'documents'").get(),
    c.prepare("select * from timeline_periods order by bucket, period").all(),
  ];
  const modelsBefore = models(conn);
  assert.deepEqual(modelsBefore[4], { value: committed }, "the document counter counts the committed documents");
  conn.close();
  const store = await SqlStore.open(db);
  await store.rebuildAll();
  await store.close();
  const conn2 = new BetterSqlite3(db, { readonly: true });
  assert.deepEqual(conn2.prepare("select * from attacks order by id").all(), before);
  assert.deepEqual(conn2.prepare("select attack_id, weapon, model, outcome, region, n from attack_figures order by attack_id, id").all(), figs);
  assert.deepEqual(models(conn2), modelsBefore);
  conn2.close();

  const rerun = await cli(["ingest", folder, "--db", db, "--json"]);
  assert.equal(rerun.code, 0, rerun.stderr);
  const s = JSON.parse(rerun.stdout) as { new: number; unchanged: number; failed: unknown[] };
  assert.equal(s.unchanged, committed);
  assert.equal(s.new, N - committed);
  assert.equal(docCount(db), N);
});

test("two ingests of the same folder at once (SQLite): both succeed, each document stored once", async () => {
  const db = join(tmp.dir, "two.db");
  const small = join(tmp.dir, "small");
  mkdirSync(small);
  for (let i = 0; i < 40; i++) writeFileSync(join(small, `d${i}.txt`), `Overnight the enemy launched ${10 + i} drones at Ukraine; ${5 + i} were shot down.`);
  const [a, b] = await Promise.all([cli(["ingest", small, "--db", db, "--json"]), cli(["ingest", small, "--db", db, "--json"])]);
  assert.equal(a.code, 0, a.stderr + a.stdout);
  assert.equal(b.code, 0, b.stderr + b.stdout);
  const sa = JSON.parse(a.stdout) as { new: number; unchanged: number };
  const sb = JSON.parse(b.stdout) as { new: number; unchanged: number };
  assert.equal(sa.new + sb.new, 40);
  assert.equal(sa.new + sa.unchanged, 40);
  assert.equal(docCount(db), 40);
});
