// Issue 11, items 4 and 5 (and the malformed export of item 8), through `salvo ingest` on real files and a real
// SQLite store: impossible dates are rejected with their reason (the rest of an export is still ingested), a
// 31-million-character text is rejected with its reason rather than cut, and a malformed export gives a clear
// message, not a TypeError. Nothing rejected is stored.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import Database from "better-sqlite3";
import { readExport } from "../../src/ingest/telegram.js";
import { isoTimeProblem } from "../../src/iso-time.js";
import { cli, tempDir } from "../store/helpers.js";

interface Summary {
  new: number;
  failed: { source: string; reason: string }[];
}

let tmp: { dir: string; cleanup(): void };
before(() => {
  tmp = tempDir("salvo-hostile-");
});
after(() => tmp.cleanup());

const REPORT = "Overnight the enemy attacked with 70 attack drones; air defence shot down 60 of them over the regions.";

function documents(db: string): { published: string | null; post_id: string | null }[] {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare("select published, post_id from documents order by id").all() as { published: string | null; post_id: string | null }[];
  } finally {
    conn.close();
  }
}

async function ingest(file: string, db: string): Promise<{ code: number | null; summary: Summary; stderr: string }> {
  const r = await cli(["ingest", file, "--db", db, "--json"]);
  return { code: r.code, summary: JSON.parse(r.stdout) as Summary, stderr: r.stderr };
}

test("dates: shape, calendar, clock and year are all checked", () => {
  for (const ok of ["2025-07-04", "2025-07-04T11:34:00+02:00", "2024-02-29T00:00:00Z", "2025-07-04T11:34", "2025-07-04T11:34:00.123Z"]) assert.equal(isoTimeProblem(ok), null, ok);
  for (const bad of ["9999-99-99T99:00:00", "2025-02-30", "2023-02-29", "2025-07-04T24:00:00", "garbage-date", "9999-12-31", "2025-07-04T10:00:00+25:00", ""]) {
    assert.ok(isoTimeProblem(bad), bad);
  }
});

test("a Telegram message dated 9999-99-99T99:00:00 is rejected with its reason; the rest of the export is ingested", async () => {
  const file = join(tmp.dir, "result.json");
  writeFileSync(
    file,
    JSON.stringify({
      name: "Example channel",
      messages: [
        { id: 1, type: "message", date: "2025-07-04T08:00:00", text: REPORT },
        { id: 2, type: "message", date: "9999-99-99T99:00:00", text: `${REPORT} Again.` },
        { id: 3, type: "message", date: "2025-07-05T08:00:00", date_unixtime: "253402300799000", text: `${REPORT} Later.` },
        { id: 4, type: "message", date: "2025-07-06T08:00:00", text: [{ type: "bold", text: "Morning: " }, null, 7, REPORT] },
      ],
    }),
  );
  const db = join(tmp.dir, "telegram.db");
  const r = await ingest(file, db);
  assert.equal(r.code, 1, "a rejection is a failure of the run");
  assert.equal(r.summary.new, 2, JSON.stringify(r.summary));
  const reasons = r.summary.failed.map((f) => `${f.source}: ${f.reason}`).join("\n");
  assert.match(reasons, /#2: message 2 rejected: its date "9999-99-99T99:00:00" has the year 9999/);
  assert.match(reasons, /#3: message 3 rejected: its date_unixtime/);
  const docs = documents(db);
  assert.deepEqual(docs.map((d) => d.post_id).sort(), ["1", "4"]);
  for (const d of docs) assert.ok(d.published === null || d.published < "2100", `stored date ${d.published}`);
});

test("a malformed Telegram export gives a clear error, not a TypeError", async () => {
  const shapes = [{ messages: [null, 5, "x", [], { id: {}, text: "t" }, { id: 9, text: { nested: true } }] }, { messages: [{ id: 1, text: [null, { text: null }] }] }];
  for (const [i, shape] of shapes.entries()) {
    assert.doesNotThrow(() => readExport(shape));
    const file = join(tmp.dir, `bad-${i}.json`);
    writeFileSync(file, JSON.stringify(shape));
    const db = join(tmp.dir, `bad-${i}.db`);
    const r = await ingest(file, db);
    assert.equal(r.code, 1);
    const reason = r.summary.failed[0]?.reason ?? "";
    assert.match(reason, /Telegram export with no (valid )?text messages/);
    assert.doesNotMatch(reason + r.stderr, /TypeError|Cannot read properties|at .*\.(ts|js):\d+/);
    assert.equal(documents(db).length, 0);
  }
});

test("a gold file with published \"garbage-date\" is rejected and not stored", async () => {
  const file = join(tmp.dir, "gold.json");
  writeFileSync(file, JSON.stringify({ id: "hostile-gold", lang: "en", kind: "news", text: REPORT, source: { publisher: "x", url: null, published: "garbage-date", channel: null }, gold: { published: null, reports: [] } }));
  const db = join(tmp.dir, "gold.db");
  const r = await ingest(file, db);
  assert.equal(r.code, 1);
  assert.match(r.summary.failed[0]?.reason ?? "", /source\.published "garbage-date" is not an ISO 8601 date/);
  assert.equal(documents(db).length, 0);
});

test("a 31-million-character text is rejected with its reason, never cut and stored", async () => {
  const text = `${REPORT}\n`.repeat(Math.ceil(31_000_000 / (REPORT.length + 1))).slice(0, 31_000_000);
  const gold = join(tmp.dir, "huge-gold.json");
  writeFileSync(gold, JSON.stringify({ id: "huge", lang: "en", kind: "news", text, source: { publisher: null, url: null, published: null, channel: null } }));
  const db = join(tmp.dir, "huge.db");
  const r = await ingest(gold, db);
  assert.equal(r.code, 1);
  assert.match(r.summary.failed[0]?.reason ?? "", /31,000,000 characters, over the limit of 2,000,000/);
  assert.equal(documents(db).length, 0, "nothing stored, not even a cut text");

  const export_ = join(tmp.dir, "huge-export.json");
  writeFileSync(export_, JSON.stringify({ name: "c", messages: [{ id: 1, date: "2025-07-04T08:00:00", text }, { id: 2, date: "2025-07-04T09:00:00", text: REPORT }] }));
  const r2 = await ingest(export_, db);
  assert.equal(r2.summary.new, 1, "the ordinary message is stored");
  assert.match(r2.summary.failed.map((f) => f.reason).join("\n"), /over the limit of 2,000,000/);
  assert.deepEqual(documents(db).map((d) => d.post_id), ["2"]);
});

test("dataset rows (CSV) with impossible dates are not dated: year 9999, hour 99, 30 February", async () => {
  const { datingOf } = await import("../../src/ingest/dataset.js");
  assert.equal(datingOf("9999-12-31 19:00", "9999-12-31 23:00"), null);
  assert.equal(datingOf("2025-07-03 99:00", "2025-07-04 06:00"), null);
  assert.equal(datingOf("2025-02-30", "2025-02-30"), null);
  assert.deepEqual(datingOf("2025-07-03 18:00", "2025-07-04 06:00"), { date: "2025-07-04", night: true });
});

test("the CLI refuses a page nested 75,000 levels deep at once, with its reason (extract and ingest)", async () => {
  const depth = 75_000;
  const file = join(tmp.dir, "nested.html");
  writeFileSync(file, `<html><body>${"<div>".repeat(depth)}70 drones${"</div>".repeat(depth)}</body></html>`);
  const x = await cli(["extract", file]);
  assert.equal(x.code, 1, x.stdout);
  assert.match(x.stderr, /nests elements more than 2,000 levels deep.*\[SALVO_INPUT_TOO_COMPLEX\]/);
  const db = join(tmp.dir, "nested.db");
  const r = await ingest(file, db);
  assert.equal(r.code, 1);
  assert.match(r.summary.failed[0]?.reason ?? "", /levels deep/);
  assert.equal(documents(db).length, 0);
});
