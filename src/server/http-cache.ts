import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/**
 * ETag on every successful GET whose body is built in memory: a hash of the body, so that a
 * client polling the API (a dashboard, a notebook) gets 304 without a body while nothing changed.
 * Streams (static files) carry their own validators and are left alone.
 */
export function etagOf(payload: string | Buffer): string {
  return `"${createHash("sha1").update(payload).digest("base64url")}"`;
}

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}

export function registerHttpCache(app: FastifyInstance): void {
  app.addHook("onSend", async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (request.method !== "GET" && request.method !== "HEAD") return payload;
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
  });
}
