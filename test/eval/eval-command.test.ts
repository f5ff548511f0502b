import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { sampleGold } from "./sample-gold.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const dir = mkdtempSync(join(tmpdir(), "salvo-eval-cli-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function salvo(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, "bin", "salvo.js"), ...args], { encoding: "utf8", cwd: root, timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const good = join(dir, "good");
mkdirSync(good);
writeFileSync(join(good, "sample-2025-03-02.json"), JSON.stringify(sampleGold()));
writeFileSync(join(good, "sample-2025-03-03.json"), JSON.stringify({ ...sampleGold("sample-2025-03-03"), lang: "fr", kind: "official" }));

describe("salvo eval", () => {
  test("--json prints one object and exits 0 whatever the scores", () => {
    const r = salvo("eval", good, "--json");
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.documents, 2);
    assert.equal(j.counts.tp + j.counts.fn, 4);
    assert.deepEqual(Object.keys(j.by_lang).sort(), ["en", "fr"]);
    assert.deepEqual(Object.keys(j.by_kind).sort(), ["news", "official"]);
    assert.equal("documents_detail" in j, false);
  });

  test("--verbose --json adds the per-document detail; text output has the tables", () => {
    const v = salvo("eval", join(good, "sample-2025-03-02.json"), "--json", "--verbose");
    assert.equal(v.code, 0, v.stderr);
    assert.equal(JSON.parse(v.stdout).documents_detail[0].id, "sample-2025-03-02");
    const t = salvo("eval", good, "--verbose");
    assert.equal(t.code, 0, t.stderr);
    assert.match(t.stdout, /^counts\s+\S+\s+\S+\s+\S+\s+\d+\s+\d+\s+\d+$/m);
    assert.match(t.stdout, /^by kind/m);
    assert.match(t.stdout, /^differences \(/m);
  });

  test("an invalid gold file exits 1 with one line naming the file and the field", () => {
    const bad = join(dir, "bad");
    mkdirSync(bad);
    const g = sampleGold();
    (g.gold.reports[0]!.counts[0] as { outcome: string }).outcome = "downed";
    writeFileSync(join(bad, "sample-2025-03-02.json"), JSON.stringify(g));
    const r = salvo("eval", bad);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, "");
    const lines = r.stderr.trim().split("\n");
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0]!, /sample-2025-03-02\.json.*gold\.reports\[0\]\.counts\[0\]\.outcome.*\[SALVO_GOLD_INVALID\]/);
  });

  test("usage errors exit 2", () => {
    assert.equal(salvo("eval").code, 2);
    assert.equal(salvo("eval", good, "--bogus").code, 2);
  });
});
