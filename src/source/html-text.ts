import { type DomElement, type DomNode, TEXT_NODE, isElement } from "./dom.js";
import { tidyLines } from "./normalize.js";

/** Elements whose content is never prose. */
const SKIP = new Set([
  "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IFRAME", "CANVAS", "BUTTON", "SELECT", "INPUT",
  "TEXTAREA", "HEAD", "TITLE", "OBJECT", "EMBED", "VIDEO", "AUDIO", "MAP", "IMG", "PICTURE", "SOURCE",
]);

/** Blocks that end a paragraph: a blank line before and after. */
const PARAGRAPH = new Set([
  "P", "H1", "H2", "H3", "H4", "H5", "H6", "BLOCKQUOTE", "PRE", "TABLE", "UL", "OL", "DL", "FIGURE",
  "HR", "ADDRESS", "FORM", "FIELDSET",
]);

/** Blocks that only start a new line. */
const LINE = new Set([
  "DIV", "LI", "TR", "DT", "DD", "FIGCAPTION", "SECTION", "ARTICLE", "HEADER", "FOOTER", "NAV", "ASIDE",
  "MAIN", "CAPTION", "DETAILS", "SUMMARY", "TBODY", "THEAD", "TFOOT", "BODY", "HTML", "CENTER", "TIME-BLOCK",
]);

const CELL = new Set(["TD", "TH"]);

/** Selectors removed before the fallback walk: site chrome that Readability would have dropped. */
export const CHROME_SELECTORS = [
  "nav", "footer", "aside", "form", "menu", "[role=navigation]", "[role=banner]", "[role=contentinfo]",
  "[role=complementary]", "[aria-hidden=true]", "[hidden]",
];

/**
 * The readable text under an element, keeping its block structure: headings and paragraphs separated by a blank
 * line, list items and table rows on their own lines, inline whitespace collapsed.
 */
export function blockText(root: DomNode): string {
  const w = new Writer();
  walk(root, w);
  return tidyLines(w.finish());
}

/** One step of the walk: a node to enter, or the end of an element whose block break is still owed. */
type Step = { node: DomNode; pre: boolean } | { close: number };

/**
 * Depth-first over the tree with an explicit stack, not recursion: a page nested tens of thousands of levels deep
 * must not overflow the call stack (read-html checks depth before parsing, this keeps the walk safe regardless).
 */
function walk(root: DomNode, w: Writer): void {
  const stack: Step[] = [{ node: root, pre: false }];
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    if ("close" in step) {
      w.brk(step.close);
      continue;
    }
    const { node, pre } = step;
    if (node.nodeType === TEXT_NODE) {
      w.text(node.textContent ?? "", pre);
      continue;
    }
    if (!isElement(node)) {
      // Document and fragment nodes: their children only.
      if (node.nodeType === 9 || node.nodeType === 11) pushChildren(stack, node, pre);
      continue;
    }
    const tag = node.tagName.toUpperCase();
    if (SKIP.has(tag)) continue;
    if (tag === "BR") {
      w.newline();
      continue;
    }
    const level = PARAGRAPH.has(tag) ? 2 : LINE.has(tag) ? 1 : 0;
    if (level) w.brk(level);
    if (CELL.has(tag)) w.cell();
    if (level) stack.push({ close: level });
    pushChildren(stack, node, pre || tag === "PRE");
  }
}

/** Children pushed last-first so that they pop in document order. */
function pushChildren(stack: Step[], node: DomNode, pre: boolean): void {
  const children = node.childNodes;
  for (let i = children.length - 1; i >= 0; i--) {
    const c = children[i];
    if (c) stack.push({ node: c, pre });
  }
}

/** Collects text with pending line breaks; output is kept in chunks because huge pages make string appends slow. */
class Writer {
  private readonly parts: string[] = [];
  /** Newlines at the end of what was written so far (0, 1 or 2 matter). */
  private trailing = 0;
  private line = "";
  private pending = 0;

  text(raw: string, pre: boolean): void {
    if (pre) {
      const parts = raw.split("\n");
      parts.forEach((p, i) => {
        if (i > 0) this.newline();
        if (p) this.append(p);
      });
      return;
    }
    const s = raw.replace(/[ \t\n\r\f]+/g, " ");
    if (s === " " || s === "") {
      if (s === " " && this.line && !this.line.endsWith(" ")) this.line += " ";
      return;
    }
    this.append(this.line === "" ? s.replace(/^ /, "") : s);
  }

  /** A table cell after the first in its row is set off by a separator. */
  cell(): void {
    if (this.line.trim() !== "" && this.pending === 0) this.line = this.line.replace(/ +$/, "") + " | ";
  }

  newline(): void {
    this.flushPending();
    this.emit(this.line.replace(/ +$/, "") + "\n");
    this.line = "";
  }

  brk(level: number): void {
    if (this.line.trim() !== "") {
      this.emit(this.line.replace(/ +$/, ""));
      this.line = "";
      this.pending = Math.max(this.pending, level);
    } else if (this.parts.length > 0) {
      this.line = "";
      this.pending = Math.max(this.pending, level);
    }
  }

  private emit(s: string): void {
    if (s === "") return;
    this.parts.push(s);
    const m = /\n*$/.exec(s)![0].length;
    this.trailing = m === s.length ? this.trailing + m : m;
  }

  private append(s: string): void {
    this.flushPending();
    this.line += s;
  }

  private flushPending(): void {
    if (this.pending && this.parts.length > 0) {
      this.emit("\n".repeat(Math.max(0, (this.pending >= 2 ? 2 : 1) - this.trailing)));
    }
    this.pending = 0;
  }

  finish(): string {
    return this.parts.join("") + this.line;
  }
}

/** Removes site chrome in place (the caller owns the document). */
export function removeChrome(root: DomElement): void {
  for (const sel of CHROME_SELECTORS) for (const el of Array.from(root.querySelectorAll(sel))) el.remove();
}
