// The night at a glance without a browser: the strip's model from attack details (each side's figures,
// sums marked, disagreements kept), its rendering (each figure once, each number a link), the dataset's
// rows read back, map labels that do not collide, and the Read page's facts merged. linkedom stands in
// for the DOM.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { parseHTML } from "linkedom";
import type { AttackDetail, Claim, DocumentRef, ExtractedReport, Figure } from "../../web/src/api-types.js";
import { addDays, nightDates, timeLabel } from "../../web/src/format.js";
import { placeLabels, shortName } from "../../web/src/map/labels.js";
import { datasetRow, windowLabel } from "../../web/src/night/dataset-row.js";
import { buildNight, groupAnchor, modelLabel } from "../../web/src/night/model.js";

before(() => {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  (globalThis as { document?: unknown }).document = document;
});

const news: DocumentRef = { id: 50, publisher: "Example daily", url: null, channel: null, post_id: null, published: "2025-07-04T11:34:00+02:00", title: null, kind: "news", lang: "en" };
const mod: DocumentRef = { id: 72, publisher: "Ministry of Defence of Russia", url: null, channel: "mod_russia", post_id: null, published: "2025-07-04T11:40:00+03:00", title: null, kind: "official", lang: "en" };
const row: DocumentRef = {
  id: 1076,
  publisher: "Ukrainian Air Force (dataset)",
  url: null,
  channel: "dataset:missile_attacks_daily.csv",
  post_id: "2025-07-03 18:00|2025-07-04 06:00|Shahed-136/131|Ukraine|kpszsu/posts/pfbid0abc",
  published: "2025-07-04T06:00",
  title: "Shahed-136/131 2025-07-03 18:00 → 2025-07-04 06:00",
  kind: "official",
  lang: "en",
};

/** The window of a claim whose text states no period. */
const notStated: Claim["window"] = { key: "none", label: "period not stated", named: null, start: null, end: null, from: null, to: null };

let nextId = 1;
function claim(side: "UA" | "RU", n: number, document: DocumentRef, extra: Partial<Claim> = {}): Claim {
  const text = `They said ${n}.`;
  return {
    id: nextId++,
    side,
    claimant: side,
    orgs: [side === "UA" ? "UA.air_force" : "RU.mod"],
    credited_to: side === "UA" ? "UA.air_force" : "RU.mod",
    restated: false,
    superseded: false,
    n,
    qualifier: "exact",
    document,
    sentence: { start: 0, end: text.length, text },
    evidence: [{ role: "number", start: 10, end: 10 + String(n).length, text: String(n) }],
    rule: "test",
    window: notStated,
    period_evidence: [],
    contained_by: null,
    dataset_row: null,
    ...extra,
  };
}

function figure(weapon: Figure["weapon"], outcome: Figure["outcome"], claims: Claim[], opts: { model?: string; region?: string; conflict?: boolean } = {}): Figure {
  const chosen = claims.find((c) => !c.superseded) ?? null;
  const pick: Figure["chosen"] = chosen
    ? { n: chosen.n, qualifier: chosen.qualifier, claim_id: chosen.id, side: chosen.side, org: chosen.credited_to, basis: "window", windows: [] }
    : null;
  return {
    weapon,
    model: opts.model ?? null,
    outcome,
    region: opts.region ?? null,
    chosen: pick,
    by_side: pick && chosen?.side ? { [chosen.side]: pick } : {},
    conflict: opts.conflict ?? false,
    claims,
  };
}

function attack(id: string, figures: Figure[], extra: Partial<AttackDetail> = {}): AttackDetail {
  const [date = "", pair = ""] = id.split(".");
  const [attacker, target] = pair.split("-") as ["UA" | "RU", "UA" | "RU"];
  return {
    id,
    date,
    attacker,
    target,
    night: true,
    documents: 1,
    claimants: [],
    orgs: [],
    totals: { launched: null, intercepted: null, suppressed: null, hit: null },
    by_weapon: [],
    regions: [],
    record_claims: [],
    conflict: false,
    sides: [],
    figures,
    casualties: [],
    record_checks: [],
    document_refs: [],
    ...extra,
  };
}

/** A night shaped like 4 July 2025: Kyiv's totals and the dataset's rows; Moscow's overnight 48 and a later 6. */
function seedNight(): AttackDetail[] {
  const ruUa = attack("2025-07-04.RU-UA", [
    figure("any", "launched", [claim("UA", 550, news, { restated: true })]),
    figure("drone", "launched", [claim("UA", 539, news, { restated: true })]),
    figure("drone", "intercepted", [claim("UA", 268, news, { restated: true })]),
    figure("drone", "launched", [claim("UA", 539, row)], { model: "shahed" }),
    figure("drone", "intercepted", [claim("UA", 268, row)], { model: "shahed" }),
    figure("drone", "suppressed", [claim("UA", 208, row)], { model: "shahed" }),
    figure("missile", "launched", [claim("UA", 11, news, { restated: true })]),
    figure("missile", "intercepted", [claim("UA", 2, news, { restated: true })]),
    figure("drone", "launched", [claim("UA", 4, row)], { region: "area:ua-south" }),
    figure("drone", "intercepted", [claim("UA", 4, row)], { region: "area:ua-south" }),
    figure("any", "hit_locations", [claim("UA", 8, row)]),
  ]);
  const uaRu = attack("2025-07-04.UA-RU", [
    figure("drone", "intercepted", [claim("RU", 48, news, { restated: true }), claim("RU", 6, mod)], { conflict: true }),
    figure("drone", "intercepted", [claim("RU", 26, news, { restated: true })], { region: "RU-ROS" }),
  ]);
  return [ruUa, uaRu];
}

describe("the night's model", () => {
  test("Kyiv's and Moscow's accounts, each about the attack on itself, figure by figure", () => {
    const night = buildNight(seedNight());
    assert.deepEqual(night.sides.map((s) => [s.side, s.directions.map((d) => d.attackId)]), [
      ["UA", ["2025-07-04.RU-UA"]],
      ["RU", ["2025-07-04.UA-RU"]],
    ]);
    const kyiv = night.sides[0]?.directions[0];
    assert.ok(kyiv);
    assert.deepEqual(kyiv.rows.map((r) => r.weapon), ["any", "drone", "missile"]);
    const cell = (w: string, o: "launched" | "intercepted" | "suppressed") => kyiv.rows.find((r) => r.weapon === w)?.cells[o];
    // stated: the all-weapons 550, the class figures
    assert.deepEqual(cell("any", "launched")?.values.map((v) => [v.n, v.sum]), [[550, false]]);
    assert.deepEqual(cell("drone", "launched")?.values.map((v) => [v.n, v.sum]), [[539, false]]);
    // nobody stated all weapons intercepted: drones + missiles, marked as salvo's sum
    const all = cell("any", "intercepted")?.values[0];
    assert.deepEqual([all?.n, all?.sum, all?.note], [270, true, "sum of drones 268 + missiles 2"]);
    // the drones' suppressed figure is stated for one model only: it stands for the class, not a sum
    const sup = cell("drone", "suppressed")?.values[0];
    assert.deepEqual([sup?.n, sup?.sum, sup?.note, sup?.anchor], [208, false, "stated for Shahed", groupAnchor("2025-07-04.RU-UA", "drone", "shahed", null)]);
    assert.equal(cell("missile", "suppressed"), undefined);
    // regional figures are grouped by place, launched before intercepted
    assert.deepEqual(kyiv.places.map((p) => [p.region, p.figures.map((f) => `${f.value.n} ${f.outcome}`)]), [["area:ua-south", ["4 launched", "4 intercepted"]]]);
    assert.deepEqual(kyiv.locations.map((l) => [l.outcome, l.value.n]), [["hit_locations", 8]]);

    const moscow = night.sides[1]?.directions[0];
    const drones = moscow?.rows.find((r) => r.weapon === "drone")?.cells.intercepted;
    // two statements, two values: both shown (largest first), marked as a disagreement, none dropped
    assert.deepEqual(drones?.values.map((v) => [v.n, v.window]), [[48, null], [6, null]]);
    assert.equal(drones?.conflict, true);
    assert.equal(drones?.total, null);
    // one class only: no all-weapons row is made up
    assert.deepEqual(moscow?.rows.map((r) => r.weapon), ["drone"]);
  });

  test("a superseded statement is left out, and one document's part and whole are one statement", () => {
    const a = attack("2025-07-10.RU-UA", [
      figure("drone", "launched", [claim("UA", 100, news, { superseded: true }), claim("UA", 120, news), claim("UA", 40, news)]),
    ]);
    const night = buildNight([a]);
    const values = night.sides[0]?.directions[0]?.rows.find((r) => r.weapon === "drone")?.cells.launched?.values;
    assert.deepEqual(values?.map((v) => v.n), [120]);
  });

  test("the strip shows each figure once, every number a link to its evidence, the disagreement marked", async () => {
    const { nightStrip } = await import("../../web/src/night/strip.js");
    const strip = nightStrip(buildNight(seedNight()), { hrefOf: (v, id) => `#/attack/${id}?figure=${v.anchor}` });
    const kyiv = strip.querySelector('[data-side="UA"]');
    const moscow = strip.querySelector('[data-side="RU"]');
    assert.match(kyiv?.querySelector("h2")?.textContent ?? "", /Kyiv says/);
    assert.match(moscow?.querySelector("h2")?.textContent ?? "", /Moscow says/);
    const count = (el: Element | null | undefined, n: string) => [...(el?.querySelectorAll("a.value") ?? [])].filter((a) => a.textContent?.replace(/[^\d]/g, "") === n).length;
    assert.equal(count(kyiv, "550"), 1);
    assert.equal(count(kyiv, "270"), 1);
    assert.equal(count(moscow, "48"), 1);
    assert.equal(count(moscow, "6"), 1);
    assert.equal(count(strip, "539"), 1, "the model's 539 restating the class's is not shown twice");
    for (const a of strip.querySelectorAll("a.value")) assert.match(a.getAttribute("href") ?? "", /^#\/attack\/2025-07-04\.(RU-UA|UA-RU)\?figure=ev-/);
    assert.ok(moscow?.querySelector("td.conflict .badge.warn"), "the disagreement is marked");
    assert.ok(kyiv?.querySelector("a.value.sum .sigma"), "a sum is marked");
  });

  test("when the API gives reporting windows, a cell shows each window's figure and the day's sum", async () => {
    const { cellContent } = await import("../../web/src/night/strip.js");
    const value = (n: number, window: string | null, sum = false) => ({ n, qualifier: "exact", window, sum, note: sum ? "sum of the windows" : null, claimIds: [n], anchor: `ev-${n}` });
    const host = document.createElement("td");
    host.append(
      ...cellContent({ values: [value(48, "overnight"), value(6, "08:00–11:00")], total: value(54, null, true), conflict: false }, "2025-07-04.UA-RU", { hrefOf: (v) => `#${v.anchor}` }),
    );
    assert.equal(host.textContent?.replace(/\s+/g, " "), "48 overnight + 6 08:00–11:00 = Σ54 (salvo's sum) that day");
    assert.deepEqual([...host.querySelectorAll("a.value")].map((a) => a.getAttribute("href")), ["#ev-48", "#ev-6", "#ev-54"]);
    assert.equal(host.querySelectorAll(".badge").length, 0, "windows that add up are no disagreement");
  });

  test("a side that said nothing leaves a notice, not an empty box", async () => {
    const { nightStrip } = await import("../../web/src/night/strip.js");
    const media = attack("2025-07-04.RU-UA", [figure("drone", "launched", [{ ...claim("UA", 10, news), side: null, claimant: "media" }])]);
    const strip = nightStrip(buildNight([media]), { hrefOf: () => "#" });
    assert.equal(strip.querySelectorAll("[data-side]").length, 0);
    assert.match(strip.textContent ?? "", /Neither side's own figures/);
  });
});

describe("the dataset's rows, readable", () => {
  test("a row's window, model and source post come back from its document", () => {
    const r = datasetRow(row);
    assert.deepEqual(r, { start: "2025-07-03 18:00", end: "2025-07-04 06:00", model: "Shahed-136/131", target: "Ukraine", sourceUrl: "https://www.facebook.com/kpszsu/posts/pfbid0abc" });
    assert.equal(windowLabel(r ?? { start: "", end: "" }), "18:00–06:00");
    assert.equal(windowLabel({ start: "2025-07-04", end: "2025-07-04" }), null);
    const src = (source: string) => datasetRow({ ...row, post_id: `a|b|m|t|${source}#2` })?.sourceUrl;
    assert.equal(src("https://t.me/kpszsu/44624"), "https://t.me/kpszsu/44624");
    assert.equal(src("kharkivoda.gov.ua/news/123125"), "https://kharkivoda.gov.ua/news/123125");
    assert.equal(src("GeneralStaff.ua/posts/pfbid02"), "https://www.facebook.com/GeneralStaff.ua/posts/pfbid02");
    assert.equal(datasetRow(news), null, "a news article is no dataset row");
  });

  test("model ids read as the sources write them", () => {
    assert.equal(modelLabel("iskander-m/kn-23"), "Iskander-M/KN-23");
    assert.equal(modelLabel("kh-101/kh-555/kalibr"), "Kh-101/Kh-555/Kalibr");
    assert.equal(modelLabel("s-300/s-400"), "S-300/S-400");
    assert.equal(modelLabel("shahed"), "Shahed");
  });
});

describe("dates", () => {
  test("an overnight attack is the night before its date; a time keeps its own zone", () => {
    assert.equal(nightDates("2025-07-04"), "3–4 Jul 2025");
    assert.equal(nightDates("2025-08-01"), "31 Jul – 1 Aug 2025");
    assert.equal(nightDates("2025-01-01"), "31 Dec 2024 – 1 Jan 2025");
    assert.equal(addDays("2024-03-01", -1), "2024-02-29");
    assert.equal(timeLabel("2025-07-04T11:34:00+02:00"), "4 Jul 2025, 11:34 (UTC+02:00)");
    assert.equal(timeLabel("2025-07-04T06:00"), "4 Jul 2025, 06:00");
    assert.equal(timeLabel("2025-07-04"), "4 Jul 2025");
    assert.equal(timeLabel("not a date"), "not a date");
  });
});

describe("map labels", () => {
  test("short names, a city's oblast told apart", () => {
    const taken = new Set(["Kyiv", "Moscow"]);
    assert.equal(shortName("Kharkiv Oblast", taken), "Kharkiv");
    assert.equal(shortName("Kyiv Oblast", taken), "Kyiv obl.");
    assert.equal(shortName("Republic of Tatarstan", taken), "Tatarstan");
    assert.equal(shortName("Autonomous Republic of Crimea", taken), "Crimea");
    assert.equal(shortName("Krasnodar Krai", taken), "Krasnodar");
  });

  test("labels are placed most important first, never overlapping, never outside the frame", () => {
    const placed = placeLabels(
      [
        { id: "a", text: "Kyiv", x: 100, y: 100, priority: 10 },
        { id: "b", text: "Kyiv obl.", x: 104, y: 104, priority: 5 },
        { id: "c", text: "Far away", x: 300, y: 100, priority: 1 },
        { id: "d", text: "Edge", x: 2, y: 100, priority: 20 },
      ],
      { width: 400, height: 200 },
    );
    assert.deepEqual(placed.map((p) => p.id), ["a", "c"]);
  });
});

describe("the Read page's facts", () => {
  test("a region named as a target in two sentences is one line, both sentences highlighted", async () => {
    const { evidenceHighlights, reportView } = await import("../../web/src/facts.js");
    const prov = (at: number) => ({ rule: "t", sentence: { start: at, end: at + 10 }, evidence: [{ role: "region", start: at, end: at + 5, text: "Kyiv." }] });
    const r = {
      claimant: "UA",
      claimant_orgs: [],
      attacker: "RU",
      target: "UA",
      date: "2025-07-04",
      night: true,
      counts: [],
      targets: ["UA-30"],
      casualties: [],
      launch_areas: [],
      record_claims: [],
      places: [],
      target_facts: [
        { region: "UA-30", provenance: prov(0) },
        { region: "UA-30", provenance: prov(40) },
      ],
      launch_area_facts: [],
      org_facts: [],
      date_evidence: null,
    } as ExtractedReport;
    const facts = reportView(r).facts.filter((f) => f.kind === "target");
    assert.equal(facts.length, 1);
    assert.equal(facts[0]?.more.length, 1);
    assert.deepEqual(evidenceHighlights([r]).map((x) => x.start), [0, 40]);
  });
});
