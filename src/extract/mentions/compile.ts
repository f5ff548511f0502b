import { escapeRegExp, UnitClass } from "../../text/pattern.js";

const LETTER = "\\p{L}\\p{M}\\p{N}";
const TAIL = "[\\p{L}\\p{M}]*";

/** One lexicon form → regex source: `*` ends a stem, spaces match any spacing, apostrophes any mark. */
function formSource(form: string): string {
  return form
    .split(/(\*)/)
    .map((part) => (part === "*" ? TAIL : escapeRegExp(part).replace(/ +/g, "\\s+").replace(/'/g, "'?")))
    .join("");
}

/** A lexicon's forms as one pattern, with the letters a match of them may begin with. */
export interface FormsPattern {
  /** Global: the whole text scanned. */
  re: RegExp;
  /**
   * The same pattern, sticky, tried only at a word's start whose first letter a form may begin with
   * (null when a form may begin otherwise: with a stem's `*`, an optional apostrophe or a space).
   */
  sticky: RegExp | null;
  first: UnitClass | null;
}

/** The units a form's first character matches case-insensitively; null unless it is a plain letter or digit. */
function firstSource(form: string): string | null {
  const ch = String.fromCodePoint(form.codePointAt(0)!);
  return ch.length === 1 && WORD_UNITS.has(ch.charCodeAt(0)) ? escapeRegExp(ch) : null;
}

/**
 * Compiles forms into one case-insensitive regex bounded by non-letters, longest forms first so
 * that the alternation prefers "збито/подавлено" over "збито".
 */
export function compileForms(forms: readonly string[]): FormsPattern | null {
  const uniq = [...new Set(forms.filter((f) => f.trim().length > 0))];
  if (uniq.length === 0) return null;
  uniq.sort((a, b) => b.replace(/\*/g, "").length - a.replace(/\*/g, "").length || (a < b ? -1 : 1));
  const alt = uniq.map(formSource).join("|");
  // No lookbehind: a pattern that starts with its forms lets the engine skip ahead to their first
  // letters; the boundary before a match is checked in findAll.
  const source = `(?:${alt})(?![${LETTER}])`;
  const firsts = uniq.map(firstSource);
  const plain = firsts.every((f) => f !== null);
  return {
    re: new RegExp(source, "giu"),
    sticky: plain ? new RegExp(source, "iuy") : null,
    first: plain ? new UnitClass(new RegExp(`^(?:${[...new Set(firsts)].join("|")})`, "iu")) : null,
  };
}

export interface Hit {
  start: number;
  end: number;
}

/** Letters, marks and digits: no match may begin right after one. */
const WORD_UNITS = new UnitClass(/^[\p{L}\p{M}\p{N}]/u);

/**
 * Every match of the forms, left to right, none overlapping, each beginning at no letter, mark or digit
 * (a lone surrogate counts as none, as it did to a test of the unit before).
 */
export function findAll(p: FormsPattern | null, text: string): Hit[] {
  if (!p) return [];
  if (p.sticky === null || p.first === null) return scanAll(p.re, text);
  // Only where a form may begin: a unit a form's first letter matches, with no word unit before it. A
  // sticky match there is the one a scan of the whole text would find at that position.
  const out: Hit[] = [];
  const re = p.sticky;
  const first = p.first;
  for (let i = 0; i < text.length; i++) {
    if (!first.has(text.charCodeAt(i)) || (i > 0 && WORD_UNITS.has(text.charCodeAt(i - 1)))) continue;
    re.lastIndex = i;
    const m = re.exec(text);
    if (m === null || m[0].length === 0) continue;
    out.push({ start: i, end: i + m[0].length });
    // The next match begins at the end of this one at the earliest.
    i += m[0].length - 1;
  }
  return out;
}

/** `findAll` by a scan of the whole text, each match's boundary checked after. */
function scanAll(re: RegExp, text: string): Hit[] {
  const out: Hit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0 || (m.index > 0 && WORD_UNITS.has(text.charCodeAt(m.index - 1)))) {
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
