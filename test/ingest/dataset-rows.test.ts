// Dataset rows as readable evidence: each row's window, its two-model figures split where the row's own
// launched_details allows it and otherwise one combined figure said so, and the row read back by column.
import assert from "node:assert/strict";
import { test } from "node:test";
import { readCsv } from "../../src/ingest/csv.js";
import { rowToItem } from "../../src/ingest/dataset.js";
import { datasetRow, sourceUrl } from "../../src/store/dataset-row.js";

const HEADER =
  "time_start,time_end,model,launch_place,target,target_main,launched,destroyed,not_reach_goal,still_attacking,border_crossing,is_shahed,num_hit_location,num_fall_fragment_location,carrier,turbojet,turbojet_destroyed,affected region,destroyed_details,launched_details,launch_place_details,source";

// Rows written for the test in the dataset's format (figures invented).
function item(row: string) {
  const [head, rec] = [...readCsv(`${HEADER}\n${row}\n`)];
  const header = head!.fields.map((f) => f.value);
  return rowToItem(rec!, header, "/data/missile_attacks_daily.csv", new Map(), new Map());
}

test("a two-model row with launched_details: launched split by model, destroyed one combined figure", () => {
  const it = item(`2025-02-10 04:00,2025-02-10 09:00,X-101/X-555 and Kalibr,Volgograd oblast and Black Sea,Ukraine,,44.0,40.0,,,{},,,,,,,,,"{'X-101/X-555': 30, 'Kalibr': 14}",,kpszsu/posts/xyz`);
  const counts = it.x.reports[0]!.counts;
  const launched = counts.filter((c) => c.outcome === "launched").map((c) => [c.model, c.n, c.provenance.rule]);
  assert.deepEqual(launched, [
    ["kh-101/kh-555", 30, "dataset.launched:split"],
    ["kalibr", 14, "dataset.launched:split"],
  ]);
  const destroyed = counts.find((c) => c.outcome === "intercepted");
  assert.deepEqual([destroyed?.model, destroyed?.n, destroyed?.provenance.rule], ["kh-101/kh-555/kalibr", 40, "dataset.destroyed:combined"]);
  // Each share's evidence is its entry in the row.
  const ev = counts[1]!.provenance.evidence[0]!;
  assert.equal(it.x.text.slice(ev.start, ev.end), "'Kalibr': 14");
});

test("shares that do not add up to the row's figure, or no details: one combined figure", () => {
  const off = item(`2025-02-10 04:00,2025-02-10 09:00,X-101/X-555 and Kalibr,,Ukraine,,44.0,40.0,,,{},,,,,,,,,"{'X-101/X-555': 30, 'Kalibr': 10}",,kpszsu/posts/xyz`);
  assert.deepEqual(off.x.reports[0]!.counts.filter((c) => c.outcome === "launched").map((c) => [c.model, c.n, c.provenance.rule]), [["kh-101/kh-555/kalibr", 44, "dataset.launched:combined"]]);
  const none = item(`2025-02-11 04:00,2025-02-11 09:00,C-400 and Iskander-M,,Ukraine,,7.0,3.0,,,{},,,,,,,,,,,kpszsu/posts/abc`);
  assert.deepEqual(none.x.reports[0]!.counts.map((c) => c.provenance.rule), ["dataset.launched:combined", "dataset.destroyed:combined"]);
  const single = item(`2025-02-11 04:00,2025-02-11 09:00,Kalibr,,Ukraine,,7.0,3.0,,,{},,,,,,,,,,,kpszsu/posts/abc`);
  assert.deepEqual(single.x.reports[0]!.counts.map((c) => c.provenance.rule), ["dataset.launched", "dataset.destroyed"]);
});

test("a row's period is its window in Kyiv time, or the whole day it names", () => {
  const timed = item(`2025-02-10 21:30,2025-02-11 07:00,Shahed-136/131,,Ukraine,,70.0,50.0,,,{},,,,,,,,,,,kpszsu/posts/xyz`);
  const p = timed.x.reports[0]!.period!;
  assert.deepEqual([p.start, p.end, p.named], [{ time: "21:30", date: "2025-02-10", zone: "Europe/Kyiv" }, { time: "07:00", date: "2025-02-11", zone: "Europe/Kyiv" }, null]);
  assert.deepEqual(p.provenance.evidence.map((e) => e.text), ["2025-02-10 21:30", "2025-02-11 07:00"]);
  const day = item(`2025-02-12,2025-02-12,Unknown UAV,,south,,4.0,4.0,,,{},,,,,,,,,,,PvKPivden/posts/q`);
  assert.equal(day.x.reports[0]!.period?.named, "24h");
});

test("a stored row reads back as what it is: window, model, launched, destroyed, source link", () => {
  const it = item(`2025-02-10 04:00,2025-02-10 09:00,X-101/X-555 and Kalibr,,Ukraine,,44.0,40.0,,,{},,,,,,,,,,,kpszsu/posts/pfbid0abc`);
  const doc = { channel: it.meta.channel ?? null, source_ref: JSON.stringify(it.meta.source_ref) };
  const row = datasetRow(doc, "dataset.destroyed:combined");
  assert.deepEqual(row, {
    file: "missile_attacks_daily.csv",
    line: 2,
    time_start: "2025-02-10 04:00",
    time_end: "2025-02-10 09:00",
    model: "X-101/X-555 and Kalibr",
    launched: 44,
    destroyed: 40,
    not_reach_goal: null,
    source: "kpszsu/posts/pfbid0abc",
    source_url: "https://www.facebook.com/kpszsu/posts/pfbid0abc",
    figure: "combined",
  });
  assert.equal(datasetRow({ channel: "mod_russia", source_ref: null }, ""), null, "other documents have no dataset row");
  assert.equal(sourceUrl("https://t.me/kpszsu/44624"), "https://t.me/kpszsu/44624");
  assert.equal(sourceUrl("PvKPivden/videos/698815895479087/"), "https://www.facebook.com/PvKPivden/videos/698815895479087/");
  assert.equal(sourceUrl("kharkivoda.gov.ua/news/123"), "https://kharkivoda.gov.ua/news/123");
  assert.equal(sourceUrl("a note"), null);
});
