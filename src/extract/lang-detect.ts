import { LEXICONS } from "../lexicon/index.js";
import type { Lang } from "../model/vocab.js";
import type { Token } from "./mentions/trie.js";

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

interface Cues {
  lang: Lang;
  script: "Cyrillic" | "Latin";
  words: Set<string>;
  /** Word endings by their last code unit (an empty ending, which every word has, under -1). */
  endings: Map<number, readonly string[]>;
  /** The language's own letters: 1 at each of their UTF-16 code units (all in the Basic Multilingual Plane); null with none. */
  letters: Uint8Array | null;
}
let cues: Cues[] | null = null;

/**
 * The languages of one script read together (in the lexicons' order): a word and each of its letters
 * are looked up once for all of them, bit k standing for the k-th language.
 */
interface ScriptCues {
  cues: Cues[];
  words: Map<string, number>;
  letters: Uint8Array;
}
const byScript = new Map<Cues["script"], ScriptCues>();

function scriptCues(script: Cues["script"]): ScriptCues {
  let sc = byScript.get(script);
  if (!sc) {
    const list = allCues().filter((c) => c.script === script);
    if (list.length > 8) throw new Error(`language detection: more than 8 languages written in ${script}`);
    const words = new Map<string, number>();
    const letters = new Uint8Array(0x10000);
    list.forEach((c, k) => {
      for (const w of c.words) words.set(w, (words.get(w) ?? 0) | (1 << k));
      if (c.letters !== null) for (let u = 0; u < 0x10000; u++) if (c.letters[u] === 1) letters[u]! |= 1 << k;
    });
    sc = { cues: list, words, letters };
    byScript.set(script, sc);
  }
  return sc;
}

function allCues(): Cues[] {
  cues ??= Object.values(LEXICONS).map((lex) => ({
    lang: lex.lang,
    script: lex.detect.script,
    words: new Set(lex.detect.words),
    endings: byLastUnit(lex.detect.endings),
    letters: letterTable(lex.detect.letters.toLowerCase()),
  }));
  return cues;
}

function byLastUnit(endings: readonly string[]): Map<number, readonly string[]> {
  const out = new Map<number, string[]>();
  for (const e of endings) {
    const k = e.length === 0 ? -1 : e.charCodeAt(e.length - 1);
    out.set(k, [...(out.get(k) ?? []), e]);
  }
  return out;
}

/** True when the word ends with one of the endings (only those with its last letter can). */
function hasEnding(w: string, endings: Map<number, readonly string[]>): boolean {
  if (endings.size === 0) return false;
  if (endings.has(-1)) return true;
  const same = endings.get(w.charCodeAt(w.length - 1));
  if (same === undefined) return false;
  for (const e of same) if (w.endsWith(e)) return true;
  return false;
}

function letterTable(letters: string): Uint8Array | null {
  if (letters.length === 0) return null;
  const table = new Uint8Array(0x10000);
  for (const ch of letters) if (ch.length === 1) table[ch.charCodeAt(0)] = 1;
  return table;
}

const CYR = 1;
const LAT = 2;
/** The script of each first code unit met, plus one (0: not yet tested), so each is tested against the Unicode classes once. */
const scriptCache = new Uint8Array(0x10000);

function scriptOf(key: string): number {
  // An empty key reads as NaN, which is neither script.
  const code = key.charCodeAt(0);
  // ASCII: the Latin script there is exactly a-z and A-Z.
  if (!(code >= 0x80)) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) ? LAT : 0;
  let s = scriptCache[code]!;
  if (s === 0) {
    const first = key[0]!;
    scriptCache[code] = s = (CYRILLIC.test(first) ? CYR : LATIN.test(first) ? LAT : 0) + 1;
  }
  return s - 1;
}

/**
 * The language of a report, from its first words: the script first, then, among the languages
 * written in it, the one whose own letters (×3 for Cyrillic, where they are decisive; ×0.5 for
 * Latin accents), frequent short words and word endings score highest. Ties go to the first
 * lexicon listed; with no cue at all, to the more common language of that script in reports (ru, en).
 */
export function detectLang(tokens: Token[]): Lang {
  const words: string[] = [];
  let cyrillic = 0;
  let latin = 0;
  for (const t of tokens) {
    if (words.length >= 150) break;
    const s = scriptOf(t.key);
    if (s === CYR) cyrillic++;
    else if (s === LAT) latin++;
    else continue;
    words.push(t.key);
  }
  const script = cyrillic > latin ? "Cyrillic" : "Latin";
  const { cues: list, words: wordBits, letters } = scriptCues(script);
  const n = list.length;
  // Every score is a sum of halves, exact in any order.
  const scores = new Float64Array(n);
  const letterScore = script === "Cyrillic" ? 3 : 0.5;
  for (const w of words) {
    const own = wordBits.get(w);
    if (own !== undefined) for (let k = 0; k < n; k++) if ((own & (1 << k)) !== 0) scores[k]! += 1;
    if (w.length > 3) for (let k = 0; k < n; k++) if (hasEnding(w, list[k]!.endings)) scores[k]! += 0.5;
    // By code unit: a surrogate half is never one of the letters, as an astral character never is.
    for (let i = 0; i < w.length; i++) {
      const bits = letters[w.charCodeAt(i)]!;
      if (bits !== 0) for (let k = 0; k < n; k++) if ((bits & (1 << k)) !== 0) scores[k]! += letterScore;
    }
  }
  let best: Lang | null = null;
  let bestScore = -1;
  for (let k = 0; k < n; k++) {
    if (scores[k]! > bestScore) {
      best = list[k]!.lang;
      bestScore = scores[k]!;
    }
  }
  if (bestScore <= 0) return script === "Cyrillic" ? "ru" : "en";
  return best ?? (script === "Cyrillic" ? "uk" : "en");
}
