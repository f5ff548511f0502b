import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { SalvoError } from "../../src/errors.js";
import { goldPaths, loadGoldFile, loadGoldFiles, parseGoldFile } from "../../src/eval/gold-file.js";
import { sampleGold } from "./sample-gold.js";

const dir = mkdtempSync(join(tmpdir(), "salvo-gold-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function invalid(mutate: (g: ReturnType<typeof sampleGold>) => void, field: RegExp) {
  const g = sampleGold();
  mutate(g);
  assert.throws(
    () => parseGoldFile(JSON.parse(JSON.stringify(g)), "somewhere/sample-2025-03-02.json"),
    (e: unknown) => {
      assert.ok(e instanceof SalvoError);
      assert.equal(e.code, "SALVO_GOLD_INVALID");
      assert.match(e.message, /somewhere\/sample-2025-03-02\.json/);
      assert.match(e.message, field);
      return true;
    },
  );
}

describe("gold file validation", () => {
  test("a valid file loads with its fields", () => {
    const f = parseGoldFile(sampleGold(), "x/sample-2025-03-02.json");
    assert.equal(f.id, "sample-2025-03-02");
    assert.equal(f.gold.reports[0]?.counts[1]?.region, "UA-63");
    assert.equal(f.source.published, "2025-03-02");
    assert.equal(f.path, "x/sample-2025-03-02.json");
  });

  test("each broken field is named", () => {
    invalid((g) => ((g.gold.reports[0]!.counts[1] as { weapon: string }).weapon = "drones"), /gold\.reports\[0\]\.counts\[1\]\.weapon must be one of/);
    invalid((g) => ((g.gold.reports[0]!.counts[0] as { n: number }).n = -3), /counts\[0\]\.n must be a non-negative integer/);
    invalid((g) => ((g.gold.reports[0]!.counts[0] as { n: number }).n = 2.5), /counts\[0\]\.n/);
    invalid((g) => delete (g.gold.reports[0] as Partial<(typeof g.gold.reports)[0]>).night, /gold\.reports\[0\]\.night is missing/);
    invalid((g) => ((g.gold.reports[0] as { date: string }).date = "4 July"), /gold\.reports\[0\]\.date must be a date/);
    invalid((g) => ((g.gold.reports[0] as { targets: string[] }).targets = ["Kharkiv"]), /targets\[0\] must be an ISO 3166-2 code/);
    invalid((g) => ((g as { lang: string }).lang = "de"), /field lang must be one of fr, en, uk, ru/);
    invalid((g) => ((g as { kind: string }).kind = "blog"), /field kind/);
    invalid((g) => ((g.source as { published: string | null }).published = "yesterday"), /source\.published/);
    invalid((g) => delete (g as Partial<typeof g>).source, /field source is missing/);
    invalid((g) => ((g as { text: string }).text = "  "), /field text is empty/);
    invalid((g) => ((g.gold.reports[0] as { claimant_orgs: string[] }).claimant_orgs = ["UA.navy"]), /claimant_orgs\[0\]/);
    invalid((g) => ((g.gold as { reports: unknown }).reports = {}), /gold\.reports must be an array/);
    invalid((g) => ((g as { id: string }).id = "another-id"), /field id must match the file name/);
  });

  test("a file that is not JSON", () => {
    const p = join(dir, "broken.json");
    writeFileSync(p, "{ not json");
    assert.throws(() => loadGoldFile(p), (e: unknown) => e instanceof SalvoError && e.code === "SALVO_GOLD_INVALID" && e.message.includes(p));
  });

  test("directories expand to their sorted *.json files; several paths; no duplicates", () => {
    const d = join(dir, "set");
    mkdirSync(d);
    for (const id of ["b-doc", "a-doc", "c-doc"]) writeFileSync(join(d, `${id}.json`), JSON.stringify(sampleGold(id)));
    writeFileSync(join(d, "notes.txt"), "not a gold file");
    const paths = goldPaths([d, join(d, "a-doc.json")]);
    assert.deepEqual(paths, ["a-doc", "b-doc", "c-doc"].map((id) => join(d, `${id}.json`)));
    const { files, errors } = loadGoldFiles([join(d, "c-doc.json"), d]);
    assert.deepEqual(errors, []);
    assert.deepEqual(files.map((f) => f.id), ["c-doc", "a-doc", "b-doc"]);
  });

  test("every bad file is reported, not only the first", () => {
    const d = join(dir, "mixed");
    mkdirSync(d);
    writeFileSync(join(d, "good.json"), JSON.stringify(sampleGold("good")));
    writeFileSync(join(d, "bad1.json"), "[]");
    writeFileSync(join(d, "bad2.json"), JSON.stringify({ ...sampleGold("bad2"), lang: "xx" }));
    const { files, errors } = loadGoldFiles([d]);
    assert.equal(files.length, 1);
    assert.equal(errors.length, 2);
    assert.match(errors[0]!.message, /bad1\.json: field \(top level\) must be an object/);
    assert.match(errors[1]!.message, /bad2\.json: field lang/);
  });

  test("missing paths and empty directories", () => {
    assert.throws(() => goldPaths([join(dir, "nowhere")]), /no such file or directory/);
    const empty = join(dir, "empty");
    mkdirSync(empty);
    assert.throws(() => goldPaths([empty]), (e: unknown) => e instanceof SalvoError && e.code === "SALVO_GOLD_INVALID");
  });
});
