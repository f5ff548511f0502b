import type { Span } from "../../model/span.js";
import { inSpan, type Doc } from "../context.js";

/** Rule ids of the caption rules, one per signal. */
export const CAPTION_RULES = {
  cueFirst: "caption/cue-first",
  cueColon: "caption/cue-colon",
  cuePhrase: "caption/cue-phrase",
  credit: "caption/photographer-credit",
  datedCredit: "caption/dated-credit",
} as const;

/** A caption is short: a line of one to three sentences. */
const MAX_SENTENCES = 3;
const MAX_CHARS = 450;

/** Agencies and picture desks that sign photos. */
const AGENCY = String.raw`(?:REUTERS|Reuters|AFP|AP|EPA(?:-EFE)?|EFE|dpa|DPA|Getty Images|Getty|Keystone|KEYSTONE|Anadolu|ANADOLU|Handout|HANDOUT|Sipa|SIPA|Ukrinform|UNIAN|УНІАН|Укрінформ|ТАСС|TASS|РИА Новости)`;
/** "REUTERS/Gleb Garanich", "Kay Nietfeld/dpa", "(AP Photo/Efrem Lukatsky)", "… via Getty Images", "© Reuters". */
const CREDIT_END = new RegExp(
  String.raw`(?:${AGENCY}\s*\/\s*\p{Lu}[\p{L}.'’ -]*|\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s*\/\s*${AGENCY}(?:\s+via\s+${AGENCY})?|\(\s*${AGENCY}\s+(?:Photo|photo|Pool)\s*\/[^()]*\)|via\s+${AGENCY}|©\s*[\p{L} .'’-]+)\s*$`,
  "u",
);
/**
 * "… Ukraine, March 3, 2022. (Reuters)", "… в Брянске, 3 марта 2024 года. (Reuters)": a full date set off by a
 * comma closes the last sentence, and a bare agency in brackets closes the line.
 */
const DATED_AGENCY_END = new RegExp(
  String.raw`,\s*(?:\p{L}+\s+)?(?:\p{L}+\.?\s+\d{1,2}|\d{1,2}\s+\p{L}+\.?),?\s+(?:19|20)\d{2}(?:\s+\p{L}{1,5}\.?)?\s*\.\s*\(\s*${AGENCY}\s*\)\s*$`,
  "u",
);

/**
 * The sentences of photo captions and credit lines. A caption describes an image, often a file photo of
 * another day: it neither dates the report (patterns K1) nor states its facts, and the body it names
 * ("Press service of the State Emergency Service/Handout") is no voice of the article.
 *
 * A line is a caption when it is short (one to three sentences) and
 * - begins with a caption word ("Photo:", "FILE PHOTO:", "На фото", "©"), or
 * - holds a caption word before a colon ("Фото: 5 канал") or a caption phrase ("in this handout picture"), or
 * - ends with a photographer's credit ("REUTERS/Gleb Garanich", "Kay Nietfeld/dpa", "(AP Photo/…)"), or
 * - ends with a bare agency in brackets after a full date set off by a comma, the caption's own dateline
 *   ("…in Dnipro, Ukraine, March 3, 2022. (Reuters)").
 */
export function captionSentences(doc: Doc): Map<number, string> {
  const out = new Map<number, string>();
  const byLine = new Map<number, number[]>();
  doc.sentences.forEach((s, i) => {
    const list = byLine.get(s.line);
    if (list) list.push(i);
    else byLine.set(s.line, [i]);
  });
  for (const idx of byLine.values()) {
    const first = doc.sentences[idx[0]!]!;
    const last = doc.sentences[idx[idx.length - 1]!]!;
    const line = { start: first.start, end: last.end };
    if (idx.length > MAX_SENTENCES || line.end - line.start > MAX_CHARS) continue;
    const rule = captionRule(doc, line);
    if (rule) for (const i of idx) out.set(i, rule);
  }
  return out;
}

function captionRule(doc: Doc, line: Span): string | null {
  const text = doc.text.slice(line.start, line.end);
  const cues = inSpan(doc.m.caption, line);
  // "Photo: …", "FILE PHOTO: …", "На фото - …", "©": a single word opens a caption only with its colon or dash
  // ("Фото последствий опубликовал губернатор" opens a sentence of the story).
  const opening = (c: Span) => /^[\s"“«(\[]*$/.test(doc.text.slice(line.start, c.start));
  const multiword = (c: Span) => /\s/.test(doc.text.slice(c.start, c.end).trim());
  const marked = (c: Span) => /^\s*[:：—–-]/.test(doc.text.slice(c.end, c.end + 3)) || doc.text.slice(c.start, c.end) === "©";
  if (cues.some((c) => opening(c) && (multiword(c) || marked(c)))) return CAPTION_RULES.cueFirst;
  if (cues.some((c) => /^\s*[:：]/.test(doc.text.slice(c.end, c.end + 3)))) return CAPTION_RULES.cueColon;
  if (cues.some((c) => /\s/.test(doc.text.slice(c.start, c.end).trim()))) return CAPTION_RULES.cuePhrase;
  // Each regex scans from every position of the line; a credit needs "/", "via" or "©", a dated one "(":
  // a line with none is skipped at the cost of a substring search.
  if ((text.includes("/") || text.includes("via") || text.includes("©")) && CREDIT_END.test(text)) return CAPTION_RULES.credit;
  if (text.includes("(") && DATED_AGENCY_END.test(text)) return CAPTION_RULES.datedCredit;
  return null;
}
