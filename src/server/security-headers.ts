import type { FastifyInstance } from "fastify";
import { SalvoError } from "../errors.js";

/**
 * The security headers of every response, in one place (replaces framing.ts):
 * - one Content-Security-Policy that lets a page load only salvo's own assets (scripts and styles from this origin,
 *   data/blob images for Plot's charts, no plugins, no foreign connections), whose `frame-ancestors` refuses framing
 *   everywhere except the /embed/ pages, which allow the configured origins (default: any);
 * - `X-Content-Type-Options: nosniff`, so a stored text is never run as a script or a style;
 * - `Referrer-Policy: no-referrer` (the dashboard's URLs carry filters; a link out need not leak them);
 * - `X-Frame-Options: DENY` outside /embed/ for browsers without CSP level 2 (it cannot list origins, so embeds send none).
 */

export const EMBED_PREFIX = "/embed/";

/** `*`, `'self'`, or an origin (`https://news.example`, `https://*.example.org`, with an optional port). */
const SOURCE = /^(\*|'self'|https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?)$/i;

/** Checks the origins allowed to embed; a bad one is a usage error that names it. */
export function embedAncestors(origins: readonly string[] | undefined): string[] {
  const list = (origins ?? ["*"]).map((o) => o.trim().replace(/\/$/, "")).filter(Boolean);
  if (!list.length) throw new SalvoError("SALVO_USAGE", "the list of origins allowed to embed is empty; give * or origins such as https://news.example");
  for (const o of list) {
    if (!SOURCE.test(o)) throw new SalvoError("SALVO_USAGE", `"${o}" is not an origin that may embed: give * or origins such as https://news.example`);
  }
  return list;
}

/** The `frame-ancestors` directive for a request path. */
export function frameAncestors(path: string, allowed: readonly string[]): string {
  return path.startsWith(EMBED_PREFIX) ? `frame-ancestors ${allowed.join(" ")}` : "frame-ancestors 'none'";
}

/**
 * What a page may load. Styles allow 'unsafe-inline' because Observable Plot and the API docs set `style`
 * attributes on the elements they draw; scripts do not: every script is a file of the build.
 */
export const CONTENT_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

/** The whole Content-Security-Policy of a response to `path`. */
export function contentSecurityPolicy(path: string, allowed: readonly string[]): string {
  return `${CONTENT_POLICY}; ${frameAncestors(path, allowed)}`;
}

export function registerSecurityHeaders(app: FastifyInstance, allowed: readonly string[]): void {
  // The two policies there are, written once; a callback hook (it runs on every answer: no promise each).
  const pagePolicy = contentSecurityPolicy("/", allowed);
  const embedPolicy = contentSecurityPolicy(EMBED_PREFIX, allowed);
  app.addHook("onSend", (request, reply, payload, done) => {
    // The path is what precedes the query: `/embed/…?x` is an embed, `/api/x?u=/embed/` is not.
    const embed = request.url.startsWith(EMBED_PREFIX);
    // Set, never appended: a route or plugin that set its own policy is overridden, so there is one header.
    reply.header("content-security-policy", embed ? embedPolicy : pagePolicy);
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "no-referrer");
    if (!embed) reply.header("x-frame-options", "DENY");
    else reply.removeHeader("x-frame-options");
    done(null, payload);
  });
}
