// RSS 2.0 and Atom feeds → items (link, title, published, inline content).
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { isValidIsoTime } from "../iso-time.js";

export interface FeedItem {
  id: string;
  link: string | null;
  title: string | null;
  published: string | null;
  /** HTML or text given in the feed itself (used when the item has no link). */
  content: string | null;
}

export interface Feed {
  title: string | null;
  items: FeedItem[];
}

export function looksLikeFeed(text: string, contentType: string | null): boolean {
  if (contentType && /(rss|atom)\+xml/.test(contentType)) return true;
  const head = text.slice(0, 2000);
  return /<rss[\s>]/i.test(head) || /<feed[\s>][^]*xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/i.test(head) || /<rdf:RDF/i.test(head);
}

function str(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "string") return v.trim() || null;
  if (typeof v === "number") return String(v);
  if (typeof v === "object" && "#text" in (v as Record<string, unknown>)) return str((v as Record<string, unknown>)["#text"]);
  return null;
}

function arr<T>(v: T | T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** A feed's date (RFC 822 or ISO 8601) as ISO 8601; null when it is not a real time (never the raw string). */
function iso(s: string | null): string | null {
  if (!s) return null;
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) return null;
  const out = d.toISOString();
  return isValidIsoTime(out) ? out : null;
}

/** Parses a feed; throws an Error with a readable message when the XML is not a feed. */
export function parseFeed(xml: string): Feed {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", processEntities: true, htmlEntities: true });
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`malformed feed XML: ${valid.err.msg} (line ${valid.err.line})`);
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml) as Record<string, unknown>;
  } catch (e) {
    throw new Error(`malformed feed XML: ${(e as Error).message}`);
  }
  const rss = doc.rss as Record<string, unknown> | undefined;
  const rdf = doc["rdf:RDF"] as Record<string, unknown> | undefined;
  if (rss || rdf) {
    const channel = ((rss?.channel ?? rdf?.channel) ?? {}) as Record<string, unknown>;
    const rawItems = arr((channel.item ?? rdf?.item) as Record<string, unknown> | Record<string, unknown>[] | undefined);
    return {
      title: str(channel.title),
      items: rawItems.map((it, i) => {
        const link = str(it.link);
        return {
          id: str(it.guid) ?? link ?? `item-${i}`,
          link,
          title: str(it.title),
          published: iso(str(it.pubDate) ?? str(it["dc:date"])),
          content: str(it["content:encoded"]) ?? str(it.description),
        };
      }),
    };
  }
  const feed = doc.feed as Record<string, unknown> | undefined;
  if (feed) {
    return {
      title: str(feed.title),
      items: arr(feed.entry as Record<string, unknown> | Record<string, unknown>[] | undefined).map((e, i) => {
        const links = arr(e.link as Record<string, unknown> | Record<string, unknown>[] | undefined);
        const alt = links.find((l) => !l["@_rel"] || l["@_rel"] === "alternate") ?? links[0];
        const link = alt ? str(alt["@_href"]) : null;
        return {
          id: str(e.id) ?? link ?? `entry-${i}`,
          link,
          title: str(e.title),
          published: iso(str(e.published) ?? str(e.updated)),
          content: str(e.content) ?? str(e.summary),
        };
      }),
    };
  }
  throw new Error("not an RSS or Atom feed (no <rss> or <feed> root)");
}
