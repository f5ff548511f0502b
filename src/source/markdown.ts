import { tidyLines } from "./normalize.js";

/**
 * Strips Markdown to the prose a reader sees, line by line: heading markers, emphasis, link targets, images,
 * list markers and quote markers go; code blocks stay as text.
 */
export function markdownToText(markdown: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== null) {
      if (fenceMatch && fenceMatch[1]!.startsWith(fence)) fence = null;
      else out.push(line);
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      continue;
    }
    if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line)) continue; // link reference definition
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      // A setext underline belongs to the heading above; otherwise it is a thematic break.
      out.push("");
      continue;
    }
    if (/^\s{0,3}=+\s*$/.test(line) && out.length > 0 && out[out.length - 1]!.trim() !== "") continue;
    if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line)) continue; // table separator
    const text = inline(blockMarkers(line));
    // A line that held only an image or a comment disappears instead of splitting its paragraph.
    if (text.trim() === "" && line.trim() !== "") continue;
    out.push(text);
  }
  return tidyLines(out.join("\n"));
}

function blockMarkers(line: string): string {
  let s = line;
  s = s.replace(/^(\s{0,3}>\s?)+/, "");
  const heading = /^\s{0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$/.exec(s);
  if (heading) return heading[1] ?? "";
  s = s.replace(/^\s*[-*+]\s+(\[[ xX]\]\s+)?/, "");
  s = s.replace(/^\s*\d{1,3}[.)]\s+/, "");
  if (/^\s*\|.*\|\s*$/.test(s)) {
    s = s
      .trim()
      .replace(/^\||\|$/g, "")
      .split("|")
      .map((c) => c.trim())
      .join(" | ");
  }
  return s;
}

function inline(line: string): string {
  let s = line;
  // Escaped characters and inline code are literal: set them aside before the markup rules run.
  const codes: string[] = [];
  s = s.replace(/\\([\\`*_{}[\]()#+\-.!>|~])/g, (_m, c: string) => {
    codes.push(c);
    return `\uE000${codes.length - 1}\uE001`;
  });
  s = s.replace(/(`+)([^`]+)\1(?!`)/g, (_m, _t: string, code: string) => {
    codes.push(code.trim());
    return `\uE000${codes.length - 1}\uE001`;
  });
  // Every run below is bounded or excludes its own delimiter, so that a hostile line cannot make them quadratic.
  s = s.replace(/\s?!\[[^[\]]{0,500}\]\([^()]{0,2000}\)/g, ""); // images
  s = s.replace(/!\[[^[\]]{0,500}\]\[[^[\]]{0,200}\]/g, "");
  s = s.replace(/\[([^[\]]{1,500})\]\((?:[^()\s]|\([^()\s]{0,500}\)){0,2000}(?:\s+"[^"]{0,500}")?\)/g, "$1"); // links
  s = s.replace(/\[([^[\]]{1,500})\]\[[^[\]]{0,200}\]/g, "$1"); // reference links
  s = s.replace(/<((?:https?|mailto):[^>\s]+)>/g, "$1"); // autolinks
  s = stripComments(s);
  s = s.replace(/<\/?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?\/?>/g, ""); // inline HTML tags
  // Single emphasis first, so that `**a *b* c**` is left as plain strong text for the next rule.
  s = s.replace(/(^|[^\p{L}\p{N}_*])\*(?=[^\s*])([^*\n]{0,1000}?[^\s*])\*(?![\p{L}\p{N}_*])/gu, "$1$2");
  s = s.replace(/(^|[^\p{L}\p{N}_])_(?=[^\s_])([^_\n]{0,1000}?[^\s_])_(?![\p{L}\p{N}_])/gu, "$1$2");
  s = s.replace(/\*\*(?=[^\s*])([^*\n]{0,1000}?[^\s*])\*\*/g, "$1");
  s = s.replace(/__(?=[^\s_])([^_\n]{0,1000}?[^\s_])__/g, "$1");
  s = s.replace(/~~(?=[^\s~])([^~\n]{0,1000}?[^\s~])~~/g, "$1");
  s = s.replace(/\uE000(\d+)\uE001/g, (_m, i: string) => codes[Number(i)] ?? "");
  return s;
}

function stripComments(s: string): string {
  let out = "";
  let from = 0;
  for (;;) {
    const open = s.indexOf("<!--", from);
    if (open < 0) break;
    const close = s.indexOf("-->", open + 4);
    if (close < 0) break;
    out += s.slice(from, open);
    from = close + 3;
  }
  return out + s.slice(from);
}
