import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import diagnostics from "node:diagnostics_channel";
import { blockedReason } from "../../src/server/ip-ranges.js";
import { assertPublicUrl, fetchPublicUrl } from "../../src/server/url-guard.js";
import { SalvoError } from "../../src/errors.js";

const BLOCKED = [
  "127.0.0.1",
  "127.255.0.9",
  "10.1.2.3",
  "172.16.0.1",
  "172.31.255.255",
  "192.168.1.1",
  "100.64.0.1",
  "100.127.255.254",
  "169.254.169.254",
  "0.0.0.0",
  "224.0.0.1",
  "239.255.255.250",
  "255.255.255.255",
  "::",
  "::1",
  "fe80::1",
  "fe80::1%eth0",
  "fc00::1",
  "fd12:3456::1",
  "ff02::1",
  "::ffff:127.0.0.1",
  "::ffff:7f00:1",
  "::ffff:169.254.169.254",
  "::ffff:10.0.0.1",
  "64:ff9b::a9fe:a9fe",
  "2002:7f00:1::1",
  "::127.0.0.1",
  "[::1]",
  "not-an-ip",
];
const PUBLIC = ["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "169.255.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8", "2a00:1450::1"];

test("non-public addresses are refused, with the range named", () => {
  for (const ip of BLOCKED) assert.notEqual(blockedReason(ip), null, `${ip} should be blocked`);
  assert.match(blockedReason("169.254.169.254") ?? "", /link-local/);
  assert.match(blockedReason("::ffff:127.0.0.1") ?? "", /IPv4-mapped loopback/);
  assert.match(blockedReason("100.64.0.1") ?? "", /carrier-grade NAT/);
  assert.match(blockedReason("fd00::1") ?? "", /unique-local/);
});

test("public unicast addresses pass", () => {
  for (const ip of PUBLIC) assert.equal(blockedReason(ip), null, `${ip} should be allowed`);
});

async function refusedCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof SalvoError, `expected SalvoError, got ${String(e)}`);
    return e.code;
  }
  assert.fail("expected a refusal");
}

test("URLs naming or resolving to private hosts are refused before any connection", async () => {
  const connects: string[] = [];
  const onConnect = (m: unknown) => {
    const { connectParams } = m as { connectParams: { hostname: string } };
    connects.push(connectParams.hostname);
  };
  diagnostics.subscribe("undici:client:beforeConnect", onConnect);
  try {
    for (const url of [
      "http://localhost:9/",
      "http://127.0.0.1/",
      "http://169.254.169.254/latest/meta-data/",
      "http://[::1]:8080/",
      "http://[::ffff:127.0.0.1]/",
      "http://[::ffff:a9fe:a9fe]/",
      "http://2130706433/",
      "http://0x7f.1/",
      "https://10.0.0.5/",
    ]) {
      const started = Date.now();
      assert.equal(await refusedCode(fetchPublicUrl(url, { timeoutMs: 5000 })), "SALVO_URL_REFUSED", url);
      assert.ok(Date.now() - started < 1000, `${url} refusal should be immediate`);
    }
    assert.deepEqual(connects, [], "no socket may be opened for a refused URL");
  } finally {
    diagnostics.unsubscribe("undici:client:beforeConnect", onConnect);
  }
});

test("only http and https without credentials", async () => {
  for (const url of ["file:///etc/passwd", "ftp://example.org/", "gopher://x/", "http://user:pw@example.org/", "not a url"]) {
    assert.equal(await refusedCode(assertPublicUrl(url)), "SALVO_URL_REFUSED", url);
  }
});

function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; port: number }> {
  const server = createServer(handler);
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve({ server, port: (server.address() as AddressInfo).port }));
  });
}

test("fetching through an allowed host follows redirects and checks every hop", async (t) => {
  let hits169 = 0;
  const { server, port } = await listen((req, res) => {
    const u = req.url ?? "/";
    if (u === "/ok") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end("<p>Вночі 12 дронів</p>");
    } else if (u === "/hop") {
      res.writeHead(302, { location: "/ok" });
      res.end();
    } else if (u === "/to-localhost") {
      res.writeHead(301, { location: `http://localhost:${port}/ok` });
      res.end();
    } else if (u === "/to-metadata") {
      hits169++;
      res.writeHead(307, { location: "http://169.254.169.254/latest/meta-data/" });
      res.end();
    } else if (u.startsWith("/loop")) {
      res.writeHead(302, { location: `/loop${u.length}` });
      res.end();
    } else if (u === "/big") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("x".repeat(600));
      res.end("y".repeat(600));
    } else if (u === "/slow") {
      // never answers; the client's timeout must end it
    } else {
      res.writeHead(404);
      res.end("nope");
    }
  });
  t.after(() => {
    server.closeAllConnections();
    server.close();
  });
  const allow = { allowHosts: [`127.0.0.1:${port}`], timeoutMs: 2000 };
  const base = `http://127.0.0.1:${port}`;

  const ok = await fetchPublicUrl(`${base}/hop`, allow);
  assert.equal(ok.status, 200);
  assert.equal(ok.url, `${base}/ok`);
  assert.deepEqual(ok.redirects, [`${base}/ok`]);
  assert.equal(ok.body.toString("utf8"), "<p>Вночі 12 дронів</p>");
  assert.match(ok.contentType ?? "", /text\/html/);

  assert.equal(await refusedCode(fetchPublicUrl(`${base}/to-localhost`, allow)), "SALVO_URL_REFUSED");
  assert.equal(await refusedCode(fetchPublicUrl(`${base}/to-metadata`, allow)), "SALVO_URL_REFUSED");
  assert.equal(hits169, 1);
  assert.equal(await refusedCode(fetchPublicUrl(`${base}/loop`, allow)), "SALVO_FETCH_FAILED");
  assert.equal(await refusedCode(fetchPublicUrl(`${base}/missing`, allow)), "SALVO_FETCH_FAILED");
  assert.equal(await refusedCode(fetchPublicUrl(`${base}/big`, { ...allow, maxBytes: 1000 })), "SALVO_FETCH_FAILED");
  const started = Date.now();
  assert.equal(await refusedCode(fetchPublicUrl(`${base}/slow`, { ...allow, timeoutMs: 300 })), "SALVO_FETCH_FAILED");
  assert.ok(Date.now() - started < 2000, "timeout must end the fetch");
  // without the exemption, the same loopback server is refused
  assert.equal(await refusedCode(fetchPublicUrl(`${base}/ok`, { timeoutMs: 2000 })), "SALVO_URL_REFUSED");
  // --allow-private-urls lets everything through
  assert.equal((await fetchPublicUrl(`http://localhost:${port}/ok`, { allowPrivate: true })).status, 200);
});
