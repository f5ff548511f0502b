import { extract } from "../extract/index.js";
import type { ExtractOptions, Extraction } from "../model/extraction.js";
import { toGold } from "../model/gold.js";
import type { GoldFile } from "./gold-file.js";
import { scoreDocuments, type DocumentScore, type EvalSummary } from "./score.js";

export type Extractor = (text: string, options: ExtractOptions) => Extraction;

export interface EvalRun {
  summary: EvalSummary;
  documents: DocumentScore[];
  /** Documents whose extraction threw (the contract says it never does); scored as predicting nothing. */
  failures: Array<{ id: string; path: string; message: string }>;
  extractMs: number;
}

/**
 * What the extractor may know about a gold file: its text and the metadata a crawler would have.
 * Never the language (it is detected, and scored) and never the gold.
 */
export function extractOptionsFor(file: GoldFile): ExtractOptions {
  return {
    kind: file.kind,
    published: file.source.published,
    publisher: file.source.publisher,
    url: file.source.url,
    channel: file.source.channel,
  };
}

export function evaluate(files: readonly GoldFile[], extractor: Extractor = extract): EvalRun {
  const failures: EvalRun["failures"] = [];
  let extractMs = 0;
  const inputs = files.map((file) => {
    const t0 = performance.now();
    let predicted: Extraction | null = null;
    try {
      predicted = extractor(file.text, extractOptionsFor(file));
    } catch (e) {
      failures.push({ id: file.id, path: file.path, message: e instanceof Error ? e.message : String(e) });
    }
    extractMs += performance.now() - t0;
    return {
      id: file.id,
      lang: file.lang,
      kind: file.kind,
      gold: file.gold,
      predicted: predicted ? toGold(predicted) : { published: null, reports: [] },
      ...(predicted ? { predictedLang: predicted.lang } : {}),
    };
  });
  const { documents, summary } = scoreDocuments(inputs);
  return { summary, documents, failures, extractMs };
}
