// Telegram: Desktop JSON exports (result.json) and public channel web previews (t.me/s/<channel>).
import { parseHTML } from "linkedom";

export interface TelegramPost {
  channel: string;
  postId: string;
  published: string | null;
  text: string;
}

type Entity = string | { type?: string; text?: string };

export function entitiesText(text: unknown): string {
  if (typeof text === "string") return text;
  if (Array.isArray(text)) return (text as Entity[]).map((e) => (typeof e === "string" ? e : (e.text ?? ""))).join("");
  return "";
}

export function isTelegramExport(json: unknown): json is { name?: string; messages: unknown[] } {
  return typeof json === "object" && json !== null && Array.isArray((json as { messages?: unknown }).messages);
}

/** Messages of a Desktop export: each message with text is one post. */
export function exportPosts(json: { name?: string; username?: string; id?: number | string; messages: unknown[] }): TelegramPost[] {
  const channel = String(json.username ?? json.name ?? json.id ?? "telegram");
  const out: TelegramPost[] = [];
  for (const m of json.messages) {
    if (typeof m !== "object" || m === null) continue;
    const msg = m as { id?: number | string; type?: string; date?: string; date_unixtime?: string | number; text?: unknown };
    if (msg.type && msg.type !== "message") continue;
    const text = entitiesText(msg.text).trim();
    if (!text || msg.id === undefined) continue;
    const unix = msg.date_unixtime !== undefined ? Number(msg.date_unixtime) : NaN;
    const published = Number.isFinite(unix) && Math.abs(unix) < 8.64e12 ? new Date(unix * 1000).toISOString() : (msg.date ?? null);
    out.push({ channel, postId: String(msg.id), published, text });
  }
  return out;
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
    const time = el.querySelector("time[datetime]")?.getAttribute("datetime") ?? null;
    out.push({ channel, postId, published: time, text });
  }
  return out;
}
