import type { Lang } from "../model/index.js";

export type SourceFormat = "text" | "markdown" | "html";

/** A document's readable text and what its container told us about it. */
export interface SourceDocument {
  /** Normalized text (LF line ends, NFC); every span of the extraction points into it. */
  text: string;
  format: SourceFormat;
  title: string | null;
  /** Publication time from the page's metadata (as written there, ISO 8601), not from the text. */
  published: string | null;
  updated: string | null;
  lang: Lang | null;
  url: string | null;
  publisher: string | null;
  /** Hex SHA-256 of `text`. */
  sha256: string;
}

/** What is known about the bytes from outside them. */
export interface ReadHint {
  filename?: string;
  contentType?: string;
  url?: string;
}

export interface ReadOptions {
  /** Inputs larger than this are refused before decoding (default 20 MB). */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
