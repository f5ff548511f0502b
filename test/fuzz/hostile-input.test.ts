// Issue 11: generated hostile input (HTML, JSON, CSV, text) through POST /api/extract over real HTTP and through
// `salvo ingest` into a real SQLite store: never a 500, never a crash, every refusal in the envelope (or in the
// summary, with a reason), and nothing stored for a rejected input. Bounded: a few hundred cases, seconds each run.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import fc from "fast-check";
import Database from "better-sqlite3";
import { startApi, tempSqliteStore, type RunningApi, type TempStore } from "../server/harness.js";
import { cli, tempDir } from "../store/helpers.js";

const TAGS = ["div", "p", "span", "b", "a", "table", "tr", "td", "ul", "li", "pre", "script", "style", "svg", "article", "h1", "br", "template", "noscript", "iframe"];
const WORDS = ["70", "drones", "Shahed", "ракет", "збито", "missiles", "overnight", "2025-07-04", "Kharkiv", "&amp;", "&#0;", "\u0000", "\uFEFF", "<", ">", "\"", "'", "]]>", "<!--", "-->"];

const text = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...WORDS), fc.string({ unit: "grapheme", maxLength: 20 }));

/** HTML trees of random depth and breadth, some tags left unclosed, some attributes odd. */
const html: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    text,
    fc
      .tuple(fc.constantFrom(...TAGS), fc.array(tie("node"), { maxLength: 4 }), fc.boolean(), fc.constantFrom("", ' class="tgme_widget_message"', ' data-post="c/1"', " hidden", ' style="x"', ' lang="uk"'))
      .map(([tag, children, close, attr]) => `<${tag}${attr}>${children.join("")}${close ? `</${tag}>` : ""}`),
  ),
})).node.map((body) => `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`);

/** A deep but legal nesting, or one over the limit: both must answer 200 or 4xx. */
const nested = fc.integer({ min: 1, max: 6000 }).map((n) => `<html><body>${"<div>".repeat(n)}70 drones${"</div>".repeat(n)}</body></html>`);

const csv = fc.array(fc.array(fc.oneof(text, fc.constantFrom('"', '""', "\n", "\r\n", ",")), { maxLength: 8 }), { maxLength: 12 }).map((rows) => rows.map((r) => r.join(",")).join("\n"));

const telegramExport = fc.record({
  name: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
  messages: fc.array(
    fc.record(
      {
        id: fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.constant(null), fc.object()),
        type: fc.constantFrom("message", "service", 7),
        date: fc.oneof(fc.constantFrom("2025-07-04T08:00:00", "9999-99-99T99:00:00", "2025-02-30T10:00:00", "", "garbage"), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.integer()),
        date_unixtime: fc.oneof(fc.constantFrom("1751616000", "253402300799000", "NaN", "-1e20"), fc.integer()),
        text: fc.oneof(text, fc.array(fc.oneof(text, fc.record({ type: fc.string(), text: fc.oneof(text, fc.constant(null), fc.integer()) }), fc.constant(null)), { maxLength: 4 }), fc.jsonValue()),
      },
      { requiredKeys: [] },
    ),
    { maxLength: 5 },
  ),
});

const goldLike = fc.record(
  {
    id: fc.oneof(fc.string({ maxLength: 10 }), fc.integer()),
    lang: fc.constantFrom("en", "fr", "uk", "ru", "de", 1),
    kind: fc.constantFrom("news", "official", "social", null),
    text: fc.oneof(text, fc.constant("Overnight 70 drones were launched; 60 were shot down."), fc.integer(), fc.constant(null)),
    source: fc.oneof(fc.constant(null), fc.string(), fc.record({ published: fc.oneof(fc.constantFrom("2025-07-04", "garbage-date", "9999-12-31", "2025-02-30T10:00:00Z"), fc.integer(), fc.constant(null)), publisher: fc.jsonValue() }, { requiredKeys: [] })),
  },
  { requiredKeys: [] },
);

const jsonBody = fc.oneof(
  fc.jsonValue(),
  fc.record({ text: fc.oneof(text, fc.jsonValue(), html), lang: fc.oneof(fc.constantFrom("en", "uk"), fc.jsonValue()), published: fc.oneof(fc.constantFrom("2025-07-04", "2025-02-30", "9999-99-99T99:00:00"), fc.jsonValue()), format: fc.constantFrom("json", "gold", "x") }, { requiredKeys: [] }),
);

let db: TempStore;
let api: RunningApi;
let tmp: { dir: string; cleanup(): void };
before(async () => {
  db = await tempSqliteStore();
  api = await startApi({ store: db.store, webDir: null });
  tmp = tempDir("salvo-fuzz-");
});
after(async () => {
  await api.close();
  await db.cleanup();
  tmp.cleanup();
});

async function assertAnswer(path: string, init: RequestInit): Promise<void> {
  const r = await fetch(api.base + path, init);
  const body = await r.text();
  assert.ok(r.status < 500, `${r.status} for ${path}: ${body.slice(0, 300)}`);
  const json = JSON.parse(body) as { error?: { code: string; message: string } };
  if (r.status >= 400) {
    assert.ok(json.error && typeof json.error.code === "string" && typeof json.error.message === "string", body.slice(0, 300));
    assert.doesNotMatch(json.error.message, /at .*\.(ts|js):\d+/, "no stack trace");
  } else assert.equal(r.status, 200);
}

test("POST /api/extract: generated HTML, text, CSV and JSON never answer 500", { timeout: 120_000 }, async () => {
  const post = (type: string, query = "") => (body: string) => assertAnswer(`/api/extract${query}`, { method: "POST", headers: { "content-type": type }, body });
  await fc.assert(fc.asyncProperty(html, post("text/html")), { numRuns: 60 });
  await fc.assert(fc.asyncProperty(nested, post("text/plain", "?filename=a.html")), { numRuns: 10 });
  await fc.assert(fc.asyncProperty(csv, post("text/plain", "?filename=rows.csv")), { numRuns: 30 });
  await fc.assert(fc.asyncProperty(fc.oneof(jsonBody, telegramExport, goldLike), (v) => post("application/json")(JSON.stringify(v))), { numRuns: 80 });
  await fc.assert(fc.asyncProperty(fc.string({ maxLength: 200 }), post("application/json")), { numRuns: 30 });
  // Health still answers: no worker or event loop was lost on the way.
  assert.equal((await fetch(`${api.base}/api/health`)).status, 200);
});

interface Summary {
  new: number;
  revised: number;
  unchanged: number;
  documents: number;
  failed: { source: string; reason: string }[];
}

test("salvo ingest: a folder of generated HTML, JSON, CSV and text files; no crash, reasons for every failure, nothing stored for them", { timeout: 180_000 }, async () => {
  const dir = join(tmp.dir, "inputs");
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const write = (name: string, content: string) => {
    writeFileSync(join(dir, name), content);
    files.push(join(dir, name));
  };
  fc.sample(html, { numRuns: 15, seed: 11 }).forEach((h, i) => write(`page-${i}.html`, h));
  fc.sample(csv, { numRuns: 8, seed: 12 }).forEach((c, i) => write(`rows-${i}.csv`, c));
  fc.sample(fc.oneof(telegramExport, goldLike, fc.jsonValue()), { numRuns: 20, seed: 13 }).forEach((j, i) => write(`data-${i}.json`, JSON.stringify(j)));
  fc.sample(fc.string({ maxLength: 60 }), { numRuns: 5, seed: 14 }).forEach((t, i) => write(`note-${i}.txt`, t));
  write("broken.json", '{"messages": [');
  write("feed.xml", '<?xml version="1.0"?><rss><channel><item><title>a</title><description>&lt;p&gt;70 drones&lt;/p&gt;</description><pubDate>9999-99-99</pubDate></item></channel></rss>');

  const store = join(tmp.dir, "fuzz.db");
  const r = await cli(["ingest", dir, "--db", store, "--json"]);
  assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
  assert.doesNotMatch(r.stderr, /unexpected error|TypeError|RangeError|at .*\.(ts|js):\d+/, r.stderr);
  const s = JSON.parse(r.stdout) as Summary;
  for (const f of s.failed) {
    assert.ok(f.reason.trim().length > 0, `a reason for ${f.source}`);
    assert.doesNotMatch(f.reason, /Cannot read properties|is not a function|is not iterable|Invalid time value/, `${f.source}: a reason a user can act on`);
  }
  console.log(`# fuzz ingest: ${files.length} files, ${s.new} documents stored, ${s.failed.length} failures`);
  const conn = new Database(store, { readonly: true });
  try {
    const stored = conn.prepare("select identity, published from documents").all() as { identity: string | null; published: string | null }[];
    assert.equal(stored.length, s.new, "every stored document is counted as new; nothing half-written");
    const failedFiles = new Set(s.failed.map((f) => f.source).filter((src) => files.includes(src)));
    for (const d of stored) {
      for (const f of failedFiles) assert.ok(!(d.identity ?? "").includes(f), `${f} failed but a document from it is stored`);
      if (d.published) assert.ok(d.published >= "1900" && d.published < "2101", `stored date ${d.published}`);
    }
  } finally {
    conn.close();
  }
});
