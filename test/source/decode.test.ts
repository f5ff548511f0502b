import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, it } from "node:test";
import iconv from "iconv-lite";
import { isSalvoError } from "../../src/errors.js";
import { readDocument } from "../../src/source/index.js";

// Example posts written for these tests, in the style of official Telegram posts (not real reports).
const UK =
  "У ніч на 12 березня ворог атакував Україну 87 ударними БпЛА типу «Шахед» та 4 крилатими ракетами.\n" +
  "Станом на 09:00 збито або подавлено 79 безпілотників. Зафіксовано влучання на Харківщині та Сумщині. Їх ще уточнюємо.";
const RU =
  "Дежурными средствами ПВО перехвачены и уничтожены 23 украинских беспилотных летательных аппарата самолетного типа: " +
  "11 - над территорией Брянской области, 7 - над Курской областью, 5 - над акваторией Черного моря.";
const FR = "Dans la nuit de jeudi à vendredi, 42 drones ont été abattus au-dessus de la région, selon l'armée de l'air.";

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isSalvoError(e)) return e.code;
    throw e;
  }
  return "no error";
}

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return "";
}

describe("decoding", () => {
  it("reads UTF-8 and normalizes CRLF", () => {
    const d = readDocument(Buffer.from(FR.replace(/, /, ",\r\n")), {});
    assert.equal(d.text, FR.replace(/, /, ",\n"));
    assert.equal(d.format, "text");
    assert.match(d.sha256, /^[0-9a-f]{64}$/);
  });

  it("reads UTF-8 with a BOM and drops the BOM", () => {
    const d = readDocument(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(UK)]), {});
    assert.equal(d.text, UK);
    assert.equal(d.text.charCodeAt(0), "У".charCodeAt(0));
  });

  it("reads UTF-16LE and UTF-16BE, with and without a BOM", () => {
    const le = Buffer.from(UK, "utf16le");
    const be = Buffer.from(le);
    be.swap16();
    assert.equal(readDocument(Buffer.concat([Buffer.from([0xff, 0xfe]), le]), {}).text, UK);
    assert.equal(readDocument(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), {}).text, UK);
    assert.equal(readDocument(le, {}).text, UK, "LE by NUL pattern");
    assert.equal(readDocument(be, {}).text, UK, "BE by NUL pattern");
    const frLe = Buffer.from(FR, "utf16le");
    assert.equal(readDocument(frLe, {}).text, FR);
  });

  it("reads Windows-1251 Russian and Ukrainian text", () => {
    assert.equal(readDocument(iconv.encode(RU, "windows-1251"), {}).text, RU);
    assert.equal(readDocument(iconv.encode(UK, "windows-1251"), {}).text, UK);
  });

  it("reads KOI8-R Russian text (and KOI8-U Ukrainian)", () => {
    assert.equal(readDocument(iconv.encode(RU, "koi8-r"), {}).text, RU);
    const ukPlain = UK.replace(/[«»]/g, '"'); // KOI8 has no guillemets
    assert.equal(readDocument(iconv.encode(ukPlain, "koi8-u"), {}).text, ukPlain);
  });

  it("tells Windows-1251 from KOI8-R on a short text", () => {
    const short = "Сбито 20 дронов над Белгородом";
    assert.equal(readDocument(iconv.encode(short, "windows-1251"), {}).text, short);
    assert.equal(readDocument(iconv.encode(short, "koi8-r"), {}).text, short);
  });

  it("uses a declared charset: Content-Type first, then <meta charset>", () => {
    const latin = iconv.encode(FR, "latin1");
    assert.equal(readDocument(latin, { contentType: "text/plain; charset=ISO-8859-1" }).text, FR);
    const html = `<html><head><meta charset="windows-1251"><title>Новости</title></head><body><p>${RU}</p></body></html>`;
    const d = readDocument(iconv.encode(html, "windows-1251"), {});
    assert.equal(d.format, "html");
    assert.ok(d.text.includes(RU), d.text);
  });

  it("refuses invalid UTF-8 that is no Cyrillic encoding, saying where and what to do", () => {
    const latin = iconv.encode(FR, "latin1");
    assert.equal(codeOf(() => readDocument(latin, {})), "SALVO_INPUT_ENCODING");
    const msg = messageOf(() => readDocument(latin, {}));
    assert.match(msg, /not valid UTF-8/);
    assert.match(msg, /offset 22/);
    assert.match(msg, /convert it to UTF-8/);
    const garbage = Buffer.concat([Buffer.from("Report: "), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc]), Buffer.from(" end")]);
    assert.equal(codeOf(() => readDocument(garbage, {})), "SALVO_INPUT_ENCODING");
  });

  it("refuses binary files: magic numbers, NUL bytes, random bytes", () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(200)]);
    assert.equal(codeOf(() => readDocument(png, {})), "SALVO_INPUT_BINARY");
    assert.match(messageOf(() => readDocument(png, {})), /PNG image/);
    for (const magic of ["%PDF-1.7\n", "PK\x03\x04", "\x1f\x8b\x08", "\x7fELF\x02\x01"]) {
      const b = Buffer.concat([Buffer.from(magic, "latin1"), Buffer.from(" some text after the header")]);
      assert.equal(codeOf(() => readDocument(b, {})), "SALVO_INPUT_BINARY", JSON.stringify(magic));
    }
    for (let i = 0; i < 5; i++) assert.equal(codeOf(() => readDocument(randomBytes(4096), {})), "SALVO_INPUT_BINARY");
    const nul = Buffer.from("Sirens in Kyiv.\u0000\u0000\u0000\u0007 more text here and there");
    assert.equal(codeOf(() => readDocument(nul, {})), "SALVO_INPUT_BINARY");
    const controls = Buffer.from("a\x01b\x02c\x03d\x04e\x05f\x06 drones".repeat(10));
    assert.equal(codeOf(() => readDocument(controls, {})), "SALVO_INPUT_BINARY");
  });

  it("refuses empty and whitespace-only input", () => {
    assert.equal(codeOf(() => readDocument(Buffer.alloc(0), {})), "SALVO_INPUT_EMPTY");
    assert.equal(codeOf(() => readDocument(Buffer.from(" \n\t\r\n  \u00a0"), {})), "SALVO_INPUT_EMPTY");
    assert.equal(codeOf(() => readDocument(Buffer.from([0xef, 0xbb, 0xbf, 0x20, 0x0a]), {})), "SALVO_INPUT_EMPTY");
    assert.equal(codeOf(() => readDocument(Buffer.from("<html><body><script>x()</script></body></html>"), {})), "SALVO_INPUT_EMPTY");
  });

  it("refuses input over the size limit before decoding it", () => {
    const big = Buffer.alloc(2048, 0x00); // binary, but the size is checked first
    assert.equal(codeOf(() => readDocument(big, {}, { maxBytes: 1024 })), "SALVO_INPUT_TOO_LARGE");
    assert.match(messageOf(() => readDocument(big, {}, { maxBytes: 1024 })), /2 KB, over the limit of 1 KB/);
    assert.equal(readDocument(Buffer.from(FR), {}, { maxBytes: FR.length * 2 }).text, FR);
  });

  it("hashes the resulting text, whatever the encoding", () => {
    const a = readDocument(Buffer.from(RU), {});
    const b = readDocument(iconv.encode(RU, "koi8-r"), {});
    assert.equal(a.sha256, b.sha256);
    assert.notEqual(a.sha256, readDocument(Buffer.from(UK), {}).sha256);
  });
});
