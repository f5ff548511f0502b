import type { FastifyInstance, FastifyRequest } from "fastify";
import { SalvoError } from "../errors.js";
import { isoTimeProblem } from "../iso-time.js";
import { DATE, ISO_TIME } from "./schemas/common.js";

/**
 * Input checked as it was sent, before ajv coerces it. Ajv's coercion is needed for the query string and the path
 * (they are text) but it also turns `{"text": 12345}` into "12345", `{"lang": ["fr"]}` into "fr" and `/0x10` into 16.
 * This hook refuses those: a JSON body's values must have their schema's type exactly, and a number in the query or
 * the path must be written in decimal. Dates must exist on the calendar (2025-02-30 has the shape of one).
 */

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  pattern?: string;
}

type Part = "body field" | "query parameter" | "path parameter";

const DECIMAL_INTEGER = /^-?(0|[1-9]\d*)$/;
const DECIMAL_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;
/** The date patterns, compiled once (they are checked on every request that has a date parameter). */
const DATE_PATTERNS = new Map<string, RegExp>([DATE.pattern, ISO_TIME.pattern].map((p) => [p, new RegExp(p)]));

function typesOf(schema: Schema): string[] {
  return schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
}

function jsonType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

function describe(v: unknown): string {
  const t = jsonType(v);
  return t === "integer" || t === "number" ? `the number ${String(v)}` : t === "array" ? "a list" : t === "object" ? "an object" : t === "string" ? "a string" : t;
}

function usage(message: string): SalvoError {
  return new SalvoError("SALVO_USAGE", message);
}

function checkDate(schema: Schema, v: unknown, part: Part, path: string): void {
  // Only a value with the pattern's shape: the schema's own message covers the others.
  const datePattern = typeof v === "string" && schema.pattern ? DATE_PATTERNS.get(schema.pattern) : undefined;
  if (typeof v === "string" && datePattern?.test(v)) {
    const problem = isoTimeProblem(v);
    if (problem) throw new SalvoError("SALVO_INPUT_DATE", `${part} "${path}" must be an ISO 8601 date that exists: "${v.slice(0, 40)}" ${problem}`);
  }
}

/** A JSON value against its schema's declared types, recursively through properties and items. */
function checkJson(schema: Schema, v: unknown, path: string): void {
  const types = typesOf(schema);
  // The body as a whole keeps the schema's own message ("must be a JSON object such as {"text": …}").
  if (types.length && path !== "") {
    const t = jsonType(v);
    const ok = types.includes(t) || (t === "integer" && types.includes("number"));
    if (!ok) throw usage(`${path ? `body field "${path}"` : "the request body"} must be ${types.map((x) => (x === "integer" ? "an integer" : x === "array" ? "a list" : x === "object" ? "an object" : x === "null" ? "null" : `a ${x}`)).join(" or ")}, not ${describe(v)}`);
  }
  checkDate(schema, v, "body field", path);
  if (schema.properties && v && typeof v === "object" && !Array.isArray(v)) {
    for (const [k, sub] of Object.entries(schema.properties)) {
      const value = (v as Record<string, unknown>)[k];
      if (value !== undefined) checkJson(sub, value, path ? `${path}.${k}` : k);
    }
  }
  if (schema.items && Array.isArray(v)) v.forEach((item, i) => checkJson(schema.items!, item, `${path}[${i}]`));
}

/** Query and path values are strings (or, repeated, lists of them): what ajv may coerce them into is checked here. */
function checkText(schema: Schema, raw: Record<string, unknown>, part: Part): void {
  for (const [k, sub] of Object.entries(schema.properties ?? {})) {
    const v = raw[k];
    if (v === undefined) continue;
    const types = typesOf(sub);
    if (Array.isArray(v) && !types.includes("array")) throw usage(`${part} "${k}" is given more than once`);
    if (typeof v !== "string") continue;
    // What ajv would read as a number although it is not written in decimal (0x10, 1e1, " 16"); others get ajv's message.
    const numeric = v.trim() !== "" && Number.isFinite(Number(v));
    if (numeric && types.includes("integer") && !types.includes("string") && !DECIMAL_INTEGER.test(v)) throw usage(`${part} "${k}" must be an integer written in decimal (got "${v.slice(0, 40)}")`);
    if (numeric && types.includes("number") && !types.includes("string") && !DECIMAL_NUMBER.test(v)) throw usage(`${part} "${k}" must be a number written in decimal (got "${v.slice(0, 40)}")`);
    checkDate(sub, v, part, k);
  }
}

function bodySchema(request: FastifyRequest): Schema | null {
  const body = (request.routeOptions.schema as { body?: Schema & { content?: Record<string, { schema?: Schema }> } } | undefined)?.body;
  if (!body) return null;
  if (body.content) return body.content["application/json"]?.schema ?? null;
  return body;
}

function checkRequest(request: FastifyRequest): void {
  const schema = request.routeOptions.schema as { querystring?: Schema; params?: Schema } | undefined;
  if (schema?.params && request.params && typeof request.params === "object") checkText(schema.params, request.params as Record<string, unknown>, "path parameter");
  if (schema?.querystring && request.query && typeof request.query === "object") checkText(schema.querystring, request.query as Record<string, unknown>, "query parameter");
  const body = request.body;
  if (body !== undefined && body !== null && !Buffer.isBuffer(body) && typeof body === "object") {
    const s = bodySchema(request);
    if (s) checkJson(s, body, "");
  }
}

export function registerStrictInput(app: FastifyInstance): void {
  // A callback hook, not an async one: it runs on every request, and a promise each is measurable there.
  app.addHook("preValidation", (request, _reply, done) => {
    try {
      checkRequest(request);
    } catch (e) {
      done(e as Error);
      return;
    }
    done();
  });
}
