import { LANGS, type Lang } from "../model/index.js";
import type { DomDocument } from "./dom.js";

export interface HtmlMeta {
  title: string | null;
  published: string | null;
  updated: string | null;
  lang: Lang | null;
  url: string | null;
  publisher: string | null;
  /** JSON-LD `articleBody`: the text of pages whose markup is filled in by scripts. */
  articleBody: string | null;
}

/** Page metadata from meta tags, `<html lang>`, the canonical link and JSON-LD (also inside `@graph`). */
export function readHtmlMeta(doc: DomDocument, baseUrl: string | undefined): HtmlMeta {
  const ld = jsonLdNodes(doc);
  const ldString = (key: string): string | null => {
    for (const n of ld) {
      const v = n[key];
      if (typeof v === "string" && v.trim()) return decodeEntities(v.trim());
    }
    return null;
  };

  const title = firstText(
    ldString("headline"),
    meta(doc, "property", "og:title"),
    meta(doc, "name", "twitter:title"),
  );
  const published = firstDate(
    meta(doc, "property", "article:published_time"),
    ldString("datePublished"),
    meta(doc, "itemprop", "datePublished"),
    attr(doc, "time[itemprop=datePublished]", "datetime"),
    meta(doc, "property", "og:published_time"),
    meta(doc, "name", "pubdate"),
    meta(doc, "name", "publishdate"),
    meta(doc, "name", "parsely-pub-date"),
    meta(doc, "name", "dc.date"),
    meta(doc, "name", "DC.date.issued"),
    meta(doc, "name", "date"),
  );
  const updated = firstDate(
    meta(doc, "property", "article:modified_time"),
    ldString("dateModified"),
    meta(doc, "itemprop", "dateModified"),
    meta(doc, "property", "og:updated_time"),
  );
  const lang = firstLang(
    doc.documentElement?.getAttribute("lang") ?? null,
    doc.documentElement?.getAttribute("xml:lang") ?? null,
    meta(doc, "http-equiv", "content-language"),
    meta(doc, "property", "og:locale"),
    ldString("inLanguage"),
  );
  const url = firstUrl(
    baseUrl,
    attr(doc, "link[rel=canonical]", "href"),
    meta(doc, "property", "og:url"),
    ldString("url"),
  );
  const publisher = firstText(meta(doc, "property", "og:site_name"), ldPublisher(ld));
  const articleBody = ldString("articleBody");
  return { title, published, updated, lang, url: url ?? baseUrl ?? null, publisher, articleBody };
}

type LdNode = Record<string, unknown>;

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|LiveBlogPosting|Report|SocialMediaPosting)$/;

/** JSON-LD objects of the page, articles first (a page also describes its site, breadcrumbs and author). */
function jsonLdNodes(doc: DomDocument): LdNode[] {
  const nodes: LdNode[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 6 || v === null || typeof v !== "object") return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const o = v as LdNode;
    nodes.push(o);
    if (o["@graph"]) visit(o["@graph"], depth + 1);
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const raw = (s.textContent ?? "").replace(/^\s*(<!--|<!\[CDATA\[)/, "").replace(/(-->|\]\]>)\s*$/, "");
    try {
      visit(JSON.parse(raw), 0);
    } catch {
      // A broken JSON-LD block is common and not the reader's problem: the other sources remain.
    }
  }
  const isArticle = (n: LdNode): boolean => {
    const t = n["@type"];
    const types = Array.isArray(t) ? t : [t];
    return types.some((x) => typeof x === "string" && ARTICLE_TYPES.test(x));
  };
  return [...nodes.filter(isArticle), ...nodes.filter((n) => !isArticle(n))];
}

function ldPublisher(nodes: LdNode[]): string | null {
  for (const n of nodes) {
    const p = n["publisher"];
    for (const x of Array.isArray(p) ? p : [p]) {
      if (typeof x === "string" && x.trim()) return decodeEntities(x.trim());
      if (x && typeof x === "object") {
        const name = (x as LdNode)["name"];
        if (typeof name === "string" && name.trim()) return decodeEntities(name.trim());
      }
    }
  }
  return null;
}

function meta(doc: DomDocument, key: "property" | "name" | "itemprop" | "http-equiv", value: string): string | null {
  // Attribute values are compared case-insensitively: sites write `og:Title`, `Content-Language`.
  const el = doc.querySelector(`meta[${key}="${value}" i]`) ?? doc.querySelector(`meta[${key}="${value}"]`);
  const content = el?.getAttribute("content")?.trim();
  return content ? content : null;
}

function attr(doc: DomDocument, selector: string, name: string): string | null {
  const v = doc.querySelector(selector)?.getAttribute(name)?.trim();
  return v ? v : null;
}

function firstText(...values: Array<string | null>): string | null {
  for (const v of values) {
    const t = v?.replace(/\s+/g, " ").trim();
    if (t) return t;
  }
  return null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The first value that is a date; ISO values are kept as written (their offset matters), others converted. */
export function firstDate(...values: Array<string | null>): string | null {
  for (const v of values) {
    if (!v) continue;
    const s = v.trim();
    if (ISO_DATE.test(s)) {
      const iso = s.replace(" ", "T").replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
      if (!Number.isNaN(Date.parse(iso.length === 10 ? iso + "T00:00:00Z" : iso))) return iso;
      continue;
    }
    const t = Date.parse(s);
    if (!Number.isNaN(t) && /\d{4}/.test(s)) return new Date(t).toISOString().replace(/\.000Z$/, "Z");
  }
  return null;
}

export function toLang(value: string | null | undefined): Lang | null {
  if (!value) return null;
  const code = value.trim().toLowerCase().split(/[-_]/)[0];
  if (code === "ua") return "uk"; // a frequent mistake on Ukrainian sites
  return (LANGS as readonly string[]).includes(code ?? "") ? (code as Lang) : null;
}

function firstLang(...values: Array<string | null>): Lang | null {
  for (const v of values) {
    const l = toLang(v);
    if (l) return l;
  }
  return null;
}

function firstUrl(base: string | undefined, ...values: Array<string | null>): string | null {
  for (const v of values) {
    if (!v) continue;
    try {
      const u = new URL(v, base);
      if (u.protocol === "http:" || u.protocol === "https:") return u.href;
    } catch {
      // not a URL: try the next source
    }
  }
  return null;
}

const NAMED: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00A0", laquo: "«", raquo: "»",
  mdash: "—", ndash: "–", hellip: "…", rsquo: "’", lsquo: "‘", ldquo: "“", rdquo: "”",
};

/** JSON-LD strings are often HTML-escaped a second time. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}
