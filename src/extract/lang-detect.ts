import { LEXICONS } from "../lexicon/index.js";
import type { Lang } from "../model/vocab.js";
import { vocabularyId, vocabularyIds, type Token } from "./mentions/trie.js";

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
  letterScore: number;
  /**
   * What a word of the vocabulary adds to each language's score, by its vocabulary id (n entries an id),
   * worked out the first time the word is met and read from here after: `known` marks the ids done.
   */
  byId: Float64Array;
  known: Uint8Array;
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
    sc = { cues: list, words, letters, letterScore: script === "Cyrillic" ? 3 : 0.5, byId: new Float64Array(0), known: new Uint8Array(0) };
    byScript.set(script, sc);
  }
  return sc;
}

function allCues(): Cues[] {
  if (cues === null) {
    cues = Object.values(LEXICONS).map((lex) => ({
      lang: lex.lang,
      script: lex.detect.script,
      words: new Set(lex.detect.words),
      endings: byLastUnit(lex.detect.endings),
      letters: letterTable(lex.detect.letters.toLowerCase()),
    }));
    // The cue words get vocabulary ids, so that a text's frequent short words are read by id (`wordScores`).
    for (const c of cues) for (const w of c.words) vocabularyId(w);
  }
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

/** Adds what one word tells of each language of the script to `scores`: a cue word 1, an ending 0.5, each own letter `letterScore`. */
function addWordScores(sc: ScriptCues, w: string, scores: Float64Array, at: number): void {
  const n = sc.cues.length;
  const own = sc.words.get(w);
  if (own !== undefined) for (let k = 0; k < n; k++) if ((own & (1 << k)) !== 0) scores[at + k]! += 1;
  if (w.length > 3) for (let k = 0; k < n; k++) if (hasEnding(w, sc.cues[k]!.endings)) scores[at + k]! += 0.5;
  // By code unit: a surrogate half is never one of the letters, as an astral character never is.
  for (let i = 0; i < w.length; i++) {
    const bits = sc.letters[w.charCodeAt(i)]!;
    if (bits !== 0) for (let k = 0; k < n; k++) if ((bits & (1 << k)) !== 0) scores[at + k]! += sc.letterScore;
  }
}

/**
 * Where a vocabulary word's scores are kept (its first entry in `byId`), worked out on its first meeting:
 * most of a report's first words are the lexicons' (or the cue words), read once per process, not once per report.
 */
function wordScores(sc: ScriptCues, id: number, w: string): number {
  const n = sc.cues.length;
  if (id >= sc.known.length) {
    const size = Math.max(id + 1, 2 * sc.known.length, 1024);
    const byId = new Float64Array(size * n);
    byId.set(sc.byId);
    const known = new Uint8Array(size);
    known.set(sc.known);
    sc.byId = byId;
    sc.known = known;
  }
  if (sc.known[id] === 0) {
    addWordScores(sc, w, sc.byId, id * n);
    sc.known[id] = 1;
  }
  return id * n;
}

/**
 * The language of a report, from its first words: the script first, then, among the languages
 * written in it, the one whose own letters (×3 for Cyrillic, where they are decisive; ×0.5 for
 * Latin accents), frequent short words and word endings score highest. Ties go to the first
 * lexicon listed; with no cue at all, to the more common language of that script in reports (ru, en).
 */
export function detectLang(tokens: Token[]): Lang {
  // The first 150 words in either script (by token index).
  const words: number[] = [];
  let cyrillic = 0;
  let latin = 0;
  for (let i = 0; i < tokens.length && words.length < 150; i++) {
    const s = scriptOf(tokens[i]!.key);
    if (s === CYR) cyrillic++;
    else if (s === LAT) latin++;
    else continue;
    words.push(i);
  }
  const script = cyrillic > latin ? "Cyrillic" : "Latin";
  const sc = scriptCues(script);
  const list = sc.cues;
  const n = list.length;
  // After scriptCues: the cue words have their ids by now. (The lexicon walk reads the same ids.)
  const ids = vocabularyIds(tokens);
  // Every score is a sum of halves, exact in any order.
  const scores = new Float64Array(n);
  for (const i of words) {
    const id = ids[i]!;
    if (id < 0) {
      addWordScores(sc, tokens[i]!.key, scores, 0);
      continue;
    }
    const at = wordScores(sc, id, tokens[i]!.key);
    for (let k = 0; k < n; k++) scores[k]! += sc.byId[at + k]!;
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
