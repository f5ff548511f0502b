// A subset of the API over real HTTP against the real PostgreSQL server (a fresh database, dropped after).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { AttackDetail, AttackSummary, IngestResult, TimelineRow } from "../../src/store/types.js";
import { TEXT_JULY_4, loadFixtures } from "./fixtures.js";
import { PG_ADMIN_URL, call, postJson, startApi, tempPostgresStore, type ErrorJson, type RunningApi, type TempStore } from "./harness.js";

interface List<T> {
  total: number;
  items: T[];
}

let db: TempStore | null = null;
let api: RunningApi | null = null;
let reason: string | false = false;

before(async () => {
  db = await tempPostgresStore();
  if (!db) {
    reason = `no PostgreSQL server at ${PG_ADMIN_URL}`;
    return;
  }
  await loadFixtures(db.store);
  api = await startApi({ store: db.store, token: "pg-token", webDir: null });
});
after(async () => {
  await api?.close();
  await db?.cleanup();
});

function base(t: { skip(message?: string): void }): string | null {
  if (!api) {
    t.skip(reason || "PostgreSQL unavailable");
    return null;
  }
  return api.base;
}

test("health reports the PostgreSQL store", async (t) => {
  const b = base(t);
  if (!b) return;
  const r = await call<{ store: string; documents: number; writes: boolean }>(b, "/api/health");
  assert.equal(r.json.store, "postgres");
  assert.equal(r.json.documents, 3);
  assert.equal(r.json.writes, true);
});

test("attacks: filters, pagination, one attack with evidence spans", async (t) => {
  const b = base(t);
  if (!b) return;
  const all = await call<List<AttackSummary>>(b, "/api/attacks?sort=date");
  assert.deepEqual(all.json.items.map((a) => a.id), ["2025-07-04.RU-UA", "2025-07-04.UA-RU", "2025-07-10.RU-UA"]);
  const page = await call<List<AttackSummary>>(b, "/api/attacks?target=UA&limit=1&offset=1&sort=-launched");
  assert.equal(page.json.total, 2);
  assert.deepEqual(page.json.items.map((a) => a.id), ["2025-07-04.RU-UA"]);
  const missiles = await call<List<AttackSummary>>(b, "/api/attacks?weapon=missile.cruise");
  assert.equal(missiles.json.total, 0);
  const one = await call<AttackDetail>(b, "/api/attacks/2025-07-04.RU-UA");
  const claim = one.json.figures.find((f) => f.outcome === "intercepted")?.claims[0];
  const number = claim?.evidence.find((e) => e.role === "number");
  assert.equal(TEXT_JULY_4.slice(number?.start, number?.end), "100");
});

test("timeline by week and the CSV export", async (t) => {
  const b = base(t);
  if (!b) return;
  const week = await call<List<TimelineRow>>(b, "/api/timeline?bucket=week&target=UA&weapon=drone");
  const drones = week.json.items.filter((r) => r.weapon === "drone").map((r) => [r.period, r.launched]);
  assert.deepEqual(drones, [
    ["2025-06-30", 120],
    ["2025-07-07", 300],
  ]);
  const csv = await call(b, "/api/export.csv?attacker=UA");
  const lines = csv.text.trim().split("\r\n");
  assert.equal(lines.length, 2);
  assert.match(lines[1] ?? "", /^2025-07-04\.UA-RU,2025-07-04,UA,RU,true,drone,,intercepted,RU-BEL,Belgorod Oblast,40,/);
});

test("ingestion needs the token and stores the text", async (t) => {
  const b = base(t);
  if (!b) return;
  const denied = await call<ErrorJson>(b, "/api/documents", postJson({ text: "Ukraine was attacked by 20 drones overnight." }));
  assert.equal(denied.status, 401);
  const r = await call<IngestResult>(b, "/api/documents", postJson({ text: "Ukraine was attacked by 20 drones overnight.", lang: "en" }, { authorization: "Bearer pg-token" }));
  assert.equal(r.status, 201, r.text);
  const doc = await call<{ text: string }>(b, `/api/documents/${r.json.documentId}`);
  assert.equal(doc.json.text, "Ukraine was attacked by 20 drones overnight.");
});
