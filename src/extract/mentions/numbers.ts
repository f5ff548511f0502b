import type { Lexicon } from "../../lexicon/types.js";
import { compileForms, findAll } from "./compile.js";
import type { NumberMention } from "./types.js";
import { lookupKey } from "../../text/pattern.js";

/**
 * Digits with optional thousands separators (space, dot, comma, apostrophe followed by exactly
 * three digits). Not part of a name or a code: no letter or hyphen-with-letter before ("Х-101",
 * "Shahed-136", "Ту-95"), no letter right after ("95МС"), not inside a time or decimal.
 */
const DIGITS = /(?<![\p{L}\p{N}/]|[\p{L}]-|[\p{N}][.,:])(\d{1,3}(?:[ .,'](?=\d{3}(?!\d))\d{3})+|\d+)(?:-(?:ма|ми|ти|ох|ьох|х|м|ю|ій|ьма))?(?![\p{L}\p{N}]|[.,:]\d|-\p{L})/gu;

interface Compiled {
  re: RegExp | null;
  values: Map<string, number>;
  and: Set<string>;
}
const cache = new Map<Lexicon, Compiled>();

function compiled(lex: Lexicon): Compiled {
  let c = cache.get(lex);
  if (!c) {
    const values = new Map<string, number>();
    for (const [k, v] of Object.entries(lex.numbers)) values.set(lookupKey(k), v);
    c = { re: compileForms(Object.keys(lex.numbers)), values, and: new Set(lex.and.map((a) => a.toLowerCase())) };
    cache.set(lex, c);
  }
  return c;
}

export function findNumbers(text: string, lex: Lexicon): NumberMention[] {
  const out: NumberMention[] = [];
  DIGITS.lastIndex = 0;
  for (let m = DIGITS.exec(text); m; m = DIGITS.exec(text)) {
    const raw = m[1] ?? m[0];
    const value = Number(raw.replace(/[ .,']/g, ""));
    if (Number.isFinite(value)) out.push({ start: m.index, end: m.index + m[0].length, value, word: false });
  }
  const c = compiled(lex);
  const words = findAll(c.re, text).map((h) => ({
    start: h.start,
    end: h.end,
    value: c.values.get(lookupKey(text.slice(h.start, h.end))) ?? NaN,
    word: true,
  }));
  // "one-way drones", "single-engine": a number word joined by a hyphen to a word that is not a number.
  const standalone = words.filter((w) => {
    if (!Number.isFinite(w.value)) return false;
    const after = /^-([\p{L}']+)/u.exec(text.slice(w.end, w.end + 24));
    return !after || c.values.has(lookupKey(after[1]!));
  });
  out.push(...mergeCompounds(standalone, text, c.and));
  return out.sort((a, b) => a.start - b.start);
}

/** "двадцять шість" = 26, "vingt-six" = 26, "сто двадцять" = 120: tens or hundreds followed by smaller parts. */
function mergeCompounds(words: NumberMention[], text: string, and: Set<string>): NumberMention[] {
  const out: NumberMention[] = [];
  for (let i = 0; i < words.length; i++) {
    const cur = { ...words[i]! };
    while (i + 1 < words.length) {
      const next = words[i + 1]!;
      const gap = text.slice(cur.end, next.start);
      const inner = gap.replace(/^[\s-]+|[\s-]+$/g, "");
      const joinable = /^(?:\s+|-)$/u.test(gap) || (inner !== "" && and.has(inner.toLowerCase()) && /^[\s-]+\S+[\s-]+$/u.test(gap));
      const lastPart = cur.value % 100 === 0 ? 100 : cur.value % 10 === 0 ? 10 : 1;
      if (!joinable || next.value >= lastPart || cur.value < 20) break;
      cur.value += next.value;
      cur.end = next.end;
      i++;
    }
    out.push(cur);
  }
  return out;
}
