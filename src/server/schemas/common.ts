import { DATE, REGION, claimant, kind, lang, org, outcome, qualifier, side, weapon } from "../../model/json-schema.js";

// The building blocks are those of the API's response shapes (src/model/json-schema.ts): one definition each.
export { DATE, REGION, claimant, kind, lang, org, outcome, qualifier, side, weapon };

/** JSON Schema pieces shared by the routes. Plain objects so that @fastify/swagger can read them. */

export const errorEnvelope = {
  $id: "Error",
  type: "object",
  description: "Every failure: a stable code from the error catalogue and a message a user can act on.",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: { code: { type: "string" }, message: { type: "string" } },
    },
  },
} as const;

const errorRef = { $ref: "Error#" } as const;

/** The error answers a route can give, on top of its 200 schema. */
export function errorResponses(...statuses: number[]): Record<string, typeof errorRef> {
  const out: Record<string, typeof errorRef> = {};
  for (const s of [400, ...statuses]) out[String(s)] = errorRef;
  return out;
}

/** For routes that take no query parameters: any given is an error, like everywhere else. */
export const NO_QUERY = { type: "object", additionalProperties: false, properties: {} } as const;

/** Filters shared by attacks, timeline, regions-aggregate and exports. */
export const attackFilterProperties = {
  from: { ...DATE, description: "First date, inclusive (YYYY-MM-DD)" },
  to: { ...DATE, description: "Last date, inclusive (YYYY-MM-DD)" },
  attacker: { ...side, description: "Side that launched the attack" },
  target: { ...side, description: "Side that was attacked" },
  weapon: { ...weapon, description: "Attacks with a figure of this weapon class or a subclass" },
  region: { ...REGION, description: "Attacks naming this region (target or figure)" },
} as const;

export const paginationProperties = {
  limit: { type: "integer", minimum: 1, maximum: 1000, default: 50, description: "Items per page (1–1000)" },
  offset: { type: "integer", minimum: 0, maximum: 10_000_000, default: 0, description: "Items to skip" },
} as const;

export function listOf<T extends object>(item: T, description: string) {
  return {
    type: "object",
    description,
    required: ["total", "limit", "offset", "items"],
    properties: {
      total: { type: "integer", description: "Items matching, over all pages" },
      limit: { type: "integer" },
      offset: { type: "integer" },
      items: { type: "array", items: item },
    },
  } as const;
}

/** Raw document bodies (read as bytes, decoded by their declared or sniffed charset). */
export const RAW_BODY_CONTENT = {
  "text/plain": { schema: { description: "The raw text; options in the query string" } },
  "text/html": { schema: { description: "An HTML page; its article text is read" } },
  "text/markdown": { schema: { description: "A Markdown document" } },
  "application/octet-stream": { schema: { description: "A file's bytes; its format is sniffed (or taken from ?filename=)" } },
} as const;
export const RAW_BODY_TYPES = ["text/plain", "text/html", "text/markdown", "application/xhtml+xml", "application/octet-stream"] as const;

/** An ISO 8601 date or date-time with offset, with real month/day/hour ranges. */
export const ISO_TIME = {
  type: "string",
  maxLength: 40,
  pattern:
    "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])(T([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d{1,9})?)?(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)?)?$",
} as const;

export const FILENAME = {
  type: "string",
  maxLength: 255,
  description: "The file's name, whose extension (.html, .md, .txt) tells the format of a raw body",
} as const;
