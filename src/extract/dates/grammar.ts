// The language-neutral grammar of day and time phrases, over the tokens of tokens.ts.
import type { TimeLexicon } from "../../lexicon/time-types.js";
import { roleOf, type Token } from "./tokens.js";

/** A day as written, not yet placed on the calendar. */
export interface DayExpr {
  start: number;
  end: number;
  day?: number;
  month?: number;
  year?: number;
  weekday?: number;
  relative?: number;
  /** A bare day number ("3" in "du 3 au 4 juillet"). */
  bare?: boolean;
}

export interface Parsed<T> {
  value: T;
  /** Index of the first token after the phrase. */
  next: number;
}

export interface TimePoint {
  start: number;
  end: number;
  minutes: number;
  zone: string | null;
  day: DayExpr | null;
}

const SPACE = /^[\s\u00a0]*$/;
const COMMA = /^[\s\u00a0]*,?[\s\u00a0]*$/;
const DASH = /^[\s\u00a0]*[-–—‐][\s\u00a0]*$/;
const DOT_SPACE = /^\.?[\s\u00a0]*$/;
const PUB_GAP = /^[\s\u00a0]*[:,|(]?[\s\u00a0]*$/;

export class Grammar {
  constructor(
    readonly text: string,
    readonly toks: Token[],
    readonly lx: TimeLexicon,
  ) {}

  gap(a: number, b: number): string {
    const ta = this.toks[a];
    const tb = this.toks[b];
    if (!ta || !tb) return "\u0000";
    return this.text.slice(ta.end, tb.start);
  }

  gapIs(a: number, b: number, re: RegExp): boolean {
    return b < this.toks.length && a >= 0 && re.test(this.gap(a, b));
  }

  isFiller(i: number): boolean {
    return roleOf(this.toks[i], "filler") !== undefined;
  }

  /** Index after up to two filler words that follow token `from` closely. */
  skipFillers(from: number, j: number, re: RegExp = COMMA): number[] {
    const out = [j];
    let prev = from;
    let k = j;
    for (let n = 0; n < 2 && this.isFiller(k) && this.gapIs(prev, k, re); n++) {
      prev = k;
      k++;
      out.push(k);
    }
    return out;
  }

  private smallNum(i: number): number | null {
    const t = this.toks[i];
    return t && t.kind === "num" && t.digits <= 2 && t.value >= 1 && t.value <= 31 ? t.value : null;
  }

  private year(i: number): Parsed<number> | null {
    const t = this.toks[i];
    if (!t || t.kind !== "num" || t.digits !== 4 || t.value < 1990 || t.value > 2099) return null;
    let next = i + 1;
    if (roleOf(this.toks[next], "yearWord") && this.gapIs(i, next, SPACE)) next++;
    return { value: t.value, next };
  }

  /** "4 juillet [2025]", "July 4[, 2025]", "11-12 April", "04.07.2025". */
  calendarDate(j: number): Parsed<DayExpr> | null {
    const t = this.toks[j];
    if (!t) return null;
    if (t.kind === "ndate") return this.numericDate(j);
    const d = this.smallNum(j);
    if (d !== null) {
      let k = j + 1;
      let day = d;
      const second = this.smallNum(k);
      if (second !== null && this.gapIs(j, k, DASH) && second > d) {
        day = second;
        k++;
      }
      const month = roleOf(this.toks[k], "month");
      if (!month || !this.gapIs(k - 1, k, SPACE)) return null;
      const expr: DayExpr = { start: t.start, end: this.toks[k]!.end, day, month: month.n };
      let next = k + 1;
      if (this.gapIs(k, next, COMMA)) {
        const y = this.year(next);
        if (y) {
          expr.year = y.value;
          expr.end = this.toks[y.next - 1]!.end;
          next = y.next;
        }
      }
      return { value: expr, next };
    }
    const month = roleOf(t, "month");
    if (month) {
      const k = j + 1;
      const dd = this.smallNum(k);
      if (dd === null || !this.gapIs(j, k, DOT_SPACE)) return null;
      const expr: DayExpr = { start: t.start, end: this.toks[k]!.end, day: dd, month: month.n };
      let next = k + 1;
      if (this.gapIs(k, next, COMMA)) {
        const y = this.year(next);
        if (y) {
          expr.year = y.value;
          expr.end = this.toks[y.next - 1]!.end;
          next = y.next;
        }
      }
      return { value: expr, next };
    }
    return null;
  }

  private numericDate(j: number): Parsed<DayExpr> | null {
    const t = this.toks[j];
    if (!t || t.kind !== "ndate") return null;
    let day = t.a;
    let month = t.b;
    if (!t.iso && t.sep === "/") {
      const mdy = this.lx.slashOrder === "mdy" ? t.b <= 12 : t.b > 12 && t.a <= 12;
      if (mdy) {
        day = t.b;
        month = t.a;
      }
    }
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    let next = j + 1;
    let end = t.end;
    if (roleOf(this.toks[next], "yearWord") && this.gapIs(j, next, SPACE)) {
      end = this.toks[next]!.end;
      next++;
    }
    return { value: { start: t.start, end, day, month, year: t.y }, next };
  }

  /** A calendar date, a weekday (optionally followed by a date) or a relative day word. */
  day(j: number): Parsed<DayExpr> | null {
    const t = this.toks[j];
    if (!t) return null;
    const wd = roleOf(t, "weekday");
    if (wd) {
      const k = j + 1;
      if (this.gapIs(j, k, COMMA)) {
        for (const at of this.skipFillers(j, k)) {
          const cd = this.calendarDate(at);
          if (cd) return { value: { ...cd.value, start: t.start, weekday: wd.n }, next: cd.next };
        }
      }
      return { value: { start: t.start, end: t.end, weekday: wd.n }, next: j + 1 };
    }
    const rel = roleOf(t, "relative");
    if (rel) return { value: { start: t.start, end: t.end, relative: rel.offset }, next: j + 1 };
    return this.calendarDate(j);
  }

  /** A day, or a bare day number ("3" in "du 3 au 4"), also after its weekday ("samedi 8" in "du samedi 8 au dimanche 9"). */
  dayOrBare(j: number): Parsed<DayExpr> | null {
    const d = this.day(j);
    if (d && d.value.weekday !== undefined && d.value.day === undefined) {
      const n = this.smallNum(d.next);
      const nt = this.toks[d.next];
      if (n !== null && nt && this.gapIs(d.next - 1, d.next, SPACE) && !roleOf(this.toks[d.next + 1], "month")) {
        return { value: { ...d.value, end: nt.end, day: n, bare: true }, next: d.next + 1 };
      }
    }
    if (d) return d;
    const n = this.smallNum(j);
    const t = this.toks[j];
    if (n === null || !t) return null;
    return { value: { start: t.start, end: t.end, day: n, bare: true }, next: j + 1 };
  }

  /** A day right after token `from`, allowing a filler word or two ("on", "le", "о"). */
  dayAfter(from: number, re: RegExp = COMMA, allowBare = false): Parsed<DayExpr> | null {
    if (!this.gapIs(from, from + 1, re)) return null;
    for (const at of this.skipFillers(from, from + 1, re)) {
      const d = allowBare ? this.dayOrBare(at) : this.day(at);
      if (d) return d;
    }
    return null;
  }

  private clock(j: number): { minutes: number } | null {
    const t = this.toks[j];
    if (!t) return null;
    if (t.kind === "time") return { minutes: t.minutes };
    const w = roleOf(t, "timeWord");
    return w ? { minutes: w.minutes } : null;
  }

  /** "22.30 мск 21 июня", "11:00 p.m. Moscow time (8:00 p.m. GMT) on December 24", "18:00 09 серпня". */
  timePoint(j: number): Parsed<TimePoint> | null {
    const c = this.clock(j);
    const t = this.toks[j];
    if (!c || !t) return null;
    const tp: TimePoint = { start: t.start, end: t.end, minutes: c.minutes, zone: null, day: null };
    let last = j;
    const takeZone = (): void => {
      const z = roleOf(this.toks[last + 1], "zone");
      if (z && this.gapIs(last, last + 1, SPACE)) {
        tp.zone = z.zone;
        last++;
        tp.end = this.toks[last]!.end;
      }
    };
    takeZone();
    // A bracketed restatement in another zone: "(8:00 p.m. GMT)".
    const after = this.text.slice(tp.end, tp.end + 60);
    const paren = /^[\s\u00a0]*\([^()\n]{1,40}\)/.exec(after);
    if (paren && /\d/.test(paren[0])) {
      const close = tp.end + paren[0].length;
      while (last + 1 < this.toks.length && this.toks[last + 1]!.start < close) last++;
      tp.end = close;
    }
    const d = this.dayAfterAt(last, tp.end);
    if (d) {
      tp.day = d.value;
      tp.end = d.value.end;
      last = d.next - 1;
      takeZone();
    }
    return { value: tp, next: last + 1 };
  }

  private dayAfterAt(last: number, endChar: number): Parsed<DayExpr> | null {
    const k = last + 1;
    const t = this.toks[k];
    if (!t) return null;
    const between = this.text.slice(endChar, t.start);
    if (!COMMA.test(between)) return null;
    const candidates = [k];
    if (this.isFiller(k)) candidates.push(...this.skipFillers(k, k + 1));
    for (const at of candidates) {
      const d = this.day(at);
      if (d && d.value.relative === undefined) return d;
    }
    return null;
  }

  isWindowJoin(a: number, b: number): boolean {
    return this.gapIs(a, b, DASH);
  }

  /** Date and time of a stated publication: "4 juillet 2025 à 11h34", "10:19 24.09.2025", "July 4, 2025 9:15 AM". */
  dateTime(j: number): Parsed<{ day: DayExpr; minutes: number | null; zone: string | null; start: number; end: number }> | null {
    const d = this.day(j);
    if (d && d.value.year !== undefined) {
      let next = d.next;
      let minutes: number | null = null;
      let zone: string | null = null;
      let end = d.value.end;
      const k = d.next;
      if (k < this.toks.length && /^[\s\u00a0]*[,|–—-]?[\s\u00a0]*$/.test(this.gap(k - 1, k))) {
        for (const at of this.skipFillers(k - 1, k)) {
          const c = this.clock(at);
          if (c) {
            minutes = c.minutes;
            end = this.toks[at]!.end;
            next = at + 1;
            break;
          }
        }
      }
      if (minutes !== null) {
        const z = roleOf(this.toks[next], "zone");
        if (z && this.gapIs(next - 1, next, SPACE)) {
          zone = z.zone;
          end = this.toks[next]!.end;
          next++;
        }
      }
      return { value: { day: d.value, minutes, zone, start: d.value.start, end }, next };
    }
    const c = this.clock(j);
    const t = this.toks[j];
    if (c && t) {
      const k = j + 1;
      if (!this.gapIs(j, k, COMMA)) return null;
      const dd = this.day(k);
      if (!dd || dd.value.year === undefined) return null;
      let next = dd.next;
      let zone: string | null = null;
      let end = dd.value.end;
      const z = roleOf(this.toks[next], "zone");
      if (z && this.gapIs(next - 1, next, SPACE)) {
        zone = z.zone;
        end = this.toks[next]!.end;
        next++;
      }
      return { value: { day: dd.value, minutes: c.minutes, zone, start: t.start, end }, next };
    }
    return null;
  }

  /** The token after a publication cue, skipping "le", ":" and the like. */
  afterCue(i: number): number[] {
    if (!this.gapIs(i, i + 1, PUB_GAP)) return [];
    return this.skipFillers(i, i + 1, PUB_GAP);
  }
}

export const GAPS = { SPACE, COMMA, DASH };
