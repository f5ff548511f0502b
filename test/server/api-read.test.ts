// The read endpoints over real HTTP on loopback, with a real SQLite store holding hand-made reports.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { Validator } from "@seriousme/openapi-schema-validator";
import { registeredRoutes } from "../../src/server/app.js";
import type { AttackDetail, AttackSummary, DocumentDetail, DocumentSummary, RegionRow, TimelineRow } from "../../src/store/types.js";
import { TEXT_JULY_4, loadFixtures } from "./fixtures.js";
import { call, startApi, tempSqliteStore, type ErrorJson, type RunningApi, type TempStore } from "./harness.js";

interface List<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

let db: TempStore;
let api: RunningApi;
let docIds: number[];

before(async () => {
  db = await tempSqliteStore();
  docIds = await loadFixtures(db.store);
  api = await startApi({ store: db.store, webDir: null });
});
after(async () => {
  await api?.close();
  await db?.cleanup();
});

describe("meta", () => {
  test("health says what runs", async () => {
    const r = await call<{ status: string; store: string; documents: number; writes: boolean }>(api.base, "/api/health");
    assert.equal(r.status, 200);
    assert.deepEqual({ ...r.json, version: undefined }, { status: "ok", version: undefined, store: "sqlite", documents: 3, writes: false });
  });

  test("the OpenAPI document is valid 3.1 and lists every registered route", async () => {
    const r = await call<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(api.base, "/api/openapi.json");
    assert.equal(r.status, 200);
    assert.equal(r.json.openapi, "3.1.0");
    const validator = new Validator();
    const result = await validator.validate(r.json as unknown as Parameters<Validator["validate"]>[0]);
    assert.equal(result.valid, true, JSON.stringify(result.errors));
    const routes = registeredRoutes(api.app).filter((x) => !x.hidden && x.method !== "HEAD");
    assert.ok(routes.length >= 16, `expected all routes, got ${routes.length}`);
    for (const route of routes) {
      const path = route.url.replace(/:(\w+)/g, "{$1}");
      assert.ok(r.json.paths[path]?.[route.method.toLowerCase()], `${route.method} ${route.url} missing from the OpenAPI document`);
    }
    for (const p of ["/api/attacks", "/api/attacks/{id}", "/api/records", "/api/timeline", "/api/regions-aggregate", "/api/documents", "/api/documents/{id}", "/api/gazetteer/regions", "/api/geo/admin1", "/api/extract", "/api/export.csv", "/api/export.ndjson", "/api/export.geojson", "/api/health"]) {
      assert.ok(r.json.paths[p], `${p} in the document`);
    }
    assert.ok(r.json.paths["/api/documents"]?.["post"], "POST /api/documents documented");
    const operationIds = Object.values(r.json.paths).flatMap((ops) => Object.values(ops).map((op) => (op as { operationId?: string }).operationId));
    assert.ok(operationIds.every((id) => typeof id === "string" && id.length > 0), "every operation has an operationId");
    assert.equal(new Set(operationIds).size, operationIds.length, "operationIds are unique");
  });

  test("the docs page and the not-built dashboard page answer HTML", async () => {
    const docs = await call(api.base, "/api/docs");
    assert.equal(docs.status, 200);
    assert.match(docs.text, /swagger/i);
    const home = await call(api.base, "/");
    assert.equal(home.status, 200);
    assert.match(home.headers.get("content-type") ?? "", /text\/html/);
    assert.match(home.text, /dashboard is not built/);
    assert.match(home.text, /npm run build:web/);
  });

  test("unknown routes are JSON 404s", async () => {
    const r = await call<ErrorJson>(api.base, "/api/nothing-here");
    assert.equal(r.status, 404);
    assert.equal(r.json.error.code, "SALVO_NOT_FOUND");
    assert.match(r.json.error.message, /\/api\/nothing-here/);
  });
});

describe("attacks", () => {
  test("list: envelope, sort by date descending by default", async () => {
    const r = await call<List<AttackSummary>>(api.base, "/api/attacks");
    assert.equal(r.status, 200);
    assert.equal(r.json.total, 3);
    assert.equal(r.json.limit, 50);
    assert.equal(r.json.offset, 0);
    assert.deepEqual(r.json.items.map((a) => a.id), ["2025-07-10.RU-UA", "2025-07-04.UA-RU", "2025-07-04.RU-UA"]);
    const july10 = r.json.items[0];
    assert.deepEqual(july10?.totals, { launched: 310, intercepted: 250, suppressed: null, hit: null });
    assert.deepEqual(july10?.regions, ["UA-30"]);
  });

  test("filters", async () => {
    const ids = async (q: string) => (await call<List<AttackSummary>>(api.base, `/api/attacks?${q}`)).json.items.map((a) => a.id);
    assert.deepEqual(await ids("attacker=UA"), ["2025-07-04.UA-RU"]);
    assert.deepEqual(await ids("target=UA&sort=date"), ["2025-07-04.RU-UA", "2025-07-10.RU-UA"]);
    assert.deepEqual(await ids("from=2025-07-05"), ["2025-07-10.RU-UA"]);
    assert.deepEqual(await ids("to=2025-07-04&attacker=RU"), ["2025-07-04.RU-UA"]);
    assert.deepEqual(await ids("weapon=missile"), ["2025-07-10.RU-UA"]);
    assert.deepEqual(await ids("region=UA-63"), ["2025-07-04.RU-UA"]);
    assert.deepEqual(await ids("region=RU-BEL"), ["2025-07-04.UA-RU"]);
    assert.deepEqual(await ids("from=2026-01-01"), []);
  });

  test("pagination and sorting by launched", async () => {
    const p1 = await call<List<AttackSummary>>(api.base, "/api/attacks?limit=1&offset=0&sort=-launched&target=UA");
    const p2 = await call<List<AttackSummary>>(api.base, "/api/attacks?limit=1&offset=1&sort=-launched&target=UA");
    assert.equal(p1.json.total, 2);
    assert.equal(p2.json.total, 2);
    assert.equal(p2.json.limit, 1);
    assert.equal(p2.json.offset, 1);
    assert.deepEqual([p1.json.items[0]?.id, p2.json.items[0]?.id], ["2025-07-10.RU-UA", "2025-07-04.RU-UA"]);
    const past = await call<List<AttackSummary>>(api.base, "/api/attacks?limit=1&offset=5");
    assert.deepEqual(past.json.items, []);
    assert.equal(past.json.total, 3);
  });

  test("one attack: figures with sources, sentences and evidence spans into the document", async () => {
    const r = await call<AttackDetail>(api.base, "/api/attacks/2025-07-04.RU-UA");
    assert.equal(r.status, 200);
    const launched = r.json.figures.find((f) => f.outcome === "launched" && f.weapon === "drone");
    assert.equal(launched?.chosen?.n, 120);
    const claim = launched?.claims[0];
    assert.equal(claim?.document.id, docIds[0]);
    assert.equal(claim?.document.publisher, "Air Force of Ukraine");
    const number = claim?.evidence.find((e) => e.role === "number");
    assert.equal(TEXT_JULY_4.slice(number?.start, number?.end), "120");
    assert.equal(claim?.sentence.text, TEXT_JULY_4.slice(claim?.sentence.start, claim?.sentence.end));
    assert.ok(Array.isArray(r.json.record_checks));
    assert.equal(r.json.conflict, false);
    // by date: the RU → UA attack of the day by default, UA → RU when asked
    assert.equal((await call<AttackDetail>(api.base, "/api/attacks/2025-07-04")).json.id, "2025-07-04.RU-UA");
    assert.equal((await call<AttackDetail>(api.base, "/api/attacks/2025-07-04?attacker=UA")).json.id, "2025-07-04.UA-RU");
  });

  test("an unknown attack is a 404, a malformed id a 400", async () => {
    const missing = await call<ErrorJson>(api.base, "/api/attacks/2024-01-01.RU-UA");
    assert.equal(missing.status, 404);
    assert.equal(missing.json.error.code, "SALVO_NOT_FOUND");
    const bad = await call<ErrorJson>(api.base, "/api/attacks/yesterday");
    assert.equal(bad.status, 400);
    assert.match(bad.json.error.message, /"id"/);
  });

  test("records as of a date", async () => {
    const now = await call<{ records: { drone: { record: { id: string; n: number } | null } } }>(api.base, "/api/records");
    assert.equal(now.json.records.drone.record?.id, "2025-07-10.RU-UA");
    const then = await call<{ as_of: string; records: { drone: { record: { id: string; n: number } | null } } }>(api.base, "/api/records?as_of=2025-07-05");
    assert.equal(then.status, 200);
    assert.equal(then.json.records.drone.record?.id, "2025-07-04.RU-UA");
    assert.equal(then.json.records.drone.record?.n, 120);
  });

  test("timeline by day and week, with filters", async () => {
    const day = await call<List<TimelineRow>>(api.base, "/api/timeline?target=UA&weapon=drone");
    assert.equal(day.status, 200);
    const drones = day.json.items.filter((r) => r.weapon === "drone");
    assert.deepEqual(drones.map((r) => [r.period, r.launched, r.intercepted]), [
      ["2025-07-04", 120, 100],
      ["2025-07-10", 300, 250],
    ]);
    const week = await call<List<TimelineRow>>(api.base, "/api/timeline?bucket=week&target=UA");
    assert.deepEqual([...new Set(week.json.items.map((r) => r.period))], ["2025-06-30", "2025-07-07"]);
    assert.equal(week.json.total, week.json.items.length);
  });

  test("regions aggregate", async () => {
    const r = await call<List<RegionRow>>(api.base, "/api/regions-aggregate?attacker=UA");
    assert.equal(r.status, 200);
    assert.deepEqual(r.json.items.map((x) => [x.region, x.attacks, x.intercepted]), [["RU-BEL", 1, 40]]);
  });
});

describe("documents and reference data", () => {
  test("documents: list with filters, one document with its text and facts with spans", async () => {
    const list = await call<List<DocumentSummary>>(api.base, "/api/documents?kind=official&limit=10");
    assert.equal(list.json.total, 2);
    assert.ok(list.json.items.every((d) => d.kind === "official"));
    const one = await call<DocumentDetail>(api.base, `/api/documents/${docIds[0]}`);
    assert.equal(one.status, 200);
    assert.equal(one.json.text, TEXT_JULY_4);
    const count = one.json.reports[0]?.counts.find((c) => c.n === 100);
    const span = count?.provenance?.evidence.find((e) => e.role === "number");
    assert.equal(one.json.text.slice(span?.start, span?.end), "100");
    const missing = await call<ErrorJson>(api.base, "/api/documents/99999");
    assert.equal(missing.status, 404);
    const bad = await call<ErrorJson>(api.base, "/api/documents/abc");
    assert.equal(bad.status, 400);
  });

  test("gazetteer regions with names in four languages and centroids", async () => {
    const r = await call<List<{ iso: string; country: string; names: Record<string, string>; centroid: number[]; aliases?: string[] }>>(api.base, "/api/gazetteer/regions");
    assert.equal(r.status, 200);
    assert.equal(r.json.total, 110);
    const kharkiv = r.json.items.find((x) => x.iso === "UA-63");
    assert.equal(kharkiv?.names["uk"], "Харківська область");
    assert.equal(kharkiv?.country, "UA");
    assert.equal(kharkiv?.centroid.length, 2);
    assert.equal(kharkiv?.aliases, undefined);
    const ru = await call<List<{ country: string; aliases?: string[] }>>(api.base, "/api/gazetteer/regions?country=RU&aliases=true");
    assert.equal(ru.json.total, 83);
    assert.ok(ru.json.items.every((x) => x.country === "RU" && Array.isArray(x.aliases)));
  });

  test("admin1 boundaries as TopoJSON", async () => {
    const r = await call<{ type: string; objects: { admin1: { geometries: Array<{ id: string }> } } }>(api.base, "/api/geo/admin1");
    assert.equal(r.status, 200);
    assert.equal(r.json.type, "Topology");
    assert.equal(r.json.objects.admin1.geometries.length, 110);
    assert.ok(r.json.objects.admin1.geometries.some((g) => g.id === "UA-43"));
  });
});

describe("exports", () => {
  test("CSV: header row, one row per attack and figure, RFC 4180, attachment", async () => {
    const r = await call(api.base, "/api/export.csv?target=UA");
    assert.equal(r.status, 200);
    assert.match(r.headers.get("content-type") ?? "", /^text\/csv/);
    assert.match(r.headers.get("content-disposition") ?? "", /^attachment; filename="salvo-attacks\.csv"/);
    const lines = r.text.split("\r\n");
    assert.equal(lines.at(-1), "", "CRLF after the last row");
    assert.equal(lines[0], "attack_id,date,attacker,target,night,weapon,model,outcome,region,region_name,n,qualifier,chosen_side,chosen_org,claims,conflict,document_ids,row,window,window_start,window_end,basis");
    assert.equal(lines.length - 2, 5, "five figures for the two RU → UA attacks");
    assert.ok(lines.includes(`2025-07-10.RU-UA,2025-07-10,RU,UA,true,missile,,launched,,,10,exact,UA,UA.other,1,false,${docIds[1]},day,period not stated,,,window`));
  });

  test("NDJSON and GeoJSON with the same filters", async () => {
    const nd = await call(api.base, "/api/export.ndjson?attacker=UA");
    assert.equal(nd.status, 200);
    assert.match(nd.headers.get("content-type") ?? "", /application\/x-ndjson/);
    const rows = nd.text.trim().split("\n").map((l) => JSON.parse(l) as { attack_id: string; region_name: string; n: number });
    assert.deepEqual(rows.map((x) => [x.attack_id, x.region_name, x.n]), [["2025-07-04.UA-RU", "Belgorod Oblast", 40]]);
    const geo = await call(api.base, "/api/export.geojson?target=UA");
    assert.match(geo.headers.get("content-type") ?? "", /application\/geo\+json/);
    assert.match(geo.headers.get("content-disposition") ?? "", /attachment/);
    const fc = JSON.parse(geo.text) as { type: string; features: Array<{ geometry: { type: string; coordinates: number[] }; properties: { region: string; attack_id: string } }> };
    assert.equal(fc.type, "FeatureCollection");
    assert.deepEqual(fc.features.map((f) => `${f.properties.attack_id}/${f.properties.region}`).sort(), [
      "2025-07-04.RU-UA/UA-32",
      "2025-07-04.RU-UA/UA-63",
      "2025-07-10.RU-UA/UA-30",
    ]);
    assert.equal(fc.features[0]?.geometry.type, "Point");
  });
});

describe("bad input", () => {
  const cases: Array<[string, RegExp]> = [
    ["/api/attacks?limit=0", /"limit".*>= 1/],
    ["/api/attacks?limit=5000", /"limit".*<= 1000/],
    ["/api/attacks?limit=ten", /"limit".*integer/],
    ["/api/attacks?offset=-1", /"offset"/],
    ["/api/attacks?from=04/07/2025", /"from".*YYYY-MM-DD/],
    ["/api/attacks?weapon=tank", /"weapon" must be one of: any, drone/],
    ["/api/attacks?attacker=US", /"attacker" must be one of: UA, RU/],
    ["/api/attacks?sort=biggest", /"sort"/],
    ["/api/attacks?wepon=drone", /unknown query parameter "wepon"/],
    ["/api/attacks?region=Kharkiv", /"region"/],
    ["/api/attacks?from=2025-07-10&to=2025-07-01", /"from".*after "to"/],
    ["/api/timeline?bucket=month", /"bucket" must be one of: day, week/],
    ["/api/records?as_of=now", /"as_of"/],
    ["/api/documents?lang=de", /"lang"/],
    ["/api/export.csv?target=XX", /"target"/],
  ];
  for (const [path, message] of cases) {
    test(`${path} → 400 naming the parameter`, async () => {
      const r = await call<ErrorJson>(api.base, path);
      assert.equal(r.status, 400);
      assert.equal(r.json.error.code, "SALVO_USAGE");
      assert.match(r.json.error.message, message);
      assert.doesNotMatch(r.text, /at .*\.(ts|js):\d+/, "no stack trace");
    });
  }
});

describe("caching and CORS", () => {
  test("ETag on reads, 304 when unchanged", async () => {
    const first = await call(api.base, "/api/attacks?limit=2");
    const etag = first.headers.get("etag");
    assert.match(etag ?? "", /^"[\w-]+"$/);
    const again = await fetch(`${api.base}/api/attacks?limit=2`, { headers: { "if-none-match": etag ?? "" } });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), "");
    const other = await fetch(`${api.base}/api/attacks?limit=1`, { headers: { "if-none-match": etag ?? "" } });
    assert.equal(other.status, 200);
    assert.notEqual(other.headers.get("etag"), etag);
    const csv = await call(api.base, "/api/export.csv");
    const csv304 = await fetch(`${api.base}/api/export.csv`, { headers: { "if-none-match": csv.headers.get("etag") ?? "" } });
    assert.equal(csv304.status, 304);
  });

  test("GET is open to any origin; preflight allows only reads", async () => {
    const r = await fetch(`${api.base}/api/attacks`, { headers: { origin: "https://app.datawrapper.de" } });
    assert.equal(r.headers.get("access-control-allow-origin"), "*");
    assert.match(r.headers.get("access-control-expose-headers") ?? "", /ETag/);
    const pre = await fetch(`${api.base}/api/attacks`, {
      method: "OPTIONS",
      headers: { origin: "https://example.org", "access-control-request-method": "GET" },
    });
    assert.equal(pre.status, 204);
    const failed = await fetch(`${api.base}/api/attacks?limit=0`, { headers: { origin: "https://observablehq.com" } });
    assert.equal(failed.status, 400);
    assert.equal(failed.headers.get("access-control-allow-origin"), "*", "a notebook can read the error too");
    await failed.text();
    assert.doesNotMatch(pre.headers.get("access-control-allow-methods") ?? "", /POST/);
  });
});

describe("lenient empty parameters", () => {
  test("an empty parameter means no filter", async () => {
    const r = await call<List<AttackSummary>>(api.base, "/api/attacks?from=&to=&weapon=&limit=2");
    assert.equal(r.status, 200);
    assert.equal(r.json.total, 3);
    assert.equal(r.json.limit, 2);
  });
});
