import type { FastifyInstance } from "fastify";

/**
 * Reads are open to any origin (newsroom notebooks, Datawrapper, Flourish); writes are not
 * given CORS headers, so a browser page elsewhere cannot post with a visitor's credentials.
 */
export function registerCors(app: FastifyInstance): void {
  // A callback hook, not an async one: it runs on every request, and a promise each is measurable there.
  app.addHook("onRequest", (request, reply, done) => {
    if (request.url.startsWith("/api/") && (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS")) {
      reply.header("access-control-allow-origin", "*");
      reply.header("access-control-expose-headers", "ETag, Content-Disposition, Content-Type");
    }
    done();
  });
  app.options("/api/*", { schema: { hide: true } }, async (_request, reply) => {
    reply
      .header("access-control-allow-methods", "GET, HEAD, OPTIONS")
      .header("access-control-allow-headers", "If-None-Match, Content-Type")
      .header("access-control-max-age", "86400")
      .code(204)
      .send();
  });
}
