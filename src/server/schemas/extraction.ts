import { CASUALTY_KINDS, PERIOD_NAMES, PLACE_ROLES, RECORD_METRICS, RECORD_SCOPES } from "../../model/index.js";
import {
  REGION,
  claimant,
  kind,
  lang,
  nullable,
  org,
  outcome,
  provenance,
  qualifier,
  side,
  spanProperties,
  weapon,
} from "./common.js";

/** The JSON of `salvo extract` (format json): src/model/extraction.ts as JSON Schema. */

const region = nullable({ ...REGION });
const str = { type: "string" } as const;
const nstr = { type: ["string", "null"] } as const;
const span = { type: "object", required: ["start", "end"], properties: spanProperties } as const;

const count = {
  type: "object",
  required: ["weapon", "model", "outcome", "n", "qualifier", "region", "provenance"],
  properties: { weapon, model: nstr, outcome, n: { type: "number" }, qualifier, region, provenance },
} as const;

const casualty = {
  type: "object",
  required: ["kind", "n", "qualifier", "region", "provenance"],
  properties: { kind: { type: "string", enum: CASUALTY_KINDS }, n: { type: "number" }, qualifier, region, provenance },
} as const;

const regionFact = {
  type: "object",
  required: ["region", "provenance"],
  properties: { region: REGION, provenance },
} as const;

const periodPoint = {
  type: "object",
  required: ["time", "date", "zone"],
  properties: {
    time: { type: "string", pattern: "^([01]\\d|2[0-4]):[0-5]\\d$", description: "HH:MM (24:00 = midnight at the end)" },
    date: nullable({ type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" }),
    zone: { ...nstr, description: "IANA zone or fixed offset, when the text names one" },
  },
} as const;

/** A report's reporting window, as the text states it. */
export const periodSchema = {
  type: "object",
  required: ["start", "end", "named", "provenance"],
  description: "The window the report's figures cover: clock times and/or a named period, with the cue's evidence (role `period`)",
  properties: {
    start: nullable({ ...periodPoint }),
    end: nullable({ ...periodPoint }),
    named: nullable({ type: "string", enum: PERIOD_NAMES }),
    provenance,
  },
} as const;

const report = {
  type: "object",
  required: ["claimant", "claimant_orgs", "attacker", "target", "date", "night", "counts", "targets", "casualties"],
  properties: {
    claimant,
    claimant_orgs: { type: "array", items: org },
    attacker: side,
    target: side,
    date: nullable({ type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" }),
    night: { type: "boolean" },
    counts: { type: "array", items: count },
    targets: { type: "array", items: REGION },
    casualties: { type: "array", items: casualty },
    launch_areas: { type: "array", items: REGION },
    record_claims: {
      type: "array",
      items: {
        type: "object",
        required: ["metric", "scope", "provenance"],
        properties: {
          metric: { type: "string", enum: RECORD_METRICS },
          scope: { type: "string", enum: RECORD_SCOPES },
          provenance,
        },
      },
    },
    places: {
      type: "array",
      items: {
        type: "object",
        required: ["name", "region", "role", "provenance"],
        properties: { name: str, region: REGION, role: { type: "string", enum: PLACE_ROLES }, provenance },
      },
    },
    target_facts: { type: "array", items: regionFact },
    launch_area_facts: { type: "array", items: regionFact },
    org_facts: {
      type: "array",
      items: { type: "object", required: ["org", "provenance"], properties: { org, provenance } },
    },
    date_evidence: nullable({ ...provenance }),
    period: nullable({ ...periodSchema }),
  },
} as const;

export const extractionSchema = {
  $id: "Extraction",
  type: "object",
  description: "What the extractor reads in one text: every fact with the spans that support it.",
  required: ["lang", "lang_source", "kind", "text", "reports", "warnings"],
  properties: {
    lang,
    lang_source: { type: "string", enum: ["option", "detected", "metadata"] },
    kind,
    text: { type: "string", description: "The normalized text every span points into" },
    title: nstr,
    source: {
      type: "object",
      properties: { publisher: nstr, url: nstr, published: nstr, channel: nstr },
    },
    published: nstr,
    updated: nstr,
    published_span: nullable({ ...span }),
    updated_span: nullable({ ...span }),
    reports: { type: "array", items: report },
    warnings: { type: "array", items: str },
    refiners: { type: "array", items: str, description: "ids of the refiners that changed this reading, in order" },
  },
} as const;

const goldCount = {
  type: "object",
  properties: { weapon, model: nstr, outcome, n: { type: "number" }, qualifier, region },
} as const;

export const goldSchema = {
  $id: "Gold",
  type: "object",
  description: "The extraction in the gold format of the evaluation (no spans).",
  required: ["published", "reports"],
  properties: {
    published: nstr,
    updated: nstr,
    reports: {
      type: "array",
      items: {
        type: "object",
        properties: {
          claimant,
          claimant_orgs: { type: "array", items: org },
          attacker: side,
          target: side,
          date: nstr,
          night: { type: "boolean" },
          counts: { type: "array", items: goldCount },
          targets: { type: "array", items: REGION },
          casualties: {
            type: "array",
            items: {
              type: "object",
              properties: { kind: { type: "string", enum: CASUALTY_KINDS }, n: { type: "number" }, qualifier, region },
            },
          },
          launch_areas: { type: "array", items: REGION },
          record_claims: {
            type: "array",
            items: {
              type: "object",
              properties: { metric: { type: "string", enum: RECORD_METRICS }, scope: { type: "string", enum: RECORD_SCOPES } },
            },
          },
          places: {
            type: "array",
            items: {
              type: "object",
              properties: { name: str, region: REGION, role: { type: "string", enum: PLACE_ROLES } },
            },
          },
        },
      },
    },
  },
} as const;
