import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { isSalvoError } from "../../src/errors.js";
import { readDocument } from "../../src/source/index.js";

const INPUT_CODES = new Set(["SALVO_INPUT_EMPTY", "SALVO_INPUT_BINARY", "SALVO_INPUT_ENCODING", "SALVO_INPUT_TOO_LARGE"]);
const HINTS = [{}, { filename: "a.html" }, { filename: "a.md" }, { filename: "a.txt" }, { contentType: "text/html; charset=koi8-r" }];

describe("readDocument on arbitrary input", () => {
  it("returns a document or an input SalvoError, never anything else", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.constantFrom(...HINTS), (bytes, hint) => {
        try {
          const d = readDocument(Buffer.from(bytes), hint);
          assert.equal(typeof d.text, "string");
          assert.ok(d.text.trim() !== "");
          assert.match(d.sha256, /^[0-9a-f]{64}$/);
        } catch (e) {
          assert.ok(isSalvoError(e) && INPUT_CODES.has(e.code), String(e));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keeps any plain UTF-8 text, only normalizing line ends and composition", () => {
    const line = fc.string({ unit: "grapheme", maxLength: 80 }).map((s) => s.replace(/[\u0000-\u0008\u000e-\u001f\u007f\u00ad\u200b\u2060\ufeff]/g, ""));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.constantFrom("\n", "\r\n"), (lines, eol) => {
        const text = "Збито 7 дронів. " + lines.join(eol);
        const d = readDocument(Buffer.from(text), { filename: "post.txt" });
        assert.equal(d.text, text.replace(/\r\n/g, "\n").normalize("NFC"));
        assert.equal(d.format, "text");
      }),
      { numRuns: 200 },
    );
  });

  it("reads the same text from UTF-8, UTF-16LE and UTF-16BE with a BOM", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", minLength: 1, maxLength: 200 }), (s) => {
        const text = ("Атака " + s).replace(/[\u0000-\u001f\u007f\u00ad\u200b\u2060\ufeff]/g, " ").normalize("NFC");
        const le = Buffer.from(text, "utf16le");
        const be = Buffer.from(le).swap16();
        const fromLe = readDocument(Buffer.concat([Buffer.from([0xff, 0xfe]), le]), { filename: "a.txt" }).text;
        const fromBe = readDocument(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), { filename: "a.txt" }).text;
        assert.equal(fromLe, text);
        assert.equal(fromBe, text);
      }),
      { numRuns: 200 },
    );
  });

  it("reads any tag soup as HTML without failing, except when no text is left", () => {
    const pieces = [
      "<p>", "</p>", "<div class=ad>", "</div>", "<br>", "<script>", "</script>", "<style>", "<li>", "<ul>", "</ul>",
      "&amp;", "&#x41;", "&bogus;", "<!--", "-->", "<table><tr><td>", "</td><td>", "<h1>", "</h1>", "<nav>", "</nav>",
      "<pre>", "</pre>", "<a href='/x'>", "</a>", "<meta property=og:title content='T'>", "<html lang=uk>", "<",
      ">", "\n", " ", "Збито 12 дронів.", "Russia launched 40 drones overnight.", "<article>", "</article>",
      '<script type="application/ld+json">{"@graph":[{"headline":', '"x"}]}', "</body>", "<body>",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        try {
          const d = readDocument(Buffer.from(parts.join("")), { filename: "page.html" });
          assert.ok(d.text.trim() !== "" && !/\n{3,}/.test(d.text));
        } catch (e) {
          assert.ok(isSalvoError(e) && e.code === "SALVO_INPUT_EMPTY", String(e));
        }
      }),
      { numRuns: 300 },
    );
  });
});
