import { ABBREVIATIONS } from "../lexicon/shared/abbreviations.js";
import type { Span } from "../model/span.js";

export interface Sentence extends Span {
  /** Index of the paragraph (block separated by a blank line or a line break) it belongs to. */
  paragraph: number;
  /** Index of the line it starts on. */
  line: number;
}

const ABBREVIATION_SET = new Set(ABBREVIATIONS);

/**
 * Splits text into sentences. Lines are hard boundaries (Telegram posts put one fact per line);
 * inside a line, . ! ? … end a sentence when followed by a space and an upper-case letter, a digit,
 * a quote or an emoji — except after an abbreviation or an initial.
 */
export function segment(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let line = 0;
  let pos = 0;
  const lines = text.split("\n");
  let prevBlank = false;
  for (const raw of lines) {
    const lineStart = pos;
    pos += raw.length + 1;
    if (raw.trim() === "") {
      prevBlank = true;
      line++;
      continue;
    }
    if (prevBlank && out.length > 0) paragraph++;
    prevBlank = false;
    splitLine(raw, lineStart, paragraph, line, out);
    line++;
  }
  return out;
}

const BOUNDARY = /[.!?…]+["»”')\]]*\s+(?=["«“'(\[]?[\p{Lu}\p{N}\p{Extended_Pictographic}⚡🔹])/gu;

function splitLine(raw: string, offset: number, paragraph: number, line: number, out: Sentence[]) {
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(raw); m; m = BOUNDARY.exec(raw)) {
    if (m[0].startsWith(".")) {
      const word = raw.slice(trailingWordStart(raw, start, m.index), m.index);
      const w = word.toLowerCase().replace(/^\.+/, "");
      if (ABBREVIATION_SET.has(w) || (word.length === 1 && /\p{Lu}/u.test(word))) continue;
    }
    // A full stop inside a number ("8.00", "1.5") has no space after it, so it never matches here.
    const end = m.index + m[0].trimEnd().length;
    push(raw, offset, start, end, paragraph, line, out);
    start = m.index + m[0].length;
  }
  push(raw, offset, start, raw.length, paragraph, line, out);
}

const WORD_CHAR = /^[\p{L}.-]$/u;

/**
 * Where the run of letters, dots and hyphens that ends at `end` begins (not before `from`): what
 * `/([\p{L}.-]+)$/u` finds at the end of `raw.slice(from, end)`, read backwards from the end instead of
 * tried from every position of the sentence.
 */
function trailingWordStart(raw: string, from: number, end: number): number {
  let i = end;
  while (i > from) {
    const code = raw.charCodeAt(i - 1);
    let width = 1;
    if (code >= 0xdc00 && code <= 0xdfff && i - 2 >= from) {
      const high = raw.charCodeAt(i - 2);
      if (high >= 0xd800 && high <= 0xdbff) width = 2;
    }
    const ok =
      code < 0x80
        ? (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x2e || code === 0x2d
        : WORD_CHAR.test(raw.slice(i - width, i));
    if (!ok) break;
    i -= width;
  }
  return i;
}

function push(raw: string, offset: number, s: number, e: number, paragraph: number, line: number, out: Sentence[]) {
  while (s < e && /\s/.test(raw[s] ?? "")) s++;
  while (e > s && /\s/.test(raw[e - 1] ?? "")) e--;
  if (e > s) out.push({ start: offset + s, end: offset + e, paragraph, line });
}
