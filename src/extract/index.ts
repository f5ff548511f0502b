import type { ExtractOptions, Extraction } from "../model/index.js";

/**
 * Reads a report's text and returns its reports, every fact with provenance.
 * Total: never throws on odd text. (Temporary stub while the engine lands.)
 */
export function extract(text: string, options: ExtractOptions = {}): Extraction {
  return {
    lang: options.lang ?? "en",
    lang_source: options.lang ? "option" : "detected",
    kind: options.kind ?? "news",
    text,
    title: options.title ?? null,
    source: {
      publisher: options.publisher ?? null,
      url: options.url ?? null,
      published: options.published ?? null,
      channel: options.channel ?? null,
    },
    published: null,
    updated: null,
    published_span: null,
    updated_span: null,
    reports: [],
    warnings: [],
  };
}
