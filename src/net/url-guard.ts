import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import { isIP } from "node:net";
import { Agent, request } from "undici";
import { SalvoError } from "../errors.js";
import { blockedReason } from "./ip-ranges.js";

/**
 * The one way salvo fetches a URL — the API's URL ingestion, `salvo ingest` of URLs and feeds, each feed item,
 * `salvo watch`, t.me previews — without letting a given URL reach the machine's own network (SSRF):
 * every hop's host is resolved and checked before connecting, the socket connects only to the
 * addresses that passed the check (no DNS rebinding between check and connect), and redirects
 * are followed by hand so that each target is checked the same way.
 */
export interface UrlGuardOptions {
  /** Skip the address checks entirely (`--allow-private-urls`). */
  allowPrivate?: boolean;
  /** `host` or `host:port` entries exempt from the address checks (for tests and intranets). */
  allowHosts?: readonly string[];
  /** Total time for all hops, default 10 s. */
  timeoutMs?: number;
  /** Largest body accepted, default 5 MB. */
  maxBytes?: number;
  /** Redirects followed at most, default 5. */
  maxRedirects?: number;
  /** Extra request headers (conditional requests: if-none-match, if-modified-since). */
  headers?: Record<string, string>;
  /** Answer 304 Not Modified with an empty body instead of failing (polling with conditional requests). */
  acceptNotModified?: boolean;
  /** The code for a body over maxBytes; default SALVO_FETCH_FAILED. */
  tooLargeCode?: "SALVO_FETCH_FAILED" | "SALVO_INPUT_TOO_LARGE";
}

export interface FetchedResource {
  /** The URL that answered (after redirects). */
  url: string;
  status: number;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  body: Buffer;
  redirects: string[];
}

export const DEFAULT_FETCH_TIMEOUT_MS = 10_000;
export const DEFAULT_FETCH_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;

export const USER_AGENT = "salvo/0.1 (+https://github.com/salvo; air-strike report reader)";

function header(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  const v = headers[name];
  return (Array.isArray(v) ? v[0] : v) ?? null;
}

function refuse(message: string): SalvoError {
  return new SalvoError("SALVO_URL_REFUSED", message);
}

/** Parses a client-given URL and refuses anything but plain http(s) without credentials. */
export function parsePublicUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse(`"${raw.slice(0, 200)}" is not an absolute URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw refuse(`only http and https URLs can be fetched, not ${url.protocol}`);
  }
  if (url.username || url.password) throw refuse("URLs with credentials are refused");
  return url;
}

function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, "");
}

function isExempt(url: URL, options: UrlGuardOptions): boolean {
  if (options.allowPrivate) return true;
  const list = options.allowHosts ?? [];
  const host = url.hostname.toLowerCase();
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return list.some((entry) => {
    const e = entry.toLowerCase();
    return e === host || e === `${host}:${port}`;
  });
}

function checkAddress(host: string, address: string): void {
  const reason = blockedReason(address);
  if (reason) throw refuse(`${host} resolves to ${address}, a ${reason} address; refused`);
}

function lookupAll(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    dnsLookup(host, { all: true, verbatim: true }, (err, addresses) => {
      if (err) reject(new SalvoError("SALVO_FETCH_FAILED", `cannot resolve ${host}: ${err.code ?? err.message}`));
      else resolve(addresses);
    });
  });
}

/**
 * Refuses a URL whose host is, or resolves to, a non-public address. Resolution happens here,
 * before any connection, so a refused address is never contacted.
 */
export async function assertPublicUrl(raw: string, options: UrlGuardOptions = {}): Promise<URL> {
  const url = parsePublicUrl(raw);
  if (isExempt(url, options)) return url;
  const host = hostOf(url);
  if (isIP(host)) {
    checkAddress(host, host);
    return url;
  }
  const addresses = await lookupAll(host);
  if (addresses.length === 0) throw new SalvoError("SALVO_FETCH_FAILED", `cannot resolve ${host}`);
  for (const a of addresses) checkAddress(host, a.address);
  return url;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for sockets that answers only with checked addresses (guards against rebinding). */
function guardedLookup(hostname: string, opts: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...opts, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    for (const a of addresses) {
      const reason = blockedReason(a.address);
      if (reason) {
        const e: NodeJS.ErrnoException = refuse(`${hostname} resolves to ${a.address}, a ${reason} address; refused`);
        return callback(e, []);
      }
    }
    if (opts.all) return callback(null, addresses);
    const first = addresses[0];
    if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }), []);
    callback(null, first.address, first.family);
  });
}

function agentFor(exempt: boolean, timeoutMs: number): Agent {
  return new Agent({
    connect: exempt ? { timeout: timeoutMs } : { timeout: timeoutMs, lookup: guardedLookup },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
}

function unwrap(e: unknown, url: URL, timeoutMs: number): SalvoError {
  if (e instanceof SalvoError) return e;
  let cause: unknown = e;
  while (cause instanceof Error) {
    if (cause instanceof SalvoError) return cause;
    const code = (cause as NodeJS.ErrnoException).code ?? "";
    if (cause.name === "TimeoutError" || cause.name === "AbortError" || /^UND_ERR_(HEADERS|BODY|CONNECT)_TIMEOUT$/.test(code)) {
      return new SalvoError("SALVO_FETCH_FAILED", `fetching ${url.host} timed out after ${timeoutMs} ms`);
    }
    cause = (cause as { cause?: unknown }).cause;
  }
  const msg = e instanceof Error ? ((e as NodeJS.ErrnoException).code ?? e.message) : String(e);
  return new SalvoError("SALVO_FETCH_FAILED", `fetching ${url.host} failed: ${msg}`);
}

/** GETs a client-given URL under the rules above; throws SalvoError (URL_REFUSED or FETCH_FAILED). */
export async function fetchPublicUrl(raw: string, options: UrlGuardOptions = {}): Promise<FetchedResource> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_FETCH_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const signal = AbortSignal.timeout(timeoutMs);
  const redirects: string[] = [];
  let current = raw;
  for (let hop = 0; ; hop++) {
    const url = await assertPublicUrl(current, options);
    const agent = agentFor(isExempt(url, options), timeoutMs);
    try {
      const res = await request(url, {
        dispatcher: agent,
        method: "GET",
        signal,
        headers: { "user-agent": USER_AGENT, accept: "text/html, application/rss+xml, application/atom+xml, text/plain;q=0.9, */*;q=0.5", ...options.headers },
      }).catch((e: unknown) => {
        throw unwrap(e, url, timeoutMs);
      });
      const location = res.headers["location"];
      if (res.statusCode >= 300 && res.statusCode < 400 && location) {
        await res.body.dump();
        if (hop >= maxRedirects) {
          throw new SalvoError("SALVO_FETCH_FAILED", `more than ${maxRedirects} redirects from ${raw}`);
        }
        current = new URL(Array.isArray(location) ? (location[0] ?? "") : location, url).href;
        redirects.push(current);
        continue;
      }
      const meta = {
        url: url.href,
        status: res.statusCode,
        contentType: header(res.headers, "content-type"),
        etag: header(res.headers, "etag"),
        lastModified: header(res.headers, "last-modified"),
        redirects,
      };
      if (res.statusCode === 304 && options.acceptNotModified) {
        await res.body.dump();
        return { ...meta, body: Buffer.alloc(0) };
      }
      if (res.statusCode < 200 || res.statusCode >= 300) {
        await res.body.dump();
        throw new SalvoError("SALVO_FETCH_FAILED", `${url.host} answered HTTP ${res.statusCode} for ${url.href}`);
      }
      const declared = Number(res.headers["content-length"] ?? NaN);
      if (Number.isFinite(declared) && declared > maxBytes) {
        await res.body.dump();
        throw new SalvoError(options.tooLargeCode ?? "SALVO_FETCH_FAILED", `${url.href} is ${declared} bytes, over the limit of ${maxBytes}`);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      try {
        for await (const chunk of res.body) {
          const buf = chunk as Buffer;
          size += buf.length;
          if (size > maxBytes) {
            res.body.destroy();
            throw new SalvoError(options.tooLargeCode ?? "SALVO_FETCH_FAILED", `${url.href} is over the limit of ${maxBytes} bytes`);
          }
          chunks.push(buf);
        }
      } catch (e) {
        throw unwrap(e, url, timeoutMs);
      }
      return { ...meta, body: Buffer.concat(chunks) };
    } finally {
      agent.close().catch(() => undefined);
    }
  }
}
