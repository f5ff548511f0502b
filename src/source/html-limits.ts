import { SalvoError } from "../errors.js";

/**
 * Cheap checks of an HTML page's shape before it is parsed. Parsing a page nested 75,000 levels deep takes the DOM
 * library seconds (and walking it recursively overflows the stack), so depth is measured on the markup itself, in
 * one linear pass, and a page beyond the limit is refused with its reason instead of being parsed.
 */

/** Deeper than any real article (news pages nest a few dozen levels, rarely a few hundred). */
export const MAX_HTML_DEPTH = 2_000;
/** Elements in one page: real articles hold a few thousand; this leaves room for heavy templates. */
export const MAX_HTML_ELEMENTS = 200_000;

/** Elements that never hold content, and those a parser closes implicitly (an unclosed <p> or <li> is not nesting). */
const NO_DEPTH = new Set([
  "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
  "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "thead", "tbody", "tfoot", "colgroup",
]);
/** Their content is text, not markup. */
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "noscript", "template"]);

const TAG = /<(!--|\/?)([a-zA-Z][a-zA-Z0-9:-]*)?/g;

function tooComplex(message: string): SalvoError {
  return new SalvoError("SALVO_INPUT_TOO_COMPLEX", message);
}

/** Throws SALVO_INPUT_TOO_COMPLEX when the markup nests deeper than MAX_HTML_DEPTH or holds more than MAX_HTML_ELEMENTS elements. */
export function checkHtmlShape(html: string, limits: { maxDepth?: number; maxElements?: number } = {}): void {
  const maxDepth = limits.maxDepth ?? MAX_HTML_DEPTH;
  const maxElements = limits.maxElements ?? MAX_HTML_ELEMENTS;
  let depth = 0;
  let elements = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m !== null; m = TAG.exec(html)) {
    if (m[1] === "!--") {
      const end = html.indexOf("-->", TAG.lastIndex);
      if (end < 0) return;
      TAG.lastIndex = end + 3;
      continue;
    }
    const name = m[2]?.toLowerCase();
    if (!name) continue;
    const gt = html.indexOf(">", TAG.lastIndex);
    if (gt < 0) return;
    const selfClosing = html.charCodeAt(gt - 1) === 47; /* "/" */
    TAG.lastIndex = gt + 1;
    if (m[1] === "/") {
      if (!NO_DEPTH.has(name) && depth > 0) depth--;
      continue;
    }
    if (++elements > maxElements) {
      throw tooComplex(`the HTML page has more than ${maxElements.toLocaleString("en")} elements; salvo reads one article at a time`);
    }
    if (RAW_TEXT.has(name)) {
      const closer = new RegExp(`</${name}`, "gi");
      closer.lastIndex = TAG.lastIndex;
      const close = closer.exec(html);
      if (!close) return;
      TAG.lastIndex = close.index;
      continue;
    }
    if (selfClosing || NO_DEPTH.has(name)) continue;
    if (++depth > maxDepth) {
      throw tooComplex(`the HTML page nests elements more than ${maxDepth.toLocaleString("en")} levels deep; no article does, so it is not read`);
    }
  }
}
