// HTTP GET with timeouts, a size limit and conditional headers (undici).
import { fetch } from "undici";
import { SalvoError } from "../errors.js";

export const USER_AGENT = "salvo/0.1 (+https://github.com/salvo; air-strike report reader)";

export interface FetchResult {
  url: string;
  status: number;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  body: Buffer;
}

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  etag?: string | null;
  lastModified?: string | null;
}

export function checkHttpUrl(url: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new SalvoError("SALVO_URL_REFUSED", `not a URL: ${url}`);
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") {
    throw new SalvoError("SALVO_URL_REFUSED", `only http(s) URLs can be fetched (got ${u.protocol})`);
  }
  return u;
}

/** Fetches a URL; 304 comes back with an empty body; other non-2xx statuses throw SALVO_FETCH_FAILED. */
export async function fetchUrl(url: string, opts: FetchOptions = {}): Promise<FetchResult> {
  checkHttpUrl(url);
  const maxBytes = opts.maxBytes ?? 20 * 1024 * 1024;
  const headers: Record<string, string> = { "user-agent": USER_AGENT, accept: "*/*" };
  if (opts.etag) headers["if-none-match"] = opts.etag;
  if (opts.lastModified) headers["if-modified-since"] = opts.lastModified;
  let res;
  try {
    res = await fetch(url, { headers, redirect: "follow", signal: AbortSignal.timeout(opts.timeoutMs ?? 20_000) });
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    const why = err.name === "TimeoutError" ? "timed out" : (err.cause?.code ?? err.cause?.message ?? err.message);
    throw new SalvoError("SALVO_FETCH_FAILED", `cannot fetch ${url}: ${why}`);
  }
  const meta = {
    url: res.url || url,
    status: res.status,
    contentType: res.headers.get("content-type"),
    etag: res.headers.get("etag"),
    lastModified: res.headers.get("last-modified"),
  };
  if (res.status === 304) {
    await res.body?.cancel().catch(() => undefined);
    return { ...meta, body: Buffer.alloc(0) };
  }
  if (res.status < 200 || res.status >= 300) {
    await res.body?.cancel().catch(() => undefined);
    throw new SalvoError("SALVO_FETCH_FAILED", `cannot fetch ${url}: HTTP ${res.status}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  if (res.body) {
    for await (const chunk of res.body) {
      size += chunk.length;
      if (size > maxBytes) {
        throw new SalvoError("SALVO_INPUT_TOO_LARGE", `${url} is larger than ${Math.round(maxBytes / 1048576)} MB`);
      }
      chunks.push(Buffer.from(chunk));
    }
  }
  return { ...meta, body: Buffer.concat(chunks) };
}
