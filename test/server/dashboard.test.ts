// `/` serves the built dashboard when web/dist exists; the API keeps its JSON 404s beside it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { call, startApi, tempSqliteStore, type ErrorJson } from "./harness.js";

test("a built dashboard is served at / with its assets", async (t) => {
  const web = mkdtempSync(join(tmpdir(), "salvo-web-"));
  mkdirSync(join(web, "assets"));
  writeFileSync(join(web, "index.html"), "<!doctype html><title>salvo dashboard</title><div id=app></div>");
  writeFileSync(join(web, "assets", "main.js"), "console.log('salvo');");
  const db = await tempSqliteStore();
  const api = await startApi({ store: db.store, webDir: web });
  t.after(async () => {
    await api.close();
    await db.cleanup();
    rmSync(web, { recursive: true, force: true });
  });
  const home = await call(api.base, "/");
  assert.equal(home.status, 200);
  assert.match(home.text, /salvo dashboard/);
  const js = await call(api.base, "/assets/main.js");
  assert.equal(js.status, 200);
  assert.match(js.headers.get("content-type") ?? "", /javascript/);
  const missingAsset = await call<ErrorJson>(api.base, "/assets/nope.js");
  assert.equal(missingAsset.status, 404);
  const missingApi = await call<ErrorJson>(api.base, "/api/nope");
  assert.equal(missingApi.status, 404);
  assert.equal(missingApi.json.error.code, "SALVO_NOT_FOUND");
  const health = await call(api.base, "/api/health");
  assert.equal(health.status, 200);
});
