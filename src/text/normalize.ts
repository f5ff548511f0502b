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
const RE = new RegExp(`[${Object.keys(MAP).join("")}]`, "gu");

export function normalize(text: string): string {
  return text.replace(RE, (c) => MAP[c] ?? c);
}
