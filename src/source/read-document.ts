import { createHash } from "node:crypto";
import { SalvoError } from "../errors.js";
import { decodeBytes, emptyError } from "./decode.js";
import { declaredFormat, sniffFormat } from "./format.js";
import { readHtml } from "./html.js";
import { markdownToText } from "./markdown.js";
import { normalizeText } from "./normalize.js";
import { DEFAULT_MAX_BYTES, type ReadHint, type ReadOptions, type SourceDocument } from "./types.js";

/**
 * Turns a document's bytes into its readable text and metadata.
 * Throws SalvoError SALVO_INPUT_TOO_LARGE / _EMPTY / _BINARY / _ENCODING with a message a user can act on.
 */
export function readDocument(input: Buffer | Uint8Array, hint: ReadHint = {}, options: ReadOptions = {}): SourceDocument {
  checkSize(input.length, options.maxBytes);
  const { text: raw } = decodeBytes(input, hint.contentType);
  const decoded = normalizeText(raw);
  if (decoded.trim() === "") throw emptyError();

  const format = declaredFormat(hint) ?? sniffFormat(decoded);
  const base = {
    title: null,
    published: null,
    updated: null,
    lang: null,
    url: hint.url ?? null,
    publisher: null,
  };
  let doc: Omit<SourceDocument, "sha256">;
  if (format === "html") {
    const html = readHtml(decoded, hint.url);
    doc = { ...html, format };
    if (doc.text.trim() === "") throw emptyError(
        "the HTML page has no readable text (only markup, scripts or navigation): give salvo a page that holds the report",
      );
  } else if (format === "markdown") {
    doc = { ...base, text: markdownToText(decoded), format, title: markdownTitle(decoded) };
    if (doc.text.trim() === "") throw emptyError("the Markdown document has no readable text (only markup): give salvo a report with some text");
  } else {
    doc = { ...base, text: decoded, format };
  }
  return { ...doc, sha256: sha256(doc.text) };
}

export function checkSize(size: number, maxBytes = DEFAULT_MAX_BYTES): void {
  if (size > maxBytes) {
    throw new SalvoError(
      "SALVO_INPUT_TOO_LARGE",
      `the input is ${formatBytes(size)}, over the limit of ${formatBytes(maxBytes)}: give salvo one report at a time ` +
        "(a single article or post), not an archive or a dump",
    );
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1).replace(/\.0$/, "")} KB`;
  return `${n} bytes`;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The first level-1 heading of a Markdown document (ATX or setext), as its title. */
function markdownTitle(md: string): string | null {
  const atx = /^\s{0,3}#\s+(.+?)\s*#*\s*$/m.exec(md);
  if (atx?.[1]) return markdownToText(atx[1]) || null;
  const setext = /^(\S[^\n]*)\n=+\s*$/m.exec(md);
  if (setext?.[1]) return markdownToText(setext[1]) || null;
  return null;
}
