import type { FastifyInstance, FastifyReply } from "fastify";

/**
 * Opt-in micro-cache for read endpoints: a successful GET under /api/ is kept for `ttlMs` and
 * served again without touching the store, so a burst of dashboard viewers costs one query per
 * URL per TTL. Any successful write through this server empties it; writes by another process
 * (`salvo ingest` on the same database) show up after at most `ttlMs`.
 */
export interface MicroCacheOptions {
  ttlMs: number;
  /** Entries kept at most (oldest dropped first), default 500. */
  maxEntries?: number;
}

interface Entry {
  expires: number;
  payload: string | Buffer;
  headers: Record<string, string>;
}

const READ_MODEL_ROUTES = /^\/api\/(attacks|records|timeline|health)(?=[/?]|$)/;

const KEPT_HEADERS = ["content-type", "content-disposition", "cache-control"] as const;

export function registerMicroCache(app: FastifyInstance, options: MicroCacheOptions): void {
  const maxEntries = options.maxEntries ?? 500;
  const entries = new Map<string, Entry>();
  // Reads served from the read models (attacks, records, timeline, health) are one indexed query with an
  // ETag from the store version: caching them would only serve stale answers, so they are never cached.
  const cacheable = (method: string, url: string) =>
    (method === "GET" || method === "HEAD") && url.startsWith("/api/") && !url.startsWith("/api/docs") && !READ_MODEL_ROUTES.test(url);

  app.addHook("onRequest", async (request, reply): Promise<FastifyReply | undefined> => {
    if (!cacheable(request.method, request.url)) return undefined;
    const hit = entries.get(request.url);
    if (!hit) return undefined;
    if (hit.expires < Date.now()) {
      entries.delete(request.url);
      return undefined;
    }
    reply.headers(hit.headers).header("x-salvo-cache", "hit");
    return reply.send(hit.payload);
  });

  app.addHook("onSend", async (request, reply, payload) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      // Extraction is stateless; every other accepted write may change what reads return.
      if (reply.statusCode < 400 && !request.url.startsWith("/api/extract")) entries.clear();
      return payload;
    }
    if (!cacheable(request.method, request.url) || reply.statusCode !== 200 || reply.getHeader("x-salvo-cache")) return payload;
    if (typeof payload !== "string" && !Buffer.isBuffer(payload)) return payload;
    const headers: Record<string, string> = {};
    for (const h of KEPT_HEADERS) {
      const v = reply.getHeader(h);
      if (typeof v === "string") headers[h] = v;
    }
    if (entries.size >= maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
    entries.set(request.url, { expires: Date.now() + options.ttlMs, payload, headers });
    return payload;
  });
}
