// Issue 11, item 3: `salvo ingest` and `salvo watch` of a feed must not fetch item links or redirects that point
// at loopback or private addresses. A real feed server on 127.0.0.1 (exempted by --allow-host for its own port
// only) lists items whose links go to another loopback server and to a redirect onto [::1]; neither may be contacted.
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { join } from "node:path";
import Database from "better-sqlite3";
import { cli, tempDir } from "../store/helpers.js";

const ARTICLE = "<html><body><article><h1>Night attack</h1><p>Overnight the enemy launched 70 drones at the region; 60 were shot down by air defence.</p></article></body></html>";

interface Listening {
  server: Server;
  hits: string[];
  port: number;
}

interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

async function listen(host: string, handler: (path: string, port: number) => Reply): Promise<Listening> {
  const hits: string[] = [];
  let port = 0;
  const server = createServer((req, res) => {
    hits.push(req.url ?? "/");
    const r = handler(req.url ?? "/", port);
    res.writeHead(r.status, { "content-type": "text/html; charset=utf-8", ...r.headers }).end(r.body ?? "");
  });
  await new Promise<void>((res) => server.listen(0, host, res));
  port = (server.address() as AddressInfo).port;
  return { server, hits, port };
}

let tmp: { dir: string; cleanup(): void };
let secret4: Listening;
let secret6: Listening | null;
let feed: Listening;

before(async () => {
  tmp = tempDir("salvo-outbound-");
  secret4 = await listen("127.0.0.1", () => ({ status: 200, body: ARTICLE }));
  secret6 = await listen("::1", () => ({ status: 200, body: ARTICLE })).catch(() => null);
  const v6Port = secret6?.port ?? 9;
  feed = await listen("127.0.0.1", (path, port): Reply => {
    if (path === "/feed.xml") {
      const items = [
        `<item><title>Direct loopback</title><link>http://127.0.0.1:${secret4.port}/article</link><guid>a</guid></item>`,
        `<item><title>Redirected</title><link>http://127.0.0.1:${port}/hop</link><guid>b</guid></item>`,
        `<item><title>Private range</title><link>http://10.255.255.1:${secret4.port}/x</link><guid>c</guid></item>`,
      ].join("");
      return { status: 200, headers: { "content-type": "application/rss+xml" }, body: `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${items}</channel></rss>` };
    }
    // The feed's own host answers a redirect to the IPv6 loopback, which the guard must check like any hop.
    if (path === "/hop") return { status: 302, headers: { location: `http://[::1]:${v6Port}/article` } };
    return { status: 404 };
  });
});

after(async () => {
  for (const l of [secret4, secret6, feed]) if (l) await new Promise<void>((res) => l.server.close(() => res()));
  tmp.cleanup();
});

function storedDocuments(db: string): number {
  const conn = new Database(db, { readonly: true });
  try {
    return (conn.prepare("select count(*) as n from documents").get() as { n: number }).n;
  } finally {
    conn.close();
  }
}

test("ingest of a feed: item links to 127.0.0.1 and a redirect to [::1] are refused, nothing is fetched from them", async () => {
  const db = join(tmp.dir, "ingest.db");
  const r = await cli(["ingest", `http://127.0.0.1:${feed.port}/feed.xml`, "--allow-host", `127.0.0.1:${feed.port}`, "--db", db, "--json"]);
  assert.equal(r.code, 1, r.stderr);
  const summary = JSON.parse(r.stdout) as { new: number; failed: { source: string; reason: string }[] };
  assert.equal(summary.new, 0);
  assert.equal(summary.failed.length, 3, r.stdout);
  for (const f of summary.failed) assert.match(f.reason, /loopback|private|refused/, f.reason);
  assert.ok(summary.failed.some((f) => /::1/.test(f.reason)), "the redirect's target is named");
  assert.deepEqual(secret4.hits, [], "the loopback server was never contacted");
  assert.deepEqual(secret6?.hits ?? [], [], "the IPv6 loopback server was never contacted");
  assert.deepEqual(feed.hits.filter((h) => h !== "/feed.xml"), ["/hop"], "only the allowed host's redirect was asked");
  assert.equal(storedDocuments(db), 0);
});

test("watch of the same feed refuses the same links; with --allow-private it fetches them", async () => {
  const db = join(tmp.dir, "watch.db");
  const before4 = secret4.hits.length;
  const r = await cli(["watch", `http://127.0.0.1:${feed.port}/feed.xml`, "--once", "--delay", "0", "--allow-host", `127.0.0.1:${feed.port}`, "--db", db, "--json"]);
  assert.equal(r.code, 1, r.stderr);
  assert.equal(secret4.hits.length, before4, "watch did not contact the loopback server");
  assert.deepEqual(secret6?.hits ?? [], []);
  const plain = await cli(["ingest", `http://127.0.0.1:${feed.port}/feed.xml`, "--db", db, "--json"]);
  assert.equal(plain.code, 1);
  assert.match(plain.stdout + plain.stderr, /loopback/);
  const allowed = await cli(["ingest", `http://127.0.0.1:${secret4.port}/article`, "--allow-private", "--db", db, "--json"]);
  assert.equal(allowed.code, 0, allowed.stdout + allowed.stderr);
  assert.equal(secret4.hits.length, before4 + 1, "--allow-private is what lets a loopback address be fetched");
});
