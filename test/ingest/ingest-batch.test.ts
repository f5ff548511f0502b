// Ingest writes a batch of documents in bulk (`importBatch`) and skips extracting texts already stored
// (`documentsByHash`). What it stores must be what storing each document in its own transaction stored before
// (`saveBatch`, every text extracted), on SQLite and PostgreSQL; and a SIGKILL in the middle of a batch, then a
// re-run, must leave exactly what one uninterrupted ingest leaves.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ingestInputs, type IngestSummary } from "../../src/ingest/ingest.js";
import { SqlStore } from "../../src/store/store.js";
import type { BatchItem, IngestResult, Store } from "../../src/store/types.js";
import { DEV_CORPUS, HAVE_SHARED, assertSameTables, cli, collect, committedDocuments, spawnCli, storeTables, tempDir, tempPgPair, writeNightReports } from "../store/helpers.js";

/**
 * The store as ingest used it before: each document of a batch in its own `saveBatch` transaction, and no text
 * known beforehand (each one extracted, then found unchanged by the store).
 */
function oneByOne(store: SqlStore): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === "importBatch") {
        return async (items: BatchItem[]): Promise<IngestResult[]> => {
          const out: IngestResult[] = [];
          for (const it of items) out.push(...(await target.saveBatch([it])));
          return out;
        };
      }
      if (prop === "documentsByHash") return async () => new Map<string, number>();
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/**
 * Every table, with what only the number of transactions changes set aside: the store's version (one per
 * transaction) and the ids of the recomputed figure rows (rewritten each time their attack is recomputed; their
 * order within an attack, which the export follows, is compared).
 */
async function tables(url: string): Promise<Record<string, string[]>> {
  const t = await storeTables(url);
  t.salvo_meta = t.salvo_meta!.filter((r) => !r.includes('"version"'));
  t.attack_figures = t.attack_figures!.map((r) => r.replace(/"id":\d+,?/, "")).sort();
  return t;
}

/** Of the summary, what must not change: everything but the time taken. */
function counts(s: IngestSummary): Omit<IngestSummary, "seconds"> {
  const { seconds: _s, ...rest } = s;
  return rest;
}

/** A few documents of our own: a text given twice, an empty file, and one that the second run finds changed (a revision). */
function ownDocs(dir: string): string {
  const d = join(dir, "own");
  mkdirSync(d, { recursive: true });
  const text = (i: number) => `Overnight on 0${i}.03.2025 the enemy attacked Ukraine with ${70 + i} Shahed drones, the Air Force of Ukraine said. Air defence shot down ${60 + i}.`;
  for (let i = 1; i <= 6; i++) writeFileSync(join(d, `a${i}.txt`), text(i));
  writeFileSync(join(d, "copy.txt"), text(2));
  writeFileSync(join(d, "empty.txt"), "   \n");
  writeFileSync(join(d, "changing.txt"), text(7));
  return d;
}

describe("batched ingest stores what one document per transaction stored", { skip: HAVE_SHARED ? false : "../shared (dev corpus) is absent" }, () => {
  const tmp = tempDir("salvo-ingest-batch-");
  const pgs = tempPgPair();
  after(() => tmp.cleanup());

  /** The corpus and our documents, then the same again with one file changed, in batches of `batchSize`. */
  const fill = async (url: string, bulk: boolean, batchSize: number): Promise<Array<Omit<IngestSummary, "seconds">>> => {
    const store = await SqlStore.open(url);
    const s = bulk ? store : oneByOne(store);
    try {
      const out: Array<Omit<IngestSummary, "seconds">> = [];
      // The same files, under the same paths, for both stores.
      for (const round of [0, 1]) {
        const own = ownDocs(join(tmp.dir, "inputs"));
        if (round === 1) writeFileSync(join(own, "changing.txt"), "Overnight on 07.03.2025 the enemy attacked Ukraine with 77 Shahed drones. Updated: 81 drones in all.");
        out.push(counts(await ingestInputs(s, [DEV_CORPUS, own], { batchSize, workers: 0 })));
      }
      return out;
    } finally {
      await store.close();
    }
  };

  const check = async (a: string, b: string, label: string, batchSize: number) => {
    const bulk = await fill(a, true, batchSize);
    const ref = await fill(b, false, batchSize);
    assert.deepEqual(bulk, ref, `${label}: same summaries`);
    assert.ok(bulk[0]!.new > 100 && bulk[1]!.revised === 1 && bulk[1]!.new === 0, `${label}: ${JSON.stringify(bulk.map((x) => [x.new, x.unchanged, x.revised]))}`);
    assertSameTables(await tables(a), await tables(b), label);
  };

  test("SQLite, batches of 200 and of 7", async () => {
    await check(join(tmp.dir, "a.db"), join(tmp.dir, "b.db"), "sqlite 200", 200);
    await check(join(tmp.dir, "c.db"), join(tmp.dir, "d.db"), "sqlite 7", 7);
  });
  test("PostgreSQL", async (t) => {
    const { a, b } = pgs;
    if (!a || !b) {
      t.skip("PostgreSQL unreachable at SALVO_TEST_PG (postgres://postgres@127.0.0.1:5432/postgres by default)");
      return;
    }
    await check(a.url, b.url, "postgres", 50);
  });
});

describe("SIGKILL in the middle of a batch, then a re-run", () => {
  const N = 1500;
  let tmp: ReturnType<typeof tempDir>;
  let folder: string;
  before(() => {
    tmp = tempDir("salvo-ingest-kill-");
    folder = join(tmp.dir, "docs");
    writeNightReports(folder, N);
  });
  after(() => tmp.cleanup());

  const docCount = committedDocuments;

  test("SQLite: the re-run completes the ingest to exactly what one uninterrupted ingest stores", async () => {
    const killed = join(tmp.dir, "killed.db");
    const whole = join(tmp.dir, "whole.db");
    // Batches of 200 (the default): the process is killed once one has been committed, in the middle of a later one.
    const child = spawnCli(["ingest", folder, "--db", killed]);
    const exit = collect(child);
    const t0 = Date.now();
    while (docCount(killed) < 200 && Date.now() - t0 < 120_000) await new Promise((r) => setTimeout(r, 20));
    child.kill("SIGKILL");
    const gone = await exit;
    assert.equal(gone.signal, "SIGKILL");
    const committed = docCount(killed);
    assert.ok(committed >= 200 && committed < N && committed % 200 === 0, `whole batches only (${committed} of ${N})`);

    const rerun = await cli(["ingest", folder, "--db", killed, "--json"]);
    assert.equal(rerun.code, 0, rerun.stderr);
    const s = JSON.parse(rerun.stdout) as { new: number; unchanged: number; failed: unknown[] };
    assert.deepEqual([s.unchanged, s.new, s.failed.length], [committed, N - committed, 0]);

    const once = await cli(["ingest", folder, "--db", whole, "--json"]);
    assert.equal(once.code, 0, once.stderr);
    assertSameTables(await tables(killed), await tables(whole), "killed and re-run vs whole");
  });
});
