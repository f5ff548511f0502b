import { test } from "node:test";
import assert from "node:assert/strict";
import { decideFigure, type ClaimIn } from "../../src/reconcile/rules.js";
import { classValue, totalValue, type ValueAt } from "../../src/reconcile/totals.js";

let nextId = 1;
function claim(p: Partial<ClaimIn> & { n: number; claimant: ClaimIn["claimant"] }, doc: Partial<ClaimIn["doc"]> = {}): ClaimIn {
  const id = nextId++;
  return {
    id,
    n: p.n,
    qualifier: p.qualifier ?? "exact",
    claimant: p.claimant,
    orgs: p.orgs ?? [],
    additive_group: p.additive_group ?? null,
    doc: { id: doc.id ?? 100 + id, kind: doc.kind ?? "official", publisher: doc.publisher ?? null, channel: doc.channel ?? null, url: doc.url ?? null, published: doc.published ?? null },
  };
}

test("the attacked side's Air Force is chosen over its General Staff and over the attacker's account", () => {
  const d = decideFigure(
    [
      claim({ n: 40, claimant: "RU", orgs: ["RU.mod"] }, { publisher: "MoD" }),
      claim({ n: 52, claimant: "UA", orgs: ["UA.general_staff"] }, { publisher: "General Staff" }),
      claim({ n: 50, claimant: "UA", orgs: ["UA.air_force"] }, { publisher: "Air Force" }),
    ],
    "RU",
    "UA",
  );
  assert.equal(d.chosen?.n, 50);
  assert.equal(d.chosen?.org, "UA.air_force");
  // The two sides' accounts stay apart, never averaged.
  assert.equal(d.by_side.UA?.n, 50);
  assert.equal(d.by_side.RU?.n, 40);
  // Air Force 50 vs General Staff 52: same side, different values.
  assert.equal(d.conflict, true);
});

test("for UA → RU the Russian defence ministry is the chosen body", () => {
  const d = decideFigure(
    [
      claim({ n: 12, claimant: "RU", orgs: ["RU.regional"] }, { publisher: "Governor" }),
      claim({ n: 40, claimant: "RU", orgs: ["RU.mod"] }, { publisher: "MoD" }),
      claim({ n: 60, claimant: "UA", orgs: ["UA.general_staff"] }, { publisher: "General Staff" }),
    ],
    "UA",
    "RU",
  );
  assert.equal(d.chosen?.n, 40);
  assert.equal(d.by_side.UA?.n, 60);
});

test("a later statement of the same source supersedes the earlier one and is no conflict", () => {
  const early = claim({ n: 477, claimant: "UA", orgs: ["UA.air_force"] }, { channel: "kpszsu", published: "2025-06-29T08:00:00+03:00" });
  const late = claim({ n: 479, claimant: "UA", orgs: ["UA.air_force"] }, { channel: "kpszsu", published: "2025-06-29T11:00:00+03:00" });
  const d = decideFigure([late, early], "RU", "UA");
  assert.equal(d.chosen?.n, 479);
  assert.equal(d.conflict, false);
  assert.equal(d.claims.find((c) => c.id === early.id)?.superseded, true);
  assert.equal(d.claims.find((c) => c.id === late.id)?.superseded, false);
});

test("a news restatement is credited to the body it quotes; agreeing restatements are not a conflict", () => {
  const official = claim({ n: 550, claimant: "UA", orgs: ["UA.air_force"] }, { channel: "kpszsu", published: "2025-07-04T09:00:00+03:00" });
  const news = claim({ n: 550, claimant: "UA", orgs: ["UA.air_force"] }, { kind: "news", publisher: "Some Paper", published: "2025-07-04T11:00:00+02:00" });
  const d = decideFigure([official, news], "RU", "UA");
  const n = d.claims.find((c) => c.id === news.id)!;
  assert.equal(n.restated, true);
  assert.equal(n.credited_to, "UA.air_force");
  assert.equal(d.conflict, false);
  assert.equal(d.chosen?.n, 550);
});

test("media's own figure is kept but never beats an official one; without officials it is chosen", () => {
  const media = claim({ n: 45, claimant: "media" }, { kind: "news", publisher: "Wire" });
  const d1 = decideFigure([media, claim({ n: 43, claimant: "UA", orgs: ["UA.air_force"] })], "RU", "UA");
  assert.equal(d1.chosen?.n, 43);
  assert.equal(d1.conflict, false, "media's own figure is not a side's");
  const d2 = decideFigure([media], "RU", "UA");
  assert.equal(d2.chosen?.n, 45);
  assert.equal(d2.chosen?.side, null);
});

test("dataset rows sharing a key (two time windows) are summed, not superseded", () => {
  const a = claim({ n: 30, claimant: "UA", orgs: ["UA.air_force"], additive_group: "dataset:x.csv" }, { channel: "dataset:x.csv" });
  const b = claim({ n: 12, claimant: "UA", orgs: ["UA.air_force"], additive_group: "dataset:x.csv" }, { channel: "dataset:x.csv" });
  const d = decideFigure([a, b], "RU", "UA");
  assert.equal(d.chosen?.n, 42);
  assert.equal(d.conflict, false);
});

test("class totals: the stated class figure wins, else models and subclasses are summed", () => {
  const v = (weapon: ValueAt["weapon"], model: string | null, n: number, outcome: ValueAt["outcome"] = "launched", region: string | null = null): ValueAt => ({ weapon, model, outcome, region, n });
  const values = [
    v("drone", "shahed", 539),
    v("missile.ballistic", "iskander-m/kn-23", 6),
    v("missile.cruise", "iskander-k", 4),
    v("missile.aeroballistic", "kinzhal", 1),
    v("drone", null, 4, "launched", "area:ua-south"),
  ];
  assert.equal(classValue(values, "drone", "launched"), 539, "regional figures stay out of national totals");
  assert.equal(classValue(values, "missile", "launched"), 11);
  assert.deepEqual(totalValue(values, "launched"), { n: 550, basis: "sum" });
  assert.deepEqual(totalValue([...values, v("any", null, 551)], "launched"), { n: 551, basis: "any" });
  assert.equal(classValue([...values, v("missile", null, 12)], "missile", "launched"), 12);
  assert.deepEqual(totalValue(values, "hit"), { n: null, basis: "sum" });
});

test("two values of one body in one document (a window and the whole night): the larger stands, no conflict", () => {
  const doc = { id: 9, publisher: "Wire", kind: "news" as const };
  const d = decideFigure([claim({ n: 11, claimant: "RU", orgs: ["RU.mod"] }, doc), claim({ n: 40, claimant: "RU", orgs: ["RU.mod"] }, doc)], "UA", "RU");
  assert.equal(d.chosen?.n, 40);
  assert.equal(d.conflict, false);
  assert.equal(d.claims.length, 2, "both statements are kept");
});

test("the body's own statement is chosen over a later news restatement that differs", () => {
  const own = claim({ n: 550, claimant: "UA", orgs: ["UA.air_force"] }, { channel: "kpszsu", published: "2025-07-04T09:00:00+03:00" });
  const news = claim({ n: 500, claimant: "UA", orgs: ["UA.air_force"] }, { kind: "news", publisher: "Paper", published: "2025-07-04T15:00:00+03:00" });
  const d = decideFigure([news, own], "RU", "UA");
  assert.equal(d.chosen?.claim_id, own.id);
  assert.equal(d.conflict, true);
});
