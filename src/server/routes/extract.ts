import type { FastifyInstance } from "fastify";
import type { DocKind, ExtractOptions, Lang } from "../../model/index.js";
import type { ExtractPool } from "../../worker/extract-pool.js";
import { FILENAME, ISO_TIME, RAW_BODY_CONTENT, errorResponses, kind, lang } from "../schemas/common.js";
import { requireBody } from "./body.js";

/** POST /api/extract: stateless extraction of a posted text or HTML page, as `salvo extract` prints it. */

const optionProperties = {
  lang: { ...lang, description: "Language of the text; detected when absent" },
  kind: { ...kind, description: "news (default), official or social" },
  published: {
    ...ISO_TIME,
    description: "Publication time known from outside the text (ISO 8601, e.g. 2025-07-04T11:34:00+02:00), the reference for relative dates",
  },
  publisher: { type: "string", maxLength: 200 },
  url: { type: "string", maxLength: 2000 },
  title: { type: "string", maxLength: 1000 },
  channel: { type: "string", maxLength: 200 },
  filename: FILENAME,
  format: { type: "string", enum: ["json", "gold"], default: "json", description: "json: facts with spans; gold: the evaluation's format" },
} as const;

interface ExtractBody {
  text: string;
  lang?: Lang;
  kind?: DocKind;
  published?: string;
  publisher?: string;
  url?: string;
  title?: string;
  channel?: string;
  filename?: string;
  format?: "json" | "gold";
}
type ExtractQuery = Omit<ExtractBody, "text">;

export async function extractRoutes(app: FastifyInstance, { maxBytes, pool }: { maxBytes: number; pool: ExtractPool }): Promise<void> {
  app.post<{ Body: ExtractBody | Buffer; Querystring: ExtractQuery }>(
    "/api/extract",
    {
      schema: {
        operationId: "extract",
        summary: "Extract facts from a text",
        description:
          "Reads a report (JSON `{text, …}`, or the raw text as text/plain or text/html with options in the query string) " +
          "and returns what `salvo extract` prints: every report, count, casualty and region with the spans of its evidence. " +
          "Spans are [start, end) offsets in UTF-16 code units of the returned `text`. Nothing is stored.",
        tags: ["extract"],
        querystring: { type: "object", additionalProperties: false, properties: optionProperties },
        body: {
          content: {
            "application/json": {
              schema: {
                type: "object",
                additionalProperties: false,
                required: ["text"],
                properties: { text: { type: "string", minLength: 1, description: "The document's text" }, ...optionProperties },
              },
            },
            ...RAW_BODY_CONTENT,
          },
        },
        response: {
          200: {
            description: "The extraction (format=json) or its gold form (format=gold)",
            anyOf: [{ $ref: "Extraction#" }, { $ref: "Gold#" }],
          },
          ...errorResponses(413, 415),
        },
      },
    },
    async (request, reply) => {
      const body = requireBody(request.body);
      const raw = Buffer.isBuffer(body) ? body : null;
      const opts: ExtractQuery = raw ? request.query : { ...request.query, ...(body as ExtractBody) };
      const options: ExtractOptions = {};
      if (opts.lang) options.lang = opts.lang;
      if (opts.kind) options.kind = opts.kind;
      if (opts.published) options.published = opts.published;
      if (opts.publisher) options.publisher = opts.publisher;
      if (opts.url) options.url = opts.url;
      if (opts.channel) options.channel = opts.channel;
      if (opts.title) options.title = opts.title;
      // Read and extracted in a worker thread (src/worker/extract-pool.ts): one request never stalls the others.
      const json = await pool.run({
        body: raw ?? (body as ExtractBody).text,
        contentType: raw ? request.headers["content-type"] : undefined,
        url: opts.url,
        filename: opts.filename,
        maxBytes,
        options,
        format: opts.format === "gold" ? "gold" : "json",
      });
      // Serialized by the worker, not by the response schema: the body is exactly what `salvo extract` prints.
      return reply.type("application/json; charset=utf-8").send(json);
    },
  );
}
