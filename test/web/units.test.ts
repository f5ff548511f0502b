// Fast checks of the dashboard's pure parts (no browser): timeline normalisation, map winding,
// evidence highlighting built from text nodes only. linkedom stands in for the browser's DOM.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import { geoArea } from "d3-geo";
import { parseHTML } from "linkedom";
import type { RecordMarks, TimelineRow } from "../../web/src/api-types.js";
import type { WeaponTotals } from "../../web/src/api-types.js";
import { nightsByDirection } from "../../web/src/charts/timeline-data.js";
import { binOf, thresholds } from "../../web/src/map/choropleth.js";
import { regionsFromTopology, rewindPolygon } from "../../web/src/map/geo.js";
import { ROOT } from "./harness.js";

before(() => {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  (globalThis as { document?: unknown }).document = document;
});

const MARKS: RecordMarks = {
  attacker: "RU",
  target: "UA",
  metric: "any",
  claimant: "UA",
  outcome: "launched",
  metric_label: "launched, as Ukraine states it",
  items: [{ id: "2025-01-03.RU-UA", date: "2025-01-03", n: 157, previous: { id: "2025-01-01.RU-UA", date: "2025-01-01", n: 100 } }],
};

const row = (period: string, weapon: string, launched: number | null, intercepted: number | null, claimant = "UA", attacker = "RU", target = "UA"): TimelineRow =>
  ({ period, attacker, target, claimant, weapon, launched, intercepted, suppressed: null }) as TimelineRow;

describe("timeline normalisation", () => {
  test("a class figure wins over its subclasses and the all-weapons total is not added on top", () => {
    const [dir] = nightsByDirection([
      row("2025-07-04", "any", 550, null),
      row("2025-07-04", "drone", 539, 268),
      row("2025-07-04", "drone.strike", 300, 100),
      row("2025-07-04", "missile.cruise", 7, 2),
      row("2025-07-04", "missile.ballistic", 4, 0),
    ]);
    assert.ok(dir);
    const n = dir.nights[0];
    assert.ok(n);
    assert.deepEqual(n.byClass, { drone: 539, missile: 11 });
    assert.equal(n.total, 550);
    assert.equal(n.intercepted, 270);
  });

  test("the attacked side's account is used, and record nights are the server's marks, not the nights on screen", () => {
    const rows = [
      row("2025-01-01", "drone", 100, 90),
      row("2025-01-02", "drone", 80, 70),
      row("2025-01-03", "drone", 150, 140),
      row("2025-01-03", "drone", 999, null, "RU"),
      row("2025-01-03", "drone", null, 48, "RU", "UA", "RU"),
    ];
    // Shown alone, 2 January beats nothing on screen; it is no record unless the whole history says so.
    assert.deepEqual(nightsByDirection(rows.slice(1, 2)).flatMap((d) => d.nights.map((n) => n.record)), [false]);
    const dirs = nightsByDirection(rows, [MARKS]);
    assert.deepEqual(dirs.map((d) => `${d.attacker}-${d.target}`), ["RU-UA", "UA-RU"]);
    const ru = dirs[0]?.nights ?? [];
    assert.deepEqual(ru.map((n) => [n.total, n.claimant, n.record]), [[100, "UA", false], [80, "UA", false], [150, "UA", true]]);
    // Moscow states only interceptions: they stand in for the launches of that account.
    assert.deepEqual(dirs[1]?.nights.map((n) => [n.total, n.intercepted, n.claimant]), [[48, 48, "RU"]]);
  });
});

describe("charts (Observable Plot)", () => {
  const history = () =>
    nightsByDirection([
      row("2025-01-01", "drone", 100, 90),
      row("2025-01-02", "drone", 80, 70),
      row("2025-01-03", "drone", 150, 140),
      row("2025-01-03", "missile.cruise", 7, 2),
      row("2025-01-05", "drone", null, 48, "RU", "UA", "RU"),
    ], [MARKS]);

  test("the timeline draws one labelled, titled mark per night, a panel per direction and a link per record night", async () => {
    const { timelineChart } = await import("../../web/src/charts/timeline-chart.js");
    const chart = timelineChart(history(), { width: 800, hrefOf: (n) => `#/attack/${n.date}.${n.attacker}-${n.target}` });
    assert.equal(chart.getAttribute("role"), "application");
    assert.match(chart.getAttribute("aria-label") ?? "", /Timeline of 4 nights, 1 record nights marked/);
    const panels = [...chart.querySelectorAll("svg.panel")].map((p) => p.getAttribute("aria-label"));
    assert.deepEqual(panels, ["Russia's attacks on Ukraine", "Ukraine's attacks on Russia"]);
    const nights = [...chart.querySelectorAll("g.nights rect")];
    assert.equal(nights.length, 4);
    for (const n of nights) {
      assert.ok(n.getAttribute("aria-label"), "each night is labelled");
      assert.equal(n.querySelector("title")?.textContent, n.getAttribute("aria-label"));
    }
    assert.match(nights[2]?.getAttribute("aria-label") ?? "", /3 Jan 2025, RU→UA \(Kyiv\): 150 drones, 7 missiles launched; 142 intercepted; record night/);
    const record = chart.querySelector("g.records a path");
    assert.match(record?.getAttribute("aria-label") ?? "", /^Record night 3 Jan 2025: 157 launched/);
    assert.equal(record?.parentElement?.getAttributeNS("http://www.w3.org/1999/xlink", "href"), "#/attack/2025-01-03.RU-UA");
    // the bars themselves are drawn once per class and part, hidden from assistive technology (the night speaks for them)
    assert.equal(chart.querySelector("g.bars")?.getAttribute("aria-hidden"), "true");
    assert.ok(chart.querySelectorAll("g.bars rect").length >= 5);
    assert.ok(chart.querySelectorAll('[aria-label="y-axis tick label"] text').length >= 2, "each panel has a y axis");
  });

  test("narrowing the range draws fewer nights", async () => {
    const { timelineChart } = await import("../../web/src/charts/timeline-chart.js");
    const chart = timelineChart(history(), { width: 400, from: "2025-01-02", to: "2025-01-03" });
    assert.equal(chart.querySelectorAll("g.nights rect[aria-label]").length, 2);
  });

  test("the weapon bars label every row, and a weapon name with markup stays text", async () => {
    const { weaponBars } = await import("../../web/src/charts/weapon-bars.js");
    const rows = [
      { weapon: "drone", launched: 100, intercepted: 80, suppressed: 5 },
      { weapon: '<img src=x onerror="alert(1)">', launched: null, intercepted: 3, suppressed: null },
    ] as WeaponTotals[];
    const svg = weaponBars(rows, { width: 420 });
    assert.equal(svg.getAttribute("aria-label"), "Launched, intercepted and suppressed by weapon class");
    const labelled = [...svg.querySelectorAll("g.weapon-row rect")].map((r) => r.getAttribute("aria-label"));
    assert.deepEqual(labelled, ["drones: 100 launched, 80 intercepted, 5 suppressed (80 % intercepted)", '<img src=x onerror="alert(1)">: – launched, 3 intercepted']);
    assert.equal(svg.querySelectorAll("img, script").length, 0);
    assert.ok([...svg.querySelectorAll("text")].some((t) => t.textContent === '<img src=x onerror="alert(1)">'));
  });
});

describe("map", () => {
  test("rewinding makes exterior rings clockwise for d3-geo (a small area, not the globe minus it)", () => {
    const ccw = [[30, 50], [31, 50], [31, 51], [30, 51], [30, 50]];
    const area = geoArea({ type: "Polygon", coordinates: rewindPolygon([ccw]) });
    assert.ok(area > 0 && area < 0.01, `area ${area}`);
    assert.ok(geoArea({ type: "Polygon", coordinates: [ccw] }) > 12, "the unwound ring covers the rest of the globe");
  });

  const topoPath = join(ROOT, "data/admin1.topo.json");
  test("the admin1 boundaries give Ukraine and western Russia, each region smaller than a hemisphere", { skip: existsSync(topoPath) ? false : "data/admin1.topo.json absent" }, () => {
    const features = regionsFromTopology(JSON.parse(readFileSync(topoPath, "utf8")));
    const ua = features.filter((f) => f.properties.country === "UA");
    const ru = features.filter((f) => f.properties.country === "RU");
    assert.equal(ua.length, 27);
    assert.ok(ru.some((f) => f.properties.iso === "RU-BEL") && !ru.some((f) => f.properties.iso === "RU-CHU"), "Chukotka is east of the map");
    for (const f of features) assert.ok(geoArea(f) < 0.1, `${f.properties.iso} is wound clockwise`);
  });

  test("colour classes cover the range with a few heavy regions", () => {
    const t = thresholds(400);
    assert.equal(t.length, 5);
    assert.equal(t[t.length - 1], 400);
    assert.equal(binOf(1, t), 0);
    assert.equal(binOf(400, t), 4);
    assert.deepEqual(thresholds(3), [1, 2, 3]);
  });
});

describe("highlighting", () => {
  test("document text with markup is rendered as text, evidence as <mark>", async () => {
    const { highlightText, highlightSentence } = await import("../../web/src/highlight.js");
    const text = 'Russia launched 57 drones. <script>alert(1)</script><img src=x onerror="alert(2)">';
    const host = document.createElement("div");
    host.appendChild(highlightText(text, [{ start: 16, end: 18, role: "number" }]));
    assert.equal(host.querySelectorAll("script, img").length, 0);
    assert.equal(host.textContent, text);
    assert.equal(host.querySelector("mark")?.textContent, "57");
    const s = document.createElement("p");
    // evidence offsets are document offsets; the sentence starts at 100
    s.appendChild(highlightSentence({ start: 100, end: 126, text: "Russia launched 57 drones." }, [{ role: "number", start: 116, end: 118, text: "57" }]));
    assert.equal(s.querySelector("mark")?.textContent, "57");
  });
});
