import { hash } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Store } from "../store/types.js";

/**
 * ETag on every successful GET whose body is built in memory, so that a client polling the API (a
 * dashboard, a notebook) gets 304 without a body while nothing changed. Reads served from the read models
 * take theirs from the store version (bumped by every write, whichever process made it) before touching
 * anything else; other bodies get a hash of the body. Streams (static files) carry their own validators.
 */
export function etagOf(payload: string | Buffer): string {
  // One-shot hashing: the same digest as createHash().update().digest(), without a Hash object per answer.
  return `"${hash("sha1", payload, "base64url")}"`;
}

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}

/** Marks the replies whose ETag came from the store version (the onSend hook then leaves them alone). */
const versioned = new WeakSet<FastifyReply>();

/**
 * Sets the ETag of a read from the store version and the URL; true when the client already holds this
 * version (the reply is then a 304 and the handler sends nothing more). The version is read before the body,
 * so a write landing in between can only make the body newer than its ETag, never older.
 */
export async function notModified(store: Store, request: FastifyRequest, reply: FastifyReply, appVersion: string): Promise<boolean> {
  const v = await store.version();
  const url = hash("sha1", request.url, "base64url").slice(0, 12);
  const etag = `"v${v}-${appVersion.replace(/[^\w]/g, "_")}-${url}"`;
  versioned.add(reply);
  reply.header("etag", etag);
  reply.header("cache-control", "no-cache");
  if (!matches(request.headers["if-none-match"], etag)) return false;
  reply.code(304);
  return true;
}

/** The payload to send in place of this one: "" for a 304, else the payload itself. */
function validated(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
  if (request.method !== "GET" && request.method !== "HEAD") return payload;
  if (versioned.has(reply)) {
    if (reply.statusCode === 304) {
      reply.removeHeader("content-length");
      return "";
    }
    if (reply.statusCode !== 200) reply.removeHeader("etag");
    return payload;
  }
  if (reply.statusCode !== 200) return payload;
  if (typeof payload !== "string" && !Buffer.isBuffer(payload)) return payload;
  const etag = etagOf(payload);
  reply.header("etag", etag);
  if (!reply.hasHeader("cache-control")) reply.header("cache-control", "no-cache");
  if (matches(request.headers["if-none-match"], etag)) {
    reply.code(304);
    reply.removeHeader("content-length");
    return "";
  }
  return payload;
}

export function registerHttpCache(app: FastifyInstance): void {
  // A callback hook, not an async one: it runs on every answer, and a promise each is measurable there.
  app.addHook("onSend", (request, reply, payload, done) => done(null, validated(request, reply, payload)));
}
