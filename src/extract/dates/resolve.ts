// Placing written days on the calendar against a reference (the publication time).
import type { TimeLexicon } from "../../lexicon/time-types.js";
import { addDays, type CivilDate, isValidDate, localDateAt, toDays, weekdayOf, zoneOffsetForLocal } from "./calendar.js";
import type { DayExpr } from "./grammar.js";

export interface Reference {
  /** The local day of publication, when known to the day. */
  date: CivilDate | null;
  year: number;
  month: number | null;
  /** Local wall-clock minutes of the publication, when the reference gives a time. */
  minutes: number | null;
}

export interface Resolved {
  date: CivilDate;
  certain: boolean;
}

const ISO = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?)?)?$/i;

/** Reads an ISO reference; a UTC instant is moved to the local day of the language's usual publisher. */
export function parseReference(reference: string | null, lx: TimeLexicon): Reference | null {
  if (!reference) return null;
  const m = ISO.exec(reference.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : null;
  const day = m[3] ? Number(m[3]) : null;
  if (month === null || day === null) return { date: null, year, month, minutes: null };
  if (!isValidDate(year, month, day)) return null;
  let date: CivilDate = { y: year, m: month, d: day };
  let minutes = m[4] && m[5] ? Number(m[4]) * 60 + Number(m[5]) : null;
  const zone = m[6];
  if (zone && zone.toUpperCase() === "Z" && lx.timeZone && m[4] && m[5]) {
    const utc = Date.UTC(year, month - 1, day, Number(m[4]), Number(m[5]));
    const local = localDateAt(lx.timeZone, utc);
    const offset = local ? zoneOffsetForLocal(lx.timeZone, local, 0) : null;
    date = local ?? date;
    minutes = offset === null ? null : (((Number(m[4]) * 60 + Number(m[5]) + offset) % 1440) + 1440) % 1440;
  }
  return { date, year: date.y, month: date.m, minutes };
}

/** How far after the reference a date without a year may fall before it is read as last year's. */
const FUTURE_SLACK_DAYS = 3;

function inferYear(month: number, day: number, ref: Reference): number | null {
  const anchor = ref.date ?? { y: ref.year, m: ref.month ?? 12, d: 28 };
  for (const y of [anchor.y, anchor.y - 1]) {
    if (!isValidDate(y, month, day)) continue;
    if (toDays({ y, m: month, d: day }) - toDays(anchor) <= FUTURE_SLACK_DAYS) return y;
  }
  return null;
}

export function mostRecentWeekday(weekday: number, ref: CivilDate): CivilDate {
  const back = (weekdayOf(ref) - weekday + 7) % 7;
  return addDays(ref, -back);
}

export function resolveDay(e: DayExpr, ref: Reference | null): Resolved | null {
  if (e.relative !== undefined) {
    if (!ref?.date) return null;
    return { date: addDays(ref.date, e.relative), certain: false };
  }
  if (e.day !== undefined && e.month !== undefined) {
    if (e.year !== undefined) {
      return isValidDate(e.year, e.month, e.day) ? { date: { y: e.year, m: e.month, d: e.day }, certain: true } : null;
    }
    if (!ref) return null;
    const y = inferYear(e.month, e.day, ref);
    return y === null ? null : { date: { y, m: e.month, d: e.day }, certain: false };
  }
  if (e.weekday !== undefined && e.day === undefined) {
    if (!ref?.date) return null;
    return { date: mostRecentWeekday(e.weekday, ref.date), certain: false };
  }
  return null;
}
