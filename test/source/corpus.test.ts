import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import iconv from "iconv-lite";
import { readDocument } from "../../src/source/index.js";

// The development corpus is read at run time from ../shared; its text never enters the repository.
const CORPUS = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "shared", "corpus", "dev");

interface GoldDoc {
  id: string;
  lang: string;
  text: string;
}

function loadCorpus(): GoldDoc[] {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(CORPUS, f), "utf8")) as GoldDoc);
}

describe("corpus texts through the source stage", { skip: existsSync(CORPUS) ? false : `no corpus at ${CORPUS}` }, () => {
  it("reads every text back unchanged as plain text, so gold spans stay valid", () => {
    const docs = loadCorpus();
    assert.ok(docs.length > 10);
    for (const d of docs) {
      const doc = readDocument(Buffer.from(d.text), {});
      assert.equal(doc.format, "text", d.id);
      assert.equal(doc.text, d.text, d.id);
    }
  });

  it("decodes every text from UTF-16 without a BOM, and Cyrillic ones from Windows-1251 and KOI8", () => {
    let legacy = 0;
    for (const d of loadCorpus()) {
      assert.equal(readDocument(Buffer.from(d.text, "utf16le"), {}).text, d.text, `${d.id} utf-16le`);
      const be = Buffer.from(d.text, "utf16le").swap16();
      assert.equal(readDocument(be, {}).text, d.text, `${d.id} utf-16be`);
      if (d.lang !== "uk" && d.lang !== "ru") continue;
      for (const enc of ["windows-1251", "koi8-u"]) {
        const bytes = iconv.encode(d.text, enc);
        // Characters the encoding cannot hold (emoji; guillemets in KOI8) became "?" when encoding.
        const expected = iconv.decode(bytes, enc);
        assert.equal(readDocument(bytes, {}).text, expected, `${d.id} ${enc}`);
        legacy++;
      }
    }
    assert.ok(legacy >= 20, `only ${legacy} legacy round trips`);
  });
});
