// HTTP GET of ingested URLs, feeds, feed items and watched sources: always through the URL guard of src/net
// (each hop, redirects included, checked against private and loopback addresses), with timeouts, a size limit
// and conditional headers.
import { SalvoError } from "../errors.js";
import { outboundPolicy } from "../net/policy.js";
import { DEFAULT_MAX_REDIRECTS, USER_AGENT, fetchPublicUrl, parsePublicUrl } from "../net/url-guard.js";

export { USER_AGENT };

export interface FetchResult {
  url: string;
  status: number;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  body: Buffer;
}

export interface FetchOptions {
  timeoutMs?: number | undefined;
  maxBytes?: number;
  etag?: string | null;
  lastModified?: string | null;
}

/** A URL salvo may fetch: http(s), no credentials. Throws SALVO_URL_REFUSED. */
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
  return parsePublicUrl(url);
}

/**
 * Fetches a URL under the process's outbound policy (src/net/policy.ts); 304 comes back with an empty body; other
 * non-2xx statuses throw SALVO_FETCH_FAILED; a refused address throws SALVO_URL_REFUSED before anything is sent to it.
 */
export async function fetchUrl(url: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const headers: Record<string, string> = { accept: "*/*" };
  if (opts.etag) headers["if-none-match"] = opts.etag;
  if (opts.lastModified) headers["if-modified-since"] = opts.lastModified;
  checkHttpUrl(url);
  const policy = outboundPolicy();
  try {
    const res = await fetchPublicUrl(url, {
      allowPrivate: policy.allowPrivate,
      allowHosts: policy.allowHosts,
      timeoutMs: opts.timeoutMs ?? 20_000,
      maxBytes: opts.maxBytes ?? 20 * 1024 * 1024,
      maxRedirects: DEFAULT_MAX_REDIRECTS,
      headers,
      acceptNotModified: true,
      tooLargeCode: "SALVO_INPUT_TOO_LARGE",
    });
    return { url: res.url, status: res.status, contentType: res.contentType, etag: res.etag, lastModified: res.lastModified, body: res.body };
  } catch (e) {
    if (e instanceof SalvoError && e.code === "SALVO_URL_REFUSED") {
      throw new SalvoError("SALVO_URL_REFUSED", `${e.message} (pass --allow-private, or --allow-host <host>, to fetch it anyway)`);
    }
    if (e instanceof SalvoError && e.code === "SALVO_FETCH_FAILED") throw new SalvoError("SALVO_FETCH_FAILED", `cannot fetch ${url}: ${e.message}`);
    throw e;
  }
}
