// Issue 11, item 9: global options before or after the command, `export` defaults to CSV on stdout, `--out` says
// what it wrote; and the pure argument reordering behind the first.
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { moveGlobalOptions } from "../../src/cli/global-options.js";
import { cli, tempDir } from "../store/helpers.js";

const COMMANDS = new Set(["import", "ingest", "export", "records"]);

test("global options before the command are moved after it; other arguments keep their order", () => {
  assert.deepEqual(moveGlobalOptions(["--db", "x.db", "import", "a.csv"], COMMANDS), ["import", "a.csv", "--db", "x.db"]);
  assert.deepEqual(moveGlobalOptions(["--db=x.db", "--allow-private", "ingest", "u", "--json"], COMMANDS), ["ingest", "u", "--json", "--db=x.db", "--allow-private"]);
  assert.deepEqual(moveGlobalOptions(["--allow-host", "h:1", "ingest", "u"], COMMANDS), ["ingest", "u", "--allow-host", "h:1"]);
  assert.deepEqual(moveGlobalOptions(["export", "--db", "x.db"], COMMANDS), ["export", "--db", "x.db"]);
  assert.deepEqual(moveGlobalOptions(["--db", "x.db"], COMMANDS), ["--db", "x.db"]);
  assert.deepEqual(moveGlobalOptions(["--help"], COMMANDS), ["--help"]);
});

let tmp: { dir: string; cleanup(): void };
before(() => {
  tmp = tempDir("salvo-cli-options-");
  writeFileSync(join(tmp.dir, "report.txt"), "Overnight on 4 July 2031 the enemy launched 70 attack drones at Ukraine; air defence shot down 60 of them.\n");
});
after(() => tmp.cleanup());

test("salvo --db X ingest … works; export defaults to CSV on stdout; --out says what it wrote", async () => {
  const db = join(tmp.dir, "a.db");
  const ingest = await cli(["--db", db, "ingest", join(tmp.dir, "report.txt")]);
  assert.equal(ingest.code, 0, ingest.stderr);
  assert.doesNotMatch(ingest.stderr, /unknown option/);
  assert.ok(existsSync(db), "the database named before the command was used");

  const csv = await cli(["--db", db, "export"]);
  assert.equal(csv.code, 0, csv.stderr);
  const header = csv.stdout.split("\n")[0] ?? "";
  assert.ok(header.includes(",") && !header.startsWith("{") && !header.startsWith("["), `CSV on stdout, got: ${header}`);

  const out = join(tmp.dir, "attacks.csv");
  const written = await cli(["export", "--db", db, "--out", out]);
  assert.equal(written.code, 0, written.stderr);
  assert.equal(written.stdout, "", "nothing on stdout when --out is given");
  assert.match(written.stderr, new RegExp(`wrote csv export to ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\([\\d,]+ bytes\\)`));
  assert.equal(readFileSync(out, "utf8"), csv.stdout);
});
