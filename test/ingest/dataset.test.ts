// The attacks dataset import: rows → claims of UA.air_force, dating, model mapping, malformed rows, idempotence.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { datingOf } from "../../src/ingest/dataset.js";
import { mapModel } from "../../src/ingest/dataset-models.js";
import { readCsv } from "../../src/ingest/csv.js";
import { cli, tempDir } from "../store/helpers.js";

const HEADER =
  "time_start,time_end,model,launch_place,target,target_main,launched,destroyed,not_reach_goal,still_attacking,border_crossing,is_shahed,num_hit_location,num_fall_fragment_location,carrier,turbojet,turbojet_destroyed,affected region,destroyed_details,launched_details,launch_place_details,source";
// Rows written for the test in the dataset's format (figures invented).
const ROWS = [
  `2025-03-01 19:00,2025-03-02 08:00,Shahed-136/131,Kursk oblast and Primorsko-Akhtarsk,Ukraine,,100.0,80.0,15.0,,{},,4.0,2.0,,,,"['Kyiv', 'Kyiv oblast']",,,,kpszsu/posts/aaa`,
  `2025-03-02 02:00,2025-03-02 06:00,X-101/X-555 and Kalibr,Caspian Sea and Black Sea,Ukraine,,20.0,18.0,,,{},,,,,,,,,,,kpszsu/posts/aaa`,
  `2025-03-02 02:00,2025-03-02 06:00,Iskander-M/KN-23,Kursk oblast,Ukraine,,3.0,1.0,,,{},,,,,,,,,,,kpszsu/posts/aaa`,
  `2025-03-02,2025-03-02,Orlan-10,,south,,2.0,2.0,,,{},,,,,,,,,,,PvKPivden/posts/bbb`,
  `2025-03-02,2025-03-02,Iskander-M,Crimea,Odesa oblast,,1.0,0.0,,,{},,,,,,,,,,,PvKPivden/posts/bbb`,
  `2025-03-05 18:00,2025-03-06 09:00,Shahed-136/131,Kursk oblast,Ukraine,,120.0,90.0,20.0,,{},,,,,,,,,,,kpszsu/posts/ccc`,
  `2025-03-05 12:00,2025-03-05 14:00,Shahed-136/131,Kursk oblast,Ukraine,,130.0,90.0,20.0,,{},,,,,,,,,,,kpszsu/posts/ccc2`,
  `not-a-date,2025-03-07 08:00,Kalibr,Black Sea,Ukraine,,5.0,5.0,,,{},,,,,,,,,,,kpszsu/posts/ddd`,
  `2025-03-08 01:00,2025-03-08 05:00,Mystery Rocket,,Ukraine,,5.0,5.0,,,{},,,,,,,,,,,kpszsu/posts/eee`,
  `2025-03-08 01:00,2025-03-08 05:00,Kalibr,Black Sea,Ukraine,,many,5.0,,,{},,,,,,,,,,,kpszsu/posts/fff`,
  `2025-03-08 01:00,2025-03-08 05:00,Kalibr,Black Sea,Ukraine`,
  `2025-03-09 01:00,2025-03-09 05:00,Kalibr,Black Sea,Ukraine,,6.0,5.0,,,{},,,,,,,,,,,kpszsu/posts/ggg`,
];

let tmp: ReturnType<typeof tempDir>;
let csv: string;
before(() => {
  tmp = tempDir("salvo-import-");
  csv = join(tmp.dir, "missile_attacks_daily.csv");
  writeFileSync(csv, [HEADER, ...ROWS].join("\n") + "\n");
  writeFileSync(join(tmp.dir, "missiles_and_uavs.csv"), "model,category,national_origin,type\nMystery Rocket,cruise missile,russia,\n");
});
after(() => tmp.cleanup());

test("an overnight window is dated by its end day; a daytime window by its day", () => {
  assert.deepEqual(datingOf("2025-07-03 18:00", "2025-07-04 06:00"), { date: "2025-07-04", night: true });
  assert.deepEqual(datingOf("2025-07-04 00:20", "2025-07-04 00:30"), { date: "2025-07-04", night: true });
  assert.deepEqual(datingOf("2025-07-04 12:00", "2025-07-04 14:00"), { date: "2025-07-04", night: false });
  assert.deepEqual(datingOf("2025-07-04", "2025-07-04"), { date: "2025-07-04", night: false });
  assert.equal(datingOf("2025-07-05 12:00", "2025-07-04 14:00"), null);
  assert.equal(datingOf("2025-02-30", "2025-02-30"), null);
});

test("models map to salvo's classes; several models are one combined figure", () => {
  const none = new Map();
  assert.deepEqual(mapModel("Shahed-136/131", none), { weapon: "drone", model: "shahed" });
  assert.deepEqual(mapModel("X-101/X-555", none), { weapon: "missile.cruise", model: "kh-101/kh-555" });
  assert.deepEqual(mapModel("X-47 Kinzhal", none), { weapon: "missile.aeroballistic", model: "kinzhal" });
  assert.deepEqual(mapModel("C-300", none), { weapon: "missile.sam", model: "s-300" });
  assert.deepEqual(mapModel("X-59/X-69", none), { weapon: "missile.guided", model: "kh-59/kh-69" });
  assert.deepEqual(mapModel("Orlan-10 and ZALA", none), { weapon: "drone.recon", model: "orlan-10/zala" });
  assert.deepEqual(mapModel("X-101/X-555 and Kalibr", none), { weapon: "missile.cruise", model: "kh-101/kh-555/kalibr" });
  assert.deepEqual(mapModel("C-400 and Iskander-M", none), { weapon: "missile", model: "s-400/iskander-m" });
  assert.deepEqual(mapModel("Shahed-136/131 and Kalibr", none), { weapon: "any", model: "shahed/kalibr" });
  assert.equal(mapModel("Mystery Rocket", none), null);
  assert.deepEqual(mapModel("Mystery Rocket", new Map([["Mystery Rocket", "missile.cruise" as const]])), { weapon: "missile.cruise", model: "mystery-rocket" });
});

test("the CSV reader keeps line numbers and field offsets inside the raw row", () => {
  const recs = [...readCsv('a,b\n1,"x, ""y"""\n\n2,z\n')];
  assert.deepEqual(recs.map((r) => [r.line, r.raw]), [[1, "a,b"], [2, '1,"x, ""y"""'], [4, "2,z"]]);
  const f = recs[1]!.fields[1]!;
  assert.equal(f.value, 'x, "y"');
  assert.equal(recs[1]!.raw.slice(f.start, f.end), '"x, ""y"""');
});

test("import: malformed rows reported by line and skipped, the rest stored as UA.air_force claims; a second run adds nothing", async () => {
  const db = join(tmp.dir, "import.db");
  const r = await cli(["import", csv, "--db", db, "--json"]);
  assert.equal(r.code, 1, r.stderr);
  const s = JSON.parse(r.stdout) as { rows: number; new: number; failed: Array<{ line: number; reason: string }> };
  assert.equal(s.rows, 12);
  assert.deepEqual(s.failed.map((f) => f.line), [9, 11, 12]);
  assert.match(s.failed[0]!.reason, /bad time window/);
  assert.match(s.failed[1]!.reason, /launched is not a count/);
  assert.match(s.failed[2]!.reason, /fields, expected/);
  assert.equal(s.new, 9, "the companion table classifies Mystery Rocket");

  const a = JSON.parse((await cli(["attack", "2025-03-02", "--direction", "RU-UA", "--db", db, "--json"])).stdout) as {
    totals: { launched: number; intercepted: number };
    night: boolean;
    regions: string[];
    figures: Array<{ weapon: string; model: string | null; outcome: string; region: string | null; chosen: { n: number; org: string } | null; claims: Array<{ document: { channel: string }; sentence: { text: string }; evidence: Array<{ role: string; text: string }> }> }>;
  };
  // National rows only: 100 drones + 20 cruise + 3 ballistic; the regional command's rows stay regional.
  assert.equal(a.totals.launched, 123);
  assert.equal(a.totals.intercepted, 99);
  assert.equal(a.night, true);
  assert.ok(a.regions.includes("UA-30") && a.regions.includes("UA-32") && a.regions.includes("UA-51"));
  const recon = a.figures.find((f) => f.weapon === "drone.recon" && f.outcome === "launched")!;
  assert.equal(recon.region, "area:ua-south");
  const shahed = a.figures.find((f) => f.model === "shahed" && f.outcome === "launched")!;
  assert.equal(shahed.chosen?.org, "UA.air_force");
  assert.equal(shahed.claims[0]!.sentence.text, ROWS[0]);
  assert.deepEqual(shahed.claims[0]!.evidence.map((e) => [e.role, e.text]), [["number", "100.0"], ["weapon", "Shahed-136/131"]]);
  const hits = a.figures.find((f) => f.outcome === "hit_locations")!;
  assert.deepEqual([hits.weapon, hits.chosen?.n], ["any", 4]);

  // Two windows of one day with the same model are summed.
  const m6 = JSON.parse((await cli(["attack", "2025-03-06", "--direction", "RU-UA", "--db", db, "--json"])).stdout) as { totals: { launched: number } };
  assert.equal(m6.totals.launched, 120);
  const m5 = JSON.parse((await cli(["attack", "2025-03-05", "--direction", "RU-UA", "--db", db, "--json"])).stdout) as { totals: { launched: number }; night: boolean };
  assert.deepEqual([m5.totals.launched, m5.night], [130, false]);

  const again = await cli(["import", csv, "--db", db]);
  assert.match(again.stdout, /12 rows: 0 new, 9 unchanged, 0 revised, 3 failed/);
  assert.match(again.stdout, /line 9: bad time window/);

  // A corrected row (same window, model, source) is a revision that replaces the figure.
  const fixed = [HEADER, ...ROWS.slice(0, 7).map((r, i) => (i === 0 ? r.replace(",100.0,80.0,", ",101.0,80.0,") : r))].join("\n") + "\n";
  writeFileSync(csv, fixed);
  const third = await cli(["import", csv, "--db", db, "--json"]);
  const s3 = JSON.parse(third.stdout) as { new: number; revised: number; unchanged: number };
  assert.deepEqual([s3.new, s3.revised, s3.unchanged], [0, 1, 6]);
  const after3 = JSON.parse((await cli(["attack", "2025-03-02", "--direction", "RU-UA", "--db", db, "--json"])).stdout) as { totals: { launched: number } };
  assert.equal(after3.totals.launched, 124);
});

test("import: a file that is not the dataset is refused", async () => {
  const other = join(tmp.dir, "other.csv");
  writeFileSync(other, "a,b\n1,2\n");
  const r = await cli(["import", other, "--db", join(tmp.dir, "x.db")]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /not the attacks dataset: missing column/);
});
