import { SalvoError } from "./errors.js";

/**
 * Dates and times that enter salvo (an option, a request, a Telegram message, a gold file, a feed) are checked here:
 * the shape of ISO 8601 and a real calendar day and clock time. `2025-02-30` and `9999-99-99T99:00:00` are refused
 * rather than stored, where they would sort above every real attack.
 */

/** Years salvo accepts: wide enough for any report, narrow enough that a typo (9999, 0202) is caught. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))?)?$/;

function daysIn(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Why a string is not an acceptable date or date-time, or null when it is one. */
export function isoTimeProblem(value: string): string | null {
  const m = SHAPE.exec(value.trim());
  if (!m) return "is not an ISO 8601 date or time such as 2025-07-04 or 2025-07-04T11:34:00+02:00";
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < MIN_YEAR || year > MAX_YEAR) return `has the year ${year}, outside ${MIN_YEAR}–${MAX_YEAR}`;
  if (month < 1 || month > 12) return `has no month ${m[2]}`;
  if (day < 1 || day > daysIn(year, month)) return `is not a day of the calendar (${m[1]}-${m[2]} has no day ${m[3]})`;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || (m[6] !== undefined && Number(m[6]) > 59))) {
    return "has a time of day that does not exist";
  }
  if (m[8] !== undefined && (Number(m[8]) > 23 || Number(m[9]) > 59)) return "has an impossible UTC offset";
  return null;
}

export function isValidIsoTime(value: string): boolean {
  return isoTimeProblem(value) === null;
}

/** A date alone (YYYY-MM-DD), checked the same way. */
export function isValidIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && isoTimeProblem(value) === null;
}

/** Returns the value, or throws SALVO_INPUT_DATE naming where it came from. */
export function checkIsoTime(value: string, where: string): string {
  const problem = isoTimeProblem(value);
  if (problem) throw new SalvoError("SALVO_INPUT_DATE", `${where} "${value.slice(0, 60)}" ${problem}`);
  return value;
}

/** A Unix time in seconds as ISO 8601, or null when it is not a time salvo accepts. */
export function unixToIso(seconds: number): string | null {
  if (!Number.isFinite(seconds)) return null;
  const d = new Date(seconds * 1000);
  if (Number.isNaN(d.getTime())) return null;
  const iso = d.toISOString();
  return isValidIsoTime(iso) ? iso : null;
}
