import { LEXICONS } from "../lexicon/index.js";
import type { Lang } from "../model/vocab.js";

const SCRIPT = { Cyrillic: /\p{Script=Cyrillic}/gu, Latin: /\p{Script=Latin}/gu } as const;
const LETTERS = new Map<Lang, RegExp>();
const VOCABULARY = new Map<Lang, Set<string>>();

/**
 * The language of a report: the script first, then, among the languages written in it, the one
 * whose own letters (×3 for Cyrillic, where they are decisive; ×0.5 for Latin accents) and frequent
 * short words and word endings score highest. Ties go to the first lexicon listed; with no cue at
 * all, to the more common language of that script in reports (ru, en).
 */
export function detectLang(text: string): Lang {
  const sample = text.length > 2000 ? text.slice(0, 2000) : text;
  const counts = { Cyrillic: (sample.match(SCRIPT.Cyrillic) ?? []).length, Latin: (sample.match(SCRIPT.Latin) ?? []).length };
  const script = counts.Cyrillic > counts.Latin ? "Cyrillic" : "Latin";
  const words = sample.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  let best: Lang | null = null;
  let bestScore = -1;
  for (const lex of Object.values(LEXICONS)) {
    if (lex.detect.script !== script) continue;
    let vocabulary = VOCABULARY.get(lex.lang);
    if (!vocabulary) VOCABULARY.set(lex.lang, (vocabulary = new Set(lex.detect.words)));
    let score = words.reduce((a, w) => a + (vocabulary.has(w) ? 1 : 0), 0);
    for (const w of words) if (w.length > 3 && lex.detect.endings.some((e) => w.endsWith(e))) score += 0.5;
    if (lex.detect.letters) {
      let letters = LETTERS.get(lex.lang);
      if (!letters) LETTERS.set(lex.lang, (letters = new RegExp(`[${lex.detect.letters}]`, "gu")));
      score += (sample.match(letters) ?? []).length * (script === "Cyrillic" ? 3 : 0.5);
    }
    if (score > bestScore) {
      best = lex.lang;
      bestScore = score;
    }
  }
  // Nothing tells them apart: the more common language of the reports in that script.
  if (bestScore <= 0) return script === "Cyrillic" ? "ru" : "en";
  return best ?? (script === "Cyrillic" ? "uk" : "en");
}
