import type { Org } from "../../model/vocab.js";
import { evidence, inSpan, provenance, sentenceAt, sentenceHolding, type Doc, type Frame } from "../context.js";
import { TIME_LEXICONS } from "../../lexicon/time-types.js";
import { addDays, formatDate, toDays } from "../dates/calendar.js";
import type { AttackDate, DateMention } from "../dates/index.js";

/** Rule ids of report dating. */
export const DATING_RULES = {
  /** A sentence that opens with its own day ("On the night of June 3, …") is told of that day. */
  sentence: "report-date/sentence-day",
  /** A day later in the sentence dates its own clause and what follows it ("…the strike of October 10, when 84 missiles…"). */
  clause: "report-date/clause-day",
  /** "Ранее … сообщал о массированной атаке в ночь на 20 сентября. Силы ПВО сбили 150…": the line goes on about that day. */
  earlier: "report-date/earlier-line",
  /** Figures told before any day is named keep the publication day when the first day named is days older. */
  lede: "report-date/lede-undated",
} as const;

/** Nights named by their own day: a recounted night keeps its date. Bare "overnight" echoes the publication day. */
const NAMED_NIGHTS = new Set(["date/night-into", "date/night-of", "date/night-range", "date/night-range-weekdays", "date/night-day", "date/morning-after"]);

/** Phrases that name a day of their own (not a window of the reporting period, not a bare night cue). */
function datesADay(d: DateMention): boolean {
  if (d.kind === "window") return false;
  if (d.kind === "night") return NAMED_NIGHTS.has(d.rule);
  return d.rule !== "date/part-reference";
}

/** Where the clause holding `at` begins: after the last comma, semicolon, colon, bracket or dash before it. */
function clauseStart(doc: Doc, sentenceStart: number, at: number): number {
  const before = doc.text.slice(sentenceStart, at);
  const m = /.*(?:[,;:(]|\s[–—-]\s)/su.exec(before);
  return m ? sentenceStart + m[0].length : sentenceStart;
}

export interface DatedSpan {
  start: number;
  end: number;
  mention: DateMention;
}

/**
 * Dates what each sentence tells (patterns K2: an earlier attack recounted in a later text is its own
 * report). A day phrase governs from the start of its clause to the next such phrase: one that opens the
 * sentence dates the whole sentence (its frame); one later in the sentence dates only its clause and
 * what follows ("…surpassing the strike of October 10, when the occupiers launched 84 missiles"), so the
 * figures before it stay with the document's day. Returns the later spans, for the facts read in them.
 */
export function dateSentences(doc: Doc, fr: Frame[], dates: readonly DateMention[], docDate: { date: string | null; night?: boolean }): Map<number, DatedSpan[]> {
  const clauses = new Map<number, DatedSpan[]>();
  doc.sentences.forEach((s, i) => {
    if (doc.asides?.has(i)) return;
    const all = inSpan(dates, s);
    const own = all.filter((d) => datesADay(d) && !eveningBeforeTheNight(doc, s, d, docDate) && !startOfTheNight(d, all));
    const spans: DatedSpan[] = [];
    own.forEach((d, k) => {
      const from = clauseStart(doc, s.start, d.start);
      const next = own[k + 1];
      spans.push({ start: from, end: next ? clauseStart(doc, s.start, next.start) : s.end, mention: d });
    });
    const first = spans[0];
    if (first && first.start === s.start) {
      spans.shift();
      const d = first.mention;
      // A night named on the day of a daytime report ("в период с 8:00 до 11:00 … В ночь на 8 сентября …") is
      // the night before that window: its own report.
      if (d.date !== docDate.date || (d.night && docDate.night === false)) {
        const f = fr[i]!;
        f.date = d.date;
        f.night = d.night;
        f.dateEvidence = provenance(doc, DATING_RULES.sentence, s, [evidence(doc, "date", d)]);
      }
    }
    const f = fr[i]!;
    const later = spans.filter((x) => x.mention.date !== f.date);
    if (later.length > 0) clauses.set(i, later);
  });
  carryEarlierDays(doc, fr, dates, docDate, clauses);
  return clauses;
}

/**
 * A sentence that opens on an earlier event ("Ранее…", "Earlier…", "Auparavant…") and names its day starts an
 * account of that day: the sentences after it on the same line, naming no day of their own, are of that day.
 */
function carryEarlierDays(doc: Doc, fr: Frame[], dates: readonly DateMention[], docDate: { date: string | null; night?: boolean }, clauses: Map<number, DatedSpan[]>) {
  let carried: { line: number; frame: Frame } | null = null;
  doc.sentences.forEach((s, i) => {
    if (carried && s.line !== carried.line) carried = null;
    const own = inSpan(dates, s).filter(datesADay);
    if (own.length > 0) {
      carried = null;
      const opens = inSpan(doc.m.earlier, { start: s.start, end: Math.min(s.end, s.start + 40) }).some((e) => /^[\s"«“]*$/.test(doc.text.slice(s.start, e.start)));
      const day = clauses.get(i)?.[0]?.mention ?? (fr[i]!.date !== docDate.date ? own[0] : undefined);
      // ("2 ноября Гладков сообщил, что … атаковал «Газель». Ее водителя госпитализировали…": an earlier day opening
      // its sentence starts that day's account as well.)
      const opensWithEarlierDay = fr[i]!.dateEvidence?.rule === DATING_RULES.sentence && docDate.date !== null && fr[i]!.date !== null && fr[i]!.date! < docDate.date;
      if ((opens || opensWithEarlierDay) && day && day.date !== docDate.date) carried = { line: s.line, frame: { ...fr[i]!, date: day.date, night: day.night } };
      // A night opening its sentence on the day of a daytime report goes on to the end of its line.
      else if (fr[i]!.date === docDate.date && fr[i]!.night && docDate.night === false && fr[i]!.dateEvidence) carried = { line: s.line, frame: fr[i]! };
      return;
    }
    if (!carried || doc.asides?.has(i)) return;
    const ev = evidence(doc, "date", own[0] ?? dates.find((d) => d.date === carried!.frame.date) ?? s);
    fr[i] = { ...fr[i]!, date: carried.frame.date, night: carried.frame.night, dateEvidence: provenance(doc, DATING_RULES.earlier, s, [ev]) };
  });
}

/**
 * "launched on the evening of December 24" in a document about the night that ended on the 25th, "з неділі
 * ввечері росіяни атакували": the start of the attack the document dates, not an earlier one ("Накануне вечером
 * над Брянской областью были уничтожены 5 дронов" in a report of a day attack is the evening before).
 */
function eveningBeforeTheNight(doc: Doc, s: { start: number; end: number }, d: DateMention, docDate: { date: string | null; night?: boolean }): boolean {
  const weapons = inSpan(doc.m.weapons, s).length + inSpan(doc.m.outcomes, s).length > 0;
  if (!weapons || d.part !== "evening" || docDate.date === null || d.date >= docDate.date) return false;
  // "Russia earlier said it had destroyed two drones on Thursday evening": an earlier report of its own.
  if (inSpan(doc.m.earlier, s).length > 0) return false;
  if (docDate.night) return true;
  // "з неділі ввечері", "since Sunday evening", "depuis dimanche soir": the evening the attack began.
  const before = /([\p{L}]+)\s*$/u.exec(doc.text.slice(Math.max(s.start, d.start - 20), d.start))?.[1]?.toLowerCase();
  return before !== undefined && TIME_LEXICONS[doc.lang].windowFrom.some((w) => w.toLowerCase() === before);
}

/** "У ніч на 21 вересня, починаючи з восьмої вечора 20 вересня": the day before a night named beside it is its start. */
function startOfTheNight(d: DateMention, all: readonly DateMention[]): boolean {
  return !d.night && all.some((n) => n.night && n.date > d.date && dayBefore(n.date) === d.date);
}

function dayBefore(iso: string): string {
  return formatDate(addDays({ y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) }, -1));
}

/** The frame of a clause that names its own day. */
export function clauseFrame(doc: Doc, base: Frame, si: number, span: DatedSpan): Frame {
  const s = doc.sentences[si]!;
  return {
    ...base,
    date: span.mention.date,
    night: span.mention.night,
    dateEvidence: provenance(doc, DATING_RULES.clause, s, [evidence(doc, "date", span.mention)]),
  };
}

/**
 * A voice carried over from far away does not tell a recounted earlier attack: a sentence dated to
 * another day than the document's, with no attribution of its own, keeps its voice only when that
 * voice speaks on the same line or in the sentence next to it (or the document is an official post,
 * whose voice is its own); otherwise it is the outlet's statement ("…the ministry said. [background]
 * Overnight into Thursday, two drones were destroyed above Rostov-on-Don.").
 */
export function recountedVoice(doc: Doc, fr: Frame[], si: number, frame: Frame, docDate: { date: string | null; night?: boolean }): Frame {
  if ((frame.date === docDate.date && frame.night === (docDate.night ?? frame.night)) || frame.orgEvidence.length > 0 || frame.claimant === "media" || doc.kind === "official") return frame;
  const here = doc.sentences[si]!;
  // "Ранее «Югополис» сообщал о…": a source the lexicons do not know tells it, not the voice carried over.
  const unknownSource = inSpan(doc.m.attribution, here).length + inSpan(doc.m.according, here).length > 0;
  const near = (k: number) => {
    const s = doc.sentences[k]!;
    return (s.line === here.line || Math.abs(k - si) <= 1) && fr[k]!.orgEvidence.length > 0 && fr[k]!.claimant === frame.claimant;
  };
  if (!unknownSource && doc.sentences.some((_, k) => near(k))) return frame;
  return { ...frame, claimant: "media", orgs: ["media" as Org], orgEvidence: [] };
}

/**
 * Rule report-date/lede-undated. Figures told before any day is named, and a day first named in a later
 * sentence, two or more days before publication: that later day is an earlier attack recounted (patterns K2),
 * not the day of the figures above it, which keep the publication day. (A wire story a day late about the
 * night before is within a day, and keeps the day it names.)
 */
export function notTheLedesDay(doc: Doc, picked: AttackDate | null, published: string | null): AttackDate | null {
  if (!picked || !published) return picked;
  const at = picked.evidence[0]!;
  const dated = sentenceHolding(doc.sentences, at);
  // Figures of weapons or of people: "L'attaque a fait 12 morts. Mardi, une frappe avait fait 5 morts."; or a toll
  // or a weapon's fate told without a digit: "…атаковали беспилотником «Газель», пострадал мирный житель. … 2 ноября…".
  const told = (s: { start: number; end: number }) =>
    (inSpan(doc.m.numbers, s).length > 0 && inSpan(doc.m.weapons, s).length + inSpan(doc.m.casualties, s).length > 0) ||
    inSpan(doc.m.casualties, s).length > 0 ||
    (inSpan(doc.m.weapons, s).length > 0 && inSpan(doc.m.outcomes, s).length > 0);
  const figures = doc.sentences.findIndex((s, i) => !doc.asides?.has(i) && told(s));
  if (dated < 0 || figures < 0 || figures >= dated) return picked;
  return daysOf(published) - daysOf(picked.date) >= 2 ? null : picked;
}

function daysOf(iso: string): number {
  return toDays({ y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) });
}

/**
 * "le ministère avait annoncé dimanche", "had said on Sunday", "Ранее … сообщили в воскресенье": a day told with a
 * tense before the past, or in a sentence about something earlier, is an earlier event's, not the day of the story.
 */
export function dayOfAnEarlierEvent(doc: Doc, d: DateMention): boolean {
  const s = doc.sentences[sentenceAt(doc.sentences, d.start)];
  if (!s) return false;
  if (inSpan(doc.m.earlier, { start: s.start, end: d.start }).length > 0) return true;
  const pluperfect = TIME_LEXICONS[doc.lang].pluperfect;
  if (pluperfect.length === 0) return false;
  // The auxiliary two or three words before the day: "avait annoncé dimanche", "had announced on Sunday".
  const words = doc.text.slice(Math.max(s.start, d.start - 40), d.start).toLowerCase().split(/[^\p{L}'’]+/u).filter(Boolean);
  if (words.slice(-3, -1).some((w) => pluperfect.includes(w))) return true;
  // Or right after a day that opens its sentence: "Накануне Гладков сообщал, что…", "Sunday, officials had said…".
  const after = doc.text.slice(d.end, Math.min(s.end, d.end + 40)).toLowerCase().split(/[^\p{L}'’]+/u).filter(Boolean);
  return /^[\s"«“]*$/u.test(doc.text.slice(s.start, d.start)) && after.slice(0, 3).some((w) => pluperfect.includes(w));
}
