// The window rules of reconciliation (docs/reconciliation.md), one test per rule, on claims written here.
import assert from "node:assert/strict";
import { test } from "node:test";
import { buildAttack, type AttackIn } from "../../src/reconcile/attack.js";
import { decideFigure, type ClaimIn } from "../../src/reconcile/rules.js";
import { placeWindow, relate, type PeriodIn } from "../../src/reconcile/windows.js";

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
    period: p.period ?? null,
    doc: { id: doc.id ?? 1000 + id, kind: doc.kind ?? "official", publisher: doc.publisher ?? null, channel: doc.channel ?? null, url: doc.url ?? null, published: doc.published ?? null },
  };
}

const NIGHT: PeriodIn = { start: null, end: null, named: "night", };
const DAY: PeriodIn = { start: null, end: null, named: "day" };
const MSK_8_11: PeriodIn = { start: { time: "08:00", date: null, zone: "Europe/Moscow" }, end: { time: "11:00", date: null, zone: "Europe/Moscow" }, named: null };
const AF_NIGHT: PeriodIn = { start: { time: "18:00", date: "2025-07-03", zone: null }, end: null, named: "night" };
const AF_18_08: PeriodIn = { start: { time: "18:00", date: "2025-07-03", zone: null }, end: { time: "08:00", date: "2025-07-04", zone: null }, named: null };
const DATE = "2025-07-04";

test("windows of one body that do not overlap are separate and summed into the day's figure, labelled a sum", () => {
  const night = claim({ n: 48, claimant: "RU", orgs: ["RU.mod", "RU.regional"], period: NIGHT }, { kind: "news", publisher: "Libération", published: "2025-07-04T11:34:00+02:00" });
  const morning = claim({ n: 6, claimant: "RU", orgs: ["RU.mod"], period: MSK_8_11 }, { channel: "mod_russia", published: "2025-07-04T11:40:00+03:00" });
  const d = decideFigure([night, morning], "UA", "RU", DATE);
  assert.equal(d.by_side.RU?.n, 54);
  assert.equal(d.by_side.RU?.basis, "sum");
  assert.deepEqual(d.by_side.RU?.windows.map((w) => [w.window.label, w.n]), [["overnight", 48], ["08:00–11:00 MSK", 6]]);
  assert.equal(d.conflict, false, "two windows are not two accounts of one window");
  assert.ok(d.claims.every((c) => !c.superseded && c.contained_by === null), "neither figure is dropped");
});

test("a window that contains another stands for both: the Air Force's 18:00–08:00 and an overnight partial", () => {
  const partial = claim({ n: 80, claimant: "UA", orgs: ["UA.air_force"], period: NIGHT }, { channel: "kpszsu", published: "2025-07-04T04:00:00+03:00" });
  const whole = claim({ n: 120, claimant: "UA", orgs: ["UA.air_force"], period: AF_18_08 }, { channel: "kpszsu", published: "2025-07-04T09:00:00+03:00" });
  const d = decideFigure([partial, whole], "RU", "UA", DATE);
  assert.equal(d.chosen?.n, 120);
  assert.equal(d.chosen?.basis, "window");
  assert.deepEqual(d.chosen?.windows[0]?.stands_for, [partial.id, whole.id]);
  assert.equal(d.claims.find((c) => c.id === partial.id)?.contained_by, whole.id);
  assert.equal(d.conflict, false);
});

test("a later statement supersedes an earlier one only for the same window", () => {
  const first = claim({ n: 6, claimant: "RU", orgs: ["RU.mod"], period: MSK_8_11 }, { channel: "mod_russia", published: "2025-07-04T11:40:00+03:00" });
  const corrected = claim({ n: 7, claimant: "RU", orgs: ["RU.mod"], period: MSK_8_11 }, { channel: "mod_russia", published: "2025-07-04T12:30:00+03:00" });
  const night = claim({ n: 48, claimant: "RU", orgs: ["RU.mod"], period: NIGHT }, { channel: "mod_russia", published: "2025-07-04T07:00:00+03:00" });
  const d = decideFigure([first, corrected, night], "UA", "RU", DATE);
  assert.equal(d.claims.find((c) => c.id === first.id)?.superseded, true);
  assert.equal(d.claims.find((c) => c.id === night.id)?.superseded, false, "an earlier post of another window is not corrected by a later one");
  assert.equal(d.by_side.RU?.n, 55);
  assert.equal(d.conflict, false);
});

test("an 'attack continues' partial is superseded by the final count of the same window", () => {
  const partial = claim({ n: 200, claimant: "UA", orgs: ["UA.air_force"], period: AF_NIGHT }, { channel: "kpszsu", published: "2025-07-04T06:10:00+03:00" });
  const final = claim({ n: 539, claimant: "UA", orgs: ["UA.air_force"], period: AF_NIGHT }, { channel: "kpszsu", published: "2025-07-04T09:30:00+03:00" });
  const d = decideFigure([final, partial], "RU", "UA", DATE);
  assert.equal(d.chosen?.n, 539);
  assert.equal(d.claims.find((c) => c.id === partial.id)?.superseded, true);
  assert.equal(d.claims.find((c) => c.id === final.id)?.superseded, false);
  assert.equal(d.conflict, false);
});

test("conflicts compare like windows only", () => {
  const af = claim({ n: 100, claimant: "UA", orgs: ["UA.air_force"], period: NIGHT }, { channel: "kpszsu" });
  const gsNight = claim({ n: 105, claimant: "UA", orgs: ["UA.general_staff"], period: NIGHT }, { channel: "GeneralStaffZSU" });
  assert.equal(decideFigure([af, gsNight], "RU", "UA", DATE).conflict, true, "two bodies, one window, two values");
  const gsDay = claim({ n: 20, claimant: "UA", orgs: ["UA.general_staff"], period: DAY }, { channel: "GeneralStaffZSU" });
  const d = decideFigure([af, gsDay], "RU", "UA", DATE);
  assert.equal(d.conflict, false, "the night and the day are not the same window");
  assert.equal(d.chosen?.n, 100, "the Air Force's account is chosen");
});

test("a value whose window is not stated stands for the day only when it exceeds the windows' sum", () => {
  const night = claim({ n: 48, claimant: "RU", orgs: ["RU.mod"], period: NIGHT }, { channel: "mod_russia", published: "2025-07-04T07:00:00+03:00" });
  const morning = claim({ n: 6, claimant: "RU", orgs: ["RU.mod"], period: MSK_8_11 }, { channel: "mod_russia", published: "2025-07-04T11:40:00+03:00" });
  const part = claim({ n: 6, claimant: "RU", orgs: ["RU.mod"] }, { kind: "news", publisher: "Wire", published: "2025-07-04T13:00:00+03:00" });
  const d1 = decideFigure([night, morning, part], "UA", "RU", DATE);
  assert.equal(d1.by_side.RU?.n, 54, "a wire's '6' without its window does not replace the night");
  const whole = claim({ n: 70, claimant: "RU", orgs: ["RU.mod"] }, { channel: "mod_russia", published: "2025-07-04T20:00:00+03:00" });
  const d2 = decideFigure([night, morning, whole], "UA", "RU", DATE);
  assert.equal(d2.by_side.RU?.n, 70);
  assert.equal(d2.by_side.RU?.basis, "window");
});

test("windows on one clock: zones, nights that cross midnight, named periods", () => {
  // 08:00 Moscow is 07:00 Kyiv in winter and 08:00 in summer.
  assert.equal(placeWindow(MSK_8_11, "2025-01-15", "Europe/Kyiv").from, 7 * 60);
  assert.equal(placeWindow(MSK_8_11, "2025-07-04", "Europe/Kyiv").from, 8 * 60);
  const crossing = placeWindow({ start: { time: "20:00", date: null, zone: null }, end: { time: "07:00", date: null, zone: null }, named: null }, DATE, "Europe/Kyiv");
  assert.deepEqual([crossing.from, crossing.to], [-4 * 60, 7 * 60]);
  const night = placeWindow(NIGHT, DATE, "Europe/Kyiv");
  assert.equal(relate(placeWindow(AF_18_08, DATE, "Europe/Kyiv"), night), "contains");
  assert.equal(relate(night, placeWindow(MSK_8_11, DATE, "Europe/Moscow")), "disjoint");
  assert.equal(relate(placeWindow({ start: null, end: null, named: "24h" }, DATE, "Europe/Kyiv"), night), "contains");
  assert.equal(relate(placeWindow(null, DATE, "Europe/Kyiv"), night), "unknown");
});

test("an attack gives each side's account window by window, with the day's total", () => {
  const doc = (id: number, kind: "news" | "official", channel: string | null, published: string) => ({ id, kind, publisher: channel ? null : "Libération", channel, url: null, published });
  const input: AttackIn = {
    date: DATE,
    attacker: "UA",
    target: "RU",
    reports: [
      { id: 1, claimant: "RU", orgs: ["RU.mod", "RU.regional"], night: true, doc: doc(1, "news", null, "2025-07-04T11:34:00+02:00"), additive_group: null, period: NIGHT },
      { id: 2, claimant: "RU", orgs: ["RU.mod"], night: false, doc: doc(2, "official", "mod_russia", "2025-07-04T11:40:00+03:00"), additive_group: null, period: MSK_8_11 },
    ],
    counts: [
      { id: 10, report_id: 1, weapon: "drone", model: null, outcome: "intercepted", region: null, n: 48, qualifier: "exact" },
      { id: 11, report_id: 1, weapon: "drone", model: null, outcome: "intercepted", region: "RU-ROS", n: 26, qualifier: "exact" },
      { id: 12, report_id: 2, weapon: "drone", model: null, outcome: "intercepted", region: null, n: 6, qualifier: "exact" },
      { id: 13, report_id: 2, weapon: "drone", model: null, outcome: "intercepted", region: "RU-BEL", n: 2, qualifier: "exact" },
    ],
    casualties: [],
    targets: [],
  };
  const out = buildAttack(input);
  const ru = out.sides.find((s) => s.side === "RU");
  assert.ok(ru);
  assert.equal(ru.attacked, true);
  assert.deepEqual(ru.windows.map((w) => [w.window.label, w.intercepted]), [["overnight", 48], ["08:00–11:00 MSK", 6]]);
  assert.deepEqual(ru.windows[0]!.figures.filter((f) => f.region).map((f) => [f.region, f.n]), [["RU-ROS", 26]]);
  assert.equal(ru.day.intercepted, 54);
  assert.equal(ru.basis, "sum");
  assert.equal(out.totals.intercepted, 54);
  // UA → RU records are measured by Russia's intercepted figures.
  assert.equal(out.rec.any, 54);
  assert.equal(out.rec.drone, 54);
});
