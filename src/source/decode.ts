import { analyse } from "chardet";
import { SalvoError } from "../errors.js";
import { binaryMagic, controlByteRatio, hasNul, utf16ByNulPattern } from "./binary-sniff.js";
import {
  charsetFromContentType,
  charsetFromMarkup,
  decodeWith,
  isKnownCharset,
  isUtf8Label,
} from "./charset.js";

export interface Decoded {
  text: string;
  /** The encoding the bytes were read as (`utf-8`, `utf-16le`, `windows-1251`, …). */
  encoding: string;
}

const CONTROL_RATIO_LIMIT = 0.02;

/**
 * Turns bytes into a string: UTF-8 (with or without BOM), UTF-16 (BOM or NUL pattern), and, when the bytes are
 * not UTF-8, a declared charset or a recognisable legacy Cyrillic encoding. Refuses binary and undecodable input.
 */
export function decodeBytes(bytes: Uint8Array, contentType?: string): Decoded {
  if (bytes.length === 0) throw emptyError();
  const input = withoutNulPadding(bytes);

  const magic = binaryMagic(input);
  if (magic) {
    throw new SalvoError(
      "SALVO_INPUT_BINARY",
      `the input is ${magic}, not a text document: give salvo the report as text, HTML or Markdown`,
    );
  }

  const bom = decodeByBom(input);
  if (bom) return bom;

  if (hasNul(input)) {
    const order = utf16ByNulPattern(input);
    const text = order ? tryUtf16(input, order) : null;
    if (order && text !== null) return { text, encoding: order };
    throw new SalvoError(
      "SALVO_INPUT_BINARY",
      "the input contains NUL bytes and is not UTF-16 text: it looks like a binary file; give salvo the report as text, HTML or Markdown",
    );
  }

  if (controlByteRatio(input) > CONTROL_RATIO_LIMIT) {
    throw new SalvoError(
      "SALVO_INPUT_BINARY",
      "the input is full of control bytes: it looks like a binary file; give salvo the report as text, HTML or Markdown",
    );
  }

  const utf8 = tryUtf8(input);
  if (utf8 !== null) return { text: utf8, encoding: "utf-8" };

  const declared = charsetFromContentType(contentType) ?? charsetFromMarkup(input);
  if (declared && !isUtf8Label(declared) && isKnownCharset(declared)) {
    return { text: decodeWith(input, declared), encoding: declared };
  }

  const cyrillic = guessLegacyCyrillic(input);
  if (cyrillic) return cyrillic;

  throw new SalvoError(
    "SALVO_INPUT_ENCODING",
    `the input is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8Offset(input)}) and is not recognisable ` +
      "Windows-1251 or KOI8-R Cyrillic: convert it to UTF-8 (e.g. `iconv -f <charset> -t utf-8`) or declare its charset",
  );
}

export function emptyError(
  message = "the input is empty or only whitespace (no text to read): give salvo a report with some text",
): SalvoError {
  return new SalvoError("SALVO_INPUT_EMPTY", message);
}

/** Some tools pad text files with NUL bytes at the end; that alone does not make them binary. */
function withoutNulPadding(input: Uint8Array): Uint8Array {
  let end = input.length;
  while (end > 0 && input[end - 1] === 0) end--;
  // Keep an even length: in UTF-16LE the last character's high byte is often NUL.
  if (end === input.length || input.subarray(0, end).indexOf(0) !== -1) return input;
  return end === 0 ? input : input.subarray(0, end);
}

function decodeByBom(input: Uint8Array): Decoded | null {
  const [a, b, c] = [input[0], input[1], input[2]];
  if (a === 0xef && b === 0xbb && c === 0xbf) {
    const text = tryUtf8(input.subarray(3));
    if (text === null) {
      throw new SalvoError(
        "SALVO_INPUT_ENCODING",
        `the input starts with a UTF-8 byte order mark but is not valid UTF-8 (first bad byte at offset ${
          3 + firstInvalidUtf8Offset(input.subarray(3))
        }): re-save it as UTF-8`,
      );
    }
    return { text, encoding: "utf-8" };
  }
  if (a === 0xff && b === 0xfe) return utf16OrFail(input.subarray(2), "utf-16le");
  if (a === 0xfe && b === 0xff) return utf16OrFail(input.subarray(2), "utf-16be");
  return null;
}

function utf16OrFail(body: Uint8Array, order: "utf-16le" | "utf-16be"): Decoded {
  const text = tryUtf16(body, order);
  if (text === null) {
    throw new SalvoError(
      "SALVO_INPUT_ENCODING",
      `the input starts with a ${order.toUpperCase()} byte order mark but is not valid ${order.toUpperCase()} text: re-save it as UTF-8`,
    );
  }
  return { text, encoding: order };
}

function tryUtf8(input: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(input);
  } catch {
    return null;
  }
}

/** Decodes UTF-16 strictly, and rejects results that are not text (odd length, lone surrogates, control chars). */
function tryUtf16(input: Uint8Array, order: "utf-16le" | "utf-16be"): string | null {
  if (input.length % 2 !== 0) return null;
  let text: string;
  try {
    // TextDecoder has no utf-16be in every build; swap the bytes and read LE.
    const bytes = order === "utf-16be" ? swapPairs(input) : input;
    text = new TextDecoder("utf-16le", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d) || c === 0x7f) control++;
  }
  if (text.length > 0 && control / text.length > CONTROL_RATIO_LIMIT) return null;
  return text;
}

function swapPairs(input: Uint8Array): Uint8Array {
  const out = new Uint8Array(input.length);
  for (let i = 0; i + 1 < input.length; i += 2) {
    out[i] = input[i + 1]!;
    out[i + 1] = input[i]!;
  }
  return out;
}

/** The first offset at which the bytes stop being UTF-8 (for messages). */
export function firstInvalidUtf8Offset(input: Uint8Array): number {
  let i = 0;
  while (i < input.length) {
    const b = input[i]!;
    let need: number;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const cont = input[i + k];
      if (cont === undefined || (cont & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return i;
}

interface Candidate {
  /** The label we decode with. */
  decodeAs: string;
  /** How chardet names it. */
  chardetName: string;
}

// KOI8-U is KOI8-R plus the Ukrainian letters (in place of box-drawing characters), so it reads both.
const CYRILLIC: Candidate[] = [
  { decodeAs: "windows-1251", chardetName: "windows-1251" },
  { decodeAs: "koi8-u", chardetName: "KOI8-R" },
];

const MIN_CYRILLIC_SHARE = 0.85;
const LEGACY_SAMPLE = 64 * 1024;
const MIN_CHARDET_CONFIDENCE = 10;

/**
 * Reads non-UTF-8 bytes as Windows-1251 or KOI8 when the result is plainly Cyrillic prose: nearly every non-ASCII
 * character a Cyrillic letter, and chardet finding the encoding plausible. The two encodings map the same bytes to
 * letters of opposite case, so mostly-lowercase output breaks ties.
 */
function guessLegacyCyrillic(input: Uint8Array): Decoded | null {
  const confidences = new Map<string, number>();
  // A sample decides: chardet and the letter statistics are slow on megabytes and gain nothing from them.
  const sample = input.subarray(0, LEGACY_SAMPLE);
  for (const m of analyse(sample)) confidences.set(m.name, Math.max(m.confidence, confidences.get(m.name) ?? 0));

  let best: { encoding: string; confidence: number; lower: number } | null = null;
  for (const c of CYRILLIC) {
    const stats = cyrillicStats(decodeWith(sample, c.decodeAs));
    if (stats.share < MIN_CYRILLIC_SHARE) continue;
    const confidence = confidences.get(c.chardetName) ?? 0;
    if (confidence < MIN_CHARDET_CONFIDENCE) continue;
    const better =
      !best ||
      stats.lower > best.lower + 0.2 ||
      (Math.abs(stats.lower - best.lower) <= 0.2 && confidence > best.confidence);
    if (better) best = { encoding: c.decodeAs, confidence, lower: stats.lower };
  }
  return best ? { text: decodeWith(input, best.encoding), encoding: best.encoding } : null;
}

function cyrillicStats(text: string): { share: number; lower: number } {
  let nonAscii = 0;
  let cyr = 0;
  let lower = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    nonAscii++;
    if (c >= 0x400 && c <= 0x4ff) {
      cyr++;
      if (ch !== ch.toUpperCase()) lower++;
    } else if (isCommonPunctuation(c)) {
      // «», dashes, №, nbsp and typographic quotes are normal in Cyrillic prose.
      cyr++;
    }
  }
  return { share: nonAscii === 0 ? 0 : cyr / nonAscii, lower: cyr === 0 ? 0 : lower / cyr };
}

function isCommonPunctuation(c: number): boolean {
  return (
    c === 0xa0 ||
    c === 0xab ||
    c === 0xbb ||
    c === 0x2116 ||
    c === 0x2013 ||
    c === 0x2014 ||
    c === 0x2026 ||
    (c >= 0x2018 && c <= 0x201e) ||
    c === 0xb0
  );
}
