// The read models (written at write time) against a recompute from the claims: every API answer must be
// the same, status, headers and body byte for byte, on SQLite and PostgreSQL, after a bulk import and after
// single writes.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { buildApp } from "../../src/server/app.js";
import { importDataset } from "../../src/ingest/dataset.js";
import { ingestInputs } from "../../src/ingest/ingest.js";
import { SqlStore } from "../../src/store/store.js";
import { FOLLOWED_LISTS, VOLATILE_HEADERS, apiRequests, type ApiRequest } from "../server/api-requests.js";
import { DATASET, DEV_CORPUS, HAVE_SHARED, correctedDataset, extraction, report, tempDir, tempPg } from "./helpers.js";

/** An answer as compared: status, headers but the clock's, and the bytes of the body. */
function answerOf(r: LightMyRequestResponse): { status: number; headers: string; body: Buffer } {
  const headers = Object.keys(r.headers)
    .filter((k) => !VOLATILE_HEADERS.has(k))
    .sort()
    .map((k) => `${k}: ${String(r.headers[k])}`)
    .join("\n");
  return { status: r.statusCode, headers, body: r.rawPayload };
}

/**
 * Every read request of test/server/api-requests.ts (details of every attack, lists by every sort and filter,
 * bad parameters, compressed and HEAD answers) and the next pages their Link headers point to: the read models'
 * answers and the recompute's, status, headers and body byte for byte.
 */
async function compare(url: string, label: string): Promise<void> {
  const fast = await SqlStore.open(url);
  const slow = await SqlStore.open(url, { readModels: false });
  const apps: FastifyInstance[] = [];
  try {
    const a = await buildApp({ store: fast, webDir: null });
    const b = await buildApp({ store: slow, webDir: null });
    apps.push(a, b);
    const ids = (await slow.listAttacks({}, { limit: 1000, offset: 0, sort: "date" })).items.map((i) => i.id);
    const more = (await slow.listAttacks({}, { limit: 1000, offset: 1000, sort: "date" })).items.map((i) => i.id);
    const requests: ApiRequest[] = apiRequests([...ids, ...more]);
    let differing = 0;
    const check = async (r: ApiRequest): Promise<ReturnType<typeof answerOf>> => {
      const options = { method: r.method, url: r.url, headers: r.headers ?? {} };
      const [x, y] = (await Promise.all([a.inject(options), b.inject(options)])).map(answerOf) as [ReturnType<typeof answerOf>, ReturnType<typeof answerOf>];
      const what = `${label} ${r.method} ${r.url} ${JSON.stringify(r.headers ?? {})}`;
      if (x.status !== y.status || x.headers !== y.headers || !x.body.equals(y.body)) {
        differing++;
        if (differing <= 3) {
          assert.equal(x.status, y.status, `${what}: status`);
          assert.equal(x.headers, y.headers, `${what}: headers`);
          const bx = x.body.toString("latin1");
          const by = y.body.toString("latin1");
          let at = 0;
          while (at < bx.length && bx[at] === by[at]) at++;
          assert.fail(`${what}: read model differs from recompute at byte ${at}: …${bx.slice(Math.max(0, at - 80), at + 80)}… vs …${by.slice(Math.max(0, at - 80), at + 80)}…`);
        }
      }
      return x;
    };
    for (const r of requests) await check(r);
    // Paging by cursor: each list's next pages, as a client follows them.
    for (const first of FOLLOWED_LISTS) {
      let next: string | null = first;
      for (let depth = 0; next && depth < 3; depth++) {
        const x = await check({ method: "GET", url: next });
        next = /^link: <([^>]+)>; rel="next"$/m.exec(x.headers)?.[1] ?? null;
        if (depth === 0) assert.ok(next, `${label} ${first}: a first page with a next page`);
      }
    }
    assert.equal(differing, 0);
    assert.ok(ids.length > 100, `${label}: the full history has attacks (${ids.length})`);
  } finally {
    for (const app of apps) await app.close();
    await fast.close();
    await slow.close();
  }
}

/**
 * The full history: the dataset in one bulk import and a corrected copy of it (revisions of some rows, written
 * table by table too), then the corpus document by document, then a revision.
 */
async function load(url: string): Promise<void> {
  const store = await SqlStore.open(url);
  const tmp = tempDir("salvo-rm-");
  try {
    await importDataset(store, DATASET);
    const fixed = await importDataset(store, correctedDataset(tmp.dir));
    assert.ok(fixed.revised > 30 && fixed.new === 0, `corrected rows are revisions (${fixed.revised})`);
    const s = await ingestInputs(store, [DEV_CORPUS]);
    assert.ok(s.new > 100, `corpus ingested (${s.new})`);
    // A revision of a stored post (same channel and id, new text) moves its claims between attacks.
    const seed = JSON.parse(readFileSync(join(DEV_CORPUS, "liberation-2025-07-04-frappes.json"), "utf8")) as { text: string; lang: "fr" };
    const first = await store.ingestText(`${seed.text}\n`, { channel: "rev_test", post_id: "1", lang: seed.lang, published: "2025-07-04T11:34:00+02:00" });
    const second = await store.ingestText(seed.text.replace(/\b5\d\d\b/, "612"), { channel: "rev_test", post_id: "1", lang: seed.lang, published: "2025-07-05T11:34:00+02:00" });
    assert.deepEqual([first.status, second.status], ["new", "revised"]);
  } finally {
    await store.close();
    tmp.cleanup();
  }
}

describe("read models answer exactly as a recompute from the claims", { skip: HAVE_SHARED ? false : "../shared (dataset and dev corpus) is absent" }, () => {
  test("SQLite", async () => {
    const tmp = tempDir();
    try {
      const url = join(tmp.dir, "rm.db");
      await load(url);
      await compare(url, "sqlite");
    } finally {
      tmp.cleanup();
    }
  });

  let pgDb: Awaited<ReturnType<typeof tempPg>> = null;
  before(async () => {
    pgDb = await tempPg();
  });
  after(async () => {
    await pgDb?.drop();
  });
  test("PostgreSQL", async (t) => {
    if (!pgDb) {
      t.skip("PostgreSQL unreachable at SALVO_TEST_PG (postgres://postgres@127.0.0.1:5432/postgres by default)");
      return;
    }
    await load(pgDb.url);
    await compare(pgDb.url, "postgres");
  });
});

describe("concurrent writers keep the read models whole", () => {
  let pgDb: Awaited<ReturnType<typeof tempPg>> = null;
  before(async () => {
    pgDb = await tempPg();
  });
  after(async () => {
    await pgDb?.drop();
  });
  test("PostgreSQL: two processes' stores writing attacks of one week and one direction at once", async (t) => {
    if (!pgDb) {
      t.skip("PostgreSQL unreachable at SALVO_TEST_PG (postgres://postgres@127.0.0.1:5432/postgres by default)");
      return;
    }
    const a = await SqlStore.open(pgDb.url);
    const b = await SqlStore.open(pgDb.url);
    const slow = await SqlStore.open(pgDb.url, { readModels: false });
    try {
      // Each writer stores posts about different nights of the same weeks, one with a record claim.
      const docs = (writer: string, days: number[]) =>
        days.map((d) => {
          const day = `2025-03-${String(d).padStart(2, "0")}`;
          const n = 40 + d * 7 + (writer === "a" ? 1 : 2);
          const text = `Writer ${writer}: overnight ${n} drones were launched at Ukraine, a record, on ${day}.`;
          return {
            x: extraction(text, [report(text, { claimant: "UA", date: day, counts: [{ weapon: "drone", outcome: "launched", n, word: String(n) }], records: [{ metric: "any", scope: "war", word: "a record" }] })]),
            meta: { channel: `writer_${writer}`, post_id: day },
          };
        });
      await Promise.all([a.saveBatch(docs("a", [3, 5, 7, 9, 11])), b.saveBatch(docs("b", [4, 6, 8, 10, 12]))]);
      for (const bucket of ["day", "week"] as const) {
        assert.deepEqual((JSON.parse((await a.timelineJson({}, bucket))?.toString("utf8") ?? "null") as { items: unknown[] } | null)?.items, await slow.timeline({}, bucket), `${bucket} totals`);
      }
      assert.deepEqual(await a.records(), await slow.records());
      const fast = await a.listAttacks({}, { limit: 100, offset: 0, sort: "date" });
      assert.deepEqual(fast, await slow.listAttacks({}, { limit: 100, offset: 0, sort: "date" }));
      assert.equal(fast.total, 10);
    } finally {
      await a.close();
      await b.close();
      await slow.close();
    }
  });
});
