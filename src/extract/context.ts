import type { Lexicon } from "../lexicon/types.js";
import type { Evidence, EvidenceRole, Provenance, Span } from "../model/span.js";
import type { DocKind, Lang, Org, Side } from "../model/vocab.js";
import type { Sentence } from "../text/segment.js";
import type { Mention, Mentions } from "./mentions/types.js";
import type { ProvenanceId } from "./rule-ids.js";

/** What every rule reads: the text, its sentences, the mentions found in it. */
export interface Doc {
  text: string;
  lang: Lang;
  kind: DocKind;
  lex: Lexicon;
  sentences: Sentence[];
  m: Mentions;
  /** Spans that belong to dates and times: their numbers are never counts. */
  dateSpans: Span[];
  /** Each sentence's frame, once decided (rules that need the side attacked read it). */
  frames?: Frame[];
  /** Sentences that are no part of the story told (photo captions, credit lines): no facts, no voice, no date. */
  asides?: ReadonlySet<number>;
}

/** The attribution and sides of one sentence, decided before any fact is read from it. */
export interface Frame {
  claimant: Side | "media" | "third";
  orgs: Org[];
  orgEvidence: Evidence[];
  /** The rule that found the sentence's own voice (with orgEvidence). */
  orgRule?: ProvenanceId;
  attacker: Side;
  target: Side;
  date: string | null;
  night: boolean;
  dateEvidence: Provenance | null;
}

/** A span's start and end in one exact number (offsets stay below 2^22, MAX_CHARS). */
export function spanKey(s: Span): number {
  return s.start * 0x400000 + s.end;
}

/**
 * Per-span answers kept for the last document read only (known by its mentions), in a plain map: rules ask the
 * same span several times, and no weak table is left for the collector to sweep after every document.
 */
export function lastDocumentMemo<T>(): (doc: Doc) => Map<number, T> {
  let owner: Doc["m"] | null = null;
  let memo = new Map<number, T>();
  return (doc) => {
    if (owner !== doc.m) {
      owner = doc.m;
      memo = new Map();
    }
    return memo;
  };
}

/**
 * The first sentence (by index) whose end is at or past `pos` (`inclusive`) or past it: sentences are
 * sorted and apart (segment), so their starts and ends both rise and a binary search finds it.
 */
function firstEndingFrom(sentences: readonly Span[], pos: number, inclusive: boolean): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const end = sentences[mid]!.end;
    if (inclusive ? end < pos : end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The index of the sentence that holds the character at `pos` (start ≤ pos < end), or -1: what
 * `sentences.findIndex((x) => x.start <= pos && pos < x.end)` finds, without reading every sentence.
 * (The first sentence ending after `pos` is the only one that may: every later one starts after it ends.)
 */
export function sentenceAt(sentences: readonly Span[], pos: number): number {
  const k = firstEndingFrom(sentences, pos, false);
  return k < sentences.length && sentences[k]!.start <= pos ? k : -1;
}

/**
 * The index of the first sentence that holds the whole span (start ≤ span.start, span.end ≤ end), or -1:
 * what `sentences.findIndex((x) => x.start <= span.start && span.end <= x.end)` finds. The first sentence
 * ending at or after span.end is the first that may; if it starts after span.start, every later one does too.
 */
export function sentenceHolding(sentences: readonly Span[], span: Span): number {
  const k = firstEndingFrom(sentences, span.end, true);
  return k < sentences.length && sentences[k]!.start <= span.start ? k : -1;
}

/** Words with a letter in a stretch of text (numbers in digits and punctuation are not words). */
export function wordCount(t: string): number {
  return t.trim().split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
}

/** A stretch's text with the given mentions inside it blanked out (same length, so offsets hold). */
export function textWithout(doc: Doc, span: Span, mentions: readonly Span[]): string {
  let out = doc.text.slice(span.start, span.end);
  for (const m of mentions) out = out.slice(0, m.start - span.start) + " ".repeat(m.end - m.start) + out.slice(m.end - span.start);
  return out;
}

/**
 * The one answer of `inSpan` when nothing lies inside (most calls: a rule asks about a few words near a figure).
 * Frozen, and typed readonly, so that no caller can add to it: a caller that needs a list of its own copies.
 */
const NOTHING_INSIDE: readonly never[] = Object.freeze([]);

/**
 * The mentions of a list (sorted by start) that lie inside a span. The answer may be shared (when empty):
 * never change it in place; copy it first (`[...inSpan(…)]`) to sort, reverse, push or pop.
 */
export function inSpan<T extends Mention>(list: readonly T[], s: Span): readonly T[] {
  // Binary search the first that may lie inside.
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < s.start) lo = mid + 1;
    else hi = mid;
  }
  let out: T[] | null = null;
  for (let i = lo; i < list.length && list[i]!.start < s.end; i++) if (list[i]!.end <= s.end) (out ??= []).push(list[i]!);
  return out ?? NOTHING_INSIDE;
}

export function evidence(doc: Doc, role: EvidenceRole, s: Span): Evidence {
  return { role, start: s.start, end: s.end, text: doc.text.slice(s.start, s.end) };
}

export function provenance(doc: Doc, rule: ProvenanceId, sentence: Span, ev: Evidence[]): Provenance {
  // The first of each (role, start, end); a fact rests on a handful of spans, so a scan beats a set of keys.
  const uniq: Evidence[] = [];
  for (const e of ev) {
    let dup = false;
    for (const u of uniq) {
      if (u.role === e.role && u.start === e.start && u.end === e.end) {
        dup = true;
        break;
      }
    }
    if (!dup) uniq.push(e);
  }
  uniq.sort((a, b) => a.start - b.start);
  return { rule, sentence: { start: sentence.start, end: sentence.end }, evidence: uniq };
}

export const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Words between two offsets, for gap checks ("at most three words, no clause punctuation"). */
export function gapWords(text: string, from: number, to: number): string[] {
  if (to <= from) return [];
  return text.slice(from, to).split(/\s+/).filter((w) => w.length > 0);
}
