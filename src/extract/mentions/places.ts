import gazetteer from "../../lexicon/shared/gazetteer.json" with { type: "json" };
import type { PlaceMention } from "./types.js";

type Form = [string, string, string, number];
const FORMS = gazetteer.forms as unknown as Record<string, Form>;

// First words of every surface form, so that only plausible starts are looked up.
const FIRST_WORDS = new Set<string>();
let MAX_WORDS = 1;
for (const key of Object.keys(FORMS)) {
  const words = key.split(" ");
  FIRST_WORDS.add(words[0]!);
  MAX_WORDS = Math.max(MAX_WORDS, words.length);
}
MAX_WORDS = Math.min(MAX_WORDS, 6);

const WORD = /[\p{L}\p{M}][\p{L}\p{M}'.-]*[\p{L}\p{M}.]|[\p{L}\p{M}]/gu;

/** Finds the regions, cities and launch sites named in a text, longest name first. */
export function findPlaces(text: string): PlaceMention[] {
  const words: Array<{ start: number; end: number }> = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    // "d'Odessa", "l'Ukraine": the name after an elided article is a word of its own.
    const elided = /^[\p{L}]'(?=\p{Lu})/u.exec(m[0]);
    const start = m.index + (elided ? elided[0].length : 0);
    words.push({ start, end: m.index + m[0].length });
  }
  const out: PlaceMention[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const first = text.slice(w.start, w.end).toLowerCase().replace(/'/g, "'");
    if (!FIRST_WORDS.has(first) && !FIRST_WORDS.has(first.replace(/\.$/, ""))) continue;
    let found: PlaceMention | null = null;
    let used = 0;
    for (let n = Math.min(MAX_WORDS, words.length - i); n >= 1 && !found; n--) {
      const last = words[i + n - 1]!;
      const between = text.slice(w.start, last.end);
      if (/\n/.test(between)) continue;
      for (const candidate of n === 1 ? [between, between.replace(/\.$/, "")] : [between, between.replace(/\.$/, "")]) {
        const key = candidate.toLowerCase().replace(/\s+/g, " ");
        const form = FORMS[key];
        if (!form) continue;
        if (form[3] === 1 && !/^\p{Lu}/u.test(candidate)) continue;
        found = { start: w.start, end: w.start + candidate.length, region: form[0], name: form[1], kind: form[2] };
        used = n;
        break;
      }
    }
    // "KYIV (Reuters) -": a dateline names where the story was filed, not a place of the attack.
    if (found && /^\p{Lu}+$/u.test(text.slice(found.start, found.end).replace(/[^\p{L}]/gu, "")) && /^\s*[(,]|^\s+-/.test(text.slice(found.end, found.end + 3))) found = null;
    // "Volodymyr Zelensky": a one-word town name before a capitalised word is a person's name.
    if (found && found.kind !== "region" && used === 1) {
      const next = words[i + 1];
      if (next && /^ $/.test(text.slice(found.end, next.start)) && /^\p{Lu}\p{Ll}/u.test(text.slice(next.start, next.end))) found = null;
    }
    if (found) {
      out.push(found);
      i += used - 1;
    }
  }
  return out;
}

export const REGIONS = gazetteer.regions;
