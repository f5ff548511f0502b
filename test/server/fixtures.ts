// Hand-written reports (in the style of Air Force and ministry posts) with hand-made extractions,
// so that the store holds attacks whatever the state of the extractor.
import type { Count, Evidence, EvidenceRole, Extraction, Provenance, Report } from "../../src/model/index.js";
import type { IngestMeta, Store } from "../../src/store/types.js";

function find(text: string, needle: string, from = 0): number {
  const i = text.indexOf(needle, from);
  if (i < 0) throw new Error(`fixture: "${needle}" not in text`);
  return i;
}

function sentenceAround(text: string, at: number): { start: number; end: number } {
  const start = Math.max(text.lastIndexOf(". ", at) + 2, 0);
  const dot = text.indexOf(".", at);
  return { start: start === 1 ? 0 : start, end: dot < 0 ? text.length : dot + 1 };
}

function prov(text: string, rule: string, parts: Array<[EvidenceRole, string]>, from = 0): Provenance {
  const first = parts[0];
  if (!first) throw new Error("fixture: no evidence");
  const anchor = find(text, first[1], from);
  const sentence = sentenceAround(text, anchor);
  const evidence: Evidence[] = parts.map(([role, needle], i) => {
    const start = i === 0 ? anchor : find(text, needle, sentence.start);
    return { role, start, end: start + needle.length, text: needle };
  });
  return { rule, sentence, evidence };
}

interface CountSpec {
  weapon: Count["weapon"];
  outcome: Count["outcome"];
  n: number;
  /** The words of the count in the text: number, weapon, outcome. */
  words: [string, string, string];
  region?: string;
  from?: number;
}

export function report(text: string, base: Omit<Report, "counts" | "targets" | "target_facts" | "casualties" | "launch_areas" | "record_claims" | "places" | "launch_area_facts" | "org_facts" | "date_evidence">, counts: CountSpec[], targets: Array<[string, string]>): Report {
  return {
    ...base,
    counts: counts.map((c) => ({
      weapon: c.weapon,
      model: null,
      outcome: c.outcome,
      n: c.n,
      qualifier: "exact",
      region: c.region ?? null,
      provenance: prov(text, "count/test-fixture", [["number", c.words[0]], ["weapon", c.words[1]], ["outcome", c.words[2]]], c.from ?? 0),
    })),
    targets: targets.map(([code]) => code),
    target_facts: targets.map(([code, word]) => ({ region: code, provenance: prov(text, "region/test-fixture", [["region", word]]) })),
    casualties: [],
    launch_areas: [],
    record_claims: [],
    places: [],
    launch_area_facts: [],
    org_facts: [],
    date_evidence: null,
  };
}

export function extraction(text: string, meta: { lang: Extraction["lang"]; kind: Extraction["kind"]; published: string; publisher: string }, reports: Report[]): Extraction {
  return {
    lang: meta.lang,
    lang_source: "option",
    kind: meta.kind,
    text,
    title: null,
    source: { publisher: meta.publisher, url: null, published: meta.published, channel: null },
    published: null,
    updated: null,
    published_span: null,
    updated_span: null,
    reports,
    warnings: [],
  };
}

export const TEXT_JULY_4 =
  "Overnight into 4 July, the enemy attacked with 120 attack drones. Air defence shot down 100 drones over the Kharkiv region and the Kyiv region. " +
  'Debris fell in "Sunny" district, a 7-storey building was damaged.';
export const TEXT_JULY_10 =
  "On the night of 10 July the Russians launched 300 drones and 10 missiles at Ukraine. Air defence destroyed 250 drones. The capital Kyiv was the main target.";
export const TEXT_RU_MOD =
  "Air defence systems intercepted and destroyed 40 Ukrainian drones overnight over the Belgorod region, the ministry of defence said.";

export interface Fixture {
  text: string;
  x: Extraction;
  meta: IngestMeta;
}

export function fixtures(): Fixture[] {
  const july4 = extraction(TEXT_JULY_4, { lang: "en", kind: "official", published: "2025-07-04T09:00:00+03:00", publisher: "Air Force of Ukraine" }, [
    report(
      TEXT_JULY_4,
      { claimant: "UA", claimant_orgs: ["UA.air_force"], attacker: "RU", target: "UA", date: "2025-07-04", night: true },
      [
        { weapon: "drone", outcome: "launched", n: 120, words: ["120", "drones", "attacked"] },
        { weapon: "drone", outcome: "intercepted", n: 100, words: ["100", "drones", "shot down"] },
      ],
      [
        ["UA-63", "Kharkiv region"],
        ["UA-32", "Kyiv region"],
      ],
    ),
  ]);
  const july10 = extraction(TEXT_JULY_10, { lang: "en", kind: "news", published: "2025-07-10T08:00:00+03:00", publisher: "Example Wire" }, [
    report(
      TEXT_JULY_10,
      { claimant: "UA", claimant_orgs: ["UA.other"], attacker: "RU", target: "UA", date: "2025-07-10", night: true },
      [
        { weapon: "drone", outcome: "launched", n: 300, words: ["300", "drones", "launched"] },
        { weapon: "missile", outcome: "launched", n: 10, words: ["10", "missiles", "launched"] },
        { weapon: "drone", outcome: "intercepted", n: 250, words: ["250", "drones", "destroyed"], from: TEXT_JULY_10.indexOf("Air defence") },
      ],
      [["UA-30", "Kyiv"]],
    ),
  ]);
  const ruMod = extraction(TEXT_RU_MOD, { lang: "en", kind: "official", published: "2025-07-04T07:00:00+03:00", publisher: "Ministry of Defence of Russia" }, [
    report(
      TEXT_RU_MOD,
      { claimant: "RU", claimant_orgs: ["RU.mod"], attacker: "UA", target: "RU", date: "2025-07-04", night: true },
      [{ weapon: "drone", outcome: "intercepted", n: 40, words: ["40", "drones", "intercepted"], region: "RU-BEL" }],
      [["RU-BEL", "Belgorod region"]],
    ),
  ]);
  return [
    { text: TEXT_JULY_4, x: july4, meta: { publisher: "Air Force of Ukraine", lang: "en", kind: "official", published: "2025-07-04T09:00:00+03:00", url: "https://example.org/af/4-july" } },
    { text: TEXT_JULY_10, x: july10, meta: { publisher: "Example Wire", lang: "en", kind: "news", published: "2025-07-10T08:00:00+03:00", url: "https://example.org/wire/10-july" } },
    { text: TEXT_RU_MOD, x: ruMod, meta: { publisher: "Ministry of Defence of Russia", lang: "en", kind: "official", published: "2025-07-04T07:00:00+03:00" } },
  ];
}

export async function loadFixtures(store: Store): Promise<number[]> {
  const ids: number[] = [];
  for (const f of fixtures()) {
    const r = await store.saveExtraction(f.x, f.meta);
    if (r.status === "failed" || r.documentId === null) throw new Error(`fixture not stored: ${r.reason ?? r.status}`);
    ids.push(r.documentId);
  }
  return ids;
}
