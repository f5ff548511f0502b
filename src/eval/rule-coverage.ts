import { ALL_IDS } from "../extract/rule-ids.js";
import type { Extraction, Report } from "../model/extraction.js";
import type { Provenance } from "../model/span.js";
import { LANGS } from "../model/vocab.js";
import { PHRASE_FILES, PhraseCorpus, runPhrase, unmark } from "./phrases.js";

/** Every rule or refiner id an extraction's provenance names (rules, and the `by` of borrowed evidence). */
export function idsOf(x: Extraction): Set<string> {
  const out = new Set<string>();
  const add = (p: Provenance | null) => {
    if (!p) return;
    out.add(p.rule);
    for (const e of p.evidence) if (e.by !== undefined) out.add(e.by);
  };
  const facts = (r: Report) => [...r.counts, ...r.casualties, ...r.target_facts, ...r.launch_area_facts, ...r.org_facts, ...r.places, ...r.record_claims];
  for (const r of x.reports) {
    for (const f of facts(r)) add(f.provenance);
    add(r.date_evidence);
  }
  for (const id of x.refiners ?? []) out.add(id);
  return out;
}

/** The rules and refiners that no phrase of the corpus exercises (each should have one). */
export function unexercised(corpus: PhraseCorpus): { exercised: Map<string, number>; missing: string[] } {
  const exercised = new Map<string, number>();
  for (const lang of LANGS) {
    const texts = [
      ...PHRASE_FILES.flatMap((file) => corpus.phrases<unknown>(lang, file).flatMap((e) => e.texts.map((t) => ({ text: unmark(t).text, published: e.published ?? null, meta: e })))),
      ...corpus.negatives(lang).map((n) => ({ text: n.text, published: n.published ?? null, meta: {} })),
    ];
    for (const t of texts) for (const id of idsOf(runPhrase(lang, t.text, t.published, t.meta))) exercised.set(id, (exercised.get(id) ?? 0) + 1);
  }
  return { exercised, missing: ALL_IDS.filter((id) => !exercised.has(id)) };
}
