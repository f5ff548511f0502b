// A row of the imported Air Force dataset, read back from its document: the store keeps a row's
// identity (window, model, target, source post) as the document's post id (src/ingest/dataset.ts),
// so the attack page can show the row as what it is instead of its raw CSV line.
import type { DocumentRef } from "../api-types.js";

export interface DatasetRow {
  /** `2025-07-03 18:00` or `2025-07-04` as the dataset gives it. */
  start: string;
  end: string;
  /** The model as the dataset names it (`Shahed-136/131`). */
  model: string;
  target: string;
  /** The post the row was taken from, as a link; null when the dataset gives none we can read. */
  sourceUrl: string | null;
}

export function isDatasetDocument(d: DocumentRef): boolean {
  return Boolean(d.channel?.startsWith("dataset:"));
}

export function datasetRow(d: DocumentRef): DatasetRow | null {
  if (!isDatasetDocument(d) || !d.post_id) return null;
  const parts = d.post_id.replace(/#\d+$/, "").split("|");
  if (parts.length < 5) return null;
  const [start = "", end = "", model = "", target = "", ...rest] = parts;
  const source = rest.join("|").trim();
  return { start, end, model, target, sourceUrl: d.url ?? sourceUrl(source) };
}

/**
 * The dataset's `source` column: a full URL (Telegram), a site path (`kharkivoda.gov.ua/news/…`), or a
 * Facebook path (`kpszsu/posts/…`, `watch/?v=…`, and `GeneralStaff.ua/posts/…`, a page name that only
 * looks like a domain), which is what most rows give.
 */
function sourceUrl(source: string): string | null {
  if (!source) return null;
  if (/^https?:\/\//i.test(source)) return source;
  const first = source.split("/")[0] ?? "";
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i.test(first) && !/^[A-Za-z]+\.ua$/.test(first)) return `https://${source}`;
  return `https://www.facebook.com/${source}`;
}

/** `18:00–06:00` when the row gives times; the dates alone add nothing on the attack's own page. */
export function windowLabel(row: Pick<DatasetRow, "start" | "end">): string | null {
  const t = (s: string) => /\d{2}:\d{2}$/.exec(s)?.[0] ?? null;
  const a = t(row.start);
  const b = t(row.end);
  if (a && b) return `${a}–${b}`;
  if (a) return `from ${a}`;
  if (b) return `until ${b}`;
  return null;
}
