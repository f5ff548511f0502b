import type { FastifyInstance } from "fastify";
import { SalvoError } from "../../errors.js";
import type { DocKind, Lang } from "../../model/index.js";
import type { IngestMeta, Store } from "../../store/types.js";
import { requireBearer } from "../auth.js";
import { readBody } from "../document-input.js";
import { FILENAME, ISO_TIME, RAW_BODY_CONTENT, errorResponses, kind, lang, listOf, paginationProperties } from "../schemas/common.js";
import { requireBody } from "./body.js";
import { fetchPublicUrl, type UrlGuardOptions } from "../url-guard.js";

/** Stored documents (read) and ingestion of texts and URLs (write, bearer token). */

interface IngestFields {
  url?: string;
  published?: string;
  publisher?: string;
  lang?: Lang;
  kind?: DocKind;
  title?: string;
  channel?: string;
  post_id?: string;
  filename?: string;
}
interface IngestBody extends IngestFields {
  text?: string;
}

const metaProperties = {
  url: { type: "string", maxLength: 2000, description: "The document's URL; fetched when no text is given" },
  published: { ...ISO_TIME, description: "Publication time (ISO 8601, e.g. 2025-07-04T11:34:00+02:00)" },
  publisher: { type: "string", maxLength: 200 },
  lang,
  kind,
  title: { type: "string", maxLength: 1000 },
  channel: { type: "string", maxLength: 200, description: "Telegram channel" },
  post_id: { type: "string", maxLength: 100 },
  filename: FILENAME,
} as const;

export interface DocumentRouteOptions {
  store: Store;
  token: string | undefined;
  guard: UrlGuardOptions;
  /** Largest document read (posted or fetched). */
  maxBytes: number;
}

export async function documentRoutes(app: FastifyInstance, opts: DocumentRouteOptions): Promise<void> {
  const { store } = opts;

  app.get<{ Querystring: { limit: number; offset: number; lang?: Lang; kind?: DocKind } }>(
    "/api/documents",
    {
      schema: {
        operationId: "listDocuments",
        summary: "Stored documents, newest first",
        tags: ["documents"],
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: { ...paginationProperties, lang, kind },
        },
        response: { 200: listOf({ $ref: "DocumentSummary#" }, "A page of documents"), ...errorResponses() },
      },
    },
    async (request) => {
      const { limit, offset, lang: l, kind: k } = request.query;
      const page = await store.listDocuments({ limit, offset }, { ...(l ? { lang: l } : {}), ...(k ? { kind: k } : {}) });
      return { total: page.total, limit, offset, items: page.items };
    },
  );

  app.get<{ Params: { id: number } }>(
    "/api/documents/:id",
    {
      schema: {
        operationId: "getDocument",
        summary: "One document: its text, its reports and every fact with its spans",
        tags: ["documents"],
        params: { type: "object", required: ["id"], properties: { id: { type: "integer", minimum: 1, maximum: 2147483647 } } },
        response: { 200: { $ref: "DocumentDetail#" }, ...errorResponses(404) },
      },
    },
    async (request) => {
      const doc = await store.getDocument(request.params.id);
      if (!doc) throw new SalvoError("SALVO_NOT_FOUND", `no document ${request.params.id} in the store`);
      return doc;
    },
  );

  app.post<{ Body: IngestBody | Buffer; Querystring: IngestFields }>(
    "/api/documents",
    {
      onRequest: requireBearer(opts.token),
      schema: {
        operationId: "ingestDocument",
        summary: "Ingest a document: a text, or a URL to fetch (needs the bearer token)",
        description:
          "JSON `{text, url?, published?, …}` stores the text; JSON `{url}` fetches the page (public addresses only, " +
          "redirects checked) and stores its text. A raw text/plain or text/html body is accepted too, with the metadata " +
          "in the query string. Answers 201 for a new or revised document, 200 when it is unchanged.",
        tags: ["documents"],
        security: [{ bearer: [] }],
        querystring: { type: "object", additionalProperties: false, properties: metaProperties },
        body: {
          content: {
            "application/json": {
              schema: {
                type: "object",
                additionalProperties: false,
                properties: { text: { type: "string", minLength: 1, description: "The document's text" }, ...metaProperties },
              },
            },
            ...RAW_BODY_CONTENT,
          },
        },
        response: {
          200: { $ref: "IngestResult#" },
          201: { $ref: "IngestResult#" },
          ...errorResponses(401, 403, 413, 415, 502),
        },
      },
    },
    async (request, reply) => {
      const body = requireBody(request.body);
      const rawBody = Buffer.isBuffer(body) ? body : null;
      const fields: IngestBody = rawBody ? { ...request.query } : { ...request.query, ...(body as IngestBody) };
      let raw: string | Buffer;
      let contentType: string | undefined;
      let fetchedUrl: string | undefined;
      if (rawBody) {
        raw = rawBody;
        contentType = request.headers["content-type"];
      } else if (fields.text !== undefined) {
        raw = fields.text;
      } else if (fields.url) {
        const res = await fetchPublicUrl(fields.url, opts.guard);
        raw = res.body;
        contentType = res.contentType ?? undefined;
        fetchedUrl = res.url;
      } else {
        throw new SalvoError("SALVO_USAGE", 'body field "text" or "url" is required');
      }
      const doc = readBody(raw, { contentType, url: fetchedUrl ?? fields.url, filename: fields.filename }, opts.maxBytes);
      const meta: IngestMeta = {
        url: fetchedUrl ?? fields.url ?? doc.url,
        publisher: fields.publisher ?? doc.publisher,
        published: fields.published ?? doc.published,
        updated: doc.updated,
        lang: fields.lang ?? doc.lang,
        kind: fields.kind ?? null,
        title: fields.title ?? doc.title,
        channel: fields.channel ?? null,
        post_id: fields.post_id ?? null,
      };
      const result = await store.ingestText(doc.text, meta);
      if (result.status === "failed") {
        throw new SalvoError("SALVO_STORE_FAILED", `the document could not be stored: ${result.reason ?? "unknown reason"}`);
      }
      reply.code(result.status === "unchanged" ? 200 : 201);
      return fetchedUrl ? { ...result, url: fetchedUrl } : result;
    },
  );
}
