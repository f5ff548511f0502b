// A dataset file imported whole is recorded by the sha256 of its bytes (dataset_files): a re-import of the same
// bytes stores nothing and reports what a full re-import reports, on SQLite and PostgreSQL; rows that failed are
// tried again, and one that converts now (its model classified by a companion table added since) is stored.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "kysely";
import { importDataset, type ImportSummary } from "../../src/ingest/dataset.js";
import { SqlStore } from "../../src/store/store.js";
import { DATASET, HAVE_SHARED, assertSameTables, storeTables, tempDir, tempPgPair } from "./helpers.js";

/** A summary as compared: the clock's fields aside. */
const counted = (s: ImportSummary) => ({ ...s, seconds: 0, rowsPerSecond: 0 });

async function importTwice(url: string, forget: boolean): Promise<{ first: ImportSummary; again: ImportSummary; version: [number, number] }> {
  const store = await SqlStore.open(url);
  try {
    const first = await importDataset(store, DATASET);
    // Forgetting the file: the re-import reads and converts every row and finds each stored (as before dataset_files).
    if (forget) await sql`delete from dataset_files`.execute(store.db);
    const before = await store.version();
    const again = await importDataset(store, DATASET);
    return { first, again, version: [before, await store.version()] };
  } finally {
    await store.close();
  }
}

async function compare(known: string, forgotten: string, label: string): Promise<void> {
  const a = await importTwice(known, false);
  const b = await importTwice(forgotten, true);
  assert.deepEqual(counted(a.first), counted(b.first), `${label}: first imports`);
  assert.equal(a.first.new, a.first.rows - a.first.failed.length, `${label}: every row new at first`);
  assert.deepEqual(counted(a.again), counted(b.again), `${label}: the re-import of a known file reports what a full re-import reports`);
  assert.deepEqual([a.again.new, a.again.revised, a.again.unchanged, a.again.facts], [0, 0, a.first.new, 0]);
  // Nothing stored, not even a new version (the ETag of every read): the full re-import bumped it for nothing.
  assert.equal(a.version[1], a.version[0], `${label}: a known file leaves the store's version`);
  const [x, y] = [await storeTables(known), await storeTables(forgotten)];
  delete x.salvo_meta;
  delete y.salvo_meta;
  assertSameTables({ ...x, salvo_meta: [] }, { ...y, salvo_meta: [] }, label);
}

describe("a re-import of a file imported whole", { skip: HAVE_SHARED ? false : "../shared (the dataset) is absent" }, () => {
  const tmp = tempDir("salvo-files-");
  const pgs = tempPgPair();
  after(() => tmp.cleanup());

  test("SQLite", async () => {
    await compare(join(tmp.dir, "known.db"), join(tmp.dir, "forgotten.db"), "sqlite");
  });
  test("PostgreSQL", async (t) => {
    if (!pgs.a || !pgs.b) {
      t.skip("PostgreSQL unreachable at SALVO_TEST_PG (postgres://postgres@127.0.0.1:5432/postgres by default)");
      return;
    }
    await compare(pgs.a.url, pgs.b.url, "postgres");
  });
});

const HEADER =
  "time_start,time_end,model,launch_place,target,target_main,launched,destroyed,not_reach_goal,still_attacking,border_crossing,is_shahed,num_hit_location,num_fall_fragment_location,carrier,turbojet,turbojet_destroyed,affected region,destroyed_details,launched_details,launch_place_details,source";
// Rows written for the test in the dataset's format (figures invented).
const ROWS = [
  `2025-04-01 19:00,2025-04-02 08:00,Shahed-136/131,Kursk oblast,Ukraine,,90.0,70.0,10.0,,{},,,,,,,,,,,kpszsu/posts/a1`,
  `2025-04-02 01:00,2025-04-02 05:00,Mystery Rocket,,Ukraine,,5.0,4.0,,,{},,,,,,,,,,,kpszsu/posts/a2`,
  `2025-04-02 01:00,2025-04-02 05:00,Kalibr,Black Sea,Ukraine,,many,5.0,,,{},,,,,,,,,,,kpszsu/posts/a3`,
];

test("rows that failed are tried again: one that converts now is stored, the others reported again", async () => {
  const tmp = tempDir("salvo-files-small-");
  try {
    const csv = join(tmp.dir, "missile_attacks_daily.csv");
    writeFileSync(csv, [HEADER, ...ROWS].join("\n") + "\n");
    const store = await SqlStore.open(join(tmp.dir, "s.db"));
    try {
      const first = await importDataset(store, csv);
      assert.deepEqual([first.rows, first.new, first.failed.map((f) => f.line)], [3, 1, [3, 4]]);
      assert.match(first.failed[0]!.reason, /unknown model "Mystery Rocket"/);
      const again = await importDataset(store, csv);
      assert.deepEqual(counted(again), { ...counted(first), new: 0, unchanged: 1, facts: 0 });
      // The companion model table now classifies the rocket: the same bytes, but its row converts now.
      writeFileSync(join(tmp.dir, "missiles_and_uavs.csv"), "model,category,national_origin,type\nMystery Rocket,cruise missile,russia,\n");
      const third = await importDataset(store, csv);
      assert.deepEqual([third.new, third.unchanged, third.failed.map((f) => f.line)], [1, 1, [4]]);
      const attack = await store.getAttack("2025-04-02");
      assert.ok(attack?.figures.some((f) => f.model === "mystery-rocket"), "the rocket's figures are stored");
      const fourth = await importDataset(store, csv);
      assert.deepEqual([fourth.new, fourth.unchanged, fourth.failed.map((f) => f.line)], [0, 2, [4]]);
      assert.match(fourth.failed[0]!.reason, /launched is not a count/);
    } finally {
      await store.close();
    }
  } finally {
    tmp.cleanup();
  }
});
