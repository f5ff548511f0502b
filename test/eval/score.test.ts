import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Gold, GoldCasualty, GoldCount, GoldReport } from "../../src/model/gold.js";
import type { DocKind, Lang } from "../../src/model/vocab.js";
import { prf, samePublished, scoreDocument, scoreDocuments, type DocumentInput } from "../../src/eval/score.js";

function count(over: Partial<GoldCount> & Pick<GoldCount, "weapon" | "outcome" | "n">): GoldCount {
  return { model: null, qualifier: "exact", region: null, ...over };
}

function casualty(over: Partial<GoldCasualty> & Pick<GoldCasualty, "kind" | "n">): GoldCasualty {
  return { qualifier: "exact", region: null, ...over };
}

function report(over: Partial<GoldReport> = {}): GoldReport {
  return {
    claimant: "UA",
    claimant_orgs: ["UA.air_force"],
    attacker: "RU",
    target: "UA",
    date: "2025-07-04",
    night: true,
    counts: [],
    targets: [],
    casualties: [],
    launch_areas: [],
    record_claims: [],
    places: [],
    ...over,
  };
}

const gold = (reports: GoldReport[], published: string | null = null): Gold => ({ published, reports });

function doc(g: Gold, p: Gold, over: { id?: string; lang?: Lang; kind?: DocKind; predictedLang?: Lang } = {}): DocumentInput {
  return { id: over.id ?? "doc", lang: over.lang ?? "fr", kind: over.kind ?? "news", gold: g, predicted: p, ...(over.predictedLang ? { predictedLang: over.predictedLang } : {}) };
}

const drones539 = count({ weapon: "drone", outcome: "launched", n: 539 });
const missiles11 = count({ weapon: "missile", outcome: "launched", n: 11 });

describe("prf", () => {
  test("both sides empty is a perfect score", () => {
    assert.deepEqual(prf({ tp: 0, fp: 0, fn: 0 }), { precision: 1, recall: 1, f1: 1, tp: 0, fp: 0, fn: 0 });
  });
  test("nothing predicted but something missed scores 0", () => {
    const p = prf({ tp: 0, fp: 0, fn: 3 });
    assert.equal(p.precision, 0);
    assert.equal(p.recall, 0);
    assert.equal(p.f1, 0);
  });
  test("only spurious predictions score 0", () => {
    const p = prf({ tp: 0, fp: 2, fn: 0 });
    assert.equal(p.precision, 0);
    assert.equal(p.recall, 0);
    assert.equal(p.f1, 0);
  });
  test("harmonic mean", () => {
    const p = prf({ tp: 3, fp: 1, fn: 3 });
    assert.equal(p.precision, 0.75);
    assert.equal(p.recall, 0.5);
    assert.ok(Math.abs(p.f1 - 0.6) < 1e-12);
  });
});

describe("counts", () => {
  test("identical gold scores 1 everywhere", () => {
    const g = gold([report({ counts: [drones539, missiles11], targets: ["UA-30"], casualties: [casualty({ kind: "injured", n: 23 })] })]);
    const s = scoreDocument(doc(g, structuredClone(g)));
    assert.deepEqual(s.tallies.counts, { tp: 2, fp: 0, fn: 0 });
    assert.deepEqual(s.tallies.targets, { tp: 1, fp: 0, fn: 0 });
    assert.deepEqual(s.tallies.casualties, { tp: 1, fp: 0, fn: 0 });
    assert.deepEqual(s.tallies.report_keys, { tp: 1, fp: 0, fn: 0 });
    assert.deepEqual(s.qualifier, { right: 3, total: 3 });
    assert.equal(s.missing.length + s.spurious.length + s.wrong.length, 0);
  });

  test("a wrong n is one fp and one fn, listed once as wrong n", () => {
    const s = scoreDocument(doc(gold([report({ counts: [drones539] })]), gold([report({ counts: [{ ...drones539, n: 593 }] })])));
    assert.deepEqual(s.tallies.counts, { tp: 0, fp: 1, fn: 1 });
    assert.equal(s.wrong.length, 1);
    assert.equal(s.wrong[0]!.why, "n");
    assert.equal(s.wrong[0]!.gold.facet === "count" && s.wrong[0]!.gold.count.n, 539);
    assert.equal(s.wrong[0]!.predicted.facet === "count" && s.wrong[0]!.predicted.count.n, 593);
    assert.equal(s.missing.filter((f) => f.facet === "count").length, 0);
    assert.equal(s.spurious.filter((f) => f.facet === "count").length, 0);
  });

  test("the same n with another outcome is wrong attributes", () => {
    const s = scoreDocument(
      doc(gold([report({ counts: [count({ weapon: "drone", outcome: "intercepted", n: 59 })] })]), gold([report({ counts: [count({ weapon: "drone", outcome: "launched", n: 59 })] })])),
    );
    assert.deepEqual(s.tallies.counts, { tp: 0, fp: 1, fn: 1 });
    assert.equal(s.wrong[0]?.why, "attributes");
  });

  test("drone.strike is scored as drone, but the model still matters", () => {
    const shahed = count({ weapon: "drone.strike", model: "shahed", outcome: "intercepted", n: 28 });
    const asDrone = scoreDocument(doc(gold([report({ counts: [{ ...shahed, weapon: "drone" }] })]), gold([report({ counts: [shahed] })])));
    assert.deepEqual(asDrone.tallies.counts, { tp: 1, fp: 0, fn: 0 });
    const plain = scoreDocument(doc(gold([report({ counts: [count({ weapon: "drone", outcome: "launched", n: 5 })] })]), gold([report({ counts: [count({ weapon: "drone.strike", outcome: "launched", n: 5 })] })])));
    assert.deepEqual(plain.tallies.counts, { tp: 1, fp: 0, fn: 0 });
    const noModel = scoreDocument(doc(gold([report({ counts: [shahed] })]), gold([report({ counts: [{ ...shahed, model: null }] })])));
    assert.deepEqual(noModel.tallies.counts, { tp: 0, fp: 1, fn: 1 });
    // Other subclasses are not folded: a cruise missile is not a missile for matching.
    const cruise = scoreDocument(doc(gold([report({ counts: [count({ weapon: "missile", outcome: "launched", n: 4 })] })]), gold([report({ counts: [count({ weapon: "missile.cruise", outcome: "launched", n: 4 })] })])));
    assert.deepEqual(cruise.tallies.counts, { tp: 0, fp: 1, fn: 1 });
  });

  test("multiset: each gold count is matched at most once", () => {
    const twice = gold([report({ counts: [drones539, drones539] })]);
    const once = scoreDocument(doc(twice, gold([report({ counts: [drones539] })])));
    assert.deepEqual(once.tallies.counts, { tp: 1, fp: 0, fn: 1 });
    const thrice = scoreDocument(doc(twice, gold([report({ counts: [drones539, drones539, drones539] })])));
    assert.deepEqual(thrice.tallies.counts, { tp: 2, fp: 1, fn: 0 });
  });

  test("the region is part of a count", () => {
    const kyiv = count({ weapon: "any", outcome: "intercepted", n: 32, region: "UA-30" });
    const s = scoreDocument(doc(gold([report({ counts: [kyiv] })]), gold([report({ counts: [{ ...kyiv, region: null }] })])));
    assert.deepEqual(s.tallies.counts, { tp: 0, fp: 1, fn: 1 });
    assert.equal(s.wrong[0]?.why, "attributes");
    const sea = scoreDocument(doc(gold([report({ counts: [kyiv] })]), gold([report({ counts: [{ ...kyiv, region: "UA-32" }] })])));
    assert.deepEqual(sea.tallies.counts, { tp: 0, fp: 1, fn: 1 });
  });

  test("a right count under another report key is wrong", () => {
    const g = gold([report({ counts: [drones539], targets: ["UA-30"] })]);
    const p = gold([report({ date: "2025-07-03", counts: [drones539], targets: ["UA-30"] })]);
    const s = scoreDocument(doc(g, p));
    assert.deepEqual(s.tallies.counts, { tp: 0, fp: 1, fn: 1 });
    assert.deepEqual(s.tallies.targets, { tp: 0, fp: 1, fn: 1 });
    assert.deepEqual(s.tallies.report_keys, { tp: 0, fp: 1, fn: 1 });
    assert.equal(s.wrong[0]?.why, "report_key");
    assert.equal(s.wrong[0]?.predicted.key.date, "2025-07-03");
    // The claimant is part of the key too.
    const other = scoreDocument(doc(g, gold([report({ claimant: "media", counts: [drones539] })])));
    assert.deepEqual(other.tallies.counts, { tp: 0, fp: 1, fn: 1 });
  });

  test("qualifier: a different qualifier still matches, and is counted against accuracy", () => {
    const about = count({ weapon: "drone", outcome: "launched", n: 580, qualifier: "about" });
    const s = scoreDocument(doc(gold([report({ counts: [about] })]), gold([report({ counts: [{ ...about, qualifier: "exact" }] })])));
    assert.deepEqual(s.tallies.counts, { tp: 1, fp: 0, fn: 0 });
    assert.deepEqual(s.qualifier, { right: 0, total: 1 });
  });

  test("qualifier: among equal counts the one with the same qualifier is matched first", () => {
    const exact = count({ weapon: "drone", outcome: "launched", n: 70 });
    const atLeast = { ...exact, qualifier: "at_least" as const };
    const s = scoreDocument(doc(gold([report({ counts: [exact, atLeast] })]), gold([report({ counts: [atLeast] })])));
    assert.deepEqual(s.qualifier, { right: 1, total: 1 });
    assert.equal(s.missing.length, 1);
    assert.ok(s.missing[0]!.facet === "count" && s.missing[0]!.count.qualifier === "exact");
  });
});

describe("targets, casualties and secondary facets", () => {
  test("targets are a set per report key", () => {
    const s = scoreDocument(doc(gold([report({ targets: ["UA-30", "UA-12"] })]), gold([report({ targets: ["UA-30", "UA-30", "UA-46"] })])));
    assert.deepEqual(s.tallies.targets, { tp: 1, fp: 1, fn: 1 });
  });

  test("casualties match on kind, region and n; the qualifier is only accuracy", () => {
    const g = gold([report({ casualties: [casualty({ kind: "injured", n: 23, qualifier: "at_least" }), casualty({ kind: "killed", n: 2, region: "UA-63" })] })]);
    const p = gold([report({ casualties: [casualty({ kind: "injured", n: 23 }), casualty({ kind: "killed", n: 3, region: "UA-63" })] })]);
    const s = scoreDocument(doc(g, p));
    assert.deepEqual(s.tallies.casualties, { tp: 1, fp: 1, fn: 1 });
    assert.deepEqual(s.qualifier, { right: 0, total: 1 });
    assert.equal(s.wrong.length, 1);
    assert.equal(s.wrong[0]!.facet, "casualty");
    assert.equal(s.wrong[0]!.why, "n");
  });

  test("claimant orgs, launch areas, record claims", () => {
    const g = gold([report({ claimant_orgs: ["UA.air_force", "UA.regional"], launch_areas: ["RU-KRS", "sea:black"], record_claims: [{ metric: "any", scope: "war" }] })]);
    const p = gold([report({ claimant_orgs: ["UA.air_force"], launch_areas: ["RU-KRS"], record_claims: [{ metric: "drone", scope: "war" }] })]);
    const s = scoreDocument(doc(g, p));
    assert.deepEqual(s.tallies.claimant_orgs, { tp: 1, fp: 0, fn: 1 });
    assert.deepEqual(s.tallies.launch_areas, { tp: 1, fp: 0, fn: 1 });
    assert.deepEqual(s.tallies.record_claims, { tp: 0, fp: 1, fn: 1 });
  });

  test("published accuracy only counts documents whose gold states a time", () => {
    const at = "2025-07-04T11:34:00+02:00";
    const right = scoreDocument(doc(gold([], at), gold([], "2025-07-04T11:34+02:00")));
    assert.deepEqual(right.published, { right: 1, total: 1 });
    const utc = scoreDocument(doc(gold([], at), gold([], "2025-07-04T09:34:00Z")));
    assert.deepEqual(utc.published, { right: 0, total: 1 }, "the publisher's offset is part of the answer");
    const missed = scoreDocument(doc(gold([], at), gold([], null)));
    assert.deepEqual(missed.published, { right: 0, total: 1 });
    const unstated = scoreDocument(doc(gold([], null), gold([], at)));
    assert.deepEqual(unstated.published, { right: 0, total: 0 });
    assert.equal(samePublished("2025-07-04", "2025-07-04T00:00:00Z"), false);
  });

  test("language detection is scored when the predicted language is known", () => {
    assert.deepEqual(scoreDocument(doc(gold([]), gold([]), { lang: "uk", predictedLang: "ru" })).lang_detection, { right: 0, total: 1 });
    assert.deepEqual(scoreDocument(doc(gold([]), gold([]), { lang: "uk", predictedLang: "uk" })).lang_detection, { right: 1, total: 1 });
    assert.deepEqual(scoreDocument(doc(gold([]), gold([]), { lang: "uk" })).lang_detection, { right: 0, total: 0 });
  });
});

describe("aggregation", () => {
  test("micro averages overall, and per language and kind", () => {
    const fr = doc(gold([report({ counts: [drones539] })]), gold([report({ counts: [drones539] })]), { id: "a", lang: "fr", kind: "news" });
    const en = doc(
      gold([report({ counts: [drones539, missiles11, count({ weapon: "any", outcome: "launched", n: 550 })] })]),
      gold([]),
      { id: "b", lang: "en", kind: "official" },
    );
    const { summary, documents } = scoreDocuments([fr, en]);
    assert.equal(summary.documents, 2);
    assert.equal(documents.length, 2);
    assert.deepEqual([summary.counts.tp, summary.counts.fp, summary.counts.fn], [1, 0, 3]);
    assert.equal(summary.counts.recall, 0.25, "micro, not the mean of 1 and 0");
    assert.equal(summary.counts.precision, 1);
    assert.equal(summary.by_lang.fr?.counts.f1, 1);
    assert.equal(summary.by_lang.en?.counts.f1, 0);
    assert.equal(summary.by_lang.uk, undefined, "languages without documents are left out");
    assert.equal(summary.by_kind.news?.documents, 1);
    assert.equal(summary.by_kind.official?.counts.fn, 3);
    assert.deepEqual(Object.keys(summary.by_lang), ["fr", "en"]);
  });

  test("no documents at all", () => {
    const { summary } = scoreDocuments([]);
    assert.equal(summary.documents, 0);
    assert.equal(summary.counts.f1, 1);
    assert.deepEqual(summary.by_lang, {});
    assert.deepEqual(summary.secondary.qualifier, { right: 0, total: 0 });
  });

  test("an empty prediction against a non-empty gold scores 0, an empty gold with spurious output too", () => {
    const missed = scoreDocument(doc(gold([report({ counts: [drones539], targets: ["UA-30"] })]), gold([])));
    assert.equal(prf(missed.tallies.counts).f1, 0);
    assert.equal(prf(missed.tallies.report_keys).recall, 0);
    const invented = scoreDocument(doc(gold([]), gold([report({ counts: [drones539] })])));
    assert.deepEqual(invented.tallies.counts, { tp: 0, fp: 1, fn: 0 });
    assert.equal(prf(invented.tallies.counts).precision, 0);
    assert.equal(invented.spurious.filter((f) => f.facet === "count").length, 1);
  });
});
