// Periods through the store, on SQLite and PostgreSQL alike: kept with their report, compared window by
// window in the attack, listed in the export, and record marks over the whole history.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Period } from "../../src/model/index.js";
import { SqlStore } from "../../src/store/store.js";
import { extraction, report, tempDir, tempPg } from "./helpers.js";

const T_NIGHT = "The ministry said 48 drones were destroyed overnight, 26 of them over Rostov.";
const T_MORNING = "Between 08:00 and 11:00 Moscow time, 6 more drones were destroyed.";

function period(text: string, cue: string, p: Omit<Period, "provenance">): Period {
  const start = text.indexOf(cue);
  return { ...p, provenance: { rule: "period/test", sentence: { start: 0, end: text.length }, evidence: [{ role: "period", start, end: start + cue.length, text: cue }] } };
}

async function fill(store: SqlStore): Promise<{ night: number; morning: number }> {
  const night = report(T_NIGHT, { claimant: "RU", orgs: ["RU.mod"], attacker: "UA", target: "RU", date: "2025-07-04", counts: [
    { weapon: "drone", outcome: "intercepted", n: 48, word: "48" },
    { weapon: "drone", outcome: "intercepted", n: 26, region: "RU-ROS", word: "26" },
  ] });
  night.period = period(T_NIGHT, "overnight", { start: null, end: null, named: "night" });
  const morning = report(T_MORNING, { claimant: "RU", orgs: ["RU.mod"], attacker: "UA", target: "RU", date: "2025-07-04", night: false, counts: [
    { weapon: "drone", outcome: "intercepted", n: 6, word: "6" },
  ] });
  morning.period = period(T_MORNING, "Between 08:00 and 11:00 Moscow time", {
    start: { time: "08:00", date: null, zone: "Europe/Moscow" },
    end: { time: "11:00", date: null, zone: "Europe/Moscow" },
    named: null,
  });
  const a = await store.saveExtraction(extraction(T_NIGHT, [night], "news"), { url: "https://paper.example/night", publisher: "Paper", published: "2025-07-04T09:34:00Z" });
  const b = await store.saveExtraction(extraction(T_MORNING, [morning]), { channel: "mod_russia", post_id: "9", publisher: "MoD", published: "2025-07-04T11:40:00+03:00" });
  // An earlier, smaller attack of the same direction: 2025-07-04 then beats it and is a record mark.
  const early = report("10 drones were destroyed.", { claimant: "RU", orgs: ["RU.mod"], attacker: "UA", target: "RU", date: "2025-06-01", counts: [{ weapon: "drone", outcome: "intercepted", n: 10, word: "10" }] });
  await store.saveExtraction(extraction("10 drones were destroyed.", [early]), { channel: "mod_russia", post_id: "1", published: "2025-06-01T08:00:00+03:00" });
  return { night: a.documentId!, morning: b.documentId! };
}

const dialects: Array<[string, () => Promise<{ url: string; cleanup: () => Promise<void> } | null>]> = [
  ["sqlite", async () => {
    const t = tempDir("salvo-windows-");
    return { url: join(t.dir, "w.db"), cleanup: async () => t.cleanup() };
  }],
  ["postgres", async () => {
    const pg = await tempPg();
    return pg ? { url: pg.url, cleanup: () => pg.drop() } : null;
  }],
];

const answers = new Map<string, unknown>();

for (const [name, make] of dialects) {
  describe(`windows in the store (${name})`, () => {
    let store: SqlStore | null = null;
    let done: (() => Promise<void>) | null = null;
    let ids = { night: 0, morning: 0 };
    before(async () => {
      const db = await make();
      if (!db) return;
      done = db.cleanup;
      store = await SqlStore.open(db.url);
      ids = await fill(store);
    });
    after(async () => {
      await store?.close();
      await done?.();
    });

    test("the night and the 08:00–11:00 window are two windows summed into the day", async (t) => {
      if (!store) return t.skip("no PostgreSQL server");
      const a = await store.getAttack("2025-07-04.UA-RU");
      assert.ok(a);
      const ru = a.sides.find((s) => s.side === "RU")!;
      assert.deepEqual(ru.windows.map((w) => [w.window.label, w.intercepted]), [["overnight", 48], ["08:00–11:00 MSK", 6]]);
      assert.equal(ru.day.intercepted, 54);
      assert.equal(a.totals.intercepted, 54);
      const f = a.figures.find((x) => x.region === null)!;
      assert.equal(f.chosen?.basis, "sum");
      const morning = f.claims.find((c) => c.n === 6)!;
      assert.deepEqual(morning.period_evidence.map((e) => e.text), ["Between 08:00 and 11:00 Moscow time"]);
      assert.equal(morning.window.label, "08:00–11:00 MSK");
      const doc = await store.getDocument(ids.morning);
      assert.equal(doc?.reports[0]?.period?.end?.time, "11:00");
      const list = await store.listAttacks({ attacker: "UA" }, { limit: 10, offset: 0, sort: "date" });
      assert.equal(list.items.find((x) => x.id === "2025-07-04.UA-RU")?.sides[0]?.day.intercepted, 54, "the list carries each side's windows too");
      answers.set(name, { a, list });
    });

    test("the export gives each window's row and the day's", async (t) => {
      if (!store) return t.skip("no PostgreSQL server");
      const rows = (await store.exportRows({ from: "2025-07-04", to: "2025-07-04" })).filter((r) => r.region === null);
      assert.deepEqual(rows.map((r) => [r.row, r.window, r.n, r.basis]), [
        ["window", "overnight", 48, null],
        ["window", "08:00–11:00 MSK", 6, null],
        ["day", "day (sum of 2 windows)", 54, "sum"],
      ]);
      assert.deepEqual(rows[1]!.document_ids, [ids.morning]);
    });

    test("records of UA → RU are Russia's intercepted figures; marks come from the whole history", async (t) => {
      if (!store) return t.skip("no PostgreSQL server");
      const r = await store.records(undefined, { attacker: "UA", target: "RU" });
      assert.equal(r.outcome, "intercepted");
      assert.equal(r.records.any.record?.n, 54);
      assert.equal(r.records.any.previous?.n, 10);
      const marks = await store.recordMarks("any", { attacker: "UA", target: "RU" });
      assert.deepEqual(marks.items.map((m) => [m.id, m.n, m.previous.n]), [["2025-07-04.UA-RU", 54, 10]]);
    });
  });
}

describe("windows: both dialects", () => {
  test("SQLite and PostgreSQL give the same attack", (t) => {
    if (answers.size < 2) return t.skip("no PostgreSQL server");
    const strip = (v: unknown) => JSON.parse(JSON.stringify(v).replace(/"(id|claim_id|document_id|contained_by)":\d+/g, '"$1":0').replace(/"(document_ids|stands_for)":\[[\d,]*\]/g, '"$1":[]'));
    assert.deepEqual(strip(answers.get("postgres")), strip(answers.get("sqlite")));
  });
});

describe("migration 0002 on a database made before it", () => {
  test("adds the period columns and recomputes stored attacks (SQLite)", async () => {
    const t = tempDir("salvo-migrate-");
    const path = join(t.dir, "old.db");
    const { default: Database } = await import("better-sqlite3");
    const { Kysely, SqliteDialect, sql } = await import("kysely");
    const m0001 = await import("../../src/store/migrations/0001-init.js");
    const raw = new Database(path);
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
    try {
      await m0001.up(db, "sqlite");
      await sql`create table salvo_migrations (name text primary key, applied text not null)`.execute(db);
      await sql`insert into salvo_migrations values ('0001-init', '2025-01-01')`.execute(db);
      await sql`insert into documents (id, sha256, lang, kind, fetched, text, current) values (1, 'x', 'ru', 'official', '2025-07-04', '48 drones', 1)`.execute(db);
      await sql`insert into attacks (id, date, attacker, target, launched, rec_any) values ('2025-07-04.UA-RU', '2025-07-04', 'UA', 'RU', 48, 48)`.execute(db);
      await sql`insert into reports (id, document_id, ordinal, claimant, claimant_orgs, attacker, target, date, night, attack_id, org_evidence) values (1, 1, 0, 'RU', '["RU.mod"]', 'UA', 'RU', '2025-07-04', 1, '2025-07-04.UA-RU', '[]')`.execute(db);
      await sql`insert into counts (report_id, document_id, weapon, outcome, n, qualifier) values (1, 1, 'drone', 'intercepted', 48, 'exact')`.execute(db);
    } finally {
      await db.destroy();
    }
    const store = await SqlStore.open(path);
    try {
      const a = await store.getAttack("2025-07-04.UA-RU");
      assert.equal(a?.sides[0]?.windows[0]?.window.label, "period not stated");
      assert.equal(a?.sides[0]?.day.intercepted, 48);
      assert.equal(a?.totals.launched, null, "the stale launched total is recomputed");
      const r = await store.records(undefined, { attacker: "UA", target: "RU" });
      assert.equal(r.records.any.record?.n, 48, "records of UA → RU are measured by intercepted figures after the migration");
      assert.equal((await store.getDocument(1))?.reports[0]?.period, null);
    } finally {
      await store.close();
      t.cleanup();
    }
  });
});
