// The store's API on both dialects (a SQLite file and a fresh PostgreSQL database), same answers from both.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { openStore, type Store } from "../../src/store/index.js";
import { extraction, report, tempDir, tempPg } from "./helpers.js";

const T_JUNE = "Overnight the enemy attacked with 150 attack drones; 120 were shot down.";
const T_JULY1 = "On the night of 1 July the Russians launched 100 drones, 80 were destroyed. It is the largest attack since the war began. Kyiv was the main target.";
const T_JULY1_NEWS = "Kyiv says Russia fired 100 drones, while the General Staff put the figure at 105.";
const T_RU = "Air defence systems destroyed 40 Ukrainian drones over the Belgorod region, the ministry said.";
const T_JULY10 = "Record: 200 drones and 5 Kalibr missiles were launched overnight, the most massive attack of the war. Two people were killed in Lviv.";
const T_REV1 = "Update: 30 drones were launched at Odesa overnight.";
const T_REV2 = "Update (corrected): 35 drones were launched at Odesa overnight.";

async function load(store: Store): Promise<Record<string, number | null>> {
  const ids: Record<string, number | null> = {};
  const save = async (name: string, ...args: Parameters<Store["saveExtraction"]>) => {
    const r = await store.saveExtraction(...args);
    assert.notEqual(r.status, "failed", r.reason);
    ids[name] = r.documentId;
    return r;
  };
  await save("june", extraction(T_JUNE, [report(T_JUNE, { claimant: "UA", orgs: ["UA.air_force"], date: "2025-06-20", counts: [
    { weapon: "drone", outcome: "launched", n: 150, word: "150" }, { weapon: "drone", outcome: "intercepted", n: 120, word: "120" }] })]),
    { channel: "kpszsu", post_id: "1", publisher: "Air Force", published: "2025-06-20T09:00:00+03:00" });
  await save("july1", extraction(T_JULY1, [report(T_JULY1, { claimant: "UA", orgs: ["UA.air_force"], date: "2025-07-01", targets: ["UA-30"], counts: [
    { weapon: "drone", outcome: "launched", n: 100, word: "100" }, { weapon: "drone", outcome: "intercepted", n: 80, word: "80" }],
    records: [{ metric: "any", scope: "war", word: "largest" }] })]),
    { channel: "kpszsu", post_id: "2", publisher: "Air Force", published: "2025-07-01T09:00:00+03:00" });
  await save("news", extraction(T_JULY1_NEWS, [
    report(T_JULY1_NEWS, { claimant: "UA", orgs: ["UA.other"], date: "2025-07-01", counts: [{ weapon: "drone", outcome: "launched", n: 100, word: "100" }] }),
    report(T_JULY1_NEWS, { claimant: "UA", orgs: ["UA.general_staff"], date: "2025-07-01", counts: [{ weapon: "drone", outcome: "launched", n: 105, word: "105" }] }),
  ], "news"), { url: "https://news.example/kyiv-100", publisher: "Example News", published: "2025-07-01T12:00:00Z" });
  await save("ru", extraction(T_RU, [report(T_RU, { claimant: "RU", orgs: ["RU.mod"], attacker: "UA", target: "RU", date: "2025-07-01", targets: ["RU-BEL"], counts: [
    { weapon: "drone", outcome: "intercepted", n: 40, region: "RU-BEL", word: "40" }] })]),
    { channel: "mod_russia", post_id: "77", publisher: "MoD", published: "2025-07-01T07:00:00+03:00" });
  await save("july10", extraction(T_JULY10, [report(T_JULY10, { claimant: "UA", orgs: ["UA.air_force"], date: "2025-07-10", targets: ["UA-46"], counts: [
    { weapon: "drone", outcome: "launched", n: 200, word: "200" }, { weapon: "missile.cruise", model: "kalibr", outcome: "launched", n: 5, word: "5" }],
    casualties: [{ kind: "killed", n: 2, region: "UA-46", word: "Two" }],
    records: [{ metric: "any", scope: "war", word: "most massive" }] })]),
    { channel: "kpszsu", post_id: "3", publisher: "Air Force", published: "2025-07-10T09:00:00+03:00" });
  const r1 = await save("rev1", extraction(T_REV1, [report(T_REV1, { claimant: "UA", orgs: ["UA.regional"], date: "2025-07-12", targets: ["UA-51"], counts: [
    { weapon: "drone", outcome: "launched", n: 30, word: "30" }], records: [{ metric: "missile", scope: "year", word: "Update" }] })]),
    { url: "https://odesa.example/post", publisher: "Odesa OVA" });
  assert.equal(r1.status, "new");
  const r2 = await save("rev2", extraction(T_REV2, [report(T_REV2, { claimant: "UA", orgs: ["UA.regional"], date: "2025-07-12", targets: ["UA-51"], counts: [
    { weapon: "drone", outcome: "launched", n: 35, word: "35" }], records: [{ metric: "missile", scope: "year", word: "Update" }] })]),
    { url: "https://odesa.example/post", publisher: "Odesa OVA" });
  assert.equal(r2.status, "revised");
  return ids;
}

const dialects = ["sqlite", "postgres"] as const;
const stores: Partial<Record<(typeof dialects)[number], { store: Store; ids: Record<string, number | null>; cleanup(): Promise<void> }>> = {};

before(async () => {
  const tmp = tempDir();
  const sqlite = await openStore(join(tmp.dir, "api.db"));
  stores.sqlite = { store: sqlite, ids: await load(sqlite), cleanup: async () => { await sqlite.close(); tmp.cleanup(); } };
  const pgdb = await tempPg();
  if (pgdb) {
    const s = await openStore(pgdb.url);
    stores.postgres = { store: s, ids: await load(s), cleanup: async () => { await s.close(); await pgdb.drop(); } };
  }
});
after(async () => {
  for (const d of dialects) await stores[d]?.cleanup();
});

for (const dialect of dialects) {
  describe(`store on ${dialect}`, () => {
    const get = (t: { skip(m: string): void }) => {
      const s = stores[dialect];
      if (!s) t.skip(`no ${dialect} database (PostgreSQL at ${process.env.SALVO_TEST_PG ?? "127.0.0.1:5432"} not reachable)`);
      return s;
    };

    test("same content is stored once", async (t) => {
      const s = get(t);
      if (!s) return;
      const r = await s.store.saveExtraction(extraction(T_JUNE, []), { channel: "kpszsu", post_id: "1" });
      assert.deepEqual(r, { status: "unchanged", documentId: s.ids.june, facts: 0 });
    });

    test("attacks: one per (attacker, target, date); filters and sorting", async (t) => {
      const s = get(t);
      if (!s) return;
      const all = await s.store.listAttacks({}, { limit: 10, offset: 0, sort: "date" });
      assert.deepEqual(all.items.map((a) => a.id), ["2025-06-20.RU-UA", "2025-07-01.RU-UA", "2025-07-01.UA-RU", "2025-07-10.RU-UA", "2025-07-12.RU-UA"]);
      assert.equal(all.total, 5);
      const byLaunched = await s.store.listAttacks({}, { limit: 2, offset: 0, sort: "-launched" });
      assert.deepEqual(byLaunched.items.map((a) => a.id), ["2025-07-10.RU-UA", "2025-06-20.RU-UA"]);
      assert.equal(byLaunched.total, 5);
      const missiles = await s.store.listAttacks({ weapon: "missile" }, { limit: 10, offset: 0, sort: "date" });
      assert.deepEqual(missiles.items.map((a) => a.id), ["2025-07-10.RU-UA"]);
      const kyiv = await s.store.listAttacks({ region: "UA-30" }, { limit: 10, offset: 0, sort: "date" });
      assert.deepEqual(kyiv.items.map((a) => a.id), ["2025-07-01.RU-UA"]);
      const ua = await s.store.listAttacks({ attacker: "UA", from: "2025-07-01", to: "2025-07-01" }, { limit: 10, offset: 0, sort: "date" });
      assert.deepEqual(ua.items.map((a) => a.id), ["2025-07-01.UA-RU"]);
      const july10 = all.items[3]!;
      assert.deepEqual(july10.totals, { launched: 205, intercepted: null, suppressed: null, hit: null });
    });

    test("an attack keeps every claim; the Air Force's figure is chosen; the General Staff's 105 is a conflict", async (t) => {
      const s = get(t);
      if (!s) return;
      const a = await s.store.getAttack("2025-07-01");
      assert.ok(a);
      assert.equal(a.id, "2025-07-01.RU-UA");
      const launched = a.figures.find((f) => f.weapon === "drone" && f.outcome === "launched")!;
      assert.equal(launched.claims.length, 3);
      assert.equal(launched.chosen?.n, 100);
      assert.equal(launched.chosen?.org, "UA.air_force");
      assert.equal(launched.conflict, true);
      assert.equal(a.conflict, true);
      const restated = launched.claims.find((c) => c.document.id === s.ids.news && c.n === 100)!;
      assert.equal(restated.restated, true);
      assert.equal(restated.sentence.text, T_JULY1_NEWS);
      assert.deepEqual(restated.evidence.map((e) => e.text), ["100"]);
      // Moscow's account of the same night is a separate attack (UA → RU), never mixed in.
      const ru = await s.store.getAttack("2025-07-01.UA-RU");
      assert.equal(ru?.figures[0]?.chosen?.n, 40);
      assert.deepEqual(ru?.regions, ["RU-BEL"]);
    });

    test("record claims: refuted naming the larger earlier attack, confirmed, unverifiable", async (t) => {
      const s = get(t);
      if (!s) return;
      const july1 = await s.store.getAttack("2025-07-01");
      assert.equal(july1?.record_checks[0]?.status, "refuted");
      assert.equal(july1?.record_checks[0]?.largest_earlier?.id, "2025-06-20.RU-UA");
      assert.match(july1?.record_checks[0]?.reason ?? "", /2025-06-20\.RU-UA had 150/);
      const july10 = await s.store.getAttack("2025-07-10");
      assert.equal(july10?.record_checks[0]?.status, "confirmed");
      assert.equal(july10?.record_checks[0]?.value, 205);
      const july12 = await s.store.getAttack("2025-07-12");
      assert.equal(july12?.record_checks.length, 1, "the superseded version's claim is gone");
      assert.equal(july12?.record_checks[0]?.status, "unverifiable");
      const list = await s.store.listAttacks({ from: "2025-07-10", to: "2025-07-10" }, { limit: 5, offset: 0, sort: "date" });
      assert.equal(list.items[0]?.record_claims[0]?.status, "confirmed");
    });

    test("a revision replaces the earlier version's facts; the old version is kept, marked superseded", async (t) => {
      const s = get(t);
      if (!s) return;
      const a = await s.store.getAttack("2025-07-12");
      assert.equal(a?.totals.launched, 35);
      assert.equal(a?.figures[0]?.claims.length, 1);
      const old = await s.store.getDocument(s.ids.rev1!);
      const cur = await s.store.getDocument(s.ids.rev2!);
      assert.equal(old?.current, false);
      assert.equal(cur?.current, true);
      assert.equal(cur?.revision_of, s.ids.rev1);
      assert.equal(cur?.reports[0]?.counts[0]?.n, 35);
      assert.equal(cur?.reports[0]?.counts[0]?.provenance?.evidence[0]?.text, "35");
    });

    test("records: the largest by all weapons, drones and missiles, with the previous record", async (t) => {
      const s = get(t);
      if (!s) return;
      const r = await s.store.records("2025-07-10");
      assert.equal(r.records.any.record?.id, "2025-07-10.RU-UA");
      assert.equal(r.records.any.record?.n, 205);
      assert.equal(r.records.any.record?.basis, "sum");
      assert.equal(r.records.any.previous?.id, "2025-06-20.RU-UA");
      assert.equal(r.records.drone.record?.n, 200);
      assert.equal(r.records.missile.record?.n, 5);
      assert.equal(r.records.missile.previous, null);
      const before = await s.store.records("2025-07-09");
      assert.equal(before.records.any.record?.id, "2025-06-20.RU-UA");
      assert.equal(before.records.any.previous, null);
      const ru = await s.store.records(undefined, { attacker: "UA", target: "RU" });
      assert.equal(ru.records.any.record, null, "the MoD gave only an intercepted figure");
    });

    test("timeline, regions, export rows, documents", async (t) => {
      const s = get(t);
      if (!s) return;
      const weeks = await s.store.timeline({ attacker: "RU", target: "UA", weapon: "any" }, "week");
      assert.deepEqual(weeks.map((w) => [w.period, w.launched]), [["2025-06-16", 150], ["2025-06-30", 100], ["2025-07-07", 240]]);
      const regions = await s.store.regionsAggregate({ target: "UA" });
      const lviv = regions.find((r) => r.region === "UA-46");
      assert.deepEqual(lviv, { region: "UA-46", attacks: 1, launched: 0, intercepted: 0, hit: 0, casualties: 2 });
      const rows = await s.store.exportRows({ from: "2025-07-10", to: "2025-07-10" });
      assert.deepEqual(rows.map((r) => [r.weapon, r.model, r.n, r.chosen_org]), [["drone", null, 200, "UA.air_force"], ["missile.cruise", "kalibr", 5, "UA.air_force"]]);
      const docs = await s.store.listDocuments({ limit: 3, offset: 0 }, { kind: "news" });
      assert.equal(docs.total, 1);
      assert.equal(docs.items[0]?.report_count, 2);
      assert.equal(docs.items[0]?.fact_count, 2);
    });
  });
}

test("SQLite and PostgreSQL answer the same", async (t) => {
  const a = stores.sqlite;
  const b = stores.postgres;
  if (!a || !b) return t.skip("PostgreSQL not reachable");
  const page = { limit: 100, offset: 0, sort: "-date" as const };
  assert.deepEqual(await b.store.listAttacks({}, page), await a.store.listAttacks({}, page));
  assert.deepEqual(await b.store.records(), await a.store.records());
  assert.deepEqual(await b.store.getAttack("2025-07-01"), await a.store.getAttack("2025-07-01"));
  assert.deepEqual(await b.store.timeline({}, "day"), await a.store.timeline({}, "day"));
  assert.deepEqual(await b.store.regionsAggregate({}), await a.store.regionsAggregate({}));
  assert.deepEqual(await b.store.exportRows({}), await a.store.exportRows({}));
});
