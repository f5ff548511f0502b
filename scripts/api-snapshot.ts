/**
 * Writes the answers of a running server to the read requests of test/server/api-requests.ts (status, headers
 * except the clock and the connection's, body length and SHA-256, short bodies in full) as JSON lines, so that a
 * change to how the API computes its answers can be checked to change none of them, byte for byte:
 *
 *   salvo serve --db copy-a.db --port 7101 &   (the code before the change)
 *   node --import tsx scripts/api-snapshot.ts http://127.0.0.1:7101 /tmp/before.jsonl
 *   salvo serve --db copy-b.db --port 7102 &   (after; copy-b a copy of the same database)
 *   node --import tsx scripts/api-snapshot.ts http://127.0.0.1:7102 /tmp/after.jsonl && cmp /tmp/before.jsonl /tmp/after.jsonl
 *
 * Bodies are the raw bytes sent (compressed ones too: nothing is decoded). Besides the listed requests: the next
 * pages of some lists (their Link header, two deep) and a conditional GET (If-None-Match) of each compressed sample.
 * Prints the number of answers and the file's SHA-256.
 */
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { FOLLOWED_LISTS, VOLATILE_HEADERS, apiRequests, type ApiRequest } from "../test/server/api-requests.js";

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function send(base: string, r: ApiRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(r.url, base), { method: r.method, headers: r.headers ?? {}, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const headers: Record<string, string> = {};
        for (const k of Object.keys(res.headers).sort()) {
          if (VOLATILE_HEADERS.has(k)) continue;
          const v = res.headers[k];
          headers[k] = Array.isArray(v) ? v.join("\n") : String(v);
        }
        resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

function line(r: ApiRequest, a: Answer): string {
  const short = a.body.length <= 2000 && !a.headers["content-encoding"];
  return JSON.stringify({
    request: r,
    status: a.status,
    headers: a.headers,
    length: a.body.length,
    sha256: createHash("sha256").update(a.body).digest("hex"),
    ...(short ? { body: a.body.toString("utf8") } : {}),
  });
}

/** The next page's URL from a Link header (`</api/attacks?…>; rel="next"`), or null. */
function nextOf(headers: Record<string, string>): string | null {
  return /^<([^>]+)>; rel="next"$/.exec(headers["link"] ?? "")?.[1] ?? null;
}

async function main(): Promise<void> {
  const [base, out] = process.argv.slice(2);
  if (!base || !out) {
    process.stderr.write("usage: api-snapshot.ts <base-url> <out.jsonl>\n");
    process.exit(2);
  }
  const ids: string[] = [];
  for (const offset of [0, 1000, 2000]) {
    const a = await send(base, { method: "GET", url: `/api/attacks?sort=date&limit=1000&offset=${offset}` });
    if (a.status !== 200) throw new Error(`listing attacks: ${a.status} ${a.body.toString("utf8").slice(0, 200)}`);
    ids.push(...(JSON.parse(a.body.toString("utf8")) as { items: Array<{ id: string }> }).items.map((i) => i.id));
  }
  const lines: string[] = [];
  for (const r of apiRequests(ids)) {
    const a = await send(base, r);
    lines.push(line(r, a));
    // A conditional GET with the ETag just received: a 304 without a body while nothing changed.
    if (r.headers?.["accept-encoding"] === "gzip" && a.headers["etag"]) {
      const c: ApiRequest = { method: "GET", url: r.url, headers: { ...r.headers, "if-none-match": a.headers["etag"] } };
      lines.push(line(c, await send(base, c)));
    }
  }
  for (const first of FOLLOWED_LISTS) {
    let url: string | null = first;
    for (let depth = 0; url && depth < 3; depth++) {
      const r: ApiRequest = { method: "GET", url };
      const a = await send(base, r);
      if (depth > 0) lines.push(line(r, a));
      url = nextOf(a.headers);
    }
  }
  const text = lines.join("\n") + "\n";
  writeFileSync(out, text);
  agent.destroy();
  process.stdout.write(`${lines.length} answers, sha256 ${createHash("sha256").update(text).digest("hex")}\n`);
}

await main();
