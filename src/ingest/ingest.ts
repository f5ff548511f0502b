// `salvo ingest`: files, folders, URLs, feeds, Telegram exports and gold files → documents in the store.
import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import { isSalvoError } from "../errors.js";
import { KINDS, LANGS, type DocKind, type Lang } from "../model/index.js";
import { readDocument } from "../source/read-document.js";
import type { Extraction } from "../model/index.js";
import { NO_TEXT, extractFor } from "../store/store.js";
import { sha256 } from "../store/save.js";
import { normalize } from "../text/normalize.js";
import type { BatchItem, IngestMeta, IngestResult, Store } from "../store/types.js";
import { looksLikeFeed, parseFeed } from "./feed.js";
import { fetchUrl, type FetchResult } from "./fetch.js";
import { checkIsoTime } from "../iso-time.js";
import { ExtractPool } from "../worker/extract-pool.js";
import type { IngestOutcome } from "../worker/extract-task.js";
import { isTelegramExport, readExport, looksLikeTelegramPreview, previewPosts, type TelegramPost } from "./telegram.js";

export interface DocInput {
  /** Where it came from, for the summary. */
  label: string;
  text: string;
  meta: IngestMeta;
}

export interface IngestFailure {
  source: string;
  reason: string;
}

export interface IngestSummary {
  documents: number;
  new: number;
  unchanged: number;
  revised: number;
  failed: IngestFailure[];
  facts: number;
  seconds: number;
}

export function emptySummary(): IngestSummary {
  return { documents: 0, new: 0, unchanged: 0, revised: 0, failed: [], facts: 0, seconds: 0 };
}

const FEED_EXT = new Set([".xml", ".rss", ".atom"]);

export function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

/** Every file under the inputs (folders walked recursively, in name order); URLs kept as they are. */
export async function expandInputs(inputs: string[]): Promise<{ sources: string[]; failures: IngestFailure[] }> {
  const sources: string[] = [];
  const failures: IngestFailure[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith(".")) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) sources.push(p);
    }
  };
  for (const input of inputs) {
    if (isUrl(input)) {
      sources.push(input);
      continue;
    }
    try {
      const info = await stat(input);
      if (info.isDirectory()) await walk(input);
      else sources.push(input);
    } catch (e) {
      failures.push({ source: input, reason: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
    }
  }
  return { sources, failures };
}

function asLang(v: unknown): Lang | null {
  return typeof v === "string" && (LANGS as readonly string[]).includes(v) ? (v as Lang) : null;
}
function asKind(v: unknown): DocKind | null {
  return typeof v === "string" && (KINDS as readonly string[]).includes(v) ? (v as DocKind) : null;
}
function strOrNull(v: unknown): string | null {
  return typeof v === "string" && v.trim() ? v : null;
}

function postDoc(p: TelegramPost, label: string, url: string | null = null): DocInput {
  return {
    label: `${label}#${p.channel}/${p.postId}`,
    text: p.text,
    meta: { channel: p.channel, post_id: p.postId, published: p.published, publisher: p.channel, url },
  };
}

/** A JSON file: a Telegram Desktop export or a gold-format file (its text and source, never its gold). */
export function jsonDocs(raw: string, label: string, onFailure?: (f: IngestFailure) => void): DocInput[] {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    throw new Error(`malformed JSON: ${(e as Error).message}`);
  }
  if (isTelegramExport(json)) {
    const { posts, rejected } = readExport(json);
    for (const r of rejected) onFailure?.({ source: `${label}#${r.postId}`, reason: r.reason });
    if (!posts.length) throw new Error(rejected.length ? "Telegram export with no valid text messages" : "Telegram export with no text messages");
    return posts.map((p) => postDoc(p, label));
  }
  if (typeof json === "object" && json !== null && "text" in json) {
    const g = json as { id?: unknown; lang?: unknown; kind?: unknown; text?: unknown; source?: Record<string, unknown> };
    if (typeof g.text !== "string" || !g.text.trim()) throw new Error("gold-format file without a text");
    const src = g.source && typeof g.source === "object" ? g.source : {};
    if (typeof src.published === "string" && src.published.trim()) checkIsoTime(src.published, "source.published");
    return [
      {
        label,
        text: g.text,
        meta: {
          lang: asLang(g.lang),
          kind: asKind(g.kind),
          publisher: strOrNull(src.publisher),
          url: strOrNull(src.url),
          published: strOrNull(src.published),
          channel: strOrNull(src.channel),
          key: typeof g.id === "string" ? `gold:${g.id}` : `file:${resolve(label)}`,
        },
      },
    ];
  }
  throw new Error("unknown JSON format: neither a Telegram export (messages[]) nor a gold-format file (text)");
}

function sourceDoc(bytes: Buffer, hint: { filename?: string; url?: string; contentType?: string }, label: string, key: string | null): DocInput {
  const doc = readDocument(bytes, hint);
  return {
    label,
    text: doc.text,
    meta: { url: doc.url, publisher: doc.publisher, lang: doc.lang, published: doc.published, updated: doc.updated, title: doc.title, key },
  };
}

export interface ExpandOptions {
  timeoutMs?: number;
  /** Called with each feed item fetched, for politeness delays. */
  beforeFetch?: (url: string) => Promise<void>;
  /** Feed items whose link this answers true for are not fetched (already stored). */
  skipLink?: (url: string) => Promise<boolean>;
}

/** The documents of a feed body: each item's page, or the item's own content when it has no link. */
export async function feedDocs(xml: string, label: string, opts: ExpandOptions, onFailure: (f: IngestFailure) => void): Promise<DocInput[]> {
  const feed = parseFeed(xml);
  const out: DocInput[] = [];
  for (const item of feed.items) {
    try {
      if (item.link && /^https?:/i.test(item.link)) {
        if (await opts.skipLink?.(item.link)) continue;
        await opts.beforeFetch?.(item.link);
        const page = await fetchUrl(item.link, { timeoutMs: opts.timeoutMs });
        const d = sourceDoc(page.body, { url: page.url, contentType: page.contentType ?? undefined }, item.link, null);
        d.meta.published ??= item.published;
        d.meta.title ??= item.title;
        d.meta.url = item.link;
        out.push(d);
      } else if (item.content) {
        const d = sourceDoc(Buffer.from(item.content, "utf8"), { contentType: "text/html" }, `${label}#${item.id}`, `feed:${label}#${item.id}`);
        d.meta.published ??= item.published;
        d.meta.title ??= item.title;
        out.push(d);
      }
    } catch (e) {
      onFailure({ source: item.link ?? `${label}#${item.id}`, reason: reasonOf(e) });
    }
  }
  return out;
}

/** The documents of a fetched URL: a feed's items, a Telegram preview's posts, or the page itself. */
export async function urlDocs(res: FetchResult, label: string, opts: ExpandOptions, onFailure: (f: IngestFailure) => void): Promise<DocInput[]> {
  const head = res.body.subarray(0, 4096).toString("utf8");
  if (looksLikeFeed(head, res.contentType)) return feedDocs(res.body.toString("utf8"), label, opts, onFailure);
  const text = res.body.toString("utf8");
  if (looksLikeTelegramPreview(text)) return previewPosts(text).map((p) => postDoc(p, label, `https://t.me/${p.channel}/${p.postId}`));
  return [sourceDoc(res.body, { url: res.url, contentType: res.contentType ?? undefined }, label, null)];
}

/** The documents one source holds. Throws for a source that cannot be read at all. */
export async function sourceDocs(source: string, opts: ExpandOptions, onFailure: (f: IngestFailure) => void): Promise<DocInput[]> {
  if (isUrl(source)) {
    await opts.beforeFetch?.(source);
    const res = await fetchUrl(source, { timeoutMs: opts.timeoutMs });
    return urlDocs(res, source, opts, onFailure);
  }
  const bytes = await readFile(source);
  const ext = extname(source).toLowerCase();
  if (ext === ".json") return jsonDocs(bytes.toString("utf8"), source, onFailure);
  if (FEED_EXT.has(ext)) return feedDocs(bytes.toString("utf8"), source, opts, onFailure);
  // Other extensions are read only if they really are text: readDocument refuses binary with a reason.
  return [sourceDoc(bytes, { filename: source }, source, `file:${resolve(source)}`)];
}

export function reasonOf(e: unknown): string {
  if (isSalvoError(e)) return e.message;
  if (e instanceof Error) {
    const code = (e as NodeJS.ErrnoException).code;
    return code ? `cannot read: ${code}` : e.message;
  }
  return String(e);
}

export function count(summary: IngestSummary, r: IngestResult, label: string): void {
  summary.documents++;
  if (r.status === "failed") summary.failed.push({ source: label, reason: r.reason ?? "failed" });
  else summary[r.status]++;
  summary.facts += r.facts;
}

export interface IngestOptions extends ExpandOptions {
  onSource?: (done: number, total: number, source: string) => void;
  /** Documents stored per transaction (default 200): each attack they touch is recomputed once per batch. */
  batchSize?: number;
  /**
   * Extraction worker threads. Default: the pool's (the cores less one), started once extraction here has taken
   * half a second; a number starts that many at the second document; 0 extracts everything in this thread.
   */
  workers?: number;
}

export const DEFAULT_INGEST_BATCH = 200;

/**
 * Stores extracted documents in batches, counting each result in the summary. A batch is one transaction
 * (a SIGKILL loses at most the open batch, and a re-run stores it); when a batch fails, its documents are
 * stored one by one so that only the faulty one fails.
 */
export class BatchWriter {
  private pending: Array<BatchItem & { label: string }> = [];
  constructor(
    private readonly store: Store,
    private readonly summary: IngestSummary,
    private readonly size = DEFAULT_INGEST_BATCH,
  ) {}

  async add(label: string, x: Extraction, meta: IngestMeta): Promise<void> {
    this.pending.push({ label, x, meta });
    if (this.pending.length >= this.size) await this.flush();
  }

  async flush(): Promise<void> {
    const items = this.pending;
    this.pending = [];
    if (!items.length) return;
    try {
      // In bulk: the batch's rows by a few reused statements (SQLite) or a few statements of many rows each
      // (PostgreSQL), its attacks and read models recomputed once. Same rows and results as `saveBatch`.
      const results = await this.store.importBatch(items);
      results.forEach((r, i) => count(this.summary, r, items[i]!.label));
      return;
    } catch {
      // one by one below, to tell which document failed
    }
    for (const it of items) {
      try {
        count(this.summary, (await this.store.saveBatch([it]))[0]!, it.label);
      } catch (e) {
        this.summary.documents++;
        this.summary.failed.push({ source: it.label, reason: reasonOf(e) });
      }
    }
  }
}

type Step = () => Promise<void> | void;

/**
 * Steps applied in the order they were queued, whatever order their extractions end in: the store and the
 * summary see the documents exactly as a one-by-one ingest would. At most `ahead` steps wait, so memory stays
 * bounded and the workers keep extracting while the main thread stores a batch.
 */
class InOrder {
  private readonly queue: Array<Promise<Step>> = [];
  constructor(private readonly ahead: number) {}

  get size(): number {
    return this.queue.length;
  }

  push(step: Promise<Step> | Step): void {
    this.queue.push(typeof step === "function" ? Promise.resolve(step) : step);
  }

  /** Applies the oldest steps until at most `ahead` wait (all of them with `ahead` 0). */
  async settle(ahead = this.ahead): Promise<void> {
    while (this.queue.length > ahead) await (await this.queue.shift()!)();
  }
}

export async function ingestInputs(store: Store, inputs: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const t0 = performance.now();
  const summary = emptySummary();
  const { sources, failures } = await expandInputs(inputs);
  summary.failed.push(...failures);
  const batchSize = opts.batchSize ?? DEFAULT_INGEST_BATCH;
  const writer = new BatchWriter(store, summary, batchSize);
  // A batch's worth waits for the store, so that extraction goes on while a batch is written.
  const steps = new InOrder(Math.max(64, batchSize));
  const extraction = new IngestExtraction(opts.workers, Math.max(64, batchSize) + 1);
  // Texts already stored are not extracted again: the documents read wait here, in their place among the steps,
  // until one query for all of them (`documentsByHash`) tells which are stored (unchanged, as storing them
  // would find them); the others go to extraction.
  let waiting: Array<{ d: DocInput; hash: string; place: (step: Promise<Step>) => void }> = [];
  const lookUp = async (): Promise<void> => {
    const group = waiting;
    waiting = [];
    if (!group.length) return;
    let stored = new Map<string, number>();
    try {
      stored = await store.documentsByHash(group.map((w) => w.hash));
    } catch {
      // Not known then: each is extracted, and storing it finds it unchanged as before.
    }
    for (const { d, hash, place } of group) {
      const id = stored.get(hash);
      if (id !== undefined) {
        place(Promise.resolve(() => count(summary, { status: "unchanged", documentId: id, facts: 0 }, d.label)));
        continue;
      }
      place(
        extraction.run(d).then((o): Step =>
          o.ok
            ? () => writer.add(d.label, o.x, d.meta)
            : () => {
                summary.documents++;
                summary.failed.push({ source: d.label, reason: o.reason });
              },
        ),
      );
    }
  };
  const ahead = Math.max(64, batchSize);
  const settle = async (): Promise<void> => {
    // The oldest step may be a document waiting for the look-up: it is made before the steps are awaited.
    if (waiting.length >= LOOKUP_GROUP || (waiting.length && steps.size > ahead)) await lookUp();
    await steps.settle();
  };
  let done = 0;
  try {
    for (const source of sources) {
      try {
        const docs = await sourceDocs(source, opts, (f) => steps.push(() => void summary.failed.push(f)));
        for (const d of docs) {
          if (!d.text.trim()) {
            steps.push(() => count(summary, { status: "failed", documentId: null, facts: 0, reason: NO_TEXT }, d.label));
          } else {
            steps.push(new Promise<Step>((place) => waiting.push({ d, hash: textHash(d.text), place })));
          }
          await settle();
        }
      } catch (e) {
        steps.push(() => void summary.failed.push({ source, reason: reasonOf(e) }));
      }
      const n = ++done;
      steps.push(() => opts.onSource?.(n, sources.length, source));
    }
    await lookUp();
    await steps.settle(0);
    await writer.flush();
  } finally {
    await extraction.close();
  }
  summary.seconds = (performance.now() - t0) / 1000;
  return summary;
}

/**
 * Where ingest extracts: on the worker pool, so that every core extracts while the main thread reads sources and
 * stores batches. A worker has to load the whole extractor before its first document (0.2 to 1 s), so the pool
 * starts only once this thread has spent POOL_AFTER_MS extracting: a small input (a single document, a folder
 * of a hundred) is done before workers would be ready. This thread goes on extracting while they start, and
 * whenever each worker already has a few documents waiting, so no core idles; a document the pool could not
 * take (a worker that failed to start or crashed) is extracted here as well. With `workers` given, the pool
 * starts at the second document.
 */
class IngestExtraction {
  private pool: ExtractPool | null = null;
  private ready = false;
  private inFlight = 0;
  private first = true;
  private spentMs = 0;
  constructor(
    private readonly workers: number | undefined,
    private readonly maxQueue: number,
  ) {}

  run(d: DocInput): Promise<IngestOutcome> {
    if (this.first) {
      // Not counted: the first extraction loads the extractor, which no later document pays again.
      this.first = false;
      return Promise.resolve(extractHere(d));
    }
    const auto = this.workers === undefined;
    if (this.workers === 0 || (auto && !this.pool && this.spentMs < POOL_AFTER_MS)) return Promise.resolve(this.here(d));
    const pool = this.start();
    if (!this.ready || this.inFlight >= pool.size * 4) return Promise.resolve(this.here(d));
    this.inFlight++;
    return pool
      .extractForIngest({ text: d.text, meta: d.meta })
      .catch(() => extractHere(d))
      .finally(() => this.inFlight--);
  }

  private start(): ExtractPool {
    if (this.pool) return this.pool;
    const pool = new ExtractPool({ ...(this.workers ? { threads: this.workers } : {}), maxQueue: this.maxQueue });
    this.pool = pool;
    // One short extraction per worker: it loads the extractor there; documents go to the pool once it is done.
    const warm = Array.from({ length: pool.size }, () => pool.extractForIngest({ text: WARM_UP, meta: { lang: "en" } }));
    Promise.all(warm).then(
      () => void (this.ready = true),
      () => undefined, // never ready: this thread extracts everything
    );
    return pool;
  }

  private here(d: DocInput): IngestOutcome {
    const t0 = performance.now();
    const out = extractHere(d);
    this.spentMs += performance.now() - t0;
    return out;
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}

/** Documents looked up together in the store before extraction (one query each group). */
const LOOKUP_GROUP = 32;

/** The content hash the store keys documents by: sha256 of the text as extraction normalizes it. */
function textHash(text: string): string {
  return sha256(normalize(text));
}

const POOL_AFTER_MS = 500;
const WARM_UP = "Overnight, 5 drones were launched; 4 were shot down.";

function extractHere(d: DocInput): IngestOutcome {
  try {
    return { ok: true, x: extractFor(d.text, d.meta) };
  } catch (e) {
    return { ok: false, reason: reasonOf(e) };
  }
}

/** Stores documents extracted beforehand, the way ingest stores them (the bench's ingest without extraction). */
export async function storeDocuments(store: Store, docs: Array<DocInput & { x: Extraction }>): Promise<IngestSummary> {
  const summary = emptySummary();
  const writer = new BatchWriter(store, summary);
  for (const d of docs) await writer.add(d.label, d.x, d.meta);
  await writer.flush();
  return summary;
}
