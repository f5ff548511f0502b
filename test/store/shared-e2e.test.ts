// End to end on the project's reference data (../shared): the dev corpus and the Air Force dataset.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { DATASET, DEV_CORPUS, HAVE_SHARED, cli, tempDir } from "./helpers.js";

let tmp: ReturnType<typeof tempDir>;
let db: string;
before(() => {
  tmp = tempDir("salvo-e2e-");
  db = join(tmp.dir, "e2e.db");
});
after(() => tmp.cleanup());

interface Holder {
  id: string;
  date: string;
  n: number;
}

test("dev corpus + dataset: records as of 2025-07-04, record claim confirmed, second run adds nothing", { skip: HAVE_SHARED ? false : "../shared is absent" }, async () => {
  const ing = await cli(["ingest", DEV_CORPUS, "--db", db]);
  assert.equal(ing.code, 0, ing.stderr + ing.stdout);
  assert.match(ing.stdout, /documents: \d+ new, 0 unchanged, 0 revised, 0 failed/);
  const imp = await cli(["import", DATASET, "--db", db]);
  assert.equal(imp.code, 0, imp.stderr + imp.stdout);
  assert.match(imp.stdout, /3585 rows: 3585 new, 0 unchanged, 0 revised, 0 failed/);

  const rec = JSON.parse((await cli(["records", "--as-of", "2025-07-04", "--json", "--db", db])).stdout) as {
    records: Record<"any" | "drone" | "missile", { record: Holder | null; previous: Holder | null }>;
  };
  assert.equal(rec.records.any.record?.id, "2025-07-04.RU-UA");
  assert.equal(rec.records.any.record?.n, 550);
  assert.equal(rec.records.any.previous?.id, "2025-06-29.RU-UA");
  assert.equal(rec.records.any.previous?.n, 537);
  const text = await cli(["records", "--as-of", "2025-07-04", "--db", db]);
  assert.match(text.stdout, /all weapons: 2025-07-04\.RU-UA with 550.*previous record: 2025-06-29\.RU-UA with 537/);

  const attack = JSON.parse((await cli(["attack", "2025-07-04", "--direction", "RU-UA", "--json", "--db", db])).stdout) as {
    totals: { launched: number };
    record_checks: Array<{ metric: string; status: string; largest_earlier: Holder | null }>;
  };
  assert.equal(attack.totals.launched, 550);
  const anyClaims = attack.record_checks.filter((c) => c.metric === "any");
  if (anyClaims.length === 0) {
    // The record claim comes from the seed article; only the extractor can find it.
    process.stderr.write("# no record claim extracted from the seed article (extractor)\n");
  } else {
    assert.ok(anyClaims.every((c) => c.status === "confirmed"), JSON.stringify(anyClaims));
    assert.equal(anyClaims[0]!.largest_earlier?.id, "2025-06-29.RU-UA");
  }

  const ing2 = await cli(["ingest", DEV_CORPUS, "--db", db, "--json"]);
  const s2 = JSON.parse(ing2.stdout) as { new: number; revised: number; unchanged: number };
  assert.deepEqual([s2.new, s2.revised], [0, 0]);
  const imp2 = await cli(["import", DATASET, "--db", db]);
  assert.match(imp2.stdout, /3585 rows: 0 new, 3585 unchanged, 0 revised, 0 failed/);

  const csv = await cli(["export", "--format", "csv", "--from", "2025-07-04", "--to", "2025-07-04", "--db", db]);
  assert.match(csv.stdout.split("\n")[0]!, /^attack_id,date,attacker,target,night,weapon,model,outcome,region,n,/);
  assert.match(csv.stdout, /2025-07-04\.RU-UA,2025-07-04,RU,UA,true,drone,shahed,launched,,539,exact,UA,UA\.air_force/);
  const geo = JSON.parse((await cli(["export", "--format", "geojson", "--from", "2025-07-04", "--to", "2025-07-04", "--db", db])).stdout) as {
    features: Array<{ geometry: { coordinates: number[] }; properties: { region: string } }>;
  };
  assert.ok(geo.features.some((f) => f.properties.region === "UA-30" && f.geometry.coordinates.length === 2));
});
