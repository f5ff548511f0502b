// A local HTTP server on 127.0.0.1 serving fixed pages, with ETag / Last-Modified and request counting.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Page {
  status?: number;
  type?: string;
  body: string;
  etag?: string;
}

export interface LocalServer {
  base: string;
  pages: Map<string, Page>;
  hits: Map<string, number>;
  conditionalHits: Map<string, number>;
  close(): Promise<void>;
}

export async function serve(pages: Record<string, Page>): Promise<LocalServer> {
  const map = new Map(Object.entries(pages));
  const hits = new Map<string, number>();
  const conditionalHits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = req.url ?? "/";
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const p = map.get(path);
    if (!p) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    if (p.etag && req.headers["if-none-match"] === p.etag) {
      conditionalHits.set(path, (conditionalHits.get(path) ?? 0) + 1);
      res.writeHead(304, { etag: p.etag }).end();
      return;
    }
    const headers: Record<string, string> = { "content-type": p.type ?? "text/html; charset=utf-8" };
    if (p.etag) headers.etag = p.etag;
    res.writeHead(p.status ?? 200, headers).end(p.body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    pages: map,
    hits,
    conditionalHits,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export function article(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><title>${title}</title><meta property="og:site_name" content="Test Wire"></head>` +
    `<body><nav>Home | World</nav><article><h1>${title}</h1><p>${body}</p><p>More details will follow as the authorities report them to the press.</p></article></body></html>`;
}

export function rss(items: Array<{ title: string; link?: string; description?: string; guid: string }>): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test feed</title>` +
    items
      .map((i) => `<item><title>${i.title}</title>${i.link ? `<link>${i.link}</link>` : ""}<guid>${i.guid}</guid>` +
        `<pubDate>Fri, 04 Jul 2025 08:00:00 GMT</pubDate>${i.description ? `<description><![CDATA[${i.description}]]></description>` : ""}</item>`)
      .join("") +
    `</channel></rss>`;
}

export function atom(entries: Array<{ title: string; link: string; id: string }>): string {
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom test</title>` +
    entries.map((e) => `<entry><title>${e.title}</title><link rel="alternate" href="${e.link}"/><id>${e.id}</id><updated>2025-07-05T06:00:00Z</updated></entry>`).join("") +
    `</feed>`;
}

export function telegramPreview(channel: string, posts: Array<{ id: number; text: string; time: string }>): string {
  return `<!doctype html><html><body><section class="tgme_channel_history">` +
    posts
      .map((p) => `<div class="tgme_widget_message_wrap"><div class="tgme_widget_message text_not_supported_wrap js-widget_message" data-post="${channel}/${p.id}">` +
        `<div class="tgme_widget_message_text js-message_text" dir="auto">${p.text}</div>` +
        `<div class="tgme_widget_message_footer"><a class="tgme_widget_message_date" href="https://t.me/${channel}/${p.id}"><time datetime="${p.time}" class="time">08:00</time></a></div></div></div>`)
      .join("") +
    `</section></body></html>`;
}
