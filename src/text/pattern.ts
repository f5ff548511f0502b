/**
 * Compiles lexicon surface forms into one regular expression: metacharacters escaped, longest
 * forms first, bounded by non-letters on both sides (Unicode-aware), case-insensitive.
 */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A form's spaces match any run of spaces; its apostrophes any apostrophe-like mark. */
function formSource(form: string): string {
  return escapeRegExp(form).replace(/ +/g, "\\s+").replace(/'/g, "['’ʼ]?");
}

export function alternation(forms: Iterable<string>): string {
  const uniq = [...new Set([...forms].filter((f) => f.length > 0))];
  uniq.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return uniq.map(formSource).join("|");
}

const L = "\\p{L}\\p{M}\\p{N}";
export function wordRegExp(forms: Iterable<string>, flags = "giu"): RegExp {
  const alt = alternation(forms);
  if (!alt) return /(?!)/gu;
  return new RegExp(`(?<![${L}])(?:${alt})(?![${L}])`, flags);
}

/** Like wordRegExp, but a form may be a prefix of a longer word (stems of inflected words). */
export function stemRegExp(stems: Iterable<string>, flags = "giu"): RegExp {
  const alt = alternation(stems);
  if (!alt) return /(?!)/gu;
  return new RegExp(`(?<![${L}])(?:${alt})[\\p{L}\\p{M}]*`, flags);
}

/** Lower-case key for a lexicon lookup of a matched surface (apostrophes and spaces canonical). */
export function lookupKey(s: string): string {
  return s.replace(/['’ʼ]/g, "'").replace(/\s+/g, " ").toLowerCase();
}
