/**
 * Where extraction's time goes, for work on its speed: extracts the development corpus many times
 * (a warm-up first, as in bench/extract.ts) and prints documents per second, then the time of each
 * stage run alone over the same texts (normalization, tokenization, language detection, the lexicon
 * and gazetteer walk, the date scans); what remains of a document's time is the rules'.
 *
 *   node --import tsx scripts/extract-profile.ts [passes] [official|news]
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx scripts/extract-profile.ts 200
 *
 * Stages run alone are faster than inside an extraction (their tables stay in the processor's caches):
 * read them as a lower bound. No timing here is asserted anywhere; `npm run bench -- extract` reports speed.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { extractOptionsFor } from "../src/eval/evaluate.js";
import { loadGoldFiles } from "../src/eval/gold-file.js";
import { findDateMentions, findPublicationTimes } from "../src/extract/dates/index.js";
import { extract } from "../src/extract/index.js";
import { detectLang } from "../src/extract/lang-detect.js";
import { findMentions } from "../src/extract/mentions/find.js";
import { tokenize } from "../src/extract/mentions/trie.js";
import { findPeriods } from "../src/extract/period.js";
import { LEXICONS } from "../src/lexicon/index.js";
import { normalize } from "../src/text/normalize.js";
import { segment } from "../src/text/segment.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const passes = Number(process.argv[2] ?? 100);
const kind = process.argv[3];
const { files } = loadGoldFiles([process.env.SALVO_BENCH_CORPUS ?? join(root, "..", "shared", "corpus", "dev")]);
const docs = files
  .filter((f) => !kind || f.kind === kind)
  .map((f) => {
    const options = extractOptionsFor(f);
    const text = normalize(f.text);
    const tokens = tokenize(text);
    return { raw: f.text, options, text, tokens, lang: extract(f.text, options).lang, published: options.published ?? null };
  });
if (docs.length === 0) {
  process.stderr.write("no documents\n");
  process.exit(1);
}

let sink = 0;
const warm = Math.max(40, Math.ceil(4000 / docs.length));
for (let p = 0; p < warm; p++) for (const d of docs) sink += extract(d.raw, d.options).reports.length;
const t0 = performance.now();
for (let p = 0; p < passes; p++) for (const d of docs) sink += extract(d.raw, d.options).reports.length;
const extractUs = ((performance.now() - t0) * 1000) / (passes * docs.length);
console.log(`${docs.length} documents${kind ? ` (${kind})` : ""}, ${passes} passes after ${warm}: ${(1e6 / extractUs).toFixed(0)} docs/s, ${extractUs.toFixed(0)} µs a document`);

function stage(name: string, fn: (d: (typeof docs)[number]) => unknown): void {
  for (let p = 0; p < 10; p++) for (const d of docs) fn(d);
  const n = Math.max(10, Math.ceil(passes / 2));
  const s0 = performance.now();
  for (let p = 0; p < n; p++) for (const d of docs) sink += fn(d) ? 1 : 0;
  const us = ((performance.now() - s0) * 1000) / (n * docs.length);
  console.log(`  ${name.padEnd(22)} ${us.toFixed(1).padStart(7)} µs  ${((100 * us) / extractUs).toFixed(1).padStart(5)}%`);
}
console.log("stages alone (µs a document, share of an extraction):");
stage("normalize", (d) => normalize(d.raw));
stage("tokenize", (d) => tokenize(d.text));
stage("detectLang", (d) => detectLang(d.tokens));
stage("segment", (d) => segment(d.text));
stage("findMentions", (d) => findMentions(d.text, LEXICONS[d.lang], d.tokens));
// The date scans keep the last text's tokens: each stage is timed with the scan, as the first of them is in an extraction.
stage("publication times", (d) => findPublicationTimes(d.text, d.lang));
stage("date mentions", (d) => findDateMentions(d.text, d.lang, d.published));
stage("periods", (d) => findPeriods(d.text, d.lang, d.published));
console.log(`(checksum ${sink})`);
