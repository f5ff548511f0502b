// `salvo watch --once` against a local server: RSS, Atom and a Telegram channel preview; ETag; failing feeds.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { previewPosts } from "../../src/ingest/telegram.js";
import { parseFeed } from "../../src/ingest/feed.js";
import { cli, tempDir } from "../store/helpers.js";
import { article, atom, rss, serve, telegramPreview, type LocalServer } from "./serve.js";

let tmp: ReturnType<typeof tempDir>;
let srv: LocalServer;

before(async () => {
  tmp = tempDir("salvo-watch-");
  srv = await serve({});
  const b = srv.base;
  srv.pages.set("/rss", { type: "application/rss+xml", etag: '"rss-1"', body: rss([{ title: "Drones", link: `${b}/p1`, guid: "p1" }]) });
  srv.pages.set("/atom", { type: "application/atom+xml", body: atom([{ title: "Missiles", link: `${b}/p2`, id: "urn:p2" }]) });
  srv.pages.set("/p1", { body: article("Ninety drones", "Russia launched 90 drones at Ukraine overnight, the Air Force said; 80 were shot down.") });
  srv.pages.set("/p2", { body: article("Missile strike", "Russia fired 12 missiles at Ukraine overnight, the Ukrainian Air Force said on Sunday.") });
  srv.pages.set("/s/kpszsu", {
    etag: '"tg-1"',
    body: telegramPreview("kpszsu", [
      { id: 101, text: "У ніч на 5 липня противник атакував 60 ударними БпЛА.<br>Збито 50.", time: "2025-07-05T06:00:00+00:00" },
      { id: 102, text: "Загроза балістики!", time: "2025-07-05T07:00:00+00:00" },
    ]),
  });
  srv.pages.set("/bad-feed", { type: "application/rss+xml", body: "<rss><channel><item><title>unterminated" });
});
after(async () => {
  await srv.close();
  tmp.cleanup();
});

test("feeds and previews parse into items and posts", () => {
  const posts = previewPosts(srv.pages.get("/s/kpszsu")!.body);
  assert.deepEqual(posts.map((p) => [p.channel, p.postId, p.published]), [["kpszsu", "101", "2025-07-05T06:00:00+00:00"], ["kpszsu", "102", "2025-07-05T07:00:00+00:00"]]);
  assert.equal(posts[0]!.text, "У ніч на 5 липня противник атакував 60 ударними БпЛА.\nЗбито 50.");
  const atomFeed = parseFeed(srv.pages.get("/atom")!.body);
  assert.equal(atomFeed.items[0]!.link, `${srv.base}/p2`);
  assert.throws(() => parseFeed("<html><body>no feed</body></html>"), /not an RSS or Atom feed/);
});

test("watch --once ingests what is new; the next poll sends conditional requests and adds nothing", async () => {
  const db = join(tmp.dir, "watch.db");
  const args = ["watch", `${srv.base}/rss`, `${srv.base}/atom`, `${srv.base}/s/kpszsu`, "--once", "--delay", "0", "--db", db, "--json", "--allow-private"];
  const r1 = await cli(args);
  assert.equal(r1.code, 0, r1.stderr + r1.stdout);
  const s1 = JSON.parse(r1.stdout) as { new: number; failed: unknown[] };
  assert.equal(s1.new, 4);
  const conn = new BetterSqlite3(db, { readonly: true });
  const posts = conn.prepare("select channel, post_id from documents where channel is not null order by post_id").all();
  assert.deepEqual(posts, [{ channel: "kpszsu", post_id: "101" }, { channel: "kpszsu", post_id: "102" }]);
  conn.close();

  const p1Hits = srv.hits.get("/p1");
  const r2 = await cli(args);
  assert.equal(r2.code, 0);
  const s2 = JSON.parse(r2.stdout) as { new: number; unchanged: number };
  assert.equal(s2.new, 0);
  // A new process has no ETag in memory, so the feeds are fetched again, but stored item pages are not refetched.
  assert.equal(srv.hits.get("/p1"), p1Hits);
});

test("within one watch process the second poll is conditional (ETag → 304)", async () => {
  const db = join(tmp.dir, "watch2.db");
  const before = srv.conditionalHits.get("/s/kpszsu") ?? 0;
  // Two polls a second apart, then SIGTERM ends the loop and prints the summary.
  const { spawnCli, collect } = await import("../store/helpers.js");
  const child = spawnCli(["watch", `${srv.base}/s/kpszsu`, "--every", "300ms", "--delay", "0", "--db", db, "--json", "--allow-private"]);
  const done = collect(child);
  const t0 = Date.now();
  while ((srv.conditionalHits.get("/s/kpszsu") ?? 0) === before && Date.now() - t0 < 20_000) await new Promise((r) => setTimeout(r, 100));
  child.kill("SIGTERM");
  const r = await done;
  assert.ok((srv.conditionalHits.get("/s/kpszsu") ?? 0) > before, "a conditional request answered 304");
  assert.equal(r.code, 0, r.stderr);
  assert.equal((JSON.parse(r.stdout) as { new: number }).new, 2);
});

test("a failing feed is reported with its reason and exit 1; the other sources are still ingested", async () => {
  const db = join(tmp.dir, "watch3.db");
  const r = await cli(["watch", `${srv.base}/bad-feed`, `${srv.base}/nowhere`, `${srv.base}/rss`, "--once", "--delay", "0", "--db", db, "--allow-private"]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /1 new/);
  assert.match(r.stdout, /bad-feed: malformed feed XML|bad-feed: .*feed/);
  assert.match(r.stdout, /nowhere: cannot fetch .*HTTP 404/);
  const bad = await cli(["watch", "ftp://example.org/feed", "--once"]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /only http\(s\) URLs/);
});
