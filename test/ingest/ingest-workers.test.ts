// Ingest extracting on worker threads stores exactly what an ingest extracting in its own thread stores: the same
// rows in every table, in the same order, and the same summary (failures included, in the same order).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { ingestInputs, type IngestSummary } from "../../src/ingest/ingest.js";
import { SqlStore } from "../../src/store/store.js";
import { DEV_CORPUS, HAVE_SHARED, tempDir } from "../store/helpers.js";

/** Every row of every table, in storage order; the times read from the clock (fetched, applied) left out. */
function dump(file: string): Record<string, unknown[]> {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const tables = db.prepare("select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as Array<{ name: string; sql: string }>;
    const out: Record<string, unknown[]> = {};
    for (const { name, sql } of tables) {
      // A table WITHOUT ROWID is stored in key order, which a plain scan follows.
      const order = /without rowid/i.test(sql) ? "" : " order by rowid";
      out[name] = (db.prepare(`select * from "${name}"${order}`).all() as Array<Record<string, unknown>>).map((r) => {
        const { fetched: _fetched, applied: _applied, ...rest } = r;
        return rest;
      });
    }
    return out;
  } finally {
    db.close();
  }
}

async function ingestInto(file: string, inputs: string[], workers: number, batchSize: number): Promise<Omit<IngestSummary, "seconds">> {
  const store = await SqlStore.open(file);
  try {
    const { seconds: _s, ...summary } = await ingestInputs(store, inputs, { workers, batchSize });
    return summary;
  } finally {
    await store.close();
  }
}

describe("ingest on worker threads", { skip: HAVE_SHARED ? false : "../shared (dev corpus) is absent" }, () => {
  test("stores the same rows and counts the same summary as an ingest in one thread", async () => {
    const tmp = tempDir("salvo-ingest-workers-");
    try {
      // The corpus plus sources that fail at different places (an empty text, malformed JSON, a missing file),
      // so that the failures' order is checked along with the stored documents.
      const src = join(tmp.dir, "src");
      mkdirSync(src);
      const files = readdirSync(DEV_CORPUS).filter((f) => f.endsWith(".json")).sort();
      for (const [i, f] of files.entries()) {
        copyFileSync(join(DEV_CORPUS, f), join(src, f));
        if (i === 10) writeFileSync(join(src, `${f}.blank.txt`), "   \n");
        if (i === 40) writeFileSync(join(src, `${f}.broken.json`), "{ not json");
      }
      const inputs = [src, join(tmp.dir, "missing.txt"), src];
      // Small batches: several are written while the workers are still extracting.
      const one = await ingestInto(join(tmp.dir, "one.db"), inputs, 0, 7);
      const many = await ingestInto(join(tmp.dir, "many.db"), inputs, 2, 7);
      assert.ok(one.new > 100 && one.unchanged > 100, `the corpus stored, then found unchanged (${one.new}, ${one.unchanged})`);
      assert.equal(one.failed.length, 5);
      assert.deepEqual(many, one);
      assert.deepEqual(dump(join(tmp.dir, "many.db")), dump(join(tmp.dir, "one.db")));
    } finally {
      tmp.cleanup();
    }
  });

  test("a single document is stored without starting a worker, and the process is left free to exit", async () => {
    const tmp = tempDir("salvo-ingest-workers-");
    try {
      const f = join(tmp.dir, "one.txt");
      writeFileSync(f, "Overnight, 12 drones were launched at the city; air defence shot down 10 of them.\n");
      const s = await ingestInto(join(tmp.dir, "s.db"), [f], 2, 200);
      assert.equal(s.new, 1);
      assert.deepEqual(s.failed, []);
    } finally {
      tmp.cleanup();
    }
  });
});
