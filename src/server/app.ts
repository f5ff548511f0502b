import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { Store } from "../store/types.js";
import { answerClientError, registerErrorHandlers, sendError } from "./error-handler.js";
import { registerCompression } from "./compression.js";
import { registerCors } from "./cors.js";
import { embedAncestors, registerSecurityHeaders } from "./security-headers.js";
import { ExtractPool } from "../worker/extract-pool.js";
import { registerJsonBody } from "./json-body.js";
import { registerStrictInput } from "./strict-input.js";
import { registerHttpCache } from "./http-cache.js";
import { registerMicroCache } from "./micro-cache.js";
import { DATA_DIR, WEB_DIST_DIR } from "./paths.js";
import { attackRoutes } from "./routes/attacks.js";
import { documentRoutes } from "./routes/documents.js";
import { embedRoutes } from "./routes/embed.js";
import { exportRoutes } from "./routes/exports.js";
import { extractRoutes } from "./routes/extract.js";
import { gazetteerRoutes } from "./routes/gazetteer.js";
import { VERSION, dashboardRoutes, metaRoutes } from "./routes/meta.js";
import { RAW_BODY_TYPES, errorEnvelope } from "./schemas/common.js";
import { extractionSchema, goldSchema } from "./schemas/extraction.js";
import { STORE_SCHEMAS } from "./schemas/store.js";
import { DEFAULT_FETCH_MAX_BYTES, DEFAULT_FETCH_TIMEOUT_MS } from "./url-guard.js";

export interface AppOptions {
  store: Store;
  /** Bearer token for write endpoints; when absent they answer 403 SALVO_WRITE_DISABLED. */
  token?: string | undefined;
  /** Let URL ingestion reach private, loopback and link-local addresses (`--allow-private-urls`). */
  allowPrivateUrls?: boolean;
  /** `host` or `host:port` entries exempt from the private-address check (tests, intranets). */
  allowUrlHosts?: readonly string[];
  /** Largest request body in bytes, default 1 MB. */
  bodyLimit?: number;
  /** Total time for fetching an ingested URL, redirects included; default 10 s. */
  fetchTimeoutMs?: number;
  /** Largest fetched document, default 5 MB. */
  fetchMaxBytes?: number;
  /** Keep successful GET answers this long (ms) and serve them without the store; 0 (default) = off. */
  cacheTtlMs?: number;
  logger?: FastifyServerOptions["logger"];
  /** Folder with regions.json and admin1.topo.json; default the package's data/. */
  dataDir?: string;
  /** Built dashboard to serve at `/`; default web/dist; null to never serve one. */
  webDir?: string | null;
  /** Worker threads for POST /api/extract (default: the cores less one, 1 to 4). */
  extractThreads?: number;
  /** Time one extraction may take before it is stopped and answered 422; default 20 s. */
  extractTimeoutMs?: number;
  /** Origins whose pages may frame the /embed/ pages (`*`, default, or `https://news.example`…); everything else refuses framing. */
  embedOrigins?: readonly string[];
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

const registered = new WeakMap<FastifyInstance, { method: string; url: string; hidden: boolean }[]>();

/** Every route this app registered, for the test that checks the OpenAPI document covers them. */
export function registeredRoutes(app: FastifyInstance): readonly { method: string; url: string; hidden: boolean }[] {
  return registered.get(app) ?? [];
}

/** Builds the HTTP API without listening: `await app.listen(...)` or `app.inject(...)` next. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const framing = embedAncestors(options.embedOrigins);
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit,
    // Unknown query parameters and body fields are errors (a typo should not silently widen a filter).
    ajv: { customOptions: { removeAdditional: false, coerceTypes: "array", useDefaults: true, allErrors: false, verbose: true } },
    return503OnClosing: true,
    forceCloseConnections: "idle",
    // Errors fastify answers before any route (a URL it cannot decode) and those node's HTTP parser meets
    // (headers too large, a malformed request) get the same envelope as every other error.
    frameworkErrors: (error, _request, reply) => {
      void sendError(reply, 400, "SALVO_USAGE", error.code === "FST_ERR_BAD_URL" ? "the request URL is not valid (bad percent-encoding)" : error.message);
    },
    clientErrorHandler: answerClientError,
  });
  const routes: { method: string; url: string; hidden: boolean }[] = [];
  registered.set(app, routes);
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const hidden = Boolean((route.schema as { hide?: boolean } | undefined)?.hide);
    for (const method of methods) routes.push({ method, url: route.url, hidden });
  });

  // Raw documents stay bytes: src/source decodes them by their declared or sniffed charset.
  registerJsonBody(app);
  app.removeContentTypeParser("text/plain");
  app.addContentTypeParser([...RAW_BODY_TYPES], { parseAs: "buffer" }, (_request, body, done) => done(null, body));

  registerErrorHandlers(app, bodyLimit);
  // `?from=&weapon=drone` (an empty field left by a form or a spreadsheet formula) means "no filter".
  app.addHook("preValidation", (request, _reply, done) => {
    const q = request.query as Record<string, unknown> | undefined;
    if (q && typeof q === "object") for (const k of Object.keys(q)) if (q[k] === "") delete q[k];
    done();
  });
  registerStrictInput(app);
  registerCors(app);
  if (options.cacheTtlMs && options.cacheTtlMs > 0) registerMicroCache(app, { ttlMs: options.cacheTtlMs });
  registerHttpCache(app);
  registerSecurityHeaders(app, framing);
  await registerCompression(app);

  for (const schema of [errorEnvelope, extractionSchema, goldSchema, ...STORE_SCHEMAS]) app.addSchema(schema);

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "salvo",
        version: VERSION,
        description:
          "Public reports of air strikes in the Russia–Ukraine war as span-anchored facts and reconciled attacks. " +
          "Spans are [start, end) offsets in UTF-16 code units of the document's stored text. Errors are " +
          '`{"error": {"code", "message"}}`.',
      },
      tags: [
        { name: "attacks", description: "Reconciled attacks and records" },
        { name: "aggregates", description: "Timeline and regions" },
        { name: "documents", description: "Stored documents and ingestion" },
        { name: "extract", description: "Stateless extraction" },
        { name: "exports", description: "CSV, NDJSON, GeoJSON downloads" },
        { name: "reference", description: "Gazetteer and boundaries" },
        { name: "meta", description: "Health and this description" },
      ],
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "SALVO_TOKEN" } } },
    },
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json["$id"] === "string" ? json["$id"] : `def-${i}`),
    },
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", uiConfig: { deepLinking: false } });

  const dataDir = options.dataDir ?? DATA_DIR;
  const store = options.store;
  await app.register(metaRoutes, { store, writes: Boolean(options.token) });
  const pool = new ExtractPool({ ...(options.extractThreads ? { threads: options.extractThreads } : {}), ...(options.extractTimeoutMs ? { timeoutMs: options.extractTimeoutMs } : {}) });
  app.addHook("onClose", async () => pool.close());
  await app.register(extractRoutes, { maxBytes: bodyLimit, pool });
  await app.register(gazetteerRoutes, { dataDir });
  await app.register(attackRoutes, { store });
  await app.register(documentRoutes, {
    store,
    token: options.token || undefined,
    guard: {
      allowPrivate: options.allowPrivateUrls ?? false,
      allowHosts: options.allowUrlHosts ?? [],
      timeoutMs: options.fetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS,
      maxBytes: options.fetchMaxBytes ?? DEFAULT_FETCH_MAX_BYTES,
    },
    maxBytes: Math.max(bodyLimit, options.fetchMaxBytes ?? DEFAULT_FETCH_MAX_BYTES),
  });
  await app.register(exportRoutes, { store, dataDir });
  const webDir = options.webDir === undefined ? WEB_DIST_DIR : options.webDir;
  await app.register(embedRoutes, { store, webDir });
  await app.register(dashboardRoutes, { webDir });
  return app;
}
