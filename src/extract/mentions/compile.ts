import { escapeRegExp } from "../../text/pattern.js";

const LETTER = "\\p{L}\\p{M}\\p{N}";
const TAIL = "[\\p{L}\\p{M}]*";

/** One lexicon form → regex source: `*` ends a stem, spaces match any spacing, apostrophes any mark. */
function formSource(form: string): string {
  return form
    .split(/(\*)/)
    .map((part) => (part === "*" ? TAIL : escapeRegExp(part).replace(/ +/g, "\\s+").replace(/'/g, "'?")))
    .join("");
}

/**
 * Compiles forms into one case-insensitive regex bounded by non-letters, longest forms first so
 * that the alternation prefers "збито/подавлено" over "збито".
 */
export function compileForms(forms: readonly string[]): RegExp | null {
  const uniq = [...new Set(forms.filter((f) => f.trim().length > 0))];
  if (uniq.length === 0) return null;
  uniq.sort((a, b) => b.replace(/\*/g, "").length - a.replace(/\*/g, "").length || (a < b ? -1 : 1));
  const alt = uniq.map(formSource).join("|");
  // No lookbehind: a pattern that starts with its forms lets the engine skip ahead to their first
  // letters; the boundary before a match is checked in findAll.
  return new RegExp(`(?:${alt})(?![${LETTER}])`, "giu");
}

export interface Hit {
  start: number;
  end: number;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

export function findAll(re: RegExp | null, text: string): Hit[] {
  if (!re) return [];
  const out: Hit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0 || (m.index > 0 && WORD_CHAR.test(text[m.index - 1]!))) {
      re.lastIndex = m.index + 1;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export function dropOverlaps<T extends Hit & { order?: number }>(hits: T[]): T[] {
  if (hits.length < 2) return hits;
  // Hits in order of start, each ending before the next begins (the usual case: the trie gives them in
  // token order), are all kept, in that order: what the pass below would return, without its sort.
  let disjoint = true;
  for (let i = 1; i < hits.length && disjoint; i++) disjoint = hits[i]!.start >= hits[i - 1]!.end;
  if (disjoint) return hits;
  hits.sort((a, b) => b.end - b.start - (a.end - a.start) || (a.order ?? 0) - (b.order ?? 0) || a.start - b.start);
  // Longest first; a hit is kept when no kept hit covers any of its positions (sorted starts + binary search).
  const kept: T[] = [];
  const starts: number[] = [];
  for (const h of hits) {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < h.end) lo = mid + 1;
      else hi = mid;
    }
    // kept[lo - 1] is the last kept hit starting before h ends: it overlaps h if it ends after h starts.
    const before = kept[lo - 1];
    if (before && before.end > h.start) continue;
    kept.splice(lo, 0, h);
    starts.splice(lo, 0, h.start);
  }
  return kept;
}
