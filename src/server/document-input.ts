import { readDocument } from "../source/read-document.js";
import type { SourceDocument } from "../source/types.js";

/**
 * A posted or fetched body → readable text + metadata, exactly as `salvo extract` reads a file:
 * the charset from Content-Type (or sniffed), HTML reduced to its article, Markdown to text.
 */
export function readBody(body: Buffer | string, hint: { contentType?: string | undefined; url?: string | undefined; filename?: string | undefined }, maxBytes: number): SourceDocument {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  // A generic type says nothing about the format: let the bytes (or the filename) tell.
  if (hint.contentType && /^application\/octet-stream\b/i.test(hint.contentType)) hint = { ...hint, contentType: undefined };
  return readDocument(
    bytes,
    {
      ...(hint.contentType ? { contentType: hint.contentType } : {}),
      ...(hint.url ? { url: hint.url } : {}),
      ...(hint.filename ? { filename: hint.filename } : {}),
    },
    { maxBytes },
  );
}
