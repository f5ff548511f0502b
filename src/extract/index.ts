import { SalvoError } from "../errors.js";
import { LEXICONS } from "../lexicon/index.js";
import type { ExtractOptions, Extraction } from "../model/extraction.js";
import type { DocKind, Lang } from "../model/vocab.js";
import { LANGS } from "../model/vocab.js";
import { normalize } from "../text/normalize.js";
import { segment } from "../text/segment.js";
import { evidence, provenance, sentenceAt, sentenceHolding, type Doc, type Frame } from "./context.js";
import { findDateMentions, findPublicationTimes, pickAttackDate, type DateMention } from "./dates/index.js";
import { detectLang } from "./lang-detect.js";
import { zoneOfUrl } from "../lexicon/shared/zones.js";
import { findMentions } from "./mentions/find.js";
import { tokenize, type Token } from "./mentions/trie.js";
import { findCasualties } from "./rules/casualties.js";
import { findCounts } from "./rules/counts.js";
import { docDefaults, frames, officialPublisher } from "./rules/frames.js";
import { findRegions } from "./rules/places.js";
import { findRecords } from "./rules/records.js";
import { captionSentences } from "./rules/captions.js";
import { clauseFrame, dateSentences, dayOfAnEarlierEvent, notTheLedesDay, recountedVoice, type DatedSpan } from "./rules/dating.js";
import { assembleReports, type RawFact } from "./refine/reports.js";
import { attachPeriods, findPeriods } from "./period.js";

/** Longer texts are refused (never cut: a cut text would be stored and scored as if it were the whole report). */
export const MAX_CHARS = 2_000_000;

/**
 * Reads a report's text and returns its reports, every fact with the spans it rests on.
 * Total on odd text: a text it cannot read gives no reports and a warning. The one refusal is a text over
 * MAX_CHARS characters, SALVO_INPUT_TOO_LARGE with its length.
 */
export function extract(input: string, options: ExtractOptions = {}): Extraction {
  const warnings: string[] = [];
  const text = normalize(typeof input === "string" ? input : String(input));
  if (text.length > MAX_CHARS) {
    throw new SalvoError(
      "SALVO_INPUT_TOO_LARGE",
      `the text is ${text.length.toLocaleString("en")} characters, over the limit of ${MAX_CHARS.toLocaleString("en")}: give salvo one report at a time`,
    );
  }
  const tokens = tokenize(text);
  const lang: Lang = options.lang && (LANGS as readonly string[]).includes(options.lang) ? options.lang : detectLang(tokens);
  const kind: DocKind = options.kind ?? guessKind(options);
  const base: Extraction = {
    lang,
    lang_source: options.lang ? "option" : "detected",
    kind,
    text,
    title: options.title ?? null,
    source: { publisher: options.publisher ?? null, url: options.url ?? null, published: options.published ?? null, channel: options.channel ?? null },
    published: null,
    updated: null,
    published_span: null,
    updated_span: null,
    reports: [],
    refiners: [],
    warnings,
  };
  if (text.trim().length === 0) return base;
  try {
    return { ...base, ...read(text, tokens, lang, kind, options) };
  } catch (e) {
    warnings.push(`extraction failed on this text: ${e instanceof Error ? e.message : String(e)}`);
    return base;
  }
}

function guessKind(o: ExtractOptions): DocKind {
  return officialPublisher(o.publisher ?? null, o.channel ?? null, o.url ?? null) ? "official" : "news";
}

function read(text: string, tokens: Token[], lang: Lang, kind: DocKind, options: ExtractOptions): Partial<Extraction> {
  const lex = LEXICONS[lang];
  const zone = zoneOfUrl(options.url);
  const pub = findPublicationTimes(text, lang, zone ? { timeZone: zone } : {});
  // The time the text states wins; the one given from outside (page metadata, --published) fills in.
  const reference = pub.published?.iso ?? options.published ?? null;
  const allDates = findDateMentions(text, lang, reference);
  const doc: Doc = {
    text,
    lang,
    kind,
    lex,
    sentences: segment(text),
    m: findMentions(text, lex, tokens),
    dateSpans: [
      ...allDates.map((d) => ({ start: d.start, end: d.end })),
      ...[pub.published, pub.updated].filter((x): x is NonNullable<typeof x> => x !== null).map((t) => ({ start: t.start, end: t.end })),
    ],
  };
  // Photo captions and credit lines neither date the report nor state its facts (patterns K1).
  const captions = captionSentences(doc);
  doc.asides = new Set(captions.keys());
  const dates = allDates.filter((d) => !inAside(doc, d));
  const fallbackDate = reference ? localDate(reference) : null;
  const opensSentence = (d: DateMention) => {
    const s = doc.sentences[sentenceAt(doc.sentences, d.start)];
    return s !== undefined && /^[\s"«“]*(?:\p{L}+\s+)?$/u.test(text.slice(s.start, d.start));
  };
  // "depuis dimanche 22 h", "since 10 pm on Sunday", "з 22:00 неділі": a clock time of the evening beside a day.
  const atEvening = (d: DateMention) => {
    const near = text.slice(Math.max(0, d.start - 16), d.start) + " | " + text.slice(d.end, d.end + 16);
    return [...near.matchAll(/(?<![\p{N}:])(\d{1,2})(?:\s*(?:h|:\d\d|pm|p\.m\.))/giu)].some((m) => {
      const h = Number(m[1]) + (/pm|p\.m\./i.test(m[0]) && Number(m[1]) < 12 ? 12 : 0);
      return h >= 18 && h <= 23;
    });
  };
  const paragraphAt = (pos: number) => doc.sentences[sentenceAt(doc.sentences, pos)]?.paragraph ?? -1;
  const together = (a: DateMention, b: DateMention) => paragraphAt(a.start) === paragraphAt(b.start);
  const picked = notTheLedesDay(doc, pickAttackDate(dates, opensSentence, atEvening, together, (d) => dayOfAnEarlierEvent(doc, d)), fallbackDate);
  const docDate = { date: picked?.date ?? fallbackDate, night: picked?.night ?? false };
  const defaults = docDefaults(doc, options.publisher ?? null, options.channel ?? null, options.url ?? null);
  const fr = frames(doc, defaults, docDate);
  doc.frames = fr;
  const clauses = dateSentences(doc, fr, dates, docDate);
  if (picked) {
    const ev = picked.evidence[0]!;
    const sIdx = sentenceHolding(doc.sentences, ev);
    const sentence = doc.sentences[sIdx] ?? { start: ev.start, end: ev.end };
    const p = provenance(doc, ev.rule, sentence, [evidence(doc, "date", ev)]);
    for (const f of fr) if (f.date === docDate.date && !f.dateEvidence) f.dateEvidence = p;
  }
  fr.forEach((f, i) => (fr[i] = recountedVoice(doc, fr, i, f, docDate)));
  const found: RawFact[] = [
    ...findCounts(doc).map((c) => ({ type: "count" as const, fact: c })),
    ...findCasualties(doc).map((c) => ({ type: "casualty" as const, fact: c })),
    ...findRecords(doc).map((r) => ({ type: "record" as const, fact: r })),
  ];
  const regions = findRegions(doc, fr);
  found.push(...regions.targets.map((t) => ({ type: "target" as const, fact: t })));
  found.push(...regions.launch.map((t) => ({ type: "launch" as const, fact: t })));
  found.push(...regions.places.map((t) => ({ type: "place" as const, fact: t })));
  const facts = found.filter((f) => !doc.asides!.has(f.fact.sentence)).map((f) => withClauseFrame(doc, fr, clauses, f, docDate));
  const { reports, refiners } = assembleReports(doc, fr, facts);
  // With no report there is nothing to give a period to: the text's periods are not read.
  if (reports.length > 0) attachPeriods(text, doc.sentences, reports, findPeriods(text, lang, reference));
  return {
    published: pub.published?.iso ?? null,
    published_span: pub.published ? { start: pub.published.start, end: pub.published.end } : null,
    updated: pub.updated?.iso ?? null,
    updated_span: pub.updated ? { start: pub.updated.start, end: pub.updated.end } : null,
    reports,
    refiners,
  };
}

/** A fact read in a clause that names its own day belongs to that day's report. */
function withClauseFrame(doc: Doc, fr: Frame[], clauses: Map<number, DatedSpan[]>, f: RawFact, docDate: { date: string | null }): RawFact {
  const si = f.fact.sentence;
  const spans = clauses.get(si);
  if (!spans) return f;
  const ev = f.fact.evidence;
  const at = (ev.find((e) => e.role === "number") ?? ev[0])?.start;
  const span = at === undefined ? undefined : spans.find((x) => at >= x.start && at < x.end);
  if (!span) return f;
  return { ...f, frame: recountedVoice(doc, fr, si, clauseFrame(doc, fr[si]!, si, span), docDate) };
}

/** True when a span lies in an aside (a caption). */
function inAside(doc: Doc, span: { start: number; end: number }): boolean {
  // The sentences that hold the span follow one another from the first (ends rise; starts rise past it).
  for (let i = sentenceHolding(doc.sentences, span); i >= 0 && i < doc.sentences.length && doc.sentences[i]!.start <= span.start; i++) {
    if (doc.asides!.has(i) && span.end <= doc.sentences[i]!.end) return true;
  }
  return false;
}

function localDate(iso: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(iso);
  return m ? m[1]! : null;
}
