// The dataset import writes table by table (`importBatch`, src/store/bulk.ts). What it stores — rows, ids,
// attacks, read models — and every API answer from it must be exactly what storing the same rows one document
// after another stores (`saveBatch`), on SQLite and PostgreSQL: a first import over the corpus, a re-import of
// the same file, a corrected file; and hand-made batches for what the dataset never has (a text twice, a post
// revised twice in one batch, casualties, record claims, places).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { sql } from "kysely";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/server/app.js";
import { datasetItems, importDataset } from "../../src/ingest/dataset.js";
import { ingestInputs } from "../../src/ingest/ingest.js";
import { SqlStore } from "../../src/store/store.js";
import type { BatchItem, IngestResult } from "../../src/store/types.js";
import { DATASET, DEV_CORPUS, HAVE_SHARED, apiUrls, assertSameTables, cli, correctedDataset, extraction, report, storeTables, tempDir, tempPg, tempPgPair } from "./helpers.js";

/** Every API answer of both stores: attacks, records, timelines, exports, documents (`fetched` aside). */
async function assertSameApi(urlA: string, urlB: string, label: string, documentIds: number[]): Promise<void> {
  const a = await SqlStore.open(urlA);
  const b = await SqlStore.open(urlB);
  const apps: FastifyInstance[] = [];
  try {
    const appA = await buildApp({ store: a, webDir: null });
    const appB = await buildApp({ store: b, webDir: null });
    apps.push(appA, appB);
    const ids: string[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await a.listAttacks({}, { limit: 1000, offset, sort: "date" });
      ids.push(...page.items.map((i) => i.id));
      if (page.items.length < 1000) break;
    }
    // Every stored detail is compared above, table by table: here one attack in five, through the API.
    const urls = [...apiUrls(ids.filter((_, i) => i % 5 === 0)), "/api/regions-aggregate", "/api/export.csv", "/api/export.ndjson", "/api/export.geojson"];
    // The document list counts each document's facts (a slow query): its first, middle and last pages.
    const { total } = await a.listDocuments({ limit: 1, offset: 0 });
    for (const offset of [0, Math.floor(total / 2), total - 100]) urls.push(`/api/documents?limit=100&offset=${offset}`);
    for (const id of documentIds) urls.push(`/api/documents/${id}`);
    const same = (body: string) => body.replace(/"fetched":"[^"]*"/g, '"fetched":""');
    for (const u of urls) {
      const [x, y] = await Promise.all([appA.inject({ url: u }), appB.inject({ url: u })]);
      assert.equal(x.statusCode, y.statusCode, `${label} ${u}: status`);
      const bx = same(x.body);
      const by = same(y.body);
      if (bx !== by) {
        let at = 0;
        while (at < bx.length && bx[at] === by[at]) at++;
        assert.fail(`${label} ${u}: differs at ${at}: …${bx.slice(Math.max(0, at - 80), at + 80)}… vs …${by.slice(Math.max(0, at - 80), at + 80)}…`);
      }
    }
    assert.ok(ids.length > 1000, `${label}: the full history has attacks (${ids.length})`);
  } finally {
    for (const app of apps) await app.close();
    await a.close();
    await b.close();
  }
}

type Counts = Record<IngestResult["status"], number>;
const tally = (rs: IngestResult[]): Counts => {
  const c: Counts = { new: 0, revised: 0, unchanged: 0, failed: 0 };
  for (const r of rs) c[r.status]++;
  return c;
};

/**
 * The corpus, then the dataset, the dataset again and a corrected copy: through the import (bulk) or each
 * file's rows through `saveBatch` (one document after another). The results of each step, and documents to read.
 */
async function fill(url: string, bulk: boolean, corrected: string): Promise<{ steps: Counts[]; documents: number[] }> {
  const store = await SqlStore.open(url);
  try {
    await ingestInputs(store, [DEV_CORPUS]);
    const steps: Counts[] = [];
    const documents = new Set<number>();
    for (const file of [DATASET, DATASET, corrected]) {
      const results = bulk ? await store.importBatch(datasetItems(file).items) : await store.saveBatch(datasetItems(file).items);
      steps.push(tally(results));
      results.forEach((r, i) => {
        if (r.documentId !== null && (r.status === "revised" || i % 151 === 0)) documents.add(r.documentId);
      });
    }
    return { steps, documents: [...documents].sort((x, y) => x - y) };
  } finally {
    await store.close();
  }
}

async function compareFills(urlA: string, urlB: string, label: string, corrected: string): Promise<void> {
  const bulk = await fill(urlA, true, corrected);
  const oneByOne = await fill(urlB, false, corrected);
  assert.deepEqual(bulk.steps, oneByOne.steps, `${label}: same results`);
  const [first, again, fixed] = bulk.steps;
  assert.ok(first!.new > 3000 && first!.revised === 0, `${label}: first import ${JSON.stringify(first)}`);
  assert.deepEqual(again, { new: 0, revised: 0, unchanged: first!.new, failed: 0 }, `${label}: a re-import stores nothing`);
  assert.ok(fixed!.revised > 30 && fixed!.new === 0, `${label}: the corrected rows are revisions ${JSON.stringify(fixed)}`);
  assert.deepEqual(bulk.documents, oneByOne.documents);
  assertSameTables(await storeTables(urlA), await storeTables(urlB), label);
  await assertSameApi(urlA, urlB, label, bulk.documents);
}

describe("the dataset import stores what its rows stored one by one store", { skip: HAVE_SHARED ? false : "../shared (dataset and dev corpus) is absent" }, () => {
  const tmp = tempDir("salvo-bulk-");
  const corrected = () => correctedDataset(tmp.dir);
  const pgs = tempPgPair();
  after(() => tmp.cleanup());

  test("SQLite", async () => {
    await compareFills(join(tmp.dir, "bulk.db"), join(tmp.dir, "one-by-one.db"), "sqlite", corrected());
  });

  test("PostgreSQL", async (t) => {
    const { a: pgA, b: pgB } = pgs;
    if (!pgA || !pgB) {
      t.skip("PostgreSQL unreachable at SALVO_TEST_PG (postgres://postgres@127.0.0.1:5432/postgres by default)");
      return;
    }
    await compareFills(pgA.url, pgB.url, "postgres", corrected());
  });

  test("importDataset reports what importBatch stored, and a re-run stores nothing", async () => {
    const store = await SqlStore.open(join(tmp.dir, "summary.db"));
    try {
      const first = await importDataset(store, DATASET);
      const { items, failed } = datasetItems(DATASET);
      assert.deepEqual([first.new, first.unchanged, first.revised, first.failed], [items.length, 0, 0, failed]);
      assert.equal(await store.documentCount(), items.length);
      const again = await importDataset(store, DATASET, { batchSize: 1000 });
      assert.deepEqual([again.new, again.unchanged, again.revised, again.facts], [0, items.length, 0, 0]);
    } finally {
      await store.close();
    }
  });
});

// ---- batches the dataset never makes ----

const TEXTS = [
  "Overnight the enemy launched 120 drones at Ukraine; 100 were shot down. Two people were killed in Kyiv, a record attack.",
  "Overnight the enemy launched 90 drones; 70 were shot down over Odesa.",
  "Correction: overnight the enemy launched 95 drones; 70 were shot down over Odesa.",
  "Second correction: overnight the enemy launched 97 drones; 71 were shot down over Odesa.",
  "Air defence destroyed 40 Ukrainian drones over the Belgorod region, the ministry said.",
];

function item(text: string, date: string, meta: BatchItem["meta"], withExtras = false): BatchItem {
  const n = /launched (\d+)/.exec(text)?.[1];
  const down = /(\d+) were shot down|destroyed (\d+)/.exec(text);
  const shot = down?.[1] ?? down?.[2];
  const ru = text.includes("Belgorod");
  const r = report(text, {
    claimant: ru ? "RU" : "UA",
    orgs: [ru ? "RU.mod" : "UA.air_force"],
    attacker: ru ? "UA" : "RU",
    target: ru ? "RU" : "UA",
    date,
    counts: [
      ...(n ? [{ weapon: "drone" as const, outcome: "launched" as const, n: Number(n), word: n }] : []),
      ...(shot ? [{ weapon: "drone" as const, outcome: "intercepted" as const, n: Number(shot), word: shot }] : []),
    ],
    casualties: withExtras ? [{ kind: "killed" as const, n: 2, region: "UA-30", word: "Two" }] : [],
    targets: withExtras ? ["UA-30"] : [],
    records: withExtras ? [{ metric: "any" as const, scope: "war" as const, word: "a record" }] : [],
  });
  if (withExtras) r.places = [{ name: "Kyiv", region: "UA-30", role: "impact", provenance: { rule: "test/place", sentence: { start: 0, end: text.length }, evidence: [] } }];
  return { x: extraction(text, [r]), meta };
}

/** Batches in order: a stored post revised later, a text given twice, a post revised twice within one batch. */
const BATCHES: BatchItem[][] = [
  [item(TEXTS[0]!, "2025-03-01", { channel: "kpszsu", post_id: "1" }, true), item(TEXTS[1]!, "2025-03-02", { channel: "kpszsu", post_id: "2" })],
  [
    item(TEXTS[0]!, "2025-03-01", { channel: "other", post_id: "9" }, true),
    item(TEXTS[2]!, "2025-03-02", { channel: "kpszsu", post_id: "2" }),
    item(TEXTS[3]!, "2025-03-02", { channel: "kpszsu", post_id: "2" }),
    item(TEXTS[4]!, "2025-03-02", { channel: "mod_russia", post_id: "7" }),
    item(TEXTS[4]!, "2025-03-02", { channel: "mod_russia", post_id: "7" }),
    item(`${TEXTS[1]!} (no identity)`, "2025-03-03", {}),
  ],
];

describe("hand-made batches: importBatch stores what saveBatch stores", () => {
  const tmp = tempDir("salvo-bulk-small-");
  const pgs = tempPgPair();
  after(() => tmp.cleanup());

  const run = async (url: string, bulk: boolean): Promise<IngestResult[][]> => {
    const store = await SqlStore.open(url);
    try {
      const out: IngestResult[][] = [];
      for (const b of BATCHES) out.push(bulk ? await store.importBatch(b) : await store.saveBatch(b));
      return out;
    } finally {
      await store.close();
    }
  };
  const check = async (a: string, b: string, label: string) => {
    const bulk = await run(a, true);
    assert.deepEqual(bulk, await run(b, false), `${label}: same results`);
    assert.deepEqual(bulk[1]!.map((r) => r.status), ["unchanged", "revised", "revised", "new", "unchanged", "new"]);
    assertSameTables(await storeTables(a), await storeTables(b), label);
    const store = await SqlStore.open(a);
    try {
      // The post revised twice in one batch: only its last version is current, each version points to the one before.
      const versions = (await sql<{ id: number; revision_of: number | null; current: number }>`select id, revision_of, current from documents where post_id = '2' order by id`.execute(store.db)).rows;
      assert.deepEqual(versions.map((v) => [Number(v.current), v.revision_of === null ? null : Number(v.revision_of)]), [[0, null], [0, Number(versions[0]!.id)], [1, Number(versions[1]!.id)]]);
      const odesa = await store.getAttack("2025-03-02");
      assert.equal(odesa?.totals.launched, 97, "the attack counts the current version only");
    } finally {
      await store.close();
    }
  };

  test("SQLite", async () => {
    await check(join(tmp.dir, "a.db"), join(tmp.dir, "b.db"), "sqlite");
  });
  test("PostgreSQL", async (t) => {
    const { a: pgA, b: pgB } = pgs;
    if (!pgA || !pgB) {
      t.skip("PostgreSQL unreachable at SALVO_TEST_PG (postgres://postgres@127.0.0.1:5432/postgres by default)");
      return;
    }
    await check(pgA.url, pgB.url, "postgres");
  });
});

describe("two imports of the dataset at once", { skip: HAVE_SHARED ? false : "../shared (the dataset) is absent" }, () => {
  const tmp = tempDir("salvo-bulk-two-");
  let pgDb: Awaited<ReturnType<typeof tempPg>> = null;
  before(async () => {
    pgDb = await tempPg();
  });
  after(async () => {
    await pgDb?.drop();
    tmp.cleanup();
  });

  // The second waits for the first (SQLite: the write lock; PostgreSQL: the content hash's unique index), then
  // finds every row stored (retrying once after the unique violation on PostgreSQL).
  const check = async (url: string, summaries: Array<{ rows: number; new: number; unchanged: number; failed: unknown[] }>) => {
    const [x, y] = summaries as [(typeof summaries)[number], (typeof summaries)[number]];
    const rows = x.rows - x.failed.length;
    assert.deepEqual([x.new + y.new, x.unchanged + y.unchanged], [rows, rows]);
    const fast = await SqlStore.open(url);
    const slow = await SqlStore.open(url, { readModels: false });
    try {
      assert.equal(await fast.documentCount(), rows);
      const page = { limit: 200, offset: 0, sort: "-launched" as const };
      assert.deepEqual(await fast.listAttacks({}, page), await slow.listAttacks({}, page));
      assert.deepEqual(await fast.records(), await slow.records());
    } finally {
      await fast.close();
      await slow.close();
    }
  };

  test("SQLite: two processes", async () => {
    // Two processes: in one, a connection waiting for the lock would hold up the one that has it.
    const db = join(tmp.dir, "two.db");
    const runs = await Promise.all([cli(["import", DATASET, "--db", db, "--json"]), cli(["import", DATASET, "--db", db, "--json"])]);
    for (const r of runs) assert.equal(r.code, 0, r.stderr);
    await check(db, runs.map((r) => JSON.parse(r.stdout) as { rows: number; new: number; unchanged: number; failed: unknown[] }));
  });
  test("PostgreSQL", async (t) => {
    if (!pgDb) {
      t.skip("PostgreSQL unreachable at SALVO_TEST_PG (postgres://postgres@127.0.0.1:5432/postgres by default)");
      return;
    }
    const a = await SqlStore.open(pgDb.url);
    const b = await SqlStore.open(pgDb.url);
    try {
      await check(pgDb.url, await Promise.all([importDataset(a, DATASET), importDataset(b, DATASET)]));
    } finally {
      await a.close();
      await b.close();
    }
  });
});
