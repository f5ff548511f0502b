import type { ReadHint, SourceFormat } from "./types.js";

const EXTENSIONS: Record<string, SourceFormat> = {
  html: "html",
  htm: "html",
  xhtml: "html",
  md: "markdown",
  markdown: "markdown",
  mdown: "markdown",
  txt: "text",
  text: "text",
};

/** The format stated by the file name, the content type or the URL; null when none says. */
export function declaredFormat(hint: ReadHint): SourceFormat | null {
  const mime = hint.contentType?.split(";")[0]?.trim().toLowerCase();
  if (mime === "text/html" || mime === "application/xhtml+xml") return "html";
  if (mime === "text/markdown" || mime === "text/x-markdown") return "markdown";
  for (const name of [hint.filename, urlPath(hint.url)]) {
    const ext = name ? /\.([A-Za-z]+)$/.exec(name)?.[1]?.toLowerCase() : undefined;
    if (ext && EXTENSIONS[ext]) return EXTENSIONS[ext];
  }
  if (mime === "text/plain") return "text";
  return null;
}

function urlPath(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).pathname;
  } catch {
    return undefined;
  }
}

const HTML_START = /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i;
const HTML_TAG = /<\/?(p|div|br|body|head|article|section|span|a\s+href|h[1-6]|ul|ol|li|meta|title|script|table)\b[^<>]{0,2000}>/gi;

/** Guesses the format from the text itself. */
export function sniffFormat(text: string): SourceFormat {
  const head = text.slice(0, 64 * 1024);
  if (HTML_START.test(head)) return "html";
  const tags = head.match(HTML_TAG)?.length ?? 0;
  if (tags >= 4 && /<\/(p|div|body|li|h[1-6]|article)>/i.test(head)) return "html";
  if (markdownScore(head) >= 2) return "markdown";
  return "text";
}

/** Counts distinct kinds of Markdown syntax; plain Telegram posts rarely show two of them. */
function markdownScore(text: string): number {
  const signs = [
    /^#{1,6}\s+\S/m, // ATX heading
    /\[[^[\]\n]{1,500}\]\((https?:\/\/|\/|#)[^()\s]*\)/, // link
    /!\[[^[\]\n]{0,500}\]\([^()\s]+\)/, // image
    /^```/m, // code fence
    /(^|[^*\w])\*\*[^*\n]+\*\*(?!\*)/, // strong
    /(^|[^_\w])__[^_\n]+__(?!_)/,
    /^\s{0,3}>\s/m, // block quote
    /^[^\n]+\n(=+|-+)\s*$/m, // setext heading
  ];
  return signs.filter((re) => re.test(text)).length;
}
