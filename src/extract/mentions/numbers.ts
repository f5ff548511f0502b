import type { Lexicon } from "../../lexicon/types.js";
import { compileForms, findAll, type FormsPattern } from "./compile.js";
import type { NumberMention } from "./types.js";
import { lookupKey } from "../../text/pattern.js";

/**
 * Digits with optional thousands separators (space, dot, comma, apostrophe followed by exactly
 * three digits). Not part of a name or a code: no letter or hyphen-with-letter before ("Х-101",
 * "Shahed-136", "Ту-95"), no letter right after ("95МС"), not inside a time or decimal.
 */
const DIGITS = /(\d{1,3}(?:[ .,'](?=\d{3}(?!\d))\d{3})+|\d+)(?:-(?:ма|ми|ти|ох|ьох|х|м|ю|ій|ьма|го|ого|му|ому))?(?![\p{L}\p{N}]|[.,:]\d|-\p{L})/gu;
/**
 * What may not stand before the digits, tested at a match's start (sticky): a leading lookbehind in
 * DIGITS would be tried at every position of the text, where a pattern that starts with a digit lets
 * the engine skip ahead to the next one. A match refused here is tried again one position on, as the
 * lookbehind would have had it.
 */
const DIGITS_BEFORE = /(?<![\p{L}\p{N}/]|[\p{L}]-|[\p{N}][.,:])/uy;

interface Compiled {
  re: FormsPattern | null;
  values: Map<string, number>;
  and: Set<string>;
  mult: FormsPattern | null;
  multValues: Map<string, number>;
  countNouns: Set<string>;
  one: FormsPattern | null;
  approximate: Set<string>;
  qualifiers: FormsPattern | null;
}
const cache = new Map<Lexicon, Compiled>();

function compiled(lex: Lexicon): Compiled {
  let c = cache.get(lex);
  if (!c) {
    const values = new Map<string, number>();
    for (const [k, v] of Object.entries({ ...lex.numbers, ...lex.fractions })) values.set(lookupKey(k), v);
    const multValues = new Map<string, number>();
    for (const [k, v] of Object.entries(lex.multipliers)) multValues.set(lookupKey(k), v);
    c = {
      re: compileForms([...Object.keys(lex.numbers), ...Object.keys(lex.fractions)]),
      values,
      and: new Set(lex.and.map((a) => a.toLowerCase())),
      mult: compileForms(Object.keys(lex.multipliers)),
      multValues,
      countNouns: new Set(lex.countNouns.map(lookupKey)),
      one: compileForms(lex.one),
      approximate: new Set(lex.approximate.map(lookupKey)),
      qualifiers: compileForms(Object.values(lex.qualifiers).flat()),
    };
    cache.set(lex, c);
  }
  return c;
}

export function findNumbers(text: string, lex: Lexicon): NumberMention[] {
  const out: NumberMention[] = [];
  DIGITS.lastIndex = 0;
  for (let m = DIGITS.exec(text); m; m = DIGITS.exec(text)) {
    DIGITS_BEFORE.lastIndex = m.index;
    if (!DIGITS_BEFORE.test(text)) {
      DIGITS.lastIndex = m.index + 1;
      continue;
    }
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
  out.sort((a, b) => a.start - b.start);
  for (const n of out) if (n.word && c.approximate.has(lookupKey(text.slice(n.start, n.end)))) n.approx = true;
  return withMultipliers(out, text, c).filter((n) => Number.isInteger(n.value));
}

/**
 * "двох десятків" = 2 × 10, "two dozen" = 24, "півтора десятка" = 15; "a dozen", "une douzaine" and a
 * count noun alone ("десяток дронів", "близько сотні") are the multiplier's own value. A fraction that
 * multiplies nothing ("півтора") is no count and is dropped by the caller.
 */
function withMultipliers(nums: NumberMention[], text: string, c: Compiled): NumberMention[] {
  const mults = findAll(c.mult, text);
  if (mults.length === 0) return nums;
  const out = [...nums];
  const ones = findAll(c.one, text);
  for (const m of mults) {
    if (out.some((n) => n.start < m.end && m.start < n.end)) continue;
    const key = lookupKey(text.slice(m.start, m.end));
    const factor = c.multValues.get(key);
    if (factor === undefined) continue;
    const approx = c.approximate.has(key);
    const before = out.findIndex((n) => n.end <= m.start && /^\s+$/u.test(text.slice(n.end, m.start)));
    if (before >= 0) {
      const n = out[before]!;
      out[before] = { start: n.start, end: m.end, value: Math.round(n.value * factor * 10) / 10, word: true, ...(approx || n.approx ? { approx: true } : {}) };
      continue;
    }
    const one = ones.find((o) => o.end <= m.start && /^\s+$/u.test(text.slice(o.end, m.start)));
    if (one) {
      out.push({ start: one.start, end: m.end, value: factor, word: true, ...(approx ? { approx: true } : {}) });
      continue;
    }
    // "близько сотні ракет": after a qualifier the noun is a number even where its form is also a plural's.
    const qualified = findAll(c.qualifiers, text.slice(Math.max(0, m.start - 30), m.start)).some((q) => /^\s+$/u.test(text.slice(Math.max(0, m.start - 30) + q.end, m.start)));
    if (c.countNouns.has(key) || qualified) out.push({ start: m.start, end: m.end, value: factor, word: true, ...(approx ? { approx: true } : {}) });
  }
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
