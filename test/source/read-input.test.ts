import assert from "node:assert/strict";
import { mkdtempSync, rmSync, truncateSync, writeFileSync, openSync, closeSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { after, before, describe, it } from "node:test";
import { SalvoError } from "../../src/errors.js";
import { readInput } from "../../src/source/index.js";

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SalvoError) return e.code;
    throw e;
  }
  return "no error";
}

describe("readInput", () => {
  let dir = "";
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "salvo-read-input-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("reads a file's bytes unchanged", async () => {
    const p = join(dir, "post.txt");
    const bytes = Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x0a, 0x00]);
    writeFileSync(p, bytes);
    assert.deepEqual(await readInput(p), bytes);
  });

  it("refuses a 50 MB file from its size, without reading it", async () => {
    const p = join(dir, "huge.txt");
    closeSync(openSync(p, "w"));
    truncateSync(p, 50 * 1024 * 1024); // sparse: instant to make
    const before = process.memoryUsage().arrayBuffers;
    await assert.rejects(readInput(p), (e: unknown) => {
      assert.ok(e instanceof SalvoError);
      assert.equal(e.code, "SALVO_INPUT_TOO_LARGE");
      assert.match(e.message, /50 MB, over the limit of 20 MB/);
      return true;
    });
    // Reading the file would have put 50 MB in buffers; the refusal comes from stat() alone.
    const grown = process.memoryUsage().arrayBuffers - before;
    assert.ok(grown < 5 * 1024 * 1024, `buffers grew by ${grown} bytes`);
    assert.equal(await codeOf(readInput(p, { maxBytes: 10 })), "SALVO_INPUT_TOO_LARGE");
  });

  it("says why a path cannot be read", async () => {
    await assert.rejects(readInput(join(dir, "missing.txt")), /cannot read .*missing\.txt: no such file/);
    assert.equal(await codeOf(readInput(join(dir, "missing.txt"))), "SALVO_INPUT_UNREADABLE");
    await assert.rejects(readInput(dir), /is a directory/);
    assert.equal(await codeOf(readInput(dir)), "SALVO_INPUT_UNREADABLE");
    if (process.getuid?.() !== 0) {
      const locked = join(dir, "locked.txt");
      writeFileSync(locked, "x");
      chmodSync(locked, 0o000);
      assert.equal(await codeOf(readInput(locked)), "SALVO_INPUT_UNREADABLE");
    }
  });

  it("reads stdin for '-'", async () => {
    const stdin = Readable.from([Buffer.from("Збито "), Buffer.from("12 дронів.")]);
    assert.equal((await readInput("-", { stdin })).toString("utf8"), "Збито 12 дронів.");
  });

  it("stops reading stdin as soon as it passes the limit", async () => {
    let pulled = 0;
    const endless = new Readable({
      read() {
        pulled += 64 * 1024;
        this.push(Buffer.alloc(64 * 1024, 0x41));
      },
    });
    assert.equal(await codeOf(readInput("-", { stdin: endless, maxBytes: 1024 * 1024 })), "SALVO_INPUT_TOO_LARGE");
    assert.ok(pulled < 4 * 1024 * 1024, `pulled ${pulled} bytes`);
    assert.ok(endless.destroyed);
  });
});
