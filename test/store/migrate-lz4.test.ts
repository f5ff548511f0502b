// Migration 0004: PostgreSQL compresses the large JSON and text values with lz4 where the server has it; a
// database made before it migrates when opened, and reads as before. SQLite records the migration, unchanged.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { sql } from "kysely";
import { SqlStore } from "../../src/store/store.js";
import { extraction, report, tempDir, tempPg } from "./helpers.js";

const TEXT = "Overnight the enemy launched 90 drones at Ukraine; 70 were shot down.";
const item = () => ({
  x: extraction(TEXT, [report(TEXT, { claimant: "UA", orgs: ["UA.air_force"], date: "2024-05-02", counts: [{ weapon: "drone", outcome: "launched", n: 90, word: "90" }, { weapon: "drone", outcome: "intercepted", n: 70, word: "70" }] })]),
  meta: { channel: "kpszsu", post_id: "1" },
});

/** A store as it was before 0004: the migration not recorded, and (PostgreSQL) the columns back to the default. */
async function before0004(url: string, dialect: "sqlite" | "postgres"): Promise<void> {
  const store = await SqlStore.open(url);
  try {
    await store.saveBatch([item()]);
    if (dialect === "postgres") {
      for (const [t, c] of [["attack_details", "detail"], ["attack_views", "summary"], ["attacks", "sides"], ["documents", "text"]] as const) {
        await sql`alter table ${sql.table(t)} alter column ${sql.ref(c)} set compression default`.execute(store.db);
      }
    }
    await sql`delete from salvo_migrations where name = '0004-lz4'`.execute(store.db);
  } finally {
    await store.close();
  }
}

let pgDb: Awaited<ReturnType<typeof tempPg>> = null;
const tmp = tempDir("salvo-lz4-");
before(async () => {
  pgDb = await tempPg();
});
after(async () => {
  await pgDb?.drop();
  tmp.cleanup();
});

test("PostgreSQL: a database made before 0004 migrates to lz4 and reads as before", async (t) => {
  if (!pgDb) {
    t.skip("PostgreSQL unreachable at SALVO_TEST_PG (postgres://postgres@127.0.0.1:5432/postgres by default)");
    return;
  }
  await before0004(pgDb.url, "postgres");
  const store = await SqlStore.open(pgDb.url);
  try {
    const applied = await sql<{ n: number }>`select count(*)::int as n from salvo_migrations where name = '0004-lz4'`.execute(store.db);
    assert.equal(applied.rows[0]!.n, 1);
    const lz4 = (await sql<{ lz4: boolean }>`select coalesce((select 'lz4' = any(enumvals) from pg_settings where name = 'default_toast_compression'), false) as lz4`.execute(store.db)).rows[0]!.lz4;
    const cols = await sql<{ col: string; c: string }>`select attrelid::regclass::text || '.' || attname as col, attcompression::text as c from pg_attribute where attrelid in ('attack_details'::regclass, 'attack_views'::regclass, 'attacks'::regclass, 'documents'::regclass) and attname in ('detail', 'summary', 'sides', 'text') order by 1`.execute(store.db);
    assert.deepEqual(
      cols.rows.map((r) => [r.col, r.c]),
      ["attack_details.detail", "attack_views.summary", "attacks.sides", "documents.text"].map((c) => [c, lz4 ? "l" : ""]),
    );
    // Values stored before keep their compression and read as they did; new ones take lz4.
    assert.equal((await store.getAttack("2024-05-02"))?.totals.launched, 90);
    await store.saveBatch([{ ...item(), x: extraction(`${TEXT} Updated.`, item().x.reports), meta: { channel: "kpszsu", post_id: "2" } }]);
    assert.equal((await store.getAttack("2024-05-02"))?.documents, 2);
  } finally {
    await store.close();
  }
});

test("SQLite: 0004 is recorded and changes nothing", async () => {
  const url = join(tmp.dir, "lz4.db");
  await before0004(url, "sqlite");
  const store = await SqlStore.open(url);
  try {
    const applied = await sql<{ n: number }>`select count(*) as n from salvo_migrations where name = '0004-lz4'`.execute(store.db);
    assert.equal(Number(applied.rows[0]!.n), 1);
    assert.equal((await store.getAttack("2024-05-02"))?.totals.launched, 90);
  } finally {
    await store.close();
  }
});
