// SIGKILL in the middle of `salvo import` (one transaction for the file, written table by table): the store is
// left exactly as it was, whole, and a re-run imports the file — the same store as an import never interrupted.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { SqlStore } from "../../src/store/store.js";
import { DATASET, HAVE_SHARED, assertSameTables, cli, collect, extraction, report, spawnCli, storeTables, tempDir, tempPgPair } from "./helpers.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the store holds before the import: one post, so that "as it was" is not just "empty". */
async function seed(url: string): Promise<void> {
  const store = await SqlStore.open(url);
  try {
    const text = "Overnight the enemy launched 90 drones at Ukraine; 70 were shot down.";
    const r = await store.saveExtraction(
      extraction(text, [report(text, { claimant: "UA", orgs: ["UA.air_force"], date: "2024-05-02", counts: [{ weapon: "drone", outcome: "launched", n: 90, word: "90" }, { weapon: "drone", outcome: "intercepted", n: 70, word: "70" }] })]),
      { channel: "kpszsu", post_id: "seed" },
    );
    assert.equal(r.status, "new");
  } finally {
    await store.close();
  }
}

/** An import run to its end on a seeded store: what the interrupted one must come to after its re-run. */
async function reference(url: string): Promise<Record<string, string[]>> {
  await seed(url);
  const r = await cli(["import", DATASET, "--db", url, "--json"]);
  assert.equal(r.code, 0, r.stderr);
  return storeTables(url);
}

async function rerun(url: string): Promise<void> {
  const r = await cli(["import", DATASET, "--db", url, "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const s = JSON.parse(r.stdout) as { rows: number; new: number; unchanged: number; failed: unknown[] };
  assert.deepEqual([s.new, s.unchanged, s.failed.length], [s.rows, 0, 0], "the re-run stores every row");
}

describe("kill -9 during an import", { skip: HAVE_SHARED ? false : "../shared (the dataset) is absent" }, () => {
  const tmp = tempDir("salvo-import-kill-");
  after(() => tmp.cleanup());

  test("SQLite: the store is as it was, whole; a re-run completes the import", async () => {
    const expected = await reference(join(tmp.dir, "reference.db"));
    // The import's transaction spills its pages to the WAL long before it commits: a kill while the WAL grows and
    // no imported document is visible lands mid-transaction. Should the commit slip in before the kill, try again.
    let caught = false;
    for (let attempt = 0; attempt < 5 && !caught; attempt++) {
      const db = join(tmp.dir, `kill-${attempt}.db`);
      await seed(db);
      const before = await storeTables(db);
      const child = spawnCli(["import", DATASET, "--db", db]);
      const exit = collect(child);
      let exited = false;
      void exit.then(() => (exited = true));
      const reader = new BetterSqlite3(db, { readonly: true, timeout: 1000 });
      try {
        const docs = reader.prepare("select count(*) as n from documents");
        while (!exited) {
          const wal = existsSync(`${db}-wal`) ? statSync(`${db}-wal`).size : 0;
          if (wal > 8_000_000 && (docs.get() as { n: number }).n === 1) break;
          await sleep(5);
        }
      } finally {
        reader.close();
      }
      if (exited) continue;
      child.kill("SIGKILL");
      assert.equal((await exit).signal, "SIGKILL");
      const conn = new BetterSqlite3(db);
      const committed = (conn.prepare("select count(*) as n from documents").get() as { n: number }).n;
      assert.equal((conn.prepare("pragma integrity_check").get() as { integrity_check: string }).integrity_check, "ok");
      assert.deepEqual(conn.prepare("pragma foreign_key_check").all(), []);
      conn.close();
      if (committed !== 1) continue;
      caught = true;
      assertSameTables(await storeTables(db), before, "after the kill");
      await rerun(db);
      assertSameTables(await storeTables(db), expected, "after the re-run");
    }
    assert.ok(caught, "the import was killed mid-transaction in one of the attempts");
  });

  const pgs = tempPgPair();

  test("PostgreSQL: the store is as it was; a re-run completes the import", async (t) => {
    const { a: pgRef, b: pgKill } = pgs;
    if (!pgRef || !pgKill) {
      t.skip("PostgreSQL unreachable at SALVO_TEST_PG (postgres://postgres@127.0.0.1:5432/postgres by default)");
      return;
    }
    const expected = await reference(pgRef.url);
    const url = pgKill.url;
    await seed(url);
    const before = await storeTables(url);
    // The read models are written under an advisory lock (7302), taken after every document, report and fact of
    // the file and the recomputed attacks were written: holding it here stops the import there, mid-transaction.
    const locker = new pg.Client({ connectionString: url });
    // Another connection watches: inside the locker's transaction pg_stat_activity would stay one snapshot.
    const watcher = new pg.Client({ connectionString: url });
    await locker.connect();
    await watcher.connect();
    try {
      const lockerPid = (await locker.query<{ pid: number }>("select pg_backend_pid() as pid")).rows[0]!.pid;
      await locker.query("begin");
      await locker.query("select pg_advisory_xact_lock(7302)");
      const child = spawnCli(["import", DATASET, "--db", url]);
      const exit = collect(child);
      let exited = false;
      void exit.then(() => (exited = true));
      const name = new URL(url).pathname.slice(1);
      for (;;) {
        const r = await watcher.query<{ n: number }>(
          "select count(*)::int as n from pg_stat_activity where datname = $1 and wait_event_type = 'Lock' and wait_event = 'advisory'",
          [name],
        );
        if (r.rows[0]!.n > 0) break;
        if (exited) assert.fail(`the import ended before reaching the read models: ${(await exit).stderr}`);
        await sleep(20);
      }
      child.kill("SIGKILL");
      assert.equal((await exit).signal, "SIGKILL");
      await locker.query("rollback");
      // The killed client's server process notices only when it next talks to it: end it now.
      await watcher.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid not in (pg_backend_pid(), $2)", [name, lockerPid]);
    } finally {
      await locker.end();
      await watcher.end();
    }
    assertSameTables(await storeTables(url), before, "after the kill");
    await rerun(url);
    // The killed transaction drew ids from the sequences (PostgreSQL never gives them back): the re-run's ids
    // are further on. Rows keyed without them must be the same, the others as many.
    const now = await storeTables(url);
    const attacksWithoutClaimIds = (rows: string[]) => rows.map((r) => JSON.stringify({ ...(JSON.parse(r) as object), sides: "" })).sort();
    for (const table of Object.keys(expected)) {
      if (["timeline_buckets", "timeline_periods", "record_marks", "attack_side_totals", "attack_regions", "salvo_meta"].includes(table)) assert.deepEqual(now[table], expected[table], table);
      else if (table === "attacks") assert.deepEqual(attacksWithoutClaimIds(now[table]!), attacksWithoutClaimIds(expected[table]!), table);
      else assert.equal(now[table]!.length, expected[table]!.length, `${table}: rows`);
    }
  });
});
