// The read models (written at write time) against a recompute from the claims: every API answer must be
// the same body, byte for byte, on SQLite and PostgreSQL, after a bulk import and after single writes.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/server/app.js";
import { importDataset } from "../../src/ingest/dataset.js";
import { ingestInputs } from "../../src/ingest/ingest.js";
import { SqlStore } from "../../src/store/store.js";
import { DATASET, DEV_CORPUS, HAVE_SHARED, extraction, report, tempDir, tempPg } from "./helpers.js";

/** Every read path with the parameters that take different routes through the read models. */
function urls(ids: string[]): string[] {
  const out: string[] = ["/api/health"];
  for (const sort of ["date", "-date", "launched", "-launched", "size", "-size"]) {
    out.push(`/api/attacks?sort=${sort}`, `/api/attacks?sort=${sort}&limit=1000`, `/api/attacks?sort=${sort}&limit=1000&offset=1000`);
  }
  out.push(
    "/api/attacks?weapon=missile",
    "/api/attacks?weapon=drone&limit=200&sort=-size",
    "/api/attacks?region=UA-30&limit=100",
    "/api/attacks?from=2024-01-01&to=2024-12-31&limit=500",
    "/api/attacks?attacker=UA",
    "/api/attacks?attacker=UA&target=RU&sort=-launched",
    "/api/attacks?target=UA&offset=37&limit=13",
  );
  for (const bucket of ["day", "week"]) {
    out.push(
      `/api/timeline?bucket=${bucket}`,
      `/api/timeline?bucket=${bucket}&from=2025-01-01`,
      `/api/timeline?bucket=${bucket}&from=2023-03-15&to=2024-02-07`,
      `/api/timeline?bucket=${bucket}&attacker=UA`,
      `/api/timeline?bucket=${bucket}&target=UA&to=2023-06-30`,
      `/api/timeline?bucket=${bucket}&weapon=drone`,
      `/api/timeline?bucket=${bucket}&region=UA-30`,
    );
  }
  for (const q of ["", "?as_of=2025-07-04", "?as_of=2024-01-01", "?as_of=2022-12-31", "?as_of=2021-01-01", "?attacker=UA&target=RU", "?all_claimants=true", "?as_of=2025-07-03&all_claimants=true"]) {
    out.push(`/api/records${q}`);
  }
  for (const metric of ["any", "drone", "missile"]) {
    out.push(`/api/records/marks?metric=${metric}`, `/api/records/marks?metric=${metric}&all_claimants=true`, `/api/records/marks?metric=${metric}&attacker=UA`);
  }
  for (const id of ids) out.push(`/api/attacks/${id}`);
  out.push("/api/attacks/2025-07-04", "/api/attacks/2025-07-04?attacker=UA", "/api/attacks/2031-01-01.RU-UA");
  return out;
}

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
    const all = urls([...ids, ...more]);
    let differing = 0;
    for (const u of all) {
      const [x, y] = await Promise.all([a.inject({ url: u }), b.inject({ url: u })]);
      if (x.statusCode !== y.statusCode || x.body !== y.body) {
        differing++;
        if (differing <= 3) {
          let at = 0;
          while (at < x.body.length && x.body[at] === y.body[at]) at++;
          assert.fail(`${label} ${u}: read model ${x.statusCode} differs from recompute ${y.statusCode} at ${at}: …${x.body.slice(Math.max(0, at - 80), at + 80)}… vs …${y.body.slice(Math.max(0, at - 80), at + 80)}…`);
        }
      }
    }
    assert.ok(ids.length > 100, `${label}: the full history has attacks (${ids.length})`);
  } finally {
    for (const app of apps) await app.close();
    await fast.close();
    await slow.close();
  }
}

/** The full history: the dataset in one bulk import, then the corpus document by document, then a revision. */
async function load(url: string): Promise<void> {
  const store = await SqlStore.open(url);
  try {
    await importDataset(store, DATASET);
    const s = await ingestInputs(store, [DEV_CORPUS]);
    assert.ok(s.new > 100, `corpus ingested (${s.new})`);
    // A revision of a stored post (same channel and id, new text) moves its claims between attacks.
    const seed = JSON.parse(readFileSync(join(DEV_CORPUS, "liberation-2025-07-04-frappes.json"), "utf8")) as { text: string; lang: "fr" };
    const first = await store.ingestText(`${seed.text}\n`, { channel: "rev_test", post_id: "1", lang: seed.lang, published: "2025-07-04T11:34:00+02:00" });
    const second = await store.ingestText(seed.text.replace(/\b5\d\d\b/, "612"), { channel: "rev_test", post_id: "1", lang: seed.lang, published: "2025-07-05T11:34:00+02:00" });
    assert.deepEqual([first.status, second.status], ["new", "revised"]);
  } finally {
    await store.close();
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
        assert.deepEqual((await a.timelineJson({}, bucket))?.map((j) => JSON.parse(j) as unknown), await slow.timeline({}, bucket), `${bucket} totals`);
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
