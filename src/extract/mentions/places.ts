import gazetteer from "../../lexicon/shared/gazetteer.json" with { type: "json" };
import { UnitClass } from "../../text/pattern.js";
import { FormTrie, type Payload, type Token } from "./trie.js";
import type { PlaceMention } from "./types.js";

/** [iso, English name, kind, must start with a capital (1) or not (0)]. */
type Form = [string, string, string, number];
const FORMS = gazetteer.forms as unknown as Record<string, Form>;
const ENTRIES: Form[] = Object.values(FORMS);

/** Adds every gazetteer surface form to a trie under one table, the payload's value the form's index. */
function addPlaceForms(trie: FormTrie, table: number): void {
  Object.keys(FORMS).forEach((surface, i) => trie.add(surface, table, String(i), 0));
}

/** The longest name found at each start, filled by `placeHit` while the trie walks the tokens. */
export type PlaceHits = Map<number, { end: number; form: Form }>;

/** Upper-case letters, tested on one unit (a lone surrogate is none). */
const UPPER = new UnitClass(/^\p{Lu}/u);

/** One trie match of a gazetteer form; `payload` is the first gazetteer payload of the node matched. */
export function placeHit(text: string, hits: PlaceHits, start: number, end: number, payload: Payload): void {
  const form = ENTRIES[Number(payload.value)]!;
  if (form[3] === 1 && !(start < text.length && UPPER.has(text.charCodeAt(start)))) return;
  const prev = hits.get(start);
  if (!prev || end > prev.end) hits.set(start, { end, form });
}

/** The table of the gazetteer's forms in `placesTrie()`: negative, so no lexicon table (0, 1, …) is taken for it. */
export const PLACES_TABLE = -1;
let trie: FormTrie | null = null;

/** The gazetteer in one trie, built on first use and shared by every language. */
export function placesTrie(): FormTrie {
  if (trie) return trie;
  trie = new FormTrie();
  addPlaceForms(trie, PLACES_TABLE);
  return trie;
}

/**
 * Finds the regions, cities and launch sites named in a text (tokens from `tokenize(text)`):
 * at each place the longest name, never two overlapping names.
 */
export function findPlaces(text: string, tokens: Token[]): PlaceMention[] {
  const hits: PlaceHits = new Map();
  placesTrie().matchAll(tokens, (start, end, payloads) => placeHit(text, hits, start, end, payloads[0]!));
  return placesFrom(text, hits);
}

/** A name of one word: no whitespace inside (a match begins and ends with a token). */
const oneWord = (surface: string): boolean => !/\s/.test(surface);

/** The places kept from the longest name at each start: never two overlapping, no datelines or people. */
export function placesFrom(text: string, longest: PlaceHits): PlaceMention[] {
  const out: PlaceMention[] = [];
  let lastEnd = -1;
  for (const start of [...longest.keys()].sort((a, b) => a - b)) {
    if (start < lastEnd) continue;
    const { end, form } = longest.get(start)!;
    const surface = text.slice(start, end);
    // "KYIV (Reuters) -": a dateline names where the story was filed, not a place of the attack.
    if (/^\p{Lu}+$/u.test(surface.replace(/[^\p{L}]/gu, "")) && /^\s*[(,:]|^\s+-/.test(text.slice(end, end + 3))) continue;
    // "Volodymyr Zelensky": a one-word town name before a capitalised word is a person's name.
    // (Cyrillic writes titles in lower case, so even a region's one-word name there is a first name: "Владимир Сальдо".)
    if ((form[2] !== "region" || /^\p{Script=Cyrillic}+$/u.test(surface)) && oneWord(surface) && /^ \p{Lu}\p{Ll}/u.test(text.slice(end, end + 3))) continue;
    // "the Moscow-installed mayor", "Kyiv-based": a name joined to a lower-case word is part of an adjective, not a place.
    if (/^-\p{Ll}/u.test(text.slice(end, end + 2)) && /^\p{Script=Latin}/u.test(surface)) continue;
    out.push({ start, end, region: form[0], name: form[1], kind: form[2] });
    lastEnd = end;
  }
  return out;
}
