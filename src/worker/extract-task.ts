// The work of one POST /api/extract, run in a worker thread (src/worker/extract-pool.ts): reading the body
// (charset, HTML to text) and extracting. Errors come back as data, because a SalvoError's class does not
// survive the trip between threads.
import { isSalvoError, type ErrorCode } from "../errors.js";
import { toGold, type ExtractOptions } from "../model/index.js";
import { readBody } from "../server/document-input.js";
import { extractDocument } from "../source/extract-document.js";
import type { Extraction } from "../model/index.js";
import { extractFor } from "../store/extract-for.js";
import type { IngestMeta } from "../store/types.js";

export interface ExtractTask {
  /** The raw body's bytes, or the text of a JSON request. */
  body: Uint8Array | string;
  contentType?: string | undefined;
  url?: string | undefined;
  filename?: string | undefined;
  maxBytes: number;
  options: ExtractOptions;
  format: "json" | "gold";
}

export type ExtractOutcome = { ok: true; json: string } | { ok: false; code: ErrorCode; message: string };

export function runExtractTask(task: ExtractTask): ExtractOutcome {
  try {
    const body = typeof task.body === "string" ? task.body : Buffer.from(task.body.buffer, task.body.byteOffset, task.body.byteLength);
    const doc = readBody(body, { contentType: task.contentType, url: task.url, filename: task.filename }, task.maxBytes);
    const x = extractDocument(doc, task.options);
    // Serialized here: the answer is exactly what `salvo extract` prints, and a string is cheap to pass back.
    return { ok: true, json: JSON.stringify(task.format === "gold" ? toGold(x) : x) };
  } catch (e) {
    if (isSalvoError(e)) return { ok: false, code: e.code, message: e.message };
    return { ok: false, code: "SALVO_INTERNAL", message: e instanceof Error ? e.message : String(e) };
  }
}

/** One document of `salvo ingest`, extracted as the ingest would extract it in its own thread. */
export interface IngestTask {
  text: string;
  meta: IngestMeta;
}

/** The extraction (a plain object, cloned on its way back), or the reason the summary gives for the failure. */
export type IngestOutcome = { ok: true; x: Extraction } | { ok: false; reason: string };

export function extractForIngest(task: IngestTask): IngestOutcome {
  try {
    return { ok: true, x: extractFor(task.text, task.meta) };
  } catch (e) {
    // The same reason as ingest's reasonOf, worked out here because the error's class stays in this thread.
    if (isSalvoError(e)) return { ok: false, reason: e.message };
    if (e instanceof Error) {
      const code = (e as NodeJS.ErrnoException).code;
      return { ok: false, reason: code ? `cannot read: ${code}` : e.message };
    }
    return { ok: false, reason: String(e) };
  }
}

export default runExtractTask;
