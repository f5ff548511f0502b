/**
 * The normalization every document's text gets, so that spans and hashes are stable:
 * no BOM, LF line ends, NFC, no soft hyphens or zero-width characters that split words.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00AD\u200B\u2060\uFEFF]/g, "")
    .normalize("NFC");
}

/** Trims line ends and collapses runs of blank lines to one: for text rebuilt from markup. */
export function tidyLines(text: string): string {
  return text
    .split("\n")
    .map((l) => l.replace(/[ \t\u00A0]+$/u, "").replace(/^[ \t]+/u, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
