/**
 * Canonical text for matching. Every replacement is one UTF-16 unit for one, so offsets in the
 * normalized text are offsets in the original: spans need no map back.
 */
const MAP: Record<string, string> = {
  "\u2019": "'", // ’
  "\u02BC": "'", // ʼ
  "\u2018": "'", // ‘
  "\u0060": "'", // `
  "\u00B4": "'", // ´
  "\u02B9": "'",
  "\u00A0": " ",
  "\u2007": " ",
  "\u2009": " ",
  "\u200A": " ",
  "\u202F": " ",
  "\u2002": " ",
  "\u2003": " ",
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u2015": "-",
  "\u2212": "-",
  "\u00AD": "-",
  "\r": "\n",
  "\t": " ",
  "\u200B": " ",
  "\uFEFF": " ",
};
/** Each code unit's replacement (0: kept as it is). Every key is one BMP unit, so a walk over units is a walk over characters. */
const REPLACE = new Uint16Array(0x10000);
for (const [from, to] of Object.entries(MAP)) REPLACE[from.charCodeAt(0)] = to.charCodeAt(0);

export function normalize(text: string): string {
  // One walk over the code units, no callback per replaced character; a text with nothing to replace is returned as it is.
  const n = text.length;
  let i = 0;
  while (i < n && REPLACE[text.charCodeAt(i)] === 0) i++;
  if (i === n) return text;
  // Pieces joined once: a flat string, as `replace` gave (a string built by `+=` is a rope, and every
  // later read of the text, the tokenizer's first, would go through it).
  const parts: string[] = [];
  let from = 0;
  for (; i < n; i++) {
    const r = REPLACE[text.charCodeAt(i)]!;
    if (r === 0) continue;
    parts.push(text.slice(from, i), String.fromCharCode(r));
    from = i + 1;
  }
  parts.push(text.slice(from));
  return parts.join("");
}
