// Migration 0005: a database made before it gets each attack's weapon classes, the list's indexes and each
// period's timeline text from what it already stores, exactly as writes make them; the API answers as before.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { sql } from "kysely";
import { buildApp } from "../../src/server/app.js";
import { PAGE_INDEXES } from "../../src/store/migrations/0005-api-reads.js";
import { SqlStore } from "../../src/store/store.js";
import { extraction, report, tempDir, tempPg, type ReportSpec } from "./helpers.js";

type Count = NonNullable<ReportSpec["counts"]>[number];
const post = (id: string, date: string, counts: Count[], side: { attacker: "RU" | "UA"; target: "RU" | "UA"; claimant: "RU" | "UA" } = { attacker: "RU", target: "UA", claimant: "UA" }) => {
  const text = `Post ${id}: ${counts.map((c) => `${c.word} ${c.weapon} ${c.outcome}`).join(", ")}.`;
  return {
    x: extraction(text, [report(text, { ...side, orgs: [side.claimant === "UA" ? "UA.air_force" : "RU.mod"], date, counts })]),
    meta: { channel: side.claimant === "UA" ? "kpszsu" : "mod_russia", post_id: id },
  };
};

const POSTS = [
  post("1", "2025-06-20", [{ weapon: "drone", outcome: "launched", n: 150, word: "150" }, { weapon: "drone", outcome: "intercepted", n: 120, word: "120" }]),
  post("2", "2025-07-01", [{ weapon: "drone.strike", outcome: "launched", n: 100, word: "100" }, { weapon: "missile.cruise", outcome: "launched", n: 5, word: "5" }]),
  post("3", "2025-07-02", [{ weapon: "missile.ballistic", outcome: "launched", n: 2, word: "2" }]),
  post("4", "2025-07-10", [{ weapon: "any", outcome: "launched", n: 300, word: "300" }, { weapon: "bomb", outcome: "launched", n: 4, word: "4" }]),
  post("5", "2025-07-01", [{ weapon: "drone", outcome: "intercepted", n: 40, word: "40" }], { attacker: "UA", target: "RU", claimant: "RU" }),
];

const URLS = [
  "/api/attacks?weapon=missile",
  "/api/attacks?weapon=drone&sort=-size",
  "/api/attacks?weapon=drone.strike",
  "/api/attacks?weapon=bomb&sort=launched",
  "/api/attacks?sort=-launched&limit=2",
  "/api/timeline?bucket=week",
  "/api/timeline?from=2025-07-01",
  "/api/records",
];

interface Snapshot {
  classes: unknown[];
  periods: unknown[];
  answers: string[];
}

async function snapshot(url: string): Promise<Snapshot> {
  const store = await SqlStore.open(url);
  const app = await buildApp({ store, webDir: null });
  try {
    const classes = (await store.db.selectFrom("attacks").select(["id", "weapon_classes"]).execute()).map((r) => `${r.id} ${Number(r.weapon_classes)}`).sort();
    const periods = (await store.db.selectFrom("timeline_periods").selectAll().execute()).map((r) => `${r.bucket} ${r.period} ${Number(r.row_count)} ${r.json}`).sort();
    const answers: string[] = [];
    for (const u of URLS) {
      const r = await app.inject({ url: u });
      answers.push(`${u} ${r.statusCode} ${r.headers["link"] ?? ""} ${r.body}`);
    }
    return { classes, periods, answers };
  } finally {
    await app.close();
    await store.close();
  }
}

/** The store as it was before 0005: its indexes, table and column gone, the migration not recorded. */
async function undo0005(url: string): Promise<void> {
  const store = await SqlStore.open(url);
  try {
    if (store.dialect === "sqlite") {
      for (const [name] of PAGE_INDEXES) await sql`drop index ${sql.raw(name)}`.execute(store.db);
      await sql`drop index attacks_live`.execute(store.db);
      await sql`create index attacks_live on attacks (documents, date, attacker, target, id)`.execute(store.db);
    }
    await sql`drop table timeline_periods`.execute(store.db);
    await sql`alter table attacks drop column weapon_classes`.execute(store.db);
    await sql`delete from salvo_migrations where name = '0005-api-reads'`.execute(store.db);
  } finally {
    await store.close();
  }
}

async function check(url: string): Promise<void> {
  const store = await SqlStore.open(url);
  try {
    await store.saveBatch(POSTS);
  } finally {
    await store.close();
  }
  const written = await snapshot(url);
  assert.ok(written.classes.includes(`2025-07-01.RU-UA ${2 + 4 + 32 + 256}`), `drone.strike and missile.cruise: ${written.classes.join(", ")}`);
  assert.ok(written.periods.length > 5);
  await undo0005(url);
  const migrated = await snapshot(url);
  assert.deepEqual(migrated, written);
}

let pgDb: Awaited<ReturnType<typeof tempPg>> = null;
const tmp = tempDir("salvo-0005-");
before(async () => {
  pgDb = await tempPg();
});
after(async () => {
  await pgDb?.drop();
  tmp.cleanup();
});

test("SQLite: a database made before 0005 migrates to what writes make", async () => {
  await check(join(tmp.dir, "api-reads.db"));
});

test("PostgreSQL: a database made before 0005 migrates to what writes make", async (t) => {
  if (!pgDb) {
    t.skip("PostgreSQL unreachable at SALVO_TEST_PG (postgres://postgres@127.0.0.1:5432/postgres by default)");
    return;
  }
  await check(pgDb.url);
});
