// Cursor pages of /api/attacks: following each page's Link header gives every attack once, in the order of
// one large page, for every sort; a cursor from another sort or a made-up one is a 400 in the envelope.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fixtures } from "./fixtures.js";
import { startApi, tempSqliteStore } from "./harness.js";

test("cursor pages cover the list once, in order, for every sort", async (t) => {
  const db = await tempSqliteStore();
  for (const f of fixtures()) await db.store.saveExtraction(f.x, f.meta);
  const api = await startApi({ store: db.store, webDir: null });
  t.after(async () => {
    await api.close();
    await db.cleanup();
  });
  const whole = async (sort: string) => ((await (await fetch(`${api.base}/api/attacks?sort=${sort}&limit=1000`)).json()) as { items: Array<{ id: string }> }).items.map((i) => i.id);
  for (const sort of ["date", "-date", "launched", "-launched", "size", "-size"]) {
    const expected = await whole(sort);
    assert.ok(expected.length >= 2, "the fixtures make several attacks");
    const seen: string[] = [];
    let next: string | null = `/api/attacks?sort=${sort}&limit=1`;
    while (next) {
      const r: Response = await fetch(api.base + next);
      assert.equal(r.status, 200);
      const page = (await r.json()) as { total: number; items: Array<{ id: string }> };
      assert.equal(page.total, expected.length);
      seen.push(...page.items.map((i) => i.id));
      next = /^<([^>]+)>; rel="next"$/.exec(r.headers.get("link") ?? "")?.[1] ?? null;
      assert.ok(seen.length <= expected.length + 1, "the cursor moves forward");
    }
    assert.deepEqual(seen, expected, `sort ${sort}`);
  }
  for (const bad of ["nope", Buffer.from(JSON.stringify(["date", "2025-01-01", "x"])).toString("base64url")]) {
    const r = await fetch(`${api.base}/api/attacks?sort=-date&cursor=${bad}`);
    assert.equal(r.status, 400);
    const body = (await r.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, "SALVO_USAGE");
    assert.match(body.error.message, /cursor/);
  }
});
