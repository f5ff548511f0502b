// Embeds, framing and compression over real HTTP on loopback: /embed/* pages may be framed (by the
// configured origins), everything else refuses; large answers are compressed when the client asks.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, brotliDecompressSync } from "node:zlib";
import { request } from "undici";
import { CONTENT_POLICY, embedAncestors, frameAncestors } from "../../src/server/security-headers.js";
import type { AttackSummary } from "../../src/store/types.js";
import { extraction, loadFixtures, report } from "./fixtures.js";
import { call, startApi, tempSqliteStore, type ErrorJson, type RunningApi, type TempStore } from "./harness.js";

const EMBED_HTML = '<!doctype html><title>salvo embed</title><script type="module" src="./assets/embed-x.js"></script><link rel="stylesheet" href="./assets/x.css">';

// Moscow's account of a night it states only interceptions for, larger than one of Kyiv's launch totals.
const TEXT_RU_JULY_12 = "Overnight, air defence systems intercepted and destroyed 200 Ukrainian drones over the regions of Russia, the ministry said.";

let db: TempStore;
let api: RunningApi;
let web: string;

before(async () => {
  db = await tempSqliteStore();
  await loadFixtures(db.store);
  const x = extraction(TEXT_RU_JULY_12, { lang: "en", kind: "official", published: "2025-07-12T08:00:00+03:00", publisher: "Ministry of Defence of Russia" }, [
    report(
      TEXT_RU_JULY_12,
      { claimant: "RU", claimant_orgs: ["RU.mod"], attacker: "UA", target: "RU", date: "2025-07-12", night: true },
      [{ weapon: "drone", outcome: "intercepted", n: 200, words: ["200", "drones", "intercepted"] }],
      [],
    ),
  ]);
  const saved = await db.store.saveExtraction(x, { publisher: "Ministry of Defence of Russia", lang: "en", kind: "official", published: "2025-07-12T08:00:00+03:00" });
  assert.equal(saved.status, "new");
  web = mkdtempSync(join(tmpdir(), "salvo-embed-web-"));
  mkdirSync(join(web, "assets"));
  writeFileSync(join(web, "index.html"), "<!doctype html><title>salvo dashboard</title>");
  writeFileSync(join(web, "embed.html"), EMBED_HTML);
  writeFileSync(join(web, "assets", "embed-x.js"), `console.log(${JSON.stringify("x".repeat(4000))});`);
  api = await startApi({ store: db.store, webDir: web });
});
after(async () => {
  await api?.close();
  await db?.cleanup();
  rmSync(web, { recursive: true, force: true });
});

describe("embeds", () => {
  test("an attack by date or id, the timeline and the map answer the embed page, its assets relative to the route", async () => {
    for (const [path, prefix] of [
      ["/embed/attack/2025-07-04", "../../"],
      ["/embed/attack/2025-07-04.UA-RU", "../../"],
      ["/embed/timeline?from=2025-07-01&attacker=RU&target=UA", "../"],
      ["/embed/map?measure=launched&to=2025-07-31", "../"],
    ] as const) {
      const r = await call(api.base, path);
      assert.equal(r.status, 200, path);
      assert.match(r.headers.get("content-type") ?? "", /text\/html/);
      assert.ok(r.text.includes(`src="${prefix}assets/embed-x.js"`), `${path}: ${r.text}`);
      assert.ok(r.text.includes(`href="${prefix}assets/x.css"`));
      // the relative path resolves to the asset the server has
      const asset = await call(api.base, new URL(`${prefix}assets/embed-x.js`, `${api.base}${path}`).pathname);
      assert.equal(asset.status, 200);
    }
  });

  test("bad addresses are 4xx in the error envelope; an attack the store lacks is a 404", async () => {
    const cases: [string, number, RegExp][] = [
      ["/embed/attack/2031-01-01", 404, /no attack 2031-01-01/],
      ["/embed/attack/2025-07-10.UA-RU", 404, /no attack 2025-07-10\.UA-RU/],
      ["/embed/attack/yesterday", 400, /"id"/],
      ["/embed/timeline?from=2025-13-01", 400, /"from"/],
      ["/embed/timeline?from=2025-07-10&to=2025-07-01", 400, /after "to"/],
      ["/embed/map?measure=tanks", 400, /"measure" must be one of/],
      ["/embed/map?weapon=drone", 400, /unknown query parameter "weapon"/],
    ];
    for (const [path, status, message] of cases) {
      const r = await call<ErrorJson>(api.base, path);
      assert.equal(r.status, status, path);
      assert.match(r.json.error.message, message, path);
    }
  });

  test("without a built dashboard the embeds say how to build it", async () => {
    const bare = await startApi({ store: db.store, webDir: null });
    try {
      const r = await call<ErrorJson>(bare.base, "/embed/attack/2025-07-04");
      assert.equal(r.status, 404);
      assert.match(r.json.error.message, /npm run build:web/);
    } finally {
      await bare.close();
    }
  });
});

describe("framing", () => {
  test("the embed pages may be framed by anyone by default; the dashboard, the API and errors refuse", async () => {
    const embed = await call(api.base, "/embed/attack/2025-07-04");
    assert.equal(embed.headers.get("content-security-policy"), `${CONTENT_POLICY}; frame-ancestors *`);
    assert.equal(embed.headers.get("x-frame-options"), null);
    for (const path of ["/", "/api/attacks", "/api/health", "/api/nothing", "/assets/embed-x.js", "/embed/attack/2031-01-01"]) {
      const r = await call(api.base, path);
      const csp = r.headers.get("content-security-policy");
      // One policy header (fetch joins repeated headers with ", "), with the page-loading rules and the framing rule.
      assert.ok(csp && !csp.includes(", "), `${path}: one CSP header`);
      assert.ok(csp.startsWith(`${CONTENT_POLICY}; `), path);
      assert.equal(r.headers.get("x-content-type-options"), "nosniff", path);
      assert.equal(r.headers.get("referrer-policy"), "no-referrer", path);
      if (path.startsWith("/embed/")) assert.ok(csp.endsWith("; frame-ancestors *"), path);
      else {
        assert.ok(csp.endsWith("; frame-ancestors 'none'"), path);
        assert.equal(r.headers.get("x-frame-options"), "DENY", path);
      }
    }
  });

  test("a list of origins narrows who may embed", async () => {
    const narrow = await startApi({ store: db.store, webDir: web, embedOrigins: ["https://news.example", "https://*.example.org:8443"] });
    try {
      const r = await call(narrow.base, "/embed/timeline");
      assert.equal(r.headers.get("content-security-policy"), `${CONTENT_POLICY}; frame-ancestors https://news.example https://*.example.org:8443`);
      assert.equal((await call(narrow.base, "/")).headers.get("content-security-policy"), `${CONTENT_POLICY}; frame-ancestors 'none'`);
    } finally {
      await narrow.close();
    }
  });

  test("origins are checked: a header cannot be smuggled through the list", () => {
    assert.deepEqual(embedAncestors(undefined), ["*"]);
    assert.deepEqual(embedAncestors([" https://news.example/ ", "'self'"]), ["https://news.example", "'self'"]);
    for (const bad of [["news.example"], ["https://a.example; script-src *"], ["https://a.example\r\nx: y"], ["javascript:alert(1)"], [""], []]) {
      assert.throws(() => embedAncestors(bad), /origin|empty/, JSON.stringify(bad));
    }
    assert.equal(frameAncestors("/embed/map", ["*"]), "frame-ancestors *");
    assert.equal(frameAncestors("/embedded", ["*"]), "frame-ancestors 'none'");
  });
});

describe("compression", () => {
  test("answers of 1 KB or more (the boundaries) are compressed when asked, and plain otherwise", async () => {
    for (const path of ["/api/geo/admin1", "/api/timeline", "/api/attacks?limit=200"]) {
      const plain = await request(`${api.base}${path}`);
      const body = Buffer.from(await plain.body.arrayBuffer());
      assert.equal(plain.headers["content-encoding"], undefined, path);
      if (path === "/api/geo/admin1") assert.ok(body.length > 500_000, "the boundaries are large");
      for (const [encoding, decode] of [
        ["gzip", gunzipSync],
        ["br", brotliDecompressSync],
      ] as const) {
        const r = await request(`${api.base}${path}`, { headers: { "accept-encoding": encoding } });
        if (body.length < 1024) {
          // Not worth it: a small answer goes as it is.
          assert.equal(r.headers["content-encoding"], undefined, `${path} (${body.length} bytes)`);
          await r.body.arrayBuffer();
          continue;
        }
        assert.equal(r.headers["content-encoding"], encoding, `${path} ${encoding}`);
        assert.match(String(r.headers["vary"]), /accept-encoding/i);
        const raw = Buffer.from(await r.body.arrayBuffer());
        assert.ok(raw.length < body.length, `${path} ${encoding}: ${raw.length} < ${body.length}`);
        assert.deepEqual(JSON.parse(decode(raw).toString("utf8")), JSON.parse(body.toString("utf8")));
      }
    }
  });

  test("a compressed body is never served as plain from the micro-cache", async () => {
    const cached = await startApi({ store: db.store, webDir: null, cacheTtlMs: 60_000 });
    try {
      const zipped = await request(`${cached.base}/api/geo/admin1`, { headers: { "accept-encoding": "gzip" } });
      assert.equal(zipped.headers["content-encoding"], "gzip");
      await zipped.body.arrayBuffer();
      const plain = await request(`${cached.base}/api/geo/admin1`);
      assert.equal(plain.headers["x-salvo-cache"], "hit");
      assert.equal(plain.headers["content-encoding"], undefined);
      assert.equal((JSON.parse(await plain.body.text()) as { type: string }).type, "Topology");
    } finally {
      await cached.close();
    }
  });

  test("a request body sent compressed is not unpacked", async () => {
    const r = await request(`${api.base}/api/extract`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
      body: Buffer.from([0x1f, 0x8b, 0x08, 0x00]),
    });
    assert.ok(r.statusCode >= 400 && r.statusCode < 500, `status ${r.statusCode}`);
    await r.body.text();
  });
});

describe("sorting by size", () => {
  test("size is the launched total, or the intercepted total where a side states only that", async () => {
    const ids = async (q: string) => (await call<{ items: AttackSummary[] }>(api.base, `/api/attacks?${q}`)).json.items.map((a) => a.id);
    // 310 launched, 200 intercepted (Moscow, nothing launched stated), 120 launched, and a night with regional figures only
    assert.deepEqual(await ids("sort=-size"), ["2025-07-10.RU-UA", "2025-07-12.UA-RU", "2025-07-04.RU-UA", "2025-07-04.UA-RU"]);
    assert.deepEqual(await ids("sort=size"), ["2025-07-04.UA-RU", "2025-07-04.RU-UA", "2025-07-12.UA-RU", "2025-07-10.RU-UA"]);
    // by launched, Moscow's 200 has no size at all
    assert.deepEqual((await ids("sort=-launched")).slice(0, 2), ["2025-07-10.RU-UA", "2025-07-04.RU-UA"]);
  });
});
