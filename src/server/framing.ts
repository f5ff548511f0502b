import type { FastifyInstance } from "fastify";
import { SalvoError } from "../errors.js";

/**
 * Who may show salvo in a frame. The embeddable pages under /embed/ are made for newsrooms' iframes
 * and allow the configured origins (default: any); every other response, the dashboard and the API
 * included, refuses to be framed, so a page elsewhere cannot overlay the dashboard (clickjacking).
 * The one place that decides; a wider security-header policy takes its `frame-ancestors` from here.
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

export function registerFramePolicy(app: FastifyInstance, allowed: readonly string[]): void {
  app.addHook("onSend", async (request, reply, payload) => {
    const path = request.url.split("?")[0] ?? "/";
    reply.header("content-security-policy", frameAncestors(path, allowed));
    // For browsers without CSP level 2; it has no way to say "these origins", so embeds send none.
    if (!path.startsWith(EMBED_PREFIX)) reply.header("x-frame-options", "DENY");
    return payload;
  });
}
