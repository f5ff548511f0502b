// The opt-in micro-cache: repeated reads skip the store, writes through the API clear it, TTL bounds staleness.
import { test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { fixtures } from "./fixtures.js";
import { call, postJson, startApi, tempSqliteStore } from "./harness.js";

test("reads are served from memory until a write through the API or the TTL", async (t) => {
  const db = await tempSqliteStore();
  const [first, second] = fixtures();
  await db.store.saveExtraction(first!.x, first!.meta);
  const api = await startApi({ store: db.store, webDir: null, token: "tok", cacheTtlMs: 60_000 });
  const shortLived = await startApi({ store: db.store, webDir: null, cacheTtlMs: 150 });
  t.after(async () => {
    await api.close();
    await shortLived.close();
    await db.cleanup();
  });
  const total = async (base: string) => {
    const r = await call<{ total: number }>(base, "/api/documents");
    return { total: r.json.total, cache: r.headers.get("x-salvo-cache"), etag: r.headers.get("etag") };
  };
  const a = await total(api.base);
  assert.deepEqual([a.total, a.cache], [1, null]);
  assert.equal((await total(shortLived.base)).total, 1);

  // another process writes to the same database: the cache still answers the old page
  await db.store.saveExtraction(second!.x, second!.meta);
  const b = await total(api.base);
  assert.deepEqual([b.total, b.cache], [1, "hit"]);
  assert.equal(b.etag, a.etag);
  const notModified = await fetch(`${api.base}/api/documents`, { headers: { "if-none-match": a.etag ?? "" } });
  assert.equal(notModified.status, 304);
  // reads served from the read models are never cached: they see the other process's write at once
  const attacks = await call<{ total: number }>(api.base, "/api/attacks");
  assert.deepEqual([attacks.json.total, attacks.headers.get("x-salvo-cache")], [2, null]);
  const again = await call<{ total: number }>(api.base, "/api/attacks");
  assert.equal(again.headers.get("x-salvo-cache"), null);
  const health = await call<{ documents: number }>(api.base, "/api/health");
  assert.deepEqual([health.json.documents, health.headers.get("x-salvo-cache")], [2, null]);

  // exports keep their headers when served from memory
  await call(api.base, "/api/export.csv");
  const csv = await call(api.base, "/api/export.csv");
  assert.equal(csv.headers.get("x-salvo-cache"), "hit");
  assert.match(csv.headers.get("content-disposition") ?? "", /attachment/);
  assert.match(csv.headers.get("content-type") ?? "", /text\/csv/);

  // a short TTL expires on its own
  await sleep(200);
  const fresh = await total(shortLived.base);
  assert.deepEqual([fresh.total, fresh.cache], [2, null]);

  // stateless extraction does not clear it; an accepted write does
  await call(api.base, "/api/extract", postJson({ text: "Overnight, 5 drones were shot down." }));
  assert.equal((await total(api.base)).cache, "hit");
  const w = await call(api.base, "/api/documents", postJson({ text: "Overnight, 7 drones were shot down over Sumy." }, { authorization: "Bearer tok" }));
  assert.equal(w.status, 201);
  const c = await total(api.base);
  assert.deepEqual([c.total, c.cache], [3, null]);
});
