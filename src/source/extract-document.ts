import { extract } from "../extract/index.js";
import type { ExtractOptions, Extraction } from "../model/index.js";
import type { SourceDocument } from "./types.js";

/** The extraction options a document's metadata gives; explicit options win. */
export function documentExtractOptions(doc: SourceDocument, options: ExtractOptions = {}): ExtractOptions {
  const pick = <K extends keyof ExtractOptions>(k: K, fromDoc: ExtractOptions[K]): ExtractOptions[K] =>
    options[k] ?? fromDoc ?? undefined;
  const out: ExtractOptions = { ...options };
  const lang = pick("lang", doc.lang ?? undefined);
  if (lang) out.lang = lang;
  // A publication time is a fact of the document: the page's own metadata wins over one given from outside.
  const published = doc.published ?? options.published;
  if (published) out.published = published;
  else delete out.published;
  out.publisher = pick("publisher", doc.publisher);
  out.url = pick("url", doc.url);
  out.title = pick("title", doc.title);
  return out;
}

/** `extract(doc.text, …)` with the document's metadata as context; a language taken from the page is marked so. */
export function extractDocument(doc: SourceDocument, options: ExtractOptions = {}): Extraction {
  const x = extract(doc.text, documentExtractOptions(doc, options));
  if (!options.lang && doc.lang && x.lang === doc.lang && x.lang_source === "option") {
    return { ...x, lang_source: "metadata" };
  }
  return x;
}
