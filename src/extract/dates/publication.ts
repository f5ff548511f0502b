// Publication and update times stated by a document itself.
import type { Lang } from "../../model/vocab.js";
import { TIME_LEXICONS } from "../../lexicon/time-types.js";
import { formatDate, formatLocalIso, isValidDate, parseFixedOffset, zoneOffsetForLocal } from "./calendar.js";
import { Grammar } from "./grammar.js";
import { compiled, roleOf, tokenize } from "./tokens.js";

export interface TimeMention {
  start: number;
  end: number;
  /** ISO 8601 with offset; a date alone when the publisher's zone is unknown. */
  iso: string;
}

export interface PublicationTimes {
  published: TimeMention | null;
  updated: TimeMention | null;
}

export interface PublicationOptions {
  /** IANA zone of the publisher, used when the text gives a time without a zone. */
  timeZone?: string | null;
}

export interface StatedTime {
  role: "published" | "updated";
  start: number;
  end: number;
  iso: string;
  /** True when found as a header line with no cue ("10:19 24.09.2025"). */
  stamp: boolean;
}

/** Lines near the top that may carry a publication stamp without a cue. */
const HEADER_CHARS = 1500;
/** A stamp line holds the date, its time and at most this many other words (a byline, "Дата"). */
const STAMP_MAX_WORDS = 2;
const STAMP_MAX_LINE = 90;

function lineAround(text: string, start: number, end: number): { from: number; to: number } {
  const from = text.lastIndexOf("\n", start - 1) + 1;
  const nl = text.indexOf("\n", end);
  return { from, to: nl < 0 ? text.length : nl };
}

/**
 * True when the line holding the date [start, end) is a date stamp: the date alone (with numbers
 * such as a view count), or the date with a time and a couple of words ("Дата:", a byline).
 */
export function isStampLine(text: string, start: number, end: number, timeSpans: { start: number; end: number }[]): boolean {
  const { from, to } = lineAround(text, start, end);
  if (to - from > STAMP_MAX_LINE) return false;
  let rest = text.slice(from, start) + " " + text.slice(end, to);
  let timed = false;
  for (const s of timeSpans) {
    if (s.start >= from && s.end <= to && (s.end <= start || s.start >= end)) {
      rest = rest.replace(text.slice(s.start, s.end), " ");
      timed = true;
    }
    if (s.start >= start && s.end <= end) timed = true;
  }
  const words = (rest.match(/\p{L}{2,}/gu) ?? []).length;
  return words === 0 || (timed && words <= STAMP_MAX_WORDS);
}

function toIso(
  day: { y: number; m: number; d: number },
  minutes: number | null,
  zone: string | null,
  fallbackZone: string | null,
): string {
  const date = { y: day.y, m: day.m, d: day.d };
  if (minutes === null || minutes >= 1440) return formatDate(date);
  const z = zone ?? fallbackZone;
  if (!z) return formatDate(date);
  const fixed = parseFixedOffset(z);
  if (fixed !== null) return formatLocalIso(date, minutes, z === "Z" ? "Z" : fixed);
  const off = zoneOffsetForLocal(z, date, minutes);
  return off === null ? formatDate(date) : formatLocalIso(date, minutes, off);
}

/**
 * The publication finder and the date finder read the same text's stated times one after the other
 * (with the same zone, unless the text's address names another): keep the last answer. Read-only.
 */
let lastStated: { text: string; toks: Grammar["toks"]; lx: Grammar["lx"]; zone: string | null; out: StatedTime[] } | null = null;

/** Every stated publication/update time of a grammar's text, cued or found as a header stamp. */
export function statedTimes(g: Grammar, fallbackZone: string | null): StatedTime[] {
  const l = lastStated;
  if (l && l.toks === g.toks && l.zone === fallbackZone && l.lx === g.lx && l.text === g.text) return l.out;
  const out = findStatedTimes(g, fallbackZone);
  lastStated = { text: g.text, toks: g.toks, lx: g.lx, zone: fallbackZone, out };
  return out;
}

function findStatedTimes(g: Grammar, fallbackZone: string | null): StatedTime[] {
  const out: StatedTime[] = [];
  const toks = g.toks;
  let cuedPublished = false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const role = roleOf(t, "published") ? "published" : roleOf(t, "updated") ? "updated" : null;
    if (!role) continue;
    for (const at of g.afterCue(i)) {
      const dt = g.dateTime(at);
      if (!dt) continue;
      const { day, minutes, zone } = dt.value;
      if (day.year === undefined || day.month === undefined || day.day === undefined) break;
      if (!isValidDate(day.year, day.month, day.day)) break;
      out.push({
        role,
        start: t.start,
        end: dt.value.end,
        iso: toIso({ y: day.year, m: day.month, d: day.day }, minutes, zone, fallbackZone),
        stamp: false,
      });
      if (role === "published") cuedPublished = true;
      i = dt.next - 1;
      break;
    }
  }
  if (!cuedPublished) {
    const timeSpans = toks.filter((t) => t.kind === "time");
    for (let i = 0; i < toks.length && toks[i]!.start < HEADER_CHARS; i++) {
      const dt = g.dateTime(i);
      if (!dt || dt.value.minutes === null) continue;
      const { day, minutes, zone } = dt.value;
      if (day.year === undefined || day.month === undefined || day.day === undefined) continue;
      if (!isValidDate(day.year, day.month, day.day)) continue;
      if (out.some((o) => o.start <= dt.value.start && dt.value.end <= o.end)) continue;
      if (!isStampLine(g.text, dt.value.start, dt.value.end, timeSpans)) continue;
      out.push({
        role: "published",
        start: dt.value.start,
        end: dt.value.end,
        iso: toIso({ y: day.year, m: day.month, d: day.day }, minutes, zone, fallbackZone),
        stamp: true,
      });
      break;
    }
  }
  return out;
}

export function findPublicationTimes(text: string, lang: Lang, options: PublicationOptions = {}): PublicationTimes {
  const lx = TIME_LEXICONS[lang];
  const g = new Grammar(text, tokenize(text, compiled(lx)), lx);
  const zone = options.timeZone !== undefined ? options.timeZone : lx.timeZone;
  const found = statedTimes(g, zone);
  const pick = (role: "published" | "updated"): TimeMention | null => {
    const s = found.find((f) => f.role === role);
    return s ? { start: s.start, end: s.end, iso: s.iso } : null;
  };
  return { published: pick("published"), updated: pick("updated") };
}
