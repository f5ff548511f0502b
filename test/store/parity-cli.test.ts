// The same inputs into SQLite and PostgreSQL give identical `attacks --json`, `records --json` and exports.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli, tempDir, tempPg } from "./helpers.js";

const HEADER =
  "time_start,time_end,model,launch_place,target,target_main,launched,destroyed,not_reach_goal,still_attacking,border_crossing,is_shahed,num_hit_location,num_fall_fragment_location,carrier,turbojet,turbojet_destroyed,affected region,destroyed_details,launched_details,launch_place_details,source";
const ROWS = [
  `2025-01-10 19:00,2025-01-11 08:00,Shahed-136/131,Kursk oblast,Ukraine,,74.0,47.0,27.0,,{},,,,,,,"['Kharkiv oblast']",,,,kpszsu/posts/p1`,
  `2025-01-11 03:00,2025-01-11 06:00,Iskander-M/KN-23,Kursk oblast,Ukraine,,2.0,0.0,,,{},,,,,,,,,,,kpszsu/posts/p1`,
  `2025-01-15 18:00,2025-01-16 09:00,Shahed-136/131,Kursk oblast,Ukraine,,74.0,40.0,30.0,,{},,,,,,,,,,,kpszsu/posts/p2`,
  `2025-01-16 02:00,2025-01-16 06:00,X-101/X-555 and Kalibr,Caspian Sea and Black Sea,Ukraine,,30.0,28.0,,,{},,,,,,,,,,,kpszsu/posts/p2`,
  `2025-01-16,2025-01-16,Orlan-10,,south,,3.0,3.0,,,{},,,,,,,,,,,PvKPivden/posts/p3`,
  `2025-01-20 20:00,2025-01-21 08:00,Shahed-136/131,Kursk oblast,Ukraine,,104.0,74.0,30.0,,{},,5.0,1.0,,,,,,,,kpszsu/posts/p4`,
];

let tmp: ReturnType<typeof tempDir>;
let pgdb: Awaited<ReturnType<typeof tempPg>> = null;
before(async () => {
  tmp = tempDir("salvo-parity-");
  mkdirSync(join(tmp.dir, "docs"));
  writeFileSync(join(tmp.dir, "missile_attacks_daily.csv"), [HEADER, ...ROWS].join("\n") + "\n");
  writeFileSync(join(tmp.dir, "docs/1.txt"), "Overnight on 16 January 2025 the enemy attacked with 104 drones and 30 missiles, the Air Force said. 68 drones were shot down.");
  writeFileSync(join(tmp.dir, "docs/2.txt"), "On 21 January 2025 Russia's defence ministry said air defence destroyed 35 Ukrainian drones over the Bryansk region overnight.");
  pgdb = await tempPg();
});
after(async () => {
  await pgdb?.drop();
  tmp.cleanup();
});

async function load(db: string) {
  const i = await cli(["ingest", join(tmp.dir, "docs"), "--db", db]);
  assert.equal(i.code, 0, i.stderr);
  const m = await cli(["import", join(tmp.dir, "missile_attacks_daily.csv"), "--db", db]);
  assert.equal(m.code, 0, m.stderr);
  const out: Record<string, unknown> = {};
  for (const [k, args] of Object.entries({
    attacks: ["attacks", "--json", "--limit", "1000", "--sort", "-launched"],
    records: ["records", "--json", "--as-of", "2025-01-20"],
    attack: ["attack", "2025-01-16", "--json"],
    exportCsv: ["export", "--format", "csv"],
  })) {
    const r = await cli([...args, "--db", db]);
    assert.equal(r.code, 0, `${k}: ${r.stderr}`);
    out[k] = k === "exportCsv" ? r.stdout : JSON.parse(r.stdout);
  }
  return out;
}

test("SQLite and PostgreSQL give the same JSON for the same inputs", async (t) => {
  if (!pgdb) return t.skip("no PostgreSQL server reachable");
  const a = await load(join(tmp.dir, "parity.db"));
  const b = await load(pgdb.url);
  const attacks = a.attacks as { total: number; items: Array<{ id: string; totals: { launched: number | null } }> };
  assert.ok(attacks.total >= 3);
  // The document's stated class figures (104 drones, 30 missiles) win over the dataset's per-model rows.
  assert.equal(attacks.items.find((x) => x.id === "2025-01-16.RU-UA")?.totals.launched, 134);
  for (const k of Object.keys(a)) assert.deepEqual(b[k], a[k], k);
});
