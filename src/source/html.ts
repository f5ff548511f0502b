import { Readability, isProbablyReaderable } from "@mozilla/readability";
import { type DomElement, type DomNode, parseDocument } from "./dom.js";
import { type HtmlMeta, readHtmlMeta, toLang } from "./html-meta.js";
import { checkHtmlShape } from "./html-limits.js";
import { blockText, removeChrome } from "./html-text.js";
import { normalizeText, tidyLines } from "./normalize.js";
import { readTelegramPost } from "./telegram.js";

export interface HtmlResult extends Omit<HtmlMeta, "articleBody"> {
  text: string;
}

type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];

/** Below this many characters Readability's pick is likely a fragment (a caption, a teaser), not the article. */
const MIN_ARTICLE_CHARS = 80;

/**
 * Readability's cost grows faster than the page's text (it re-reads the text of candidates' ancestors): about 3 s
 * for 1.7 M characters under linkedom. Pages with more text than this, never a single article, get the plain walk.
 */
const READABILITY_MAX_TEXT = 500_000;

/**
 * The article of an HTML page as text with its block structure, and the page's metadata. Readability picks the
 * article; when it finds none, the body without scripts, navigation and footers is used.
 */
export function readHtml(html: string, baseUrl?: string): HtmlResult {
  checkHtmlShape(html);
  const doc = parseDocument(html);
  const meta = readHtmlMeta(doc, baseUrl);
  const post = readTelegramPost(doc, baseUrl);
  if (post) {
    const { articleBody: _unused, ...pageMeta } = meta;
    // A post has no headline: og:title is the channel's name, not the post's.
    return {
      ...pageMeta,
      title: null,
      published: post.published ?? meta.published,
      publisher: post.publisher ?? meta.publisher,
      url: post.url ?? meta.url,
      text: normalizeText(post.text),
    };
  }
  const fallbackTitle = firstLine(doc.title) ?? firstLine(doc.querySelector("h1")?.textContent ?? null);

  let body: string | null = null;
  let articleTitle: string | null = null;
  let siteName: string | null = null;
  let publishedTime: string | null = null;
  let lang: string | null = null;
  // Readability mutates the document it parses, so the readerable check comes first.
  const readerable =
    (doc.body?.textContent?.length ?? 0) <= READABILITY_MAX_TEXT &&
    isProbablyReaderable(doc as unknown as ReadabilityDocument, { minContentLength: 60, minScore: 10 });
  if (readerable) {
    try {
      const article = new Readability(doc as unknown as ReadabilityDocument, {
        serializer: (n) => n as unknown as DomNode,
      }).parse();
      if (article?.content) {
        const text = blockText(article.content);
        if (text.length >= MIN_ARTICLE_CHARS) body = text;
        articleTitle = firstLine(article.title ?? null);
        siteName = firstLine(article.siteName ?? null);
        publishedTime = article.publishedTime ?? null;
        lang = article.lang ?? null;
      }
    } catch {
      // Readability can trip on odd markup; the plain walk below still reads the page.
    }
  }
  if (body === null) {
    const fresh = parseDocument(html);
    const root: DomElement | null = fresh.body ?? fresh.documentElement;
    if (root) {
      removeChrome(root);
      body = blockText(root);
    } else {
      body = "";
    }
    // Pages rendered by scripts leave little in the markup but often carry the article in JSON-LD.
    if (meta.articleBody && meta.articleBody.length > body.length * 2) {
      const ld = meta.articleBody;
      body = /<(p|br|div)\b[^>]*>/i.test(ld) ? blockText(parseDocument(ld)) : tidyLines(ld);
    }
  }

  const publisher = meta.publisher ?? siteName;
  const title = cleanTitle(meta.title ?? articleTitle ?? fallbackTitle, publisher);
  const text = normalizeText(withTitle(body, title));
  const { articleBody: _unused, ...pageMeta } = meta;
  return {
    ...pageMeta,
    title,
    publisher,
    published: meta.published ?? isoOrNull(publishedTime),
    lang: meta.lang ?? toLang(lang),
    text,
  };
}

function firstLine(s: string | null): string | null {
  const t = s?.replace(/\s+/g, " ").trim();
  return t ? t : null;
}

function isoOrNull(s: string | null): string | null {
  return s && /^\d{4}-\d{2}-\d{2}/.test(s.trim()) ? s.trim() : null;
}

/** Drops a trailing "| Site" or "- Site" that pages append to their titles. */
function cleanTitle(title: string | null, publisher: string | null): string | null {
  if (!title || !publisher) return title;
  const esc = publisher.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const cleaned = title.replace(new RegExp(`\\s*[|\\-–—:·•]\\s*${esc}\\s*$`, "i"), "").trim();
  return cleaned || title;
}

const comparable = (s: string): string =>
  s
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\s\p{P}]+/gu, " ")
    .trim();

/**
 * Puts the headline on the first line unless the article already opens with it (in its first lines, after a kicker): headlines often hold the
 * figures ("550 drones and missiles…") and Readability removes the `<h1>` it takes as the title.
 */
export function withTitle(body: string, title: string | null): string {
  if (!title) return body;
  const t = comparable(title);
  if (!t) return body;
  const opening = body
    .slice(0, 4000)
    .split("\n")
    .filter((l) => l.trim() !== "")
    .slice(0, 3)
    .map(comparable);
  if (opening.some((l) => l.startsWith(t) || restates(l, t))) return body;
  return body ? `${title}\n\n${body}` : title;
}

/**
 * A line restates the headline when it has every figure of it and most of its words: pages often put a longer
 * or reworded `<h1>` under a shorter og:title.
 */
function restates(line: string, title: string): boolean {
  const words = new Set(line.split(" "));
  const titleWords = title.split(" ");
  if (titleWords.some((w) => /\d/.test(w) && !words.has(w))) return false;
  const shared = titleWords.filter((w) => words.has(w)).length;
  return shared / titleWords.length >= 0.7 && line.split(" ").length <= titleWords.length * 2 + 3;
}
