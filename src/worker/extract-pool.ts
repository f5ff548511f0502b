import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import Tinypool from "tinypool";
import { SalvoError } from "../errors.js";
import type { ExtractOutcome, ExtractTask, IngestOutcome, IngestTask } from "./extract-task.js";

/**
 * Extraction of API requests off the event loop: a small pool of worker threads. One hostile or huge request then
 * costs a worker, not the server: /api/health and every other route keep answering. A task over its time limit is
 * stopped (its worker is terminated) and answered 422; when every worker is busy and the queue is full, 503.
 */

export interface ExtractPoolOptions {
  /** Worker threads; default the cores less one, 1 to 4. */
  threads?: number;
  /** Requests waiting for a worker before new ones get 503 SALVO_BUSY; default 16 per thread. */
  maxQueue?: number;
  /** Time one extraction may take; default 20 s. */
  timeoutMs?: number;
}

export const DEFAULT_EXTRACT_TIMEOUT_MS = 20_000;

/**
 * The task module beside this one: the compiled JS when built; under tsx a shim that registers tsx in the worker
 * (a worker thread does not inherit the loader hooks that `--import tsx` installed in the main thread).
 */
function taskFile(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith(".js")) return here.replace(/extract-pool\.js$/, "extract-task.js");
  return here.replace(/extract-pool\.ts$/, "extract-task.dev.mjs");
}

export class ExtractPool {
  private pool: Tinypool | null = null;
  private readonly threads: number;
  private readonly maxQueue: number;
  readonly timeoutMs: number;

  constructor(options: ExtractPoolOptions = {}) {
    this.threads = options.threads ?? Math.max(1, Math.min(4, availableParallelism() - 1));
    this.maxQueue = options.maxQueue ?? this.threads * 16;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_EXTRACT_TIMEOUT_MS;
  }

  /** Started on first use, so that an app that never extracts never starts threads. */
  private get started(): Tinypool {
    this.pool ??= new Tinypool({
      filename: taskFile(),
      minThreads: 0,
      maxThreads: this.threads,
      maxQueue: this.maxQueue,
      idleTimeout: 30_000,
    });
    return this.pool;
  }

  /** Runs one extraction; resolves to its JSON text or throws the SalvoError the work ended with. */
  async run(task: ExtractTask): Promise<string> {
    const pool = this.started;
    if (pool.queueSize >= this.maxQueue) throw busy();
    let outcome: ExtractOutcome;
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      outcome = (await pool.run(task, { signal })) as ExtractOutcome;
    } catch (e) {
      const err = e as Error;
      if (signal.aborted) {
        throw new SalvoError(
          "SALVO_INPUT_TOO_COMPLEX",
          `reading this document took longer than ${Math.round(this.timeoutMs / 1000)} s and was stopped; salvo reads one article at a time`,
        );
      }
      if (/queue is at limit|task queue/i.test(err.message)) throw busy();
      throw err;
    }
    // A bug in the worker is a plain error: the error handler answers 500 without its details and logs it.
    if (!outcome.ok) throw outcome.code === "SALVO_INTERNAL" ? new Error(outcome.message) : new SalvoError(outcome.code, outcome.message);
    return outcome.json;
  }

  /**
   * Extracts one document of an ingest. The caller bounds how many it has in flight (under maxQueue plus the
   * threads); a failure of the extraction comes back as its reason, like the in-process ingest's.
   */
  async extractForIngest(task: IngestTask): Promise<IngestOutcome> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      return (await this.started.run(task, { name: "extractForIngest", signal })) as IngestOutcome;
    } catch (e) {
      if (signal.aborted) return { ok: false, reason: `reading this document took longer than ${Math.round(this.timeoutMs / 1000)} s and was stopped` };
      throw e;
    }
  }

  /** Worker threads at most. */
  get size(): number {
    return this.threads;
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.destroy();
  }
}

function busy(): SalvoError {
  return new SalvoError("SALVO_BUSY", "every extraction worker is busy; retry in a few seconds");
}
