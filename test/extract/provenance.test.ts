import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { extract } from "../../src/extract/index.js";
import { isKnownId } from "../../src/extract/rule-ids.js";
import { extractOptionsFor } from "../../src/eval/evaluate.js";
import { loadGoldFiles } from "../../src/eval/gold-file.js";
import { PHRASE_FILES, PhraseCorpus, unmark } from "../../src/eval/phrases.js";
import type { Count, Extraction, Report } from "../../src/model/extraction.js";
import type { Evidence } from "../../src/model/span.js";
import { LANGS } from "../../src/model/vocab.js";

// Every part of a count shows where it comes from: its model, weapon and region either rest on words
// of the count's own phrase (evidence with no refiner, inside the count's sentence) or on words a named
// refiner took from elsewhere (evidence marked with that refiner's id); a report's date rests on a date
// in the text or on the publication time it was given, named as such.

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

function sourced(c: Count, roles: ReadonlyArray<Evidence["role"]>): Evidence[] {
  return c.provenance.evidence.filter((e) => roles.includes(e.role));
}

function own(c: Count, e: Evidence): boolean {
  return e.by === undefined && e.start >= c.provenance.sentence.start && e.end <= c.provenance.sentence.end;
}

/** Problems with one extraction's counts and dates; empty when every part is traced. */
export function untraced(x: Extraction): string[] {
  const problems: string[] = [];
  const say = (r: Report, c: Count, what: string) =>
    problems.push(`${what}: ${c.weapon}/${c.model ?? "-"}/${c.outcome} ${c.n} ${c.region ?? "-"} [${r.claimant} ${r.attacker}>${r.target}] in "${x.text.slice(c.provenance.sentence.start, c.provenance.sentence.end).slice(0, 100)}"`);
  for (const r of x.reports) {
    for (const c of r.counts) {
      for (const e of c.provenance.evidence) if (e.by !== undefined && !isKnownId(e.by)) say(r, c, `unknown rule or refiner ${e.by}`);
      const traced = (roles: ReadonlyArray<Evidence["role"]>) => sourced(c, roles).some((e) => own(c, e) || e.by !== undefined);
      if (c.model !== null && !traced(["model"])) say(r, c, "model without evidence");
      // A singular noun is its own number and weapon in languages without articles ("ракетою").
      if (!traced(["weapon", "model"]) && !sourced(c, ["number"]).some((e) => own(c, e) && /\p{L}/u.test(e.text))) say(r, c, "weapon without evidence");
      if (c.region !== null && !traced(["region"])) say(r, c, "region without evidence");
    }
    if (r.date !== null) {
      const d = r.date_evidence;
      if (!d) problems.push(`report ${r.claimant} ${r.attacker}>${r.target} dated ${r.date} without a date's provenance`);
      else if (d.evidence.length === 0 && d.rule !== "date/published") problems.push(`report dated ${r.date} by ${d.rule} without the words that date it`);
    }
  }
  return problems;
}

describe("every count's model, weapon, region and date is traced", () => {
  const corpus = new PhraseCorpus(join(root, "corpus"));
  for (const lang of LANGS) {
    it(`${lang}: the phrase corpus`, () => {
      const problems: string[] = [];
      for (const file of PHRASE_FILES)
        for (const e of corpus.phrases<unknown>(lang, file))
          for (const t of e.texts) problems.push(...untraced(extract(unmark(t).text, { lang, published: e.published ?? null })));
      assert.deepEqual(problems, []);
    });
  }

  const dev = join(root, "..", "shared", "corpus", "dev");
  it("the development corpus", (t) => {
    if (!existsSync(dev)) {
      t.skip(`no development corpus at ${dev}`);
      return;
    }
    const { files } = loadGoldFiles([dev]);
    const problems = files.flatMap((f) => untraced(extract(f.text, extractOptionsFor(f))).map((p) => `${f.id}: ${p}`));
    assert.deepEqual(problems, []);
  });
});
