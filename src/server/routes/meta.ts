import { existsSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import fastifyStatic from "@fastify/static";
import type { Store } from "../../store/types.js";
import { NO_QUERY, errorResponses } from "../schemas/common.js";

/** Health, the OpenAPI document, and the dashboard (or a page that says how to build it). */

export const VERSION = "0.1.0";

export async function metaRoutes(app: FastifyInstance, opts: { store: Store; writes: boolean }): Promise<void> {
  app.get(
    "/api/health",
    {
      schema: {
        operationId: "health",
        summary: "Liveness and what the server runs on",
        tags: ["meta"],
        querystring: NO_QUERY,
        response: {
          200: {
            type: "object",
            required: ["status", "version", "store", "documents", "writes"],
            properties: {
              status: { type: "string", enum: ["ok"] },
              version: { type: "string" },
              store: { type: "string", enum: ["sqlite", "postgres"] },
              documents: { type: "integer", description: "Documents stored" },
              writes: { type: "boolean", description: "Whether write endpoints are enabled (SALVO_TOKEN set)" },
            },
          },
          ...errorResponses(500),
        },
      },
    },
    // A counter kept by writes, not a scan: health must stay cheap however large the store grows.
    async () => ({ status: "ok", version: VERSION, store: opts.store.dialect, documents: await opts.store.documentCount(), writes: opts.writes }),
  );

  let openapi: string | null = null;
  app.get(
    "/api/openapi.json",
    {
      schema: {
        operationId: "getOpenApi",
        summary: "This API described in OpenAPI 3.1, generated from the route schemas",
        tags: ["meta"],
        querystring: NO_QUERY,
        response: { 200: { type: "object", additionalProperties: true, description: "An OpenAPI 3.1 document" } },
      },
    },
    async (_request, reply) => {
      openapi ??= JSON.stringify(app.swagger());
      return reply.type("application/json; charset=utf-8").send(openapi);
    },
  );
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>salvo</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40em;margin:3em auto;padding:0 1em}code{background:#eee;padding:0 .3em}</style>
</head><body>
<h1>salvo</h1>
<p>The dashboard is not built. Build it with <code>npm run build:web</code> (it writes <code>web/dist/</code>), then restart <code>salvo serve</code>.</p>
<p>The API works without it: see <a href="/api/docs">/api/docs</a>, <a href="/api/openapi.json">/api/openapi.json</a>,
<a href="/api/attacks">/api/attacks</a>, <a href="/api/health">/api/health</a>.</p>
</body></html>
`;

/** Serves web/dist at `/` when it has been built; otherwise `/` explains how to build it. */
export async function dashboardRoutes(app: FastifyInstance, opts: { webDir: string | null }): Promise<void> {
  if (opts.webDir && existsSync(join(opts.webDir, "index.html"))) {
    await app.register(fastifyStatic, { root: opts.webDir, prefix: "/", wildcard: true, index: ["index.html"] });
    return;
  }
  app.get("/", { schema: { hide: true } }, async (_request, reply) => reply.type("text/html; charset=utf-8").send(NOT_BUILT_PAGE));
}
