import type { DateRuleId } from "../rule-ids.js";
// Day phrases of a strike report (nights, windows, weekdays, dates) placed on the calendar.
import type { DayPart } from "../../lexicon/time-types.js";
import { TIME_LEXICONS } from "../../lexicon/time-types.js";
import type { Lang } from "../../model/vocab.js";
import { addDays, type CivilDate, formatDate, isValidDate, toDays } from "./calendar.js";
import { type DayExpr, GAPS, Grammar, type TimePoint } from "./grammar.js";
import { isStampLine, statedTimes } from "./publication.js";
import { parseReference, type Reference, type Resolved, resolveDay } from "./resolve.js";
import { compiled, roleOf, type Token, tokenize } from "./tokens.js";

export type DateMentionKind = "night" | "day" | "window" | "weekday" | "relative" | "explicit";

export interface DateMention {
  start: number;
  end: number;
  /** YYYY-MM-DD: the local date of the attack the phrase points at; a night is dated by the morning it ended. */
  date: string;
  night: boolean;
  /** False when a weekday or relative word was resolved against the reference, or the year was inferred. */
  certain: boolean;
  rule: DateRuleId;
  kind: DateMentionKind;
  /** The part of the day the phrase names ("ce matin", "вчера вечером"), if any. */
  part: DayPart | null;
}

/** A phrase found by the first pass, before adjacent phrases are joined. */
type Piece =
  | { t: "day"; start: number; end: number; first: number; next: number; expr: DayExpr }
  | { t: "part"; start: number; end: number; first: number; next: number; part: DayPart }
  | { t: "night"; start: number; end: number; first: number; next: number }
  | { t: "nightAfter"; start: number; end: number; first: number; next: number }
  | { t: "morningAfter"; start: number; end: number; first: number; next: number }
  | { t: "conj"; start: number; end: number; first: number; next: number }
  | { t: "since"; start: number; end: number; first: number; next: number }
  | {
      t: "done";
      start: number;
      end: number;
      first: number;
      next: number;
      resolved: Resolved | null;
      night: boolean;
      kind: DateMentionKind;
      rule: DateRuleId;
    };

/** How long after a post's own time a window it reports may end (clocks and stamps differ a little). */
const POSTING_SLACK = 60;
/** Posts up to this time of the morning still belong to the night before. */
const SMALL_HOURS_END = 7 * 60;
/** An open window ("з 18:00 9 серпня") starting at or after noon runs into the next day… */
const NOON = 12 * 60;
/** …and one starting from the evening on is an overnight attack. */
const EVENING_START = 17 * 60;

function daysFrom(a: CivilDate, b: CivilDate): number {
  return toDays(b) - toDays(a);
}

function bareWith(b: DayExpr, a: DayExpr): DayExpr {
  // "July 3 to 4", "11 to 12 April": the bare day takes the month (and year) of the other day.
  if (!b.bare || a.month === undefined || a.day === undefined || b.day === undefined) return b;
  let month = a.month;
  let year = a.year;
  if (b.day < a.day) {
    month = a.month === 12 ? 1 : a.month + 1;
    if (year !== undefined && a.month === 12) year++;
  }
  const out: DayExpr = { ...b, month, bare: false };
  if (year !== undefined) out.year = year;
  return out;
}

class MentionFinder {
  readonly pieces: Piece[] = [];

  constructor(
    readonly g: Grammar,
    readonly ref: Reference | null,
  ) {}

  private get toks(): Token[] {
    return this.g.toks;
  }

  run(): void {
    const n = this.toks.length;
    let i = 0;
    while (i < n) {
      const p = this.nightRange(i) ?? this.nightInto(i) ?? this.window(i) ?? this.dayPiece(i) ?? this.cue(i);
      if (p) {
        this.pieces.push(p);
        i = Math.max(p.next, i + 1);
      } else i++;
    }
  }

  private done(
    first: number,
    next: number,
    start: number,
    end: number,
    resolved: Resolved | null,
    night: boolean,
    kind: DateMentionKind,
    rule: DateRuleId,
  ): Piece {
    return { t: "done", first, next, start, end, resolved, night, kind, rule };
  }

  /** "dans la nuit du 3 au 4 juillet", "в ночь с пятницы на субботу", "the night of 11-12 April". */
  private nightRange(i: number): Piece | null {
    const t = this.toks[i];
    if (!t) return null;
    const named = roleOf(t, "nightFrom") !== undefined;
    // A plain night cue also opens a range when two days follow: "durant la nuit de dimanche à lundi".
    if (!named && !roleOf(t, "night")) return null;
    const a = this.g.dayAfter(i, GAPS.SPACE, true);
    if (!a) return null;
    const join = this.toks[a.next];
    // "the night of Saturday, March 8, to Sunday, March 9": a comma may close the first day.
    if (join && roleOf(join, "nightJoin") && this.g.gapIs(a.next - 1, a.next, GAPS.COMMA)) {
      const b = this.g.dayAfter(a.next, GAPS.SPACE, true);
      if (b) {
        let target = bareWith(b.value, a.value);
        // "du samedi 8 au dimanche 9" with no month: the weekday places the morning.
        if (target.bare && target.weekday !== undefined) target = { start: target.start, end: target.end, weekday: target.weekday };
        if (!target.bare) {
          const r = resolveDay(target, this.ref);
          const weekdays = a.value.weekday !== undefined && a.value.day !== undefined;
          return this.done(i, b.next, t.start, b.value.end, r, true, "night", weekdays ? "date/night-range-weekdays" : "date/night-range");
        }
      }
    }
    // "з 24 лютого": a word that also opens a time window names a night only with both days ("з 6 на 7 серпня").
    if (a.value.bare || !named || roleOf(t, "windowFrom")) return null;
    const r = resolveDay(a.value, this.ref);
    return this.done(i, a.next, t.start, a.value.end, r, true, "night", "date/night-of");
  }

  /** "У ніч на 4 липня", "в ночь на воскресенье, 21 сентября", "overnight into Friday". */
  private nightInto(i: number): Piece | null {
    const t = this.toks[i];
    if (!t || !roleOf(t, "nightInto")) return null;
    const d = this.g.dayAfter(i, GAPS.SPACE);
    if (!d || d.value.relative !== undefined) return null;
    const r = resolveDay(d.value, this.ref);
    return this.done(i, d.next, t.start, d.value.end, r, true, "night", "date/night-into");
  }

  /** "з 18:00 09 серпня", "с 22.30 мск 21 июня до 02.55 мск 22 июня", "В период с 8.00 мск до 11.00 мск". */
  private window(i: number): Piece | null {
    const t = this.toks[i];
    if (!t || !roleOf(t, "windowFrom")) return null;
    if (!this.g.gapIs(i, i + 1, GAPS.SPACE)) return null;
    const s = this.g.timePoint(i + 1);
    if (!s) {
      // "з 24 лютого 2022 року", "depuis le 3 mars": a starting point in the past, not an attack's day.
      const since = this.g.dayAfter(i, GAPS.SPACE);
      if (since && since.value.weekday === undefined && since.value.relative === undefined) {
        return { t: "since", first: i, next: since.next, start: t.start, end: since.value.end };
      }
      return null;
    }
    let end: TimePoint | null = null;
    let next = s.next;
    const k = s.next;
    const tk = this.toks[k];
    if (tk && roleOf(tk, "windowTo") && this.g.gapIs(k - 1, k, GAPS.SPACE)) {
      const e = this.g.timePoint(k + 1);
      if (e) {
        end = e.value;
        next = e.next;
      }
    } else if (tk && (tk.kind === "time" || roleOf(tk, "timeWord")) && this.g.isWindowJoin(k - 1, k)) {
      const e = this.g.timePoint(k);
      if (e) {
        end = e.value;
        next = e.next;
      }
    }
    let trailing: DayExpr | null = null;
    let spanEnd = end ? end.end : s.value.end;
    if (!s.value.day && !end?.day) {
      const d = this.g.dayAfter(next - 1, GAPS.COMMA);
      if (d && d.value.relative === undefined) {
        trailing = d.value;
        spanEnd = d.value.end;
        next = d.next;
      }
    }
    if (!end && !s.value.day && !trailing) return null;
    const resolved = this.resolveWindow(s.value, end, trailing);
    if (!resolved) return this.done(i, next, t.start, spanEnd, null, false, "window", "date/window");
    return this.done(i, next, t.start, spanEnd, resolved.r, resolved.night, "window", resolved.rule);
  }

  private resolveWindow(
    s: TimePoint,
    e: TimePoint | null,
    trailing: DayExpr | null,
  ): { r: Resolved | null; night: boolean; rule: DateRuleId } | null {
    const sd = s.day ? resolveDay(s.day, this.ref) : null;
    const ed = e?.day ? resolveDay(e.day, this.ref) : null;
    const td = trailing ? resolveDay(trailing, this.ref) : null;
    const crossing = e !== null && (sd && ed ? daysFrom(sd.date, ed.date) > 0 : e.minutes <= s.minutes);
    const smallHours = e !== null && s.minutes < 5 * 60 && e.minutes <= 9 * 60;
    if (ed) return { r: ed, night: crossing || smallHours, rule: crossing ? "date/window-crossing" : "date/window" };
    if (td) return { r: td, night: crossing || smallHours, rule: "date/window" };
    if (sd) {
      if (crossing) return { r: { date: addDays(sd.date, 1), certain: sd.certain }, night: true, rule: "date/window-crossing" };
      if (!e && s.minutes >= NOON) {
        return {
          r: { date: addDays(sd.date, 1), certain: sd.certain },
          night: s.minutes >= EVENING_START,
          rule: "date/window-from-evening",
        };
      }
      return { r: sd, night: smallHours, rule: "date/window" };
    }
    if (!this.ref?.date) return null;
    // A window posted in the small hours, before its clock times came round that day ("с 19.00 до 22.00", posted at
    // 00:20), is the day before. Posted later in the morning, an evening window is part of the night that ended then.
    const last = e ?? s;
    const smallHoursPost = this.ref.minutes !== null && this.ref.minutes < SMALL_HOURS_END;
    if (!crossing && smallHoursPost && last.minutes > this.ref.minutes! + POSTING_SLACK) {
      return { r: { date: addDays(this.ref.date, -1), certain: false }, night: smallHours, rule: "date/window-before-posting" };
    }
    return { r: { date: this.ref.date, certain: false }, night: crossing || smallHours, rule: "date/window-reference" };
  }

  private dayPiece(i: number): Piece | null {
    const d = this.g.day(i);
    if (!d) return null;
    return { t: "day", first: i, next: d.next, start: d.value.start, end: d.value.end, expr: d.value };
  }

  private cue(i: number): Piece | null {
    const t = this.toks[i];
    if (!t || t.kind !== "word") return null;
    const base = { first: i, next: i + 1, start: t.start, end: t.end };
    const part = roleOf(t, "dayPart");
    if (part) return { t: "part", ...base, part: part.part };
    if (roleOf(t, "night") || roleOf(t, "nightInto") || (roleOf(t, "nightFrom") && !roleOf(t, "windowFrom"))) return { t: "night", ...base };
    if (roleOf(t, "morningAfter")) return { t: "morningAfter", ...base };
    if (roleOf(t, "nightAfter")) return { t: "nightAfter", ...base };
    if (roleOf(t, "conj")) return { t: "conj", ...base };
    return null;
  }

  /** True when only filler words, spaces and commas stand between two pieces. */
  adjacent(a: Piece, b: Piece): boolean {
    if (b.first < a.next) return false;
    if (b.start - a.end > 40) return false;
    let prevEnd = a.end;
    for (let k = a.next; k < b.first; k++) {
      const tok = this.toks[k]!;
      if (!roleOf(tok, "filler")) return false;
      if (!GAPS.COMMA.test(this.g.text.slice(prevEnd, tok.start))) return false;
      prevEnd = tok.end;
    }
    return GAPS.COMMA.test(this.g.text.slice(prevEnd, b.start));
  }
}

interface Joined {
  start: number;
  end: number;
  first: number;
  next: number;
  resolved: Resolved | null;
  night: boolean;
  kind: DateMentionKind;
  rule: DateRuleId;
  /** Part of day of the phrase, for "mardi soir et mercredi matin". */
  part: DayPart | null;
}

function kindOfDay(e: DayExpr): DateMentionKind {
  if (e.relative !== undefined) return "relative";
  if (e.day === undefined) return "weekday";
  return "explicit";
}

/**
 * A piece read on its own, as a joined phrase of one shape (not a spread of the piece: pieces come in
 * eight shapes, and a spread of them all was the slowest line of the date finder).
 */
function joined(p: Piece, resolved: Resolved | null, night: boolean, kind: DateMentionKind, rule: DateRuleId, part: DayPart | null): Joined {
  return { start: p.start, end: p.end, first: p.first, next: p.next, resolved, night, kind, rule, part };
}

/** Joins adjacent pieces: a day with its part of day or night cue, evening-and-morning pairs. */
function join(f: MentionFinder, ref: Reference | null): Joined[] {
  const ps = f.pieces;
  const refDay: Resolved | null = ref?.date ? { date: ref.date, certain: false } : null;
  const out: Joined[] = [];
  const span = (a: Piece, b: Piece) => ({ start: a.start, end: b.end, first: a.first, next: b.next });
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i]!;
    const q = ps[i + 1];
    const adj = q !== undefined && f.adjacent(p, q);
    if (p.t === "since" || p.t === "conj" || p.t === "nightAfter") continue;
    if (p.t === "done") {
      out.push(joined(p, p.resolved, p.night, p.kind, p.rule, null));
      continue;
    }
    if (p.t === "day") {
      const r = resolveDay(p.expr, ref);
      if (adj && q && (q.t === "part" || q.t === "night" || q.t === "nightAfter")) {
        const night = q.t !== "part";
        out.push({
          ...span(p, q),
          resolved: r,
          night,
          kind: night ? "night" : "day",
          rule: night ? "date/day-night" : "date/day-part",
          part: q.t === "part" ? q.part : null,
        });
        i++;
        continue;
      }
      out.push(joined(p, r, false, kindOfDay(p.expr), `date/${kindOfDay(p.expr)}`, null));
      continue;
    }
    // A cue: joins the day phrase right after it, or stands for the publication day.
    // "Минулої ночі, з 6 на 7 серпня", "last night, the night of 6 to 7 August": the night named in apposition.
    if (adj && q && q.t === "done" && q.kind === "night" && p.t === "night") {
      out.push({ ...span(p, q), resolved: q.resolved, night: true, kind: "night", rule: q.rule, part: null });
      i++;
      continue;
    }
    if (adj && q && (q.t === "day" || (q.t === "done" && q.kind === "window" && p.t === "night"))) {
      const r = q.t === "day" ? resolveDay(q.expr, ref) : q.resolved;
      if (p.t === "part") {
        out.push({ ...span(p, q), resolved: r, night: false, kind: "day", rule: "date/part-day", part: p.part });
      } else {
        const rule = q.t === "done" ? "date/night-window" : p.t === "morningAfter" ? "date/morning-after" : "date/night-day";
        out.push({ ...span(p, q), resolved: r, night: true, kind: "night", rule, part: null });
      }
      i++;
      continue;
    }
    if (p.t === "part") {
      out.push(joined(p, refDay, false, "day", "date/part-reference", p.part));
    } else {
      out.push(joined(p, refDay, true, "night", "date/night-reference", null));
    }
  }
  return joinEveningMorning(f, out);
}

/** "mardi soir et mercredi matin", "вчера вечером и сегодня утром": one night, dated by the morning. */
function joinEveningMorning(f: MentionFinder, js: Joined[]): Joined[] {
  const out: Joined[] = [];
  for (let i = 0; i < js.length; i++) {
    const a = js[i]!;
    const b = js[i + 1];
    if (a.part === "evening" && b && b.part === "morning" && b.resolved) {
      const between = f.g.toks.slice(a.next, b.first);
      const onlyConj = between.length > 0 && between.every((t) => roleOf(t, "conj") || roleOf(t, "filler"));
      const gapText = f.g.text.slice(a.end, b.start);
      if (onlyConj && gapText.length <= 12) {
        out.push({ ...b, start: a.start, first: a.first, night: true, kind: "night", rule: "date/evening-morning", part: null });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/** A date at the head of a news line: "KYIV, 26 novembre (Reuters) -", "MOSCOW, December 25. /TASS/.". */
function isDateline(text: string, start: number, end: number): boolean {
  const from = text.lastIndexOf("\n", start - 1) + 1;
  const before = text.slice(from, start);
  if (!/^[\s\u00a0]*\p{Lu}[\p{L}\s.'’-]{0,40},[\s\u00a0]*$/u.test(before)) return false;
  return /^\.?[\s\u00a0]*[(/–—-]/.test(text.slice(end, end + 4));
}

export function findDateMentions(text: string, lang: Lang, reference: string | null): DateMention[] {
  const lx = TIME_LEXICONS[lang];
  const c = compiled(lx);
  const toks = tokenize(text, c);
  const g = new Grammar(text, toks, lx);
  const ref = parseReference(reference, lx);
  const stated = statedTimes(g, lx.timeZone);
  const finder = new MentionFinder(g, ref);
  finder.run();
  const timeSpans = toks.filter((t) => t.kind === "time");
  const out: DateMention[] = [];
  for (const j of join(finder, ref)) {
    if (!j.resolved) continue;
    if (stated.some((s) => j.start < s.end && s.start < j.end)) continue;
    if (j.kind === "explicit" && (isDateline(text, j.start, j.end) || (j.resolved.certain && isStampLine(text, j.start, j.end, timeSpans)))) {
      continue;
    }
    const { date } = j.resolved;
    if (!isValidDate(date.y, date.m, date.d)) continue;
    out.push({
      start: j.start,
      end: j.end,
      date: formatDate(date),
      night: j.night,
      certain: j.resolved.certain,
      rule: j.rule,
      kind: j.kind,
      part: j.part,
    });
  }
  return out;
}
