import { LEXICONS } from "../lexicon/index.js";
import type { Lang } from "../model/vocab.js";
import type { Token } from "./mentions/trie.js";

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

interface Cues {
  lang: Lang;
  script: "Cyrillic" | "Latin";
  words: Set<string>;
  endings: readonly string[];
  letters: Set<string>;
}
let cues: Cues[] | null = null;

function allCues(): Cues[] {
  cues ??= Object.values(LEXICONS).map((lex) => ({
    lang: lex.lang,
    script: lex.detect.script,
    words: new Set(lex.detect.words),
    endings: lex.detect.endings,
    letters: new Set([...lex.detect.letters.toLowerCase()]),
  }));
  return cues;
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
    const first = t.key[0] ?? "";
    if (CYRILLIC.test(first)) cyrillic++;
    else if (LATIN.test(first)) latin++;
    else continue;
    words.push(t.key);
  }
  const script = cyrillic > latin ? "Cyrillic" : "Latin";
  let best: Lang | null = null;
  let bestScore = -1;
  for (const c of allCues()) {
    if (c.script !== script) continue;
    let score = 0;
    for (const w of words) {
      if (c.words.has(w)) score += 1;
      if (w.length > 3 && c.endings.some((e) => w.endsWith(e))) score += 0.5;
      if (c.letters.size > 0) for (const ch of w) if (c.letters.has(ch)) score += script === "Cyrillic" ? 3 : 0.5;
    }
    if (score > bestScore) {
      best = c.lang;
      bestScore = score;
    }
  }
  if (bestScore <= 0) return script === "Cyrillic" ? "ru" : "en";
  return best ?? (script === "Cyrillic" ? "uk" : "en");
}
