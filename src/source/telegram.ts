import type { DomDocument, DomElement } from "./dom.js";
import { firstDate } from "./html-meta.js";
import { blockText } from "./html-text.js";

export interface TelegramPost {
  text: string;
  published: string | null;
  publisher: string | null;
  url: string | null;
}

/**
 * A Telegram post page (t.me/<channel>/<id>?embed=1, or a t.me/s/<channel> feed): the post's own text, time and
 * channel. In a feed the post named by the URL is taken, else the page must hold a single post. A plain
 * t.me/<channel>/<id> page only carries the text in og:description. Null when the page is not Telegram's.
 */
export function readTelegramPost(doc: DomDocument, baseUrl: string | undefined): TelegramPost | null {
  const messages = Array.from(doc.querySelectorAll(".tgme_widget_message"));
  const wanted = postIdFromUrl(baseUrl);
  if (messages.length > 0) {
    const message =
      (wanted ? messages.find((m) => m.getAttribute("data-post")?.toLowerCase() === wanted.toLowerCase()) : undefined) ??
      (messages.length === 1 ? messages[0] : undefined);
    if (!message) return null;
    return fromWidget(message);
  }
  if (isTelegramHost(baseUrl) && wanted) {
    const text = doc.querySelector('meta[property="og:description"]')?.getAttribute("content")?.trim();
    if (!text) return null;
    const channel = doc.querySelector('meta[property="og:title"]')?.getAttribute("content")?.trim() || null;
    return { text, published: null, publisher: channel, url: `https://t.me/${wanted}` };
  }
  return null;
}

function fromWidget(message: DomElement): TelegramPost | null {
  const body = message.querySelector(".tgme_widget_message_text");
  if (!body) return null;
  const text = blockText(body);
  const time = message.querySelector(".tgme_widget_message_date time")?.getAttribute("datetime") ?? null;
  const owner = message.querySelector(".tgme_widget_message_owner_name")?.textContent?.replace(/\s+/g, " ").trim();
  const post = message.getAttribute("data-post");
  return {
    text,
    published: firstDate(time),
    publisher: owner || null,
    url: post ? `https://t.me/${post}` : null,
  };
}

function isTelegramHost(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return /^(t\.me|telegram\.me)$/i.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** `channel/123` from t.me/channel/123, t.me/s/channel/123 or ?embed=1 variants. */
function postIdFromUrl(url: string | undefined): string | null {
  if (!isTelegramHost(url)) return null;
  const path = new URL(url!).pathname.replace(/^\/s\//, "/");
  const m = /^\/([A-Za-z0-9_]{4,})\/(\d+)\/?$/.exec(path);
  return m ? `${m[1]}/${m[2]}` : null;
}
