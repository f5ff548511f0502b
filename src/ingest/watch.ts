// `salvo watch`: polls feeds and Telegram channel previews, ingests what is new; conditional requests, backoff.
import type { SqlStore } from "../store/store.js";
import { fetchUrl } from "./fetch.js";
import { count, emptySummary, reasonOf, urlDocs, type IngestSummary } from "./ingest.js";

export interface WatchOptions {
  everyMs: number;
  once?: boolean;
  /** Pause between two requests to the same host. */
  delayMs?: number;
  timeoutMs?: number;
  maxBackoffMs?: number;
  signal?: AbortSignal;
  onPoll?: (source: string, summary: IngestSummary, note: string) => void;
}

interface SourceState {
  url: string;
  etag: string | null;
  lastModified: string | null;
  failures: number;
  nextAt: number;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((res) => {
    if (ms <= 0 || signal?.aborted) return res();
    const t = setTimeout(res, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(t);
      res();
    }, { once: true });
  });

/** Waits so that two requests to one host are at least `delayMs` apart. */
function politeness(delayMs: number, signal?: AbortSignal) {
  const last = new Map<string, number>();
  return async (url: string) => {
    const host = new URL(url).host;
    const wait = (last.get(host) ?? 0) + delayMs - Date.now();
    if (wait > 0) await sleep(wait, signal);
    last.set(host, Date.now());
  };
}

export async function pollOnce(store: SqlStore, st: SourceState, opts: WatchOptions, polite: (url: string) => Promise<void>): Promise<{ summary: IngestSummary; note: string }> {
  const summary = emptySummary();
  const t0 = performance.now();
  try {
    await polite(st.url);
    const res = await fetchUrl(st.url, { etag: st.etag, lastModified: st.lastModified, timeoutMs: opts.timeoutMs });
    st.etag = res.etag ?? st.etag;
    st.lastModified = res.lastModified ?? st.lastModified;
    if (res.status === 304) {
      st.failures = 0;
      return { summary, note: "not modified" };
    }
    const docs = await urlDocs(
      res,
      st.url,
      { timeoutMs: opts.timeoutMs, beforeFetch: polite, skipLink: (link) => store.knownUrl(link) },
      (f) => summary.failed.push(f),
    );
    for (const d of docs) {
      try {
        count(summary, await store.ingestText(d.text, d.meta), d.label);
      } catch (e) {
        summary.documents++;
        summary.failed.push({ source: d.label, reason: reasonOf(e) });
      }
    }
    st.failures = 0;
  } catch (e) {
    st.failures++;
    summary.failed.push({ source: st.url, reason: reasonOf(e) });
  }
  summary.seconds = (performance.now() - t0) / 1000;
  return { summary, note: summary.failed.length ? "errors" : "ok" };
}

function merge(into: IngestSummary, s: IngestSummary): void {
  into.documents += s.documents;
  into.new += s.new;
  into.unchanged += s.unchanged;
  into.revised += s.revised;
  into.facts += s.facts;
  into.failed.push(...s.failed);
  into.seconds += s.seconds;
}

/** Polls until the signal aborts (or once with `once`); returns the summary of every poll. */
export async function watch(store: SqlStore, urls: string[], opts: WatchOptions): Promise<IngestSummary> {
  const total = emptySummary();
  const states: SourceState[] = urls.map((url) => ({ url, etag: null, lastModified: null, failures: 0, nextAt: 0 }));
  const polite = politeness(opts.delayMs ?? 1000, opts.signal);
  const maxBackoff = opts.maxBackoffMs ?? 6 * 3_600_000;
  for (;;) {
    const now = Date.now();
    for (const st of states) {
      if (opts.signal?.aborted) return total;
      if (st.nextAt > now) continue;
      const { summary, note } = await pollOnce(store, st, opts, polite);
      merge(total, summary);
      opts.onPoll?.(st.url, summary, note);
      // Errors back off exponentially (up to maxBackoff); success returns to the regular interval.
      const wait = st.failures ? Math.min(opts.everyMs * 2 ** st.failures, maxBackoff) : opts.everyMs;
      st.nextAt = Date.now() + wait;
    }
    if (opts.once || opts.signal?.aborted) return total;
    const next = Math.min(...states.map((s) => s.nextAt));
    await sleep(next - Date.now(), opts.signal);
    if (opts.signal?.aborted) return total;
  }
}
