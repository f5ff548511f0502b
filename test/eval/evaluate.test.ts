import { halfOf } from "../../src/eval/score.js";
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { extract } from "../../src/extract/index.js";
import type { ExtractOptions } from "../../src/model/extraction.js";
import { evaluate, type EvalRun } from "../../src/eval/evaluate.js";
import { parseGoldFile, type GoldFile } from "../../src/eval/gold-file.js";
import { evalJson, evalText } from "../../src/eval/report.js";
import { scoreDocuments } from "../../src/eval/score.js";
import { sampleGold } from "./sample-gold.js";

const file: GoldFile = parseGoldFile(sampleGold(), "mem/sample-2025-03-02.json");

describe("evaluate", () => {
  test("runs the real extractor on the text with metadata only, never the language or the gold", () => {
    const seen: Array<{ text: string; options: ExtractOptions }> = [];
    const run = evaluate([file], (text, options) => {
      seen.push({ text, options });
      return extract(text, options);
    });
    assert.equal(seen.length, 1);
    assert.equal(seen[0]!.text, file.text);
    assert.deepEqual(seen[0]!.options, { kind: "news", published: "2025-03-02", publisher: "Example Wire", url: null, channel: null });
    assert.equal(run.summary.documents, 1);
    // Whatever the engine finds, every gold count is either found or missed.
    assert.equal(run.summary.counts.tp + run.summary.counts.fn, 2);
    assert.equal(run.summary.targets.tp + run.summary.targets.fn, 1);
    assert.deepEqual(run.summary.secondary.lang_detection.total, 1);
    assert.deepEqual(Object.keys(run.summary.by_lang), ["en"]);
    assert.deepEqual(run.failures, []);
  });

  test("an extractor that throws is recorded and scored as predicting nothing", () => {
    const run = evaluate([file], () => {
      throw new Error("boom");
    });
    assert.equal(run.failures.length, 1);
    assert.match(run.failures[0]!.message, /boom/);
    assert.deepEqual([run.summary.counts.tp, run.summary.counts.fn], [0, 2]);
    assert.equal(evalJson(run, false).extract_failures?.length, 1);
  });
});

/** A run whose prediction gets one count's n wrong, invents a target and misses the 80. */
function flawedRun(): EvalRun {
  const predicted = structuredClone(file.gold);
  const r = predicted.reports[0]!;
  r.counts = [{ ...r.counts[0]!, n: 102 }];
  r.targets.push("UA-30");
  const scored = scoreDocuments([{ id: file.id, lang: file.lang, kind: file.kind, gold: file.gold, predicted, predictedLang: "en" }]);
  return { ...scored, failures: [], extractMs: 1 };
}

describe("reports", () => {
  test("JSON has the agreed shape, with documents_detail only when verbose", () => {
    const run = flawedRun();
    const j = evalJson(run, false);
    assert.deepEqual(Object.keys(j), ["documents", "counts", "targets", "casualties", "secondary", "by_lang", "by_kind", "by_half", "errors_by_class"]);
    assert.deepEqual(Object.keys(j.counts), ["precision", "recall", "f1", "tp", "fp", "fn"]);
    assert.deepEqual(Object.keys(j.secondary).sort(), [
      "claimant_orgs",
      "lang_accuracy",
      "launch_areas",
      "published_accuracy",
      "qualifier_accuracy",
      "record_claims",
      "report_keys",
    ]);
    assert.deepEqual([j.counts.tp, j.counts.fp, j.counts.fn], [0, 1, 2]);
    const errors = run.documents.reduce((n, d) => n + d.wrong.length + d.missing.length + d.spurious.length, 0);
    assert.equal(Object.values(j.errors_by_class).reduce((a, b) => a + b, 0), errors, "every error is in exactly one class");
    assert.equal(j.secondary.published_accuracy, null, "the sample's gold states no publication time");
    assert.equal(j.secondary.lang_accuracy, 1);
    assert.equal(j.targets.precision, 0.5);
    assert.deepEqual(Object.keys(j.by_lang.en ?? {}), ["documents", "counts", "targets", "casualties"]);
    const v = evalJson(run, true);
    assert.equal(v.documents_detail?.length, 1);
    assert.equal(v.documents_detail?.[0]?.wrong.length, 1);
    assert.equal(JSON.parse(JSON.stringify(v)).documents_detail[0].id, "sample-2025-03-02");
  });

  test("text lists missing, spurious and wrong facts with their report key when verbose", () => {
    const run = flawedRun();
    const quiet = evalText(run, false);
    assert.match(quiet, /^counts\s+0\.000\s+0\.000\s+0\.000\s+0\s+1\s+2$/m);
    assert.match(quiet, /^by language/m);
    assert.match(quiet, /^en\s+1\s/m);
    assert.doesNotMatch(quiet, /missing/);
    const loud = evalText(run, true);
    assert.match(loud, /wrong n\s+\[UA: RU→UA 2025-03-02\] gold count drone launched n=120 exact, predicted count drone launched n=102 exact/);
    assert.match(loud, /missing\s+\[UA: RU→UA 2025-03-02\] count drone intercepted n=80 exact in UA-63/);
    assert.match(loud, /spurious\s+\[UA: RU→UA 2025-03-02\] target UA-30/);
  });

  test("a wrong count names the parts that differ", () => {
    const predicted = structuredClone(file.gold);
    predicted.reports[0]!.counts[1]!.outcome = "launched";
    predicted.reports[0]!.counts[1]!.region = null;
    const scored = scoreDocuments([{ id: file.id, lang: file.lang, kind: file.kind, gold: file.gold, predicted }]);
    const text = evalText({ ...scored, failures: [], extractMs: 0 }, true);
    assert.match(text, /wrong outcome\+region \[UA: RU→UA 2025-03-02\] gold count drone intercepted n=80 exact in UA-63, predicted count drone launched n=80 exact$/m);
  });
});

describe("halves of the corpus", () => {
  test("a document's half is fixed by its id, and ids fall on both sides", () => {
    const ids = Array.from({ length: 40 }, (_, i) => `doc-${i}`);
    const halves = ids.map(halfOf);
    assert.deepEqual(halves, ids.map(halfOf), "the same id always gives the same half");
    assert.ok(halves.includes("A") && halves.includes("B"));
  });
});
