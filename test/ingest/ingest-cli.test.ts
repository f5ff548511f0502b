// `salvo ingest` on every kind of source, with bad inputs among them: each reported, the rest stored.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { cli, tempDir } from "../store/helpers.js";
import { article, rss, serve, type LocalServer } from "./serve.js";

let tmp: ReturnType<typeof tempDir>;
let srv: LocalServer;

const S1 = "Overnight on 4 July, Russia attacked Ukraine with 120 Shahed drones, the Air Force said. 100 were shot down.";

before(async () => {
  tmp = tempDir("salvo-ingest-");
  const d = join(tmp.dir, "docs");
  mkdirSync(join(d, "nested/deeper"), { recursive: true });
  writeFileSync(join(d, "a.txt"), S1);
  writeFileSync(join(d, "b.md"), "# Night attack\n\nThe enemy launched **45 drones** at Odesa; air defence destroyed 40 of them.\n");
  writeFileSync(join(d, "nested/c.html"), article("Drones over Kharkiv", "Ukraine said it shot down 30 of 35 Russian drones overnight over the Kharkiv region."));
  writeFileSync(
    join(d, "nested/deeper/gold.json"),
    JSON.stringify({ id: "test-gold-1", lang: "en", kind: "news", source: { publisher: "Test Wire", url: null, published: "2025-07-05", channel: null },
      text: "Russia launched 60 drones at Ukraine overnight, Kyiv said.", gold: { published: null, reports: [] } }),
  );
  writeFileSync(
    join(d, "nested/result.json"),
    JSON.stringify({ name: "Test Air Force", type: "public_channel", id: 1, messages: [
      { id: 11, type: "message", date: "2025-07-04T08:00:00", date_unixtime: "1751605200", text: "Overnight the enemy launched 50 attack UAVs. 44 were shot down." },
      { id: 12, type: "message", date: "2025-07-05T08:00:00", date_unixtime: "1751691600", text: ["In total ", { type: "bold", text: "80 drones" }, " attacked overnight; 70 shot down."] },
      { id: 13, type: "service", date: "2025-07-05T09:00:00", action: "pin_message" },
    ] }),
  );
  writeFileSync(join(d, "broken.json"), "{ this is not json");
  writeFileSync(join(d, "other.json"), JSON.stringify({ hello: "world" }));
  writeFileSync(join(d, "image.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 2, 0, 0, 0]));
  writeFileSync(join(d, "empty.txt"), "   \n");
  srv = await serve({
    "/feed.xml": { type: "application/rss+xml", body: "" },
    "/a1": { body: article("Russia fires 70 drones", "Russia fired 70 drones at Ukraine overnight, the Ukrainian Air Force said on Saturday; 61 were downed.") },
    "/broken-feed": { status: 500, body: "oops" },
  });
  srv.pages.get("/feed.xml")!.body = rss([
    { title: "Seventy drones", link: `${srv.base}/a1`, guid: "a1" },
    { title: "Gone", link: `${srv.base}/missing`, guid: "gone" },
    { title: "Inline", description: "<p>Ukraine says 12 drones were shot down over Sumy overnight.</p>", guid: "inline-1" },
  ]);
});
after(async () => {
  await srv.close();
  tmp.cleanup();
});

test("a batch with bad inputs: each failure reported with its reason, the rest ingested, exit 1", async () => {
  const db = join(tmp.dir, "ingest.db");
  const r = await cli(["ingest", join(tmp.dir, "docs"), `${srv.base}/feed.xml`, `${srv.base}/broken-feed`, join(tmp.dir, "no-such-file.txt"), "--db", db, "--json", "--allow-private"]);
  assert.equal(r.code, 1, r.stderr);
  const s = JSON.parse(r.stdout) as { new: number; unchanged: number; revised: number; failed: Array<{ source: string; reason: string }>; documents: number };
  // a.txt, b.md, c.html, gold.json, 2 Telegram messages, feed page a1, the inline item.
  assert.equal(s.new, 8, JSON.stringify(s, null, 1));
  const reasons = Object.fromEntries(s.failed.map((f) => [f.source.replace(tmp.dir, "").replace(srv.base, ""), f.reason]));
  assert.match(reasons["/docs/broken.json"] ?? "", /malformed JSON/);
  assert.match(reasons["/docs/other.json"] ?? "", /unknown JSON format/);
  assert.ok(reasons["/docs/image.png"], "a binary file is refused");
  assert.ok(reasons["/docs/empty.txt"], "an empty file is refused");
  assert.match(reasons["/no-such-file.txt"] ?? "", /ENOENT/);
  assert.match(reasons["/broken-feed"] ?? "", /HTTP 500/);
  assert.match(reasons["/missing"] ?? "", /HTTP 404/);
  assert.equal(s.failed.length, 7);

  const conn = new BetterSqlite3(db, { readonly: true });
  const tg = conn.prepare("select channel, post_id, published from documents where post_id is not null order by post_id").all();
  assert.deepEqual(tg, [
    { channel: "Test Air Force", post_id: "11", published: "2025-07-04T05:00:00.000Z" },
    { channel: "Test Air Force", post_id: "12", published: "2025-07-05T05:00:00.000Z" },
  ]);
  const entityText = conn.prepare("select text from documents where post_id = '12'").get() as { text: string };
  assert.equal(entityText.text, "In total 80 drones attacked overnight; 70 shot down.");
  const gold = conn.prepare("select publisher, published, kind, lang, text from documents where identity = 'key:gold:test-gold-1'").get() as Record<string, string>;
  assert.deepEqual(gold, { publisher: "Test Wire", published: "2025-07-05", kind: "news", lang: "en", text: "Russia launched 60 drones at Ukraine overnight, Kyiv said." });
  const page = conn.prepare("select url, title from documents where url like '%/a1'").get() as { url: string; title: string };
  assert.equal(page.title, "Russia fires 70 drones");
  conn.close();

  // Run again: everything already stored is unchanged; the same failures again.
  const again = await cli(["ingest", join(tmp.dir, "docs"), `${srv.base}/feed.xml`, "--db", db, "--json", "--allow-private"]);
  const s2 = JSON.parse(again.stdout) as { new: number; unchanged: number; revised: number };
  assert.deepEqual([s2.new, s2.unchanged, s2.revised], [0, 8, 0]);
});

test("a changed file is a revision; the text summary names the counts", async () => {
  const db = join(tmp.dir, "rev.db");
  const f = join(tmp.dir, "rev.txt");
  writeFileSync(f, "Russia launched 20 drones at Ukraine overnight.");
  const first = await cli(["ingest", f, "--db", db]);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /1 new, 0 unchanged, 0 revised, 0 failed/);
  writeFileSync(f, "Russia launched 25 drones at Ukraine overnight (corrected).");
  const second = await cli(["ingest", f, "--db", db]);
  assert.match(second.stdout, /0 new, 0 unchanged, 1 revised, 0 failed/);
  const conn = new BetterSqlite3(db, { readonly: true });
  const rows = conn.prepare("select id, current, revision_of from documents order by id").all();
  assert.deepEqual(rows, [{ id: 1, current: 0, revision_of: null }, { id: 2, current: 1, revision_of: 1 }]);
  conn.close();
});

test("a database URL of another kind is refused with a message", async () => {
  const r = await cli(["attacks", "--db", "mysql://localhost/x"]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unsupported database URL/);
  assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/);
});
