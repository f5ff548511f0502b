import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { ERROR_CODES } from "../../src/errors.ts";

test("every error code is documented in docs/reference/errors.md with its exit and HTTP status", () => {
  const doc = readFileSync(new URL("../../docs/reference/errors.md", import.meta.url), "utf8");
  for (const [code, { exit, http }] of Object.entries(ERROR_CODES)) {
    const row = doc.split("\n").find((l) => l.startsWith(`| \`${code}\` |`));
    assert.ok(row, `${code} is missing from docs/reference/errors.md`);
    const cells = row.split("|").map((c) => c.trim());
    assert.equal(cells[2], String(exit), `${code}: exit status in the doc`);
    assert.equal(cells[3], String(http), `${code}: HTTP status in the doc`);
  }
  const documented = [...doc.matchAll(/^\| `(SALVO_[A-Z_]+)` \|/gm)].map((m) => m[1]);
  for (const code of documented) assert.ok(code! in ERROR_CODES, `${code} is documented but not in src/errors.ts`);
});
