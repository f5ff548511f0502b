// Several processes opening one new SQLite file at once: each waits for the one that migrates (busy
// timeout, migrations under BEGIN IMMEDIATE) and none fails with "database is locked".
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT, collect, tempDir } from "./helpers.js";

const OPENERS = 8;

test(`${OPENERS} processes opening a new SQLite file at once all succeed`, async () => {
  const tmp = tempDir();
  try {
    const db = join(tmp.dir, "fresh.db");
    const store = pathToFileURL(join(ROOT, "src/store/index.ts")).href;
    const script = `
      const { openStore } = await import(${JSON.stringify(store)});
      const s = await openStore(process.argv[1]);
      const v = await s.version();
      await s.close();
      process.stdout.write("opened " + v + "\\n");
    `;
    const children = Array.from({ length: OPENERS }, () =>
      collect(spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script, db], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] })),
    );
    const results = await Promise.all(children);
    for (const r of results) {
      assert.equal(r.code, 0, `an opener failed: ${r.stderr}`);
      assert.match(r.stdout, /^opened \d+$/m);
    }
    // Migrated once: every opener then sees the same version of the store.
    assert.equal(new Set(results.map((r) => r.stdout.trim())).size, 1);
  } finally {
    tmp.cleanup();
  }
});
