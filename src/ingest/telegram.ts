// Telegram: Desktop JSON exports (result.json) and public channel web previews (t.me/s/<channel>).
import { parseHTML } from "linkedom";
import { MAX_YEAR, MIN_YEAR, isValidIsoTime, isoTimeProblem, unixToIso } from "../iso-time.js";

export interface TelegramPost {
  channel: string;
  postId: string;
  published: string | null;
  text: string;
}

type Entity = string | { type?: string; text?: unknown } | null;

/** A message's text: a string, or an array of strings and entities `{type, text}` (anything else counts as no text). */
export function entitiesText(text: unknown): string {
  if (typeof text === "string") return text;
  if (Array.isArray(text)) {
    return (text as Entity[]).map((e) => (typeof e === "string" ? e : e && typeof e === "object" && typeof e.text === "string" ? e.text : "")).join("");
  }
  return "";
}

export function isTelegramExport(json: unknown): json is { name?: string; messages: unknown[] } {
  return typeof json === "object" && json !== null && Array.isArray((json as { messages?: unknown }).messages);
}

/** A message of an export that is not ingested, and why. */
export interface RejectedPost {
  postId: string;
  reason: string;
}

function scalar(v: unknown): string | null {
  return typeof v === "string" || typeof v === "number" ? String(v) : null;
}

/**
 * The publication time of an export message, checked: `date_unixtime` (exact) or `date` (local time). A message
 * whose time is impossible (`9999-99-99T99:00:00`) is rejected with the reason, not stored with a date that would
 * top every list.
 */
function messageTime(msg: { date?: unknown; date_unixtime?: unknown }): { published: string | null } | { reason: string } {
  let fromDate: string | null = null;
  if (msg.date !== undefined && msg.date !== null) {
    const problem = typeof msg.date === "string" ? isoTimeProblem(msg.date) : "is not a string";
    if (problem) return { reason: `its date "${String(msg.date).slice(0, 40)}" ${problem}` };
    fromDate = msg.date as string;
  }
  if (msg.date_unixtime !== undefined && msg.date_unixtime !== null) {
    const iso = unixToIso(Number(msg.date_unixtime));
    if (!iso) return { reason: `its date_unixtime "${String(msg.date_unixtime).slice(0, 40)}" is not a time between ${MIN_YEAR} and ${MAX_YEAR}` };
    return { published: iso };
  }
  return { published: fromDate };
}

/** Messages of a Desktop export: each message with text is one post; messages with an impossible date are rejected. */
export function readExport(json: { name?: unknown; username?: unknown; id?: unknown; messages: unknown[] }): { posts: TelegramPost[]; rejected: RejectedPost[] } {
  const channel = scalar(json.username) ?? scalar(json.name) ?? scalar(json.id) ?? "telegram";
  const posts: TelegramPost[] = [];
  const rejected: RejectedPost[] = [];
  for (const m of json.messages) {
    if (typeof m !== "object" || m === null || Array.isArray(m)) continue;
    const msg = m as { id?: unknown; type?: unknown; date?: unknown; date_unixtime?: unknown; text?: unknown };
    if (msg.type !== undefined && msg.type !== "message") continue;
    const text = entitiesText(msg.text).trim();
    const postId = scalar(msg.id);
    if (!text || postId === null) continue;
    const time = messageTime(msg);
    if ("reason" in time) {
      rejected.push({ postId, reason: `message ${postId} rejected: ${time.reason}` });
      continue;
    }
    posts.push({ channel, postId, published: time.published, text });
  }
  return { posts, rejected };
}

/** The valid posts of an export (see readExport for the rejected ones). */
export function exportPosts(json: { name?: unknown; username?: unknown; id?: unknown; messages: unknown[] }): TelegramPost[] {
  return readExport(json).posts;
}

export function telegramPreviewChannel(url: string): string | null {
  const m = /^https?:\/\/(?:www\.)?t\.me\/s\/([A-Za-z0-9_]+)/.exec(url);
  return m ? m[1]! : null;
}

export function looksLikeTelegramPreview(html: string): boolean {
  return html.includes("tgme_widget_message") && html.includes("data-post=");
}

/** Posts of a channel's web preview page: `.tgme_widget_message[data-post]` blocks. */
export function previewPosts(html: string): TelegramPost[] {
  const { document } = parseHTML(html);
  const out: TelegramPost[] = [];
  for (const el of document.querySelectorAll(".tgme_widget_message[data-post]")) {
    const dataPost = el.getAttribute("data-post") ?? "";
    const [channel, postId] = dataPost.split("/");
    if (!channel || !postId) continue;
    const textEl = el.querySelector(".tgme_widget_message_text");
    if (!textEl) continue;
    for (const br of textEl.querySelectorAll("br")) br.replaceWith("\n");
    const text = (textEl.textContent ?? "").replace(/[ \t]+\n/g, "\n").trim();
    if (!text) continue;
    const datetime = el.querySelector("time[datetime]")?.getAttribute("datetime") ?? null;
    // An impossible time on a preview page is dropped (the post is still read, without a publication time).
    const time = datetime && isValidIsoTime(datetime) ? datetime : null;
    out.push({ channel, postId, published: time, text });
  }
  return out;
}
