// Every GET route's real answers, validated against what /api/openapi.json says they are. The store is a real
// SQLite file holding the development corpus and the Air Force dataset (the history a newsroom would load);
// the API answers over HTTP on loopback. The schemas are closed, so a field the store adds without naming it,
// a null where the schema says a number, or a value outside an enum fails here with the route and the path.
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { openStore } from "../../src/store/index.js";
import * as shapes from "../../src/store/shapes.js";
import type { AttackSummary, DocumentSummary, Store } from "../../src/store/types.js";
import { CORPUS_DEV, DATASET_CSV, fillWithRealData, tempDir } from "../web/harness.js";
import { type RunningApi, startApi } from "./harness.js";

interface OpenApiDoc {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;
}

const skip = existsSync(CORPUS_DEV) && existsSync(DATASET_CSV) ? undefined : "../shared (corpus and dataset) is absent";

describe("every GET route's answers fit the OpenAPI document (real history on SQLite)", { skip: skip ?? false, timeout: 600_000 }, () => {
  let tmp: { dir: string; cleanup: () => void };
  let store: Store;
  let api: RunningApi;
  let doc: OpenApiDoc;
  let ajv: Ajv2020;
  const validators = new Map<string, ValidateFunction>();
  /** The GET operations answered and checked, `path` as the document writes it. */
  const covered = new Set<string>();

  before(async () => {
    tmp = tempDir("salvo-api-shapes-");
    const db = join(tmp.dir, "history.db");
    await fillWithRealData(db);
    store = await openStore(db);
    api = await startApi({ store, webDir: null });
    const res = await fetch(`${api.base}/api/openapi.json`);
    assert.equal(res.status, 200);
    doc = (await res.json()) as OpenApiDoc;
    // The document is OpenAPI 3.1, whose schemas are JSON Schema 2020-12; its own $refs resolve inside it.
    ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addSchema(doc as object, "openapi");
  });

  after(async () => {
    await api?.close();
    await store?.close();
    tmp?.cleanup();
  });

  const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

  /** GETs `url`, and checks its 200 answer against the document's schema for `route` and the answer's media type. */
  async function answer<T>(route: string, url: string): Promise<T> {
    const res = await fetch(`${api.base}${url}`);
    const body = await res.text();
    assert.equal(res.status, 200, `${url}: ${body.slice(0, 300)}`);
    const media = (res.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
    const content = doc.paths[route]?.["get"]?.responses?.["200"]?.content;
    assert.ok(content, `${route}: the document describes its 200 answer`);
    assert.ok(media in content, `${url}: answered ${media}, documented ${Object.keys(content).join(", ")}`);
    covered.add(route);
    if (media !== "application/json") return body as T;
    const key = `${route} ${media}`;
    let validate = validators.get(key);
    if (!validate) {
      validate = ajv.compile({ $ref: `openapi#/${pointer("paths", route, "get", "responses", "200", "content", media, "schema")}` });
      validators.set(key, validate);
    }
    const json: unknown = JSON.parse(body);
    if (!validate(json)) {
      const errors = (validate.errors ?? []).slice(0, 8).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
      assert.fail(`${url} does not fit the document:\n${errors.join("\n")}`);
    }
    return json as T;
  }

  /** All pages of a list route. */
  async function everyPage<T>(route: string, url: string, limit = 1000): Promise<T[]> {
    const out: T[] = [];
    const sep = url.includes("?") ? "&" : "?";
    for (let offset = 0; ; offset += limit) {
      const page = await answer<{ total: number; items: T[] }>(route, `${url}${sep}limit=${limit}&offset=${offset}`);
      out.push(...page.items);
      if (page.items.length < limit || out.length >= page.total) return out;
    }
  }

  test("attacks: every page both ways, and the detail of the largest, the latest and every attack on Russia", async () => {
    const all = await everyPage<AttackSummary>("/api/attacks", "/api/attacks?sort=-size");
    assert.ok(all.length > 500, `the history holds many attacks (${all.length})`);
    await answer("/api/attacks", "/api/attacks?sort=date&attacker=UA&target=RU&weapon=drone&limit=20");
    const ids = new Set([
      ...all.slice(0, 40).map((a) => a.id),
      ...[...all].sort((a, b) => b.date.localeCompare(a.date)).slice(0, 40).map((a) => a.id),
      ...all.filter((a) => a.attacker === "UA").map((a) => a.id),
    ]);
    for (const id of ids) await answer("/api/attacks/{id}", `/api/attacks/${id}`);
    // a date alone opens that day's attack, either direction
    await answer("/api/attacks/{id}", "/api/attacks/2025-07-04");
    await answer("/api/attacks/{id}", "/api/attacks/2025-07-04?attacker=UA&target=RU");
  });

  test("records and record marks, both directions, every metric", async () => {
    for (const q of ["", "?all_claimants=true", "?attacker=UA&target=RU", "?as_of=2024-12-31"]) await answer("/api/records", `/api/records${q}`);
    for (const metric of ["any", "drone", "missile"]) {
      for (const dir of ["", "&attacker=UA&target=RU"]) await answer("/api/records/marks", `/api/records/marks?metric=${metric}${dir}`);
    }
  });

  test("the timeline by day and by week, and the regions", async () => {
    await answer("/api/timeline", "/api/timeline");
    await answer("/api/timeline", "/api/timeline?bucket=week&attacker=UA&target=RU");
    await answer("/api/regions-aggregate", "/api/regions-aggregate");
    await answer("/api/regions-aggregate", "/api/regions-aggregate?from=2025-01-01&weapon=missile");
  });

  test("documents: every page, and the detail of every corpus text and of dataset rows", async () => {
    const docs = await everyPage<DocumentSummary>("/api/documents", "/api/documents");
    assert.ok(docs.length > 100);
    const texts = docs.filter((d) => !d.channel?.startsWith("dataset:"));
    const rows = docs.filter((d) => d.channel?.startsWith("dataset:")).slice(0, 60);
    assert.ok(texts.length >= 100 && rows.length > 0, `${texts.length} texts, ${rows.length} rows`);
    for (const d of [...texts, ...rows]) await answer("/api/documents/{id}", `/api/documents/${d.id}`);
  });

  test("every region the API answers with is one it accepts: each filters the attacks to as many as the regions count", async () => {
    const regions = await answer<{ items: Array<{ region: string; attacks: number }> }>("/api/regions-aggregate", "/api/regions-aggregate");
    assert.ok(regions.items.some((r) => r.region.startsWith("area:")), "the dataset's regional areas are among them");
    for (const r of regions.items) {
      const page = await answer<{ total: number }>("/api/attacks", `/api/attacks?region=${encodeURIComponent(r.region)}&limit=1`);
      assert.equal(page.total, r.attacks, r.region);
    }
  });

  test("reference data, health, the document itself and the exports", async () => {
    await answer("/api/gazetteer/regions", "/api/gazetteer/regions?aliases=true");
    await answer("/api/gazetteer/regions", "/api/gazetteer/regions?country=RU");
    await answer("/api/geo/admin1", "/api/geo/admin1");
    await answer("/api/health", "/api/health");
    await answer("/api/openapi.json", "/api/openapi.json");
    for (const e of ["csv", "ndjson", "geojson"]) await answer(`/api/export.${e}`, `/api/export.${e}?from=2025-07-01&to=2025-07-31`);
  });

  test("the store's own answers fit the closed shapes: nothing the serializer would drop unseen", async () => {
    // The serializer writes only what a schema names; the store's values are checked before it.
    const strict = new Ajv2020({ strict: true, allErrors: true });
    const check = (schema: object, value: unknown, what: string) => {
      const validate = strict.getSchema((schema as { $id: string }).$id) ?? strict.compile(schema);
      assert.ok(validate(value), `${what}: ${JSON.stringify(validate.errors?.slice(0, 5))}`);
    };
    const page = await store.listAttacks({}, { limit: 2000, offset: 0, sort: "-size" });
    for (const a of page.items) check(shapes.attackSummarySchema, a, a.id);
    for (const a of page.items.slice(0, 30)) check(shapes.attackDetailSchema, await store.getAttack(a.id), a.id);
    check(shapes.recordsSchema, await store.records(), "records");
    check(shapes.recordMarksSchema, await store.recordMarks("any"), "marks");
    for (const row of await store.timeline({}, "day")) check(shapes.timelineRowSchema, row, `timeline ${row.period}`);
    for (const row of await store.regionsAggregate({})) check(shapes.regionRowSchema, row, `region ${row.region}`);
    const docs = await store.listDocuments({ limit: 200, offset: 0 });
    for (const d of docs.items) {
      check(shapes.documentSummarySchema, d, `document ${d.id}`);
      check(shapes.documentDetailSchema, await store.getDocument(d.id), `document ${d.id}`);
    }
  });

  test("POST /api/extract: every development text's extraction and gold form fit the Extraction and Gold schemas", async () => {
    const media = "application/json";
    const documented = ajv.compile({ $ref: `openapi#/${pointer("paths", "/api/extract", "post", "responses", "200", "content", media, "schema")}` });
    // The 200 schema is Extraction or Gold: each answer is also checked against the one it must be.
    const extraction = ajv.compile({ $ref: "openapi#/components/schemas/Extraction" });
    const gold = ajv.compile({ $ref: "openapi#/components/schemas/Gold" });
    const files = readdirSync(CORPUS_DEV).filter((f) => f.endsWith(".json"));
    assert.ok(files.length >= 100);
    for (const file of files) {
      const d = JSON.parse(readFileSync(join(CORPUS_DEV, file), "utf8")) as { lang: string; kind: string; text: string; source?: { published?: string | null } };
      const options = { lang: d.lang, kind: d.kind, ...(d.source?.published ? { published: d.source.published } : {}) };
      for (const [format, validate] of [["json", extraction], ["gold", gold]] as const) {
        const res = await fetch(`${api.base}/api/extract`, {
          method: "POST",
          headers: { "content-type": media },
          body: JSON.stringify({ text: d.text, ...options, format }),
        });
        assert.equal(res.status, 200, file);
        const json: unknown = await res.json();
        for (const v of [documented, validate]) {
          assert.ok(v(json), `${file} (${format}): ${JSON.stringify(v.errors?.slice(0, 5))}`);
        }
      }
    }
  });

  test("the document's shapes are closed and their enums exact: a drifted answer would not pass", async () => {
    const page = await answer<{ items: AttackSummary[] }>("/api/attacks", "/api/attacks?limit=1");
    const validate = validators.get("/api/attacks application/json");
    const item = page.items[0];
    assert.ok(validate && item);
    const withItem = (a: object) => ({ ...page, items: [a] });
    assert.equal(validate(withItem(item)), true);
    assert.equal(validate(withItem({ ...item, unnamed: 1 })), false, "a field the schema does not name");
    assert.equal(validate(withItem({ ...item, attacker: "Russia" })), false, "a value outside the enum");
    assert.equal(validate(withItem({ ...item, totals: { ...item.totals, launched: "539" } })), false, "a string for a number");
    const { sides: _sides, ...withoutSides } = item;
    assert.equal(validate(withItem(withoutSides)), false, "a field the schema requires");
  });

  test("no GET route of the document went unchecked", () => {
    const gets = Object.entries(doc.paths)
      .filter(([, ops]) => "get" in ops)
      .map(([p]) => p)
      .sort();
    assert.deepEqual(gets.filter((p) => !covered.has(p)), [], "GET routes this test does not call");
  });
});
