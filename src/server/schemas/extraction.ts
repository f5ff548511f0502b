import {
  DATE,
  REGION,
  arrayOf,
  bool,
  casualtyKind,
  claimant,
  closed,
  kind,
  lang,
  nstr,
  nullable,
  num,
  oneOf,
  org,
  outcome,
  period,
  placeRole,
  provenance,
  qualifier,
  recordMetric,
  recordScope,
  side,
  span,
  str,
  weapon,
} from "../../model/json-schema.js";

/**
 * The JSON of `salvo extract` (format json, and POST /api/extract): src/model/extraction.ts as JSON Schema,
 * closed, built from the same blocks as the store's shapes; test/types/api-shapes.test.ts checks that the type
 * it describes is the model's `Extraction`, and the gold schema the model's `Gold`.
 */

const region = nullable({ ...REGION });
const date = nullable({ ...DATE });

const goldCountProperties = { weapon, model: nstr, outcome, n: num, qualifier, region } as const;
const goldCasualtyProperties = { kind: casualtyKind, n: num, qualifier, region } as const;
const regionFact = closed({ region: REGION, provenance });

const report = closed(
  {
    claimant,
    claimant_orgs: arrayOf(org),
    attacker: side,
    target: side,
    date,
    night: bool,
    counts: arrayOf(closed({ ...goldCountProperties, provenance })),
    targets: arrayOf(REGION),
    casualties: arrayOf(closed({ ...goldCasualtyProperties, provenance })),
    launch_areas: arrayOf(REGION),
    record_claims: arrayOf(closed({ metric: recordMetric, scope: recordScope, provenance })),
    places: arrayOf(closed({ name: str, region: REGION, role: placeRole, provenance })),
    target_facts: arrayOf(regionFact),
    launch_area_facts: arrayOf(regionFact),
    org_facts: arrayOf(closed({ org, provenance })),
    date_evidence: nullable(provenance),
    period: nullable(period),
  },
  ["period"],
);

export const extractionSchema = {
  $id: "Extraction",
  description: "What the extractor reads in one text: every fact with the spans that support it.",
  ...closed(
    {
      lang,
      lang_source: oneOf(["option", "detected", "metadata"]),
      kind,
      text: { type: "string", description: "The normalized text every span points into" },
      title: nstr,
      source: closed({ publisher: nstr, url: nstr, published: nstr, channel: nstr }),
      published: nstr,
      updated: nstr,
      published_span: nullable(span),
      updated_span: nullable(span),
      reports: arrayOf(report),
      refiners: { ...arrayOf(str), description: "ids of the refiners that changed this reading, in order" },
      warnings: arrayOf(str),
    },
    ["refiners"],
  ),
} as const;

export const goldSchema = {
  $id: "Gold",
  description: "The extraction in the gold format of the evaluation (no spans).",
  ...closed(
    {
      published: nstr,
      updated: nstr,
      reports: arrayOf(
        closed({
          claimant,
          claimant_orgs: arrayOf(org),
          attacker: side,
          target: side,
          date: nstr,
          night: bool,
          counts: arrayOf(closed(goldCountProperties)),
          targets: arrayOf(REGION),
          casualties: arrayOf(closed(goldCasualtyProperties)),
          launch_areas: arrayOf(REGION),
          record_claims: arrayOf(closed({ metric: recordMetric, scope: recordScope })),
          places: arrayOf(closed({ name: str, region: REGION, role: placeRole })),
        }),
      ),
    },
    ["updated"],
  ),
} as const;
