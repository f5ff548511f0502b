/** Escapes every metacharacter of a literal for use inside a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Lower-case key for a lexicon lookup of a matched surface (apostrophes and spaces canonical). */
export function lookupKey(s: string): string {
  return s.replace(/['’ʼ]/g, "'").replace(/\s+/g, " ").toLowerCase();
}
