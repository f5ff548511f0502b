// The extraction of one document to be stored: its metadata as extraction options. A module of its own (no
// store, no database driver) so that an extraction worker thread can load it cheaply.
import { extract } from "../extract/index.js";
import type { Extraction } from "../model/index.js";
import type { IngestMeta } from "./types.js";

export function extractFor(text: string, meta: IngestMeta): Extraction {
  return extract(text, {
    ...(meta.lang ? { lang: meta.lang } : {}),
    ...(meta.kind ? { kind: meta.kind } : {}),
    published: meta.published ?? null,
    publisher: meta.publisher ?? null,
    url: meta.url ?? null,
    channel: meta.channel ?? null,
    title: meta.title ?? null,
  });
}
