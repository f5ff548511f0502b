import gazetteer from "../../lexicon/shared/gazetteer.json" with { type: "json" };
import { FormTrie, type Token } from "./trie.js";
import type { PlaceMention } from "./types.js";

/** [iso, English name, kind, must start with a capital (1) or not (0)]. */
type Form = [string, string, string, number];
const FORMS = gazetteer.forms as unknown as Record<string, Form>;

let trie: FormTrie | null = null;
let entries: Form[] = [];

/** The gazetteer's surface forms in one trie, built on first use. */
function placesTrie(): FormTrie {
  if (trie) return trie;
  trie = new FormTrie();
  entries = Object.values(FORMS);
  Object.keys(FORMS).forEach((surface, i) => trie!.add(surface, 0, String(i), 0));
  return trie;
}

/**
 * Finds the regions, cities and launch sites named in a text (tokens from `tokenize(text)`):
 * at each place the longest name, never two overlapping names.
 */
export function findPlaces(text: string, tokens: Token[]): PlaceMention[] {
  const t = placesTrie();
  const longest = new Map<number, { end: number; form: Form; words: number }>();
  t.matchAll(tokens, (start, end, payloads) => {
    const form = entries[Number(payloads[0]!.value)]!;
    if (form[3] === 1 && !/^\p{Lu}/u.test(text[start] ?? "")) return;
    const prev = longest.get(start);
    if (!prev || end > prev.end) longest.set(start, { end, form, words: text.slice(start, end).split(/\s+/).length });
  });
  const out: PlaceMention[] = [];
  let lastEnd = -1;
  for (const start of [...longest.keys()].sort((a, b) => a - b)) {
    if (start < lastEnd) continue;
    const { end, form, words } = longest.get(start)!;
    const surface = text.slice(start, end);
    // "KYIV (Reuters) -": a dateline names where the story was filed, not a place of the attack.
    if (/^\p{Lu}+$/u.test(surface.replace(/[^\p{L}]/gu, "")) && /^\s*[(,:]|^\s+-/.test(text.slice(end, end + 3))) continue;
    // "Volodymyr Zelensky": a one-word town name before a capitalised word is a person's name.
    if (form[2] !== "region" && words === 1 && /^ \p{Lu}\p{Ll}/u.test(text.slice(end, end + 3))) continue;
    out.push({ start, end, region: form[0], name: form[1], kind: form[2] });
    lastEnd = end;
  }
  return out;
}

