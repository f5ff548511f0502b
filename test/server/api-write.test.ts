// POST /api/documents over real HTTP: the bearer token, ingestion of texts and URLs, size limits,
// and the SSRF guard (private targets refused, before connecting, on every redirect).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import diagnostics from "node:diagnostics_channel";
import type { DocumentDetail, IngestResult } from "../../src/store/types.js";
import { call, postJson, startApi, tempSqliteStore, type ErrorJson, type RunningApi, type TempStore } from "./harness.js";

const TOKEN = "s3cret-test-token";
const auth = { authorization: `Bearer ${TOKEN}` };
const REPORT_TEXT = "Overnight into 12 August, the enemy attacked with 58 attack drones; air defence shot down 51 of them over the Sumy region.";

let db: TempStore;
let api: RunningApi;
let readOnly: RunningApi;
let origin: Server;
let originBase: string;
const originHits: string[] = [];

before(async () => {
  origin = createServer((req, res) => {
    const url = req.url ?? "/";
    originHits.push(url);
    const port = (origin.address() as AddressInfo).port;
    if (url === "/report") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<!doctype html><html lang="en"><head><title>Night attack</title></head><body><article><p>${REPORT_TEXT}</p></article></body></html>`);
    } else if (url === "/moved") {
      res.writeHead(301, { location: "/report" });
      res.end();
    } else if (url === "/to-localhost") {
      res.writeHead(302, { location: `http://localhost:${port}/report` });
      res.end();
    } else if (url === "/to-metadata") {
      res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" });
      res.end();
    } else if (url === "/slow") {
      // never answers
    } else {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not here");
    }
  });
  await new Promise<void>((resolve) => origin.listen(0, "127.0.0.1", resolve));
  const originPort = (origin.address() as AddressInfo).port;
  originBase = `http://127.0.0.1:${originPort}`;
  db = await tempSqliteStore();
  api = await startApi({
    store: db.store,
    token: TOKEN,
    webDir: null,
    bodyLimit: 32 * 1024,
    fetchTimeoutMs: 600,
    // Lets the first hop reach this loopback origin while every other private target stays refused.
    allowUrlHosts: [`127.0.0.1:${originPort}`],
  });
  readOnly = await startApi({ store: db.store, webDir: null });
});

after(async () => {
  await api?.close();
  await readOnly?.close();
  origin?.closeAllConnections();
  origin?.close();
  await db?.cleanup();
});

describe("the bearer token", () => {
  test("without SALVO_TOKEN, writes are disabled (403)", async () => {
    for (const headers of [{}, auth] as Array<Record<string, string>>) {
      const r = await call<ErrorJson>(readOnly.base, "/api/documents", postJson({ text: REPORT_TEXT }, headers));
      assert.equal(r.status, 403);
      assert.equal(r.json.error.code, "SALVO_WRITE_DISABLED");
    }
  });

  test("missing or wrong token: 401 with WWW-Authenticate", async () => {
    for (const headers of [{}, { authorization: "Bearer wrong" }, { authorization: `Basic ${TOKEN}` }, { authorization: `Bearer ${TOKEN}x` }] as Array<Record<string, string>>) {
      const r = await call<ErrorJson>(api.base, "/api/documents", postJson({ text: REPORT_TEXT }, headers));
      assert.equal(r.status, 401, JSON.stringify(headers));
      assert.equal(r.json.error.code, "SALVO_UNAUTHORIZED");
      assert.match(r.headers.get("www-authenticate") ?? "", /^Bearer/);
    }
  });

  test("the token is checked before the body is read: an anonymous oversized body is a 401", async () => {
    const r = await call<ErrorJson>(api.base, "/api/documents", postJson({ text: "x".repeat(100_000) }));
    assert.equal(r.status, 401);
  });

  test("writes carry no CORS headers", async () => {
    const r = await fetch(`${api.base}/api/documents`, { ...postJson({}, auth), headers: { ...auth, "content-type": "application/json", origin: "https://evil.example" } });
    assert.equal(r.status, 400);
    assert.equal(r.headers.get("access-control-allow-origin"), null);
    await r.text();
  });
});

describe("ingesting texts", () => {
  test("a JSON text is stored (201), the same again is unchanged (200)", async () => {
    const body = { text: REPORT_TEXT, publisher: "Air Force of Ukraine", published: "2025-08-12T09:00:00+03:00", lang: "en", kind: "official" };
    const first = await call<IngestResult>(api.base, "/api/documents", postJson(body, auth));
    assert.equal(first.status, 201, first.text);
    assert.equal(first.json.status, "new");
    assert.ok(first.json.documentId);
    const again = await call<IngestResult>(api.base, "/api/documents", postJson(body, auth));
    assert.equal(again.status, 200);
    assert.equal(again.json.status, "unchanged");
    const doc = await call<DocumentDetail>(api.base, `/api/documents/${first.json.documentId}`);
    assert.equal(doc.json.text, REPORT_TEXT);
    assert.equal(doc.json.publisher, "Air Force of Ukraine");
    assert.equal(doc.json.kind, "official");
  });

  test("a raw text/plain body with metadata in the query string", async () => {
    const text = "Russia launched 12 Shahed drones at Odesa overnight, the regional administration said.";
    const r = await call<IngestResult>(api.base, "/api/documents?publisher=Odesa%20RMA&lang=en&kind=official", {
      method: "POST",
      headers: { ...auth, "content-type": "text/plain; charset=utf-8" },
      body: text,
    });
    assert.equal(r.status, 201, r.text);
    const doc = await call<DocumentDetail>(api.base, `/api/documents/${r.json.documentId}`);
    assert.equal(doc.json.publisher, "Odesa RMA");
    assert.equal(doc.json.text, text);
  });

  test("bad bodies: 400 naming the field, 413 over the limit, 415 for other types", async () => {
    const none = await call<ErrorJson>(api.base, "/api/documents", postJson({ publisher: "x" }, auth));
    assert.equal(none.status, 400);
    assert.match(none.json.error.message, /"text" or "url" is required/);
    const badKind = await call<ErrorJson>(api.base, "/api/documents", postJson({ text: REPORT_TEXT, kind: "blog" }, auth));
    assert.equal(badKind.status, 400);
    assert.match(badKind.json.error.message, /"kind" must be one of: news, official, social/);
    for (const published of ["yesterday", "2025-13-01", "2025-07-04T25:00:00Z"]) {
      const badDate = await call<ErrorJson>(api.base, "/api/documents", postJson({ text: REPORT_TEXT, published }, auth));
      assert.equal(badDate.status, 400, published);
      assert.match(badDate.json.error.message, /"published".*ISO 8601/);
    }
    const big = await call<ErrorJson>(api.base, "/api/documents", postJson({ text: "x".repeat(40_000) }, auth));
    assert.equal(big.status, 413);
    assert.equal(big.json.error.code, "SALVO_INPUT_TOO_LARGE");
    const pdf = await call<ErrorJson>(api.base, "/api/documents", { method: "POST", headers: { ...auth, "content-type": "application/pdf" }, body: "%PDF-1.4" });
    assert.equal(pdf.status, 415);
    const noBody = await call<ErrorJson>(api.base, "/api/documents", { method: "POST", headers: auth });
    assert.equal(noBody.status, 400);
    assert.match(noBody.json.error.message, /no request body/);
    const array = await call<ErrorJson>(api.base, "/api/documents", postJson([REPORT_TEXT], auth));
    assert.equal(array.status, 400);
    assert.match(array.json.error.message, /JSON object/);
    const binary = await call<ErrorJson>(api.base, "/api/documents", { method: "POST", headers: { ...auth, "content-type": "application/octet-stream" }, body: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 1, 2, 0, 0]) });
    assert.equal(binary.status, 415);
    assert.equal(binary.json.error.code, "SALVO_INPUT_BINARY");
  });
});

describe("ingesting files", () => {
  test("a file's bytes, its format from ?filename=", async () => {
    const page = `<html><head><title>Odesa</title></head><body><nav>Menu</nav><article><p>Drones hit a port warehouse in Odesa overnight; 3 people were injured, the governor said.</p></article></body></html>`;
    const r = await call<IngestResult>(api.base, "/api/documents?filename=odesa.html&kind=news", {
      method: "POST",
      headers: { ...auth, "content-type": "application/octet-stream" },
      body: Buffer.from(page, "utf8"),
    });
    assert.equal(r.status, 201, r.text);
    const doc = await call<DocumentDetail>(api.base, `/api/documents/${r.json.documentId}`);
    assert.ok(doc.json.text.includes("Drones hit a port warehouse"), doc.json.text);
    assert.ok(!doc.json.text.includes("<p>") && !doc.json.text.includes("Menu"));
  });
});

describe("ingesting URLs", () => {
  test("a public page is fetched (following a redirect) and stored with its final URL", async () => {
    const r = await call<IngestResult & { url: string }>(api.base, "/api/documents", postJson({ url: `${originBase}/moved`, kind: "news" }, auth));
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.url, `${originBase}/report`);
    const doc = await call<DocumentDetail>(api.base, `/api/documents/${r.json.documentId}`);
    assert.equal(doc.json.url, `${originBase}/report`);
    assert.ok(doc.json.text.includes("58 attack drones"), doc.json.text);
    assert.ok(!doc.json.text.includes("<p>"));
  });

  test("SSRF: loopback, link-local and redirects to them are refused before connecting", async () => {
    const connects: string[] = [];
    const onConnect = (m: unknown): void => void connects.push((m as { connectParams: { hostname: string } }).connectParams.hostname);
    diagnostics.subscribe("undici:client:beforeConnect", onConnect);
    try {
      const port = new URL(originBase).port;
      for (const url of [`http://localhost:${port}/report`, "http://127.0.0.1/", "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://[::ffff:169.254.169.254]/", "http://10.0.0.1/"]) {
        const r = await call<ErrorJson>(api.base, "/api/documents", postJson({ url }, auth));
        assert.equal(r.status, 400, url);
        assert.equal(r.json.error.code, "SALVO_URL_REFUSED", url);
      }
      assert.equal(connects.length, 0, `no connection attempted to a refused address (got ${connects.join(", ")})`);
      originHits.length = 0;
      for (const hop of ["/to-localhost", "/to-metadata"]) {
        const r = await call<ErrorJson>(api.base, "/api/documents", postJson({ url: `${originBase}${hop}` }, auth));
        assert.equal(r.status, 400, hop);
        assert.equal(r.json.error.code, "SALVO_URL_REFUSED");
        assert.match(r.json.error.message, /resolves to|refused/);
      }
      assert.deepEqual(originHits, ["/to-localhost", "/to-metadata"], "the redirect targets were never fetched");
      assert.ok(!connects.includes("169.254.169.254") && !connects.includes("localhost"), `connected to ${connects.join(", ")}`);
    } finally {
      diagnostics.unsubscribe("undici:client:beforeConnect", onConnect);
    }
  });

  test("other schemes are refused; upstream failures are 502", async () => {
    const ftp = await call<ErrorJson>(api.base, "/api/documents", postJson({ url: "ftp://example.org/report.txt" }, auth));
    assert.equal(ftp.status, 400);
    assert.equal(ftp.json.error.code, "SALVO_URL_REFUSED");
    const missing = await call<ErrorJson>(api.base, "/api/documents", postJson({ url: `${originBase}/missing` }, auth));
    assert.equal(missing.status, 502);
    assert.equal(missing.json.error.code, "SALVO_FETCH_FAILED");
    assert.match(missing.json.error.message, /404/);
    const started = Date.now();
    const slow = await call<ErrorJson>(api.base, "/api/documents", postJson({ url: `${originBase}/slow` }, auth));
    assert.equal(slow.status, 502);
    assert.match(slow.json.error.message, /timed out/);
    assert.ok(Date.now() - started < 3000);
  });
});
