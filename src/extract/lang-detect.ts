import type { Lang } from "../model/vocab.js";

// Letters only one of the two Cyrillic languages uses, and frequent short words of each language.
const UK_LETTERS = /[іїєґІЇЄҐ]/gu;
const RU_LETTERS = /[ыэъёЫЭЪЁ]/gu;
const WORDS: Record<Lang, Set<string>> = {
  uk: new Set(["та", "що", "від", "це", "як", "під", "над", "для", "він", "вона", "вони", "було", "буде", "також", "який", "яка", "які", "щодо", "через", "після", "року", "з", "із", "у"]),
  ru: new Set(["что", "это", "как", "от", "под", "для", "он", "она", "они", "было", "будет", "также", "который", "которая", "которые", "после", "года", "из", "в", "и", "не", "по"]),
  fr: new Set(["le", "la", "les", "des", "du", "de", "et", "dans", "est", "une", "un", "pour", "sur", "qui", "que", "a", "ont", "été", "selon", "au", "aux", "par", "avec", "ce", "cette", "nuit"]),
  en: new Set(["the", "and", "of", "in", "to", "was", "were", "is", "are", "for", "on", "that", "with", "said", "by", "from", "at", "it", "its", "an", "has", "have", "overnight"]),
};

/**
 * The language of a report. Distinctive letters decide between Ukrainian and Russian, frequent
 * function words between French and English (and back Cyrillic texts without such letters).
 */
export function detectLang(text: string): Lang {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  const cyr = (sample.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const lat = (sample.match(/\p{Script=Latin}/gu) ?? []).length;
  const words = sample.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  const score = (l: Lang) => words.reduce((a, w) => a + (WORDS[l].has(w) ? 1 : 0), 0);
  if (cyr > lat) {
    const uk = (sample.match(UK_LETTERS) ?? []).length * 3 + score("uk");
    const ru = (sample.match(RU_LETTERS) ?? []).length * 3 + score("ru") + (sample.match(/(?<=\p{L})(?:ого|ому|ий|ый|ие|ые)(?!\p{L})/gu) ?? []).length * 0;
    return uk >= ru && uk > 0 ? "uk" : "ru";
  }
  const fr = score("fr") + (sample.match(/[éèêàçùœ]/gu) ?? []).length * 0.5;
  const en = score("en");
  return fr > en ? "fr" : "en";
}
