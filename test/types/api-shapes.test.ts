// The API's shapes have one source (src/store/shapes.ts, src/model/json-schema.ts). The first half of this file
// is checked by the compiler (`npx tsc -p tsconfig.test.json`, part of `npm test`): each `Expect<Equal<…>>`
// stops the typecheck when a type that must be the schema's drifts from it. The second half runs: the schemas
// compile in a strict validator, and what a real store answers fits the closed shapes exactly (the serializer
// would silently drop a field the schema does not name; these tests notice it first).
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { FromSchema } from "json-schema-to-ts";
import type * as Model from "../../src/model/index.js";
import * as blocks from "../../src/model/json-schema.js";
import type * as Reconcile from "../../src/reconcile/attack.js";
import type { WindowValue as RulesWindowValue } from "../../src/reconcile/rules.js";
import type { Window as ReconcileWindow } from "../../src/reconcile/windows.js";
import type { GazetteerRegion as ServerRegion } from "../../src/server/routes/gazetteer.js";
import { extractionSchema, goldSchema } from "../../src/server/schemas/extraction.js";
import { openStore } from "../../src/store/index.js";
import * as shapes from "../../src/store/shapes.js";
import type * as Store from "../../src/store/types.js";
import type * as Web from "../../web/src/api-types.js";
import { loadFixtures } from "../server/fixtures.js";

// ---- compile time -------------------------------------------------------------------------------------------

/** True only when A and B are the same type (optional and readonly modifiers included). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;
type Not<T extends boolean> = T extends true ? false : true;

/** The code that builds the values states their types too: they must be the schema's, not merely assignable to it. */
export type ReconcileIsTheSchema = [
  Expect<Equal<Reconcile.SideAccount, Store.SideAccount>>,
  Expect<Equal<Reconcile.SideWindow, Store.SideWindow>>,
  Expect<Equal<Reconcile.WindowFigure, Store.WindowFigure>>,
  Expect<Equal<Reconcile.WindowTotals, Store.WindowTotals>>,
  Expect<Equal<ReconcileWindow, Store.Window>>,
  Expect<Equal<RulesWindowValue, Store.WindowValue>>,
];

/** The model's evidence, provenance and periods, which the store returns inside its shapes. */
export type ModelIsTheSchema = [
  Expect<Equal<Model.Evidence, FromSchema<typeof blocks.evidence>>>,
  Expect<Equal<Model.Provenance, FromSchema<typeof blocks.provenance>>>,
  Expect<Equal<Model.Period, FromSchema<typeof blocks.period>>>,
  Expect<Equal<Model.PeriodPoint, FromSchema<typeof blocks.periodPoint>>>,
  Expect<Equal<Model.Span, FromSchema<typeof blocks.span>>>,
  // what POST /api/extract answers is documented by the Extraction schema of the OpenAPI document
  Expect<Equal<Model.Extraction, FromSchema<typeof extractionSchema>>>,
  Expect<Equal<Model.Gold, FromSchema<typeof goldSchema>>>,
];

/** The dashboard reads the server's types, not a copy: every shape it names is the store's. */
export type DashboardIsTheServer = [
  Expect<Equal<Web.AttackSummary, Store.AttackSummary>>,
  Expect<Equal<Web.AttackDetail, Store.AttackDetail>>,
  Expect<Equal<Web.Figure, Store.Figure>>,
  Expect<Equal<Web.CasualtyFigure, Store.CasualtyFigure>>,
  Expect<Equal<Web.Claim, Store.FigureClaim>>,
  Expect<Equal<Web.ChosenValue, Store.ChosenValue>>,
  Expect<Equal<Web.SideAccount, Store.SideAccount>>,
  Expect<Equal<Web.ReportWindow, Store.Window>>,
  Expect<Equal<Web.WindowValue, Store.WindowValue>>,
  Expect<Equal<Web.DatasetRow, Store.DatasetRow>>,
  Expect<Equal<Web.DocumentRef, Store.DocumentRef>>,
  Expect<Equal<Web.RecordCheck, Store.RecordCheck>>,
  Expect<Equal<Web.RecordsResult, Store.RecordsResult>>,
  Expect<Equal<Web.RecordMarks, Store.RecordMarks>>,
  Expect<Equal<Web.TimelineRow, Store.TimelineRow>>,
  Expect<Equal<Web.RegionRow, Store.RegionRow>>,
  Expect<Equal<Web.WeaponTotals, Store.WeaponTotals>>,
  Expect<Equal<Web.DocumentDetail, Store.DocumentDetail>>,
  Expect<Equal<Web.StoredReport, Store.StoredReport>>,
  Expect<Equal<Web.ExtractionJson, Model.Extraction>>,
  Expect<Equal<Web.GazetteerRegion, ServerRegion>>,
];

/** The store's types are the schemas' (the server serializes with those very schemas). */
export type StoreIsTheSchema = [
  Expect<Equal<Store.AttackSummary, FromSchema<typeof shapes.attackSummarySchema>>>,
  Expect<Equal<Store.AttackDetail, FromSchema<typeof shapes.attackDetailSchema>>>,
  Expect<Equal<Store.RecordsResult, FromSchema<typeof shapes.recordsSchema>>>,
  Expect<Equal<Store.RecordMarks, FromSchema<typeof shapes.recordMarksSchema>>>,
  Expect<Equal<Store.TimelineRow, FromSchema<typeof shapes.timelineRowSchema>>>,
  Expect<Equal<Store.RegionRow, FromSchema<typeof shapes.regionRowSchema>>>,
  Expect<Equal<Store.DocumentSummary, FromSchema<typeof shapes.documentSummarySchema>>>,
  Expect<Equal<Store.DocumentDetail, FromSchema<typeof shapes.documentDetailSchema>>>,
  Expect<Equal<Store.IngestResult, Omit<FromSchema<typeof shapes.ingestResultSchema>, "url">>>,
];

/** The checks can fail: a widened enum, a field made optional, a nullability lost are all told apart. */
export type TheChecksBite = [
  Expect<Not<Equal<Store.TimelineRow, Omit<Store.TimelineRow, "weapon"> & { weapon: string }>>>,
  Expect<Not<Equal<Store.AttackSummary, Omit<Store.AttackSummary, "sides"> & { sides?: Store.SideAccount[] }>>>,
  Expect<Not<Equal<Store.Figure, Omit<Store.Figure, "chosen"> & { chosen: Store.ChosenValue }>>>,
  Expect<Not<Equal<Store.RegionRow, Omit<Store.RegionRow, "launched"> & { launched: number | null }>>>,
];

// ---- run time ---------------------------------------------------------------------------------------------

function strictAjv(): Ajv2020 {
  // Strict: an unknown keyword or a `required` naming no property is an error, not a silently ignored schema.
  return new Ajv2020({ strict: true, allErrors: true, strictRequired: true, keywords: ["example"] });
}

describe("the API's shapes, one source", () => {
  test("every store shape is a schema a strict validator compiles, closed at every level", () => {
    const ajv = strictAjv();
    for (const schema of shapes.STORE_SCHEMAS) ajv.compile({ ...schema, $id: undefined });
    ajv.compile({ ...extractionSchema, $id: undefined });
    const open: string[] = [];
    const walk = (s: unknown, path: string): void => {
      if (!s || typeof s !== "object") return;
      const o = s as Record<string, unknown>;
      const types = ([] as unknown[]).concat(o["type"]);
      if (types.includes("object") && o["properties"] && o["additionalProperties"] !== false) open.push(path);
      for (const [k, v] of Object.entries(o)) walk(v, `${path}/${k}`);
    };
    for (const schema of shapes.STORE_SCHEMAS) walk(schema, schema.$id);
    assert.deepEqual(open, [], "objects that let unnamed fields through");
  });

  test("nullable() lets null through an enum, as the derived type says", () => {
    const ajv = strictAjv();
    const validate = ajv.compile(blocks.nullable(blocks.side));
    assert.equal(validate(null), true);
    assert.equal(validate("RU"), true);
    assert.equal(validate("XX"), false);
  });

  describe("a store's answers fit the closed shapes exactly", () => {
    let dir = "";
    let store: Store.Store;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), "salvo-shapes-"));
      store = await openStore(join(dir, "shapes.db"));
      await loadFixtures(store);
    });
    after(async () => {
      await store?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    function check(schema: object, value: unknown, what: string): void {
      const validate = strictAjv().compile({ ...schema, $id: undefined });
      assert.ok(validate(value), `${what}: ${JSON.stringify(validate.errors?.slice(0, 5), null, 1)}`);
    }

    test("attacks, records, timeline, regions", async () => {
      const page = await store.listAttacks({}, { limit: 100, offset: 0, sort: "-date" });
      assert.ok(page.items.length > 0, "the fixtures hold attacks");
      for (const a of page.items) {
        check(shapes.attackSummary, a, `summary ${a.id}`);
        check(shapes.attackDetail, await store.getAttack(a.id), `detail ${a.id}`);
      }
      check(shapes.recordsResult, await store.records(), "records");
      check(shapes.recordMarks, await store.recordMarks("any"), "record marks");
      for (const row of await store.timeline({}, "day")) check(shapes.timelineRow, row, "timeline row");
      for (const row of await store.regionsAggregate({})) check(shapes.regionRow, row, "region row");
    });

    test("documents", async () => {
      const docs = await store.listDocuments({ limit: 100, offset: 0 });
      assert.ok(docs.items.length > 0);
      for (const d of docs.items) {
        check(shapes.documentSummary, d, `document ${d.id}`);
        check(shapes.documentDetail, await store.getDocument(d.id), `document ${d.id} detail`);
      }
    });

    test("a field the schema does not name is refused", () => {
      const validate = strictAjv().compile({ ...shapes.timelineRow });
      const row = { period: "2025-07-04", attacker: "RU", target: "UA", claimant: "UA", weapon: "drone", launched: 1, intercepted: null, suppressed: null };
      assert.equal(validate(row), true);
      assert.equal(validate({ ...row, extra: 1 }), false);
      assert.equal(validate({ ...row, weapon: "drones" }), false);
    });
  });
});
