import type { Span } from "../../model/span.js";
import { inSpan, type Doc } from "../context.js";

/**
 * The clause of a sentence around a span: bounded by ";", by a comma before "and" or "more"
 * ("…, ещё трое пострадали…"), and by a word that opens a contrasting clause ("…, while a drone
 * strike in Sumy…", "тоді як").
 */
export function clauseOf(doc: Doc, s: Span, from: number, to: number): Span {
  let start = s.start;
  let end = s.end;
  const breaks: Array<{ at: number; after: number }> = [];
  for (let i = s.start; i < s.end; i++) if (doc.text[i] === ";") breaks.push({ at: i, after: i + 1 });
  for (const a of inSpan(doc.m.and, s)) {
    const comma = doc.text.lastIndexOf(",", a.start);
    if (comma >= s.start && /^\s*$/.test(doc.text.slice(comma + 1, a.start))) breaks.push({ at: comma, after: comma + 1 });
  }
  for (const c of inSpan(doc.m.belonging.clauseBreak, s)) breaks.push({ at: c.start, after: c.end });
  // "…погибли два человека, ещё трое пострадали от обстрела": a further toll after a comma is its own clause.
  for (const m of furtherWords(doc, s)) {
    const comma = doc.text.lastIndexOf(",", m.start);
    if (comma >= s.start && /^\s*$/.test(doc.text.slice(comma + 1, m.start))) breaks.push({ at: comma, after: comma + 1 });
  }
  for (const b of breaks) {
    if (b.after <= from) start = Math.max(start, b.after);
    else if (b.at >= to) end = Math.min(end, b.at);
  }
  return { start, end };
}

/** "ще", "another", "d'autres": words of a further figure, not the "more" of "more than". */
export function furtherWords(doc: Doc, s: Span): Span[] {
  const qualifiers = inSpan(doc.m.qualifiers, s);
  return inSpan(doc.m.belonging.more, s).filter((m) => !qualifiers.some((q) => q.start < m.end && m.start < q.end));
}
