// An imported dataset row as readable evidence: its window, model, figures and source post, from the cells
// the import kept (src/ingest/dataset.ts), instead of the raw CSV line.
import type { DatasetRow, SourceRef } from "./types.js";

function count(v: string | undefined): number | null {
  if (v === undefined || v.trim() === "" || v.trim().toLowerCase() === "nan") return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/** The dataset's `source` cell names a post ("kpszsu/posts/pfbid…", a t.me path, a URL); a link when it is one. */
export function sourceUrl(source: string): string | null {
  const s = source.trim();
  if (/^https?:\/\/\S+$/i.test(s)) return s;
  // The dataset's Facebook paths: "kpszsu/posts/pfbid…", "PvKPivden/videos/…", "watch/?v=…".
  if (/^(?:[A-Za-z0-9._-]+\/(?:posts|videos)\/|watch\/\?v=)\S+$/.test(s)) return `https://www.facebook.com/${s}`;
  if (/^(?:t\.me|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:ua|com|org|net))\/\S*$/i.test(s)) return `https://${s}`;
  return null;
}

type DocSource = { channel: string | null; source_ref: string | null };

/**
 * Each document's source_ref read once: an attack's detail names a dataset row for each of its claims, and a
 * row has several (launched, destroyed, …). Keyed by the document row object, so it lives as long as that does.
 */
const refs = new WeakMap<DocSource, { text: string; ref: SourceRef | null }>();

function sourceRefOf(doc: DocSource & { source_ref: string }): SourceRef | null {
  const known = refs.get(doc);
  if (known && known.text === doc.source_ref) return known.ref;
  let ref: SourceRef | null;
  try {
    ref = JSON.parse(doc.source_ref) as SourceRef;
  } catch {
    ref = null;
  }
  refs.set(doc, { text: doc.source_ref, ref });
  return ref;
}

/** The readable row of a dataset document; null for other documents and for rows imported without their cells. */
export function datasetRow(doc: DocSource, rule: string): DatasetRow | null {
  if (!doc.channel?.startsWith("dataset:") || !doc.source_ref) return null;
  const ref = sourceRefOf(doc as DocSource & { source_ref: string });
  if (!ref) return null;
  const f = ref.fields;
  if (!f) return null;
  const figure = rule.endsWith(":split") ? "split" : rule.endsWith(":combined") ? "combined" : "row";
  return {
    file: ref.file,
    line: ref.line,
    time_start: f.time_start ?? "",
    time_end: f.time_end ?? "",
    model: f.model ?? "",
    launched: count(f.launched),
    destroyed: count(f.destroyed),
    not_reach_goal: count(f.not_reach_goal),
    source: f.source ?? "",
    source_url: sourceUrl(f.source ?? ""),
    figure,
  };
}
