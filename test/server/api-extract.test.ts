// POST /api/extract over real HTTP: JSON, text and HTML bodies, formats, errors and the seed article.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Extraction, Gold } from "../../src/model/index.js";
import { call, postJson, startApi, tempSqliteStore, type ErrorJson, type RunningApi, type TempStore } from "./harness.js";

const SEED = join(dirname(fileURLToPath(import.meta.url)), "../../../shared/corpus/dev/liberation-2025-07-04-frappes.json");

let db: TempStore;
let api: RunningApi;

before(async () => {
  db = await tempSqliteStore();
  api = await startApi({ store: db.store, webDir: null, bodyLimit: 64 * 1024 });
});
after(async () => {
  await api?.close();
  await db?.cleanup();
});

const SAMPLE = "Вночі 5 серпня ворог атакував 46 ударними БпЛА. Сили ППО збили 38 дронів на півночі та сході країни.";

test("JSON body: the extraction, with the options applied and the text every span points into", async () => {
  const r = await call<Extraction>(api.base, "/api/extract", postJson({ text: SAMPLE, lang: "uk", kind: "official", published: "2025-08-05T08:00:00+03:00", publisher: "Air Force" }));
  assert.equal(r.status, 200);
  assert.match(r.headers.get("content-type") ?? "", /application\/json/);
  assert.equal(r.json.lang, "uk");
  assert.equal(r.json.lang_source, "option");
  assert.equal(r.json.kind, "official");
  assert.equal(r.json.text, SAMPLE);
  assert.equal(r.json.source.publisher, "Air Force");
  assert.equal(r.json.source.published, "2025-08-05T08:00:00+03:00");
  assert.ok(Array.isArray(r.json.reports));
  for (const report of r.json.reports) {
    for (const c of report.counts) {
      for (const e of c.provenance.evidence) assert.equal(r.json.text.slice(e.start, e.end), e.text, "spans slice the returned text");
    }
  }
});

test("text/plain and text/html bodies with options in the query; gold format", async () => {
  const plain = await call<Extraction>(api.base, "/api/extract?lang=uk", { method: "POST", headers: { "content-type": "text/plain; charset=utf-8" }, body: SAMPLE });
  assert.equal(plain.status, 200);
  assert.equal(plain.json.text, SAMPLE);
  const html = `<!doctype html><html lang="uk"><head><title>Атака</title></head><body><nav>Меню</nav><article><p>${SAMPLE}</p></article></body></html>`;
  const fromHtml = await call<Extraction>(api.base, "/api/extract?kind=news", { method: "POST", headers: { "content-type": "text/html" }, body: html });
  assert.equal(fromHtml.status, 200);
  assert.ok(fromHtml.json.text.includes("ворог атакував 46"), "the article text is read");
  assert.ok(!fromHtml.json.text.includes("<p>"), "no markup left");
  assert.equal(fromHtml.json.kind, "news");
  const gold = await call<Gold>(api.base, "/api/extract?format=gold", { method: "POST", headers: { "content-type": "text/plain" }, body: SAMPLE });
  assert.equal(gold.status, 200);
  assert.ok(Array.isArray(gold.json.reports));
  assert.equal((gold.json as unknown as { text?: string }).text, undefined, "gold has no text or spans");
});

test("bad bodies: 400 naming the field, 413 over the limit, 415 for other types", async () => {
  const missing = await call<ErrorJson>(api.base, "/api/extract", postJson({ lang: "uk" }));
  assert.equal(missing.status, 400);
  assert.match(missing.json.error.message, /"text" is required/);
  const wrongLang = await call<ErrorJson>(api.base, "/api/extract", postJson({ text: SAMPLE, lang: "de" }));
  assert.equal(wrongLang.status, 400);
  assert.match(wrongLang.json.error.message, /"lang" must be one of: fr, en, uk, ru/);
  const extra = await call<ErrorJson>(api.base, "/api/extract", postJson({ text: SAMPLE, language: "uk" }));
  assert.equal(extra.status, 400);
  assert.match(extra.json.error.message, /unknown body field "language"/);
  const notJson = await call<ErrorJson>(api.base, "/api/extract", { method: "POST", headers: { "content-type": "application/json" }, body: "{text:" });
  assert.equal(notJson.status, 400);
  assert.equal(notJson.json.error.code, "SALVO_INPUT_FORMAT");
  const empty = await call<ErrorJson>(api.base, "/api/extract", { method: "POST", headers: { "content-type": "text/plain" }, body: "   " });
  assert.equal(empty.status, 400);
  assert.equal(empty.json.error.code, "SALVO_INPUT_EMPTY");
  const big = await call<ErrorJson>(api.base, "/api/extract", postJson({ text: "дрон ".repeat(20_000) }));
  assert.equal(big.status, 413);
  assert.equal(big.json.error.code, "SALVO_INPUT_TOO_LARGE");
  assert.match(big.json.error.message, /65536 bytes/);
  const bigText = await call<ErrorJson>(api.base, "/api/extract", { method: "POST", headers: { "content-type": "text/plain" }, body: "x".repeat(70_000) });
  assert.equal(bigText.status, 413);
  const xml = await call<ErrorJson>(api.base, "/api/extract", { method: "POST", headers: { "content-type": "application/xml" }, body: "<a/>" });
  assert.equal(xml.status, 415);
  assert.match(xml.json.error.message, /application\/xml/);
  const get = await call<ErrorJson>(api.base, "/api/extract");
  assert.equal(get.status, 404);
  assert.equal(get.json.error.code, "SALVO_NOT_FOUND");
});

test("the seed article returns 539 drones launched with its span", { skip: existsSync(SEED) ? false : "../shared corpus absent" }, async () => {
  const seed = JSON.parse(readFileSync(SEED, "utf8")) as { text: string; lang: "fr"; kind: "news"; source: { published: string; publisher: string } };
  const r = await call<Extraction>(api.base, "/api/extract", postJson({ text: seed.text, lang: seed.lang, kind: seed.kind, published: seed.source.published, publisher: seed.source.publisher }));
  assert.equal(r.status, 200);
  const counts = r.json.reports.flatMap((rep) => rep.counts);
  const drones = counts.find((c) => c.weapon === "drone" && c.outcome === "launched" && c.n === 539);
  assert.ok(drones, `no count {drone, launched, 539} among ${JSON.stringify(counts.map((c) => [c.weapon, c.outcome, c.n]))}`);
  const number = drones.provenance.evidence.find((e) => e.role === "number");
  assert.ok(number, "the count has number evidence");
  assert.equal(r.json.text.slice(number.start, number.end), "539");
});
