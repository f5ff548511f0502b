/**
 * Lists the rules and refiners of the grammar with the number of corpus phrases that exercise each,
 * and exits 1 when one is exercised by none: `npm run coverage:rules`.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ALL_IDS } from "../src/extract/rule-ids.ts";
import { PhraseCorpus } from "../src/eval/phrases.ts";
import { unexercised } from "../src/eval/rule-coverage.ts";

const corpus = new PhraseCorpus(join(dirname(fileURLToPath(import.meta.url)), "..", "corpus"));
const { exercised, missing } = unexercised(corpus);
for (const id of ALL_IDS) process.stdout.write(`${String(exercised.get(id) ?? 0).padStart(5)}  ${id}\n`);
const dates = [...exercised.keys()].filter((id) => id.startsWith("date/") && !ALL_IDS.includes(id));
for (const id of dates.sort()) process.stdout.write(`${String(exercised.get(id)).padStart(5)}  ${id}\n`);
if (missing.length > 0) {
  process.stderr.write(`salvo: ${missing.length} rule(s) exercised by no phrase of corpus/: ${missing.join(", ")}\n`);
  process.exit(1);
}
