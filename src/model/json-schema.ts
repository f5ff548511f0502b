import type { FromSchema, JSONSchema } from "json-schema-to-ts";
import { EVIDENCE_ROLES } from "./span.js";
import {
  CASUALTY_KINDS,
  CLAIMANTS,
  KINDS,
  LANGS,
  ORGS,
  OUTCOMES,
  PERIOD_NAMES,
  PLACE_ROLES,
  QUALIFIERS,
  RECORD_METRICS,
  RECORD_SCOPES,
  SIDES,
  WEAPONS,
} from "./vocab.js";

/**
 * Building blocks for the JSON Schemas that state the API's shapes. Each is a literal (`as const`) so that
 * `FromSchema` (json-schema-to-ts) turns a schema built from them into the TypeScript type: the schema is
 * written once and the server's serializer, the OpenAPI document, the store's result types and the
 * dashboard's types all come from it. This module imports only the vocabulary, so the dashboard can import it.
 */

export type { FromSchema, JSONSchema };

type Properties = Readonly<Record<string, JSONSchema>>;

export const int = { type: "integer" } as const;
export const nint = { type: ["integer", "null"] } as const;
export const num = { type: "number" } as const;
export const nnum = { type: ["number", "null"] } as const;
export const str = { type: "string" } as const;
export const nstr = { type: ["string", "null"] } as const;
export const bool = { type: "boolean" } as const;

type Nullable<S> = {
  readonly [K in keyof S]: K extends "type" ? readonly [S[K], "null"] : K extends "enum" ? S[K] extends readonly unknown[] ? readonly [...S[K], null] : S[K] : S[K];
};

/**
 * The same schema, also accepting null: `type: [t, "null"]` (which the serializer and FromSchema both read), and
 * null added to an `enum`, without which a validator rejects the null the type allows.
 */
export function nullable<const S extends { readonly type: "string" | "number" | "integer" | "boolean" | "object" | "array"; readonly enum?: readonly unknown[] }>(
  schema: S,
): Nullable<S> {
  const out: Record<string, unknown> = { ...schema, type: [schema.type, "null"] };
  if (schema.enum) out["enum"] = [...schema.enum, null];
  return out as Nullable<S>;
}

/** A string from a fixed list. */
export function oneOf<const V extends readonly string[]>(values: V) {
  return { type: "string", enum: values } as const;
}

export function arrayOf<const I extends JSONSchema>(items: I) {
  return { type: "array", items } as const;
}

/**
 * A closed object: every property is required unless named in `optional`, and no other property is allowed, so
 * that the schema states exactly what the data holds and a validator notices a field the schema does not name.
 */
export function closed<const P extends Properties, const O extends readonly (keyof P & string)[] = readonly []>(
  properties: P,
  optional?: O,
) {
  const skip = new Set<string>(optional ?? []);
  const required = Object.keys(properties).filter((k) => !skip.has(k)) as Array<Exclude<keyof P & string, O[number]>>;
  return { type: "object", additionalProperties: false, required, properties } as const;
}

export const DATE = {
  type: "string",
  pattern: "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$",
  description: "A date, YYYY-MM-DD",
} as const;
export const REGION = {
  type: "string",
  pattern: "^(UA-\\d{2}|RU-[A-Z]{2,3}|sea:[a-z]+|area:[a-z-]+)$",
  description: "ISO 3166-2 code (UA-63, RU-BEL), a sea (sea:black), or an Air Force regional command's area (area:ua-south)",
} as const;

export const side = oneOf(SIDES);
export const claimant = oneOf(CLAIMANTS);
export const org = oneOf(ORGS);
export const weapon = oneOf(WEAPONS);
export const outcome = oneOf(OUTCOMES);
export const qualifier = oneOf(QUALIFIERS);
export const lang = oneOf(LANGS);
export const kind = oneOf(KINDS);
export const casualtyKind = oneOf(CASUALTY_KINDS);
export const recordMetric = oneOf(RECORD_METRICS);
export const recordScope = oneOf(RECORD_SCOPES);
export const periodName = oneOf(PERIOD_NAMES);
export const placeRole = oneOf(PLACE_ROLES);
export const evidenceRole = oneOf(EVIDENCE_ROLES);

export const spanProperties = {
  start: { type: "integer", description: "UTF-16 code unit offset, inclusive" },
  end: { type: "integer", description: "UTF-16 code unit offset, exclusive" },
} as const;
export const span = closed(spanProperties);

/** src/model/span.ts `Evidence`: `by` only when the words lie outside the fact's own phrase. */
export const evidence = closed({ role: evidenceRole, ...spanProperties, text: str, by: str }, ["by"]);

/** src/model/span.ts `Provenance`. */
export const provenance = closed({ rule: str, sentence: span, evidence: arrayOf(evidence) });

/** src/model/extraction.ts `PeriodPoint`: a clock time as the text states it. */
export const periodPoint = closed({
  time: { type: "string", pattern: "^([01]\\d|2[0-4]):[0-5]\\d$", description: "HH:MM (24:00 = midnight at the end)" },
  date: nullable({ ...DATE }),
  zone: { ...nstr, description: "IANA zone or fixed offset, when the text names one" },
});

/** src/model/extraction.ts `Period`: a report's reporting window, as the text states it. */
export const period = {
  ...closed({
    start: nullable(periodPoint),
    end: nullable(periodPoint),
    named: nullable(periodName),
    provenance,
  }),
  description: "The window the report's figures cover: clock times and/or a named period, with the cue's evidence (role `period`)",
} as const;
