// The reporting window of a report: clock-time windows read with the date grammar, named periods from
// the period lexicon (src/lexicon/<lang>/period.ts), attached to the report whose figures they frame.
import { PERIOD_LEXICONS, type PeriodLexicon } from "../lexicon/period-types.js";
import { TIME_LEXICONS } from "../lexicon/time-types.js";
import type { Period, PeriodPoint, Report } from "../model/extraction.js";
import type { Evidence, Span } from "../model/span.js";
import type { Lang, PeriodName } from "../model/vocab.js";
import { UnitClass } from "../text/pattern.js";
import type { Sentence } from "../text/segment.js";
import { sentenceHolding } from "./context.js";
import { formatDate } from "./dates/calendar.js";
import { GAPS, Grammar, type TimePoint } from "./dates/grammar.js";
import { parseReference, type Reference, resolveDay } from "./dates/resolve.js";
import { compiled, roleOf, tokenize } from "./dates/tokens.js";

/** A period phrase found in the text, before it is attached to a report. */
export interface PeriodMention extends Span {
  kind: "window" | "named";
  start_point: PeriodPoint | null;
  end_point: PeriodPoint | null;
  named: PeriodName | null;
}

const ESCAPE = /[.*+?^${}()|[\]\\\/]/g;
const matchers = new WeakMap<PeriodLexicon, { sticky: RegExp; first: UnitClass; byKey: Map<string, PeriodName> }>();

const keyOf = (s: string) => s.replace(/[\s\u00a0]+/g, " ").replace(/[’ʼ`´]/g, "'").toLowerCase();

/** A key's text as a pattern: escaped, a space any spacing, an apostrophe any of its forms. */
const keySource = (k: string) => k.replace(ESCAPE, "\\$&").replace(/ /g, "[\\s\\u00a0]+").replace(/'/g, "['’ʼ`´]");

function matcher(lx: PeriodLexicon) {
  let m = matchers.get(lx);
  if (!m) {
    const forms = Object.keys(lx.named).sort((a, b) => b.length - a.length);
    const alts = forms.map((f) => keySource(keyOf(f)));
    // Sticky, tried only where a form may begin (`findPeriods`); no leading lookbehind: the boundary before
    // a match is tested at its start (NAMED_BEFORE).
    const sticky = new RegExp(`(?:${alts.join("|")})(?![\\p{L}\\p{N}])`, "iuy");
    // The first unit of each form, as its pattern has it (a space: any spacing; an apostrophe: any of its forms).
    const firsts = [...new Set(forms.map((f) => keySource(keyOf(f).charAt(0)).replace(/\+$/, "")))];
    m = { sticky, first: new UnitClass(new RegExp(`^(?:${firsts.join("|")})`, "iu")), byKey: new Map(Object.entries(lx.named).map(([k, v]) => [keyOf(k), v])) };
    matchers.set(lx, m);
  }
  return m;
}

/** No letter or digit before a named period (sticky: tested at a match's start; case-insensitive like the pattern, whose lookbehind it was). */
const NAMED_BEFORE = /(?<![\p{L}\p{N}])/iuy;
/** A letter or digit unit: a named period never begins right after one (a necessary part of NAMED_BEFORE, read from a table). */
const LETTER_OR_DIGIT = new UnitClass(/^[\p{L}\p{N}]/u);

function clock(minutes: number, asEnd: boolean): string {
  const m = asEnd ? minutes : minutes % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

function point(tp: TimePoint, ref: Reference | null, asEnd: boolean): PeriodPoint {
  const day = tp.day ? resolveDay(tp.day, ref) : null;
  return { time: clock(tp.minutes, asEnd), date: day ? formatDate(day.date) : null, zone: tp.zone };
}

/** Clock-time windows: "з 18:00 3 липня до 08:00 4 липня", "between 8 am and 11 am Moscow time", "08:00–11:00". */
function findWindows(text: string, lang: Lang, reference: string | null): PeriodMention[] {
  const lx = TIME_LEXICONS[lang];
  const toks = tokenize(text, compiled(lx));
  const g = new Grammar(text, toks, lx);
  const ref = parseReference(reference, lx);
  const out: PeriodMention[] = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    const from = roleOf(t, "windowFrom") !== undefined && g.gapIs(i, i + 1, GAPS.SPACE);
    const s = from ? g.timePoint(i + 1) : t.kind === "time" ? g.timePoint(i) : null;
    if (!s) {
      i++;
      continue;
    }
    let e: ReturnType<Grammar["timePoint"]> = null;
    const k = s.next;
    const tk = toks[k];
    if (from && tk && roleOf(tk, "windowTo") && g.gapIs(k - 1, k, GAPS.SPACE)) e = g.timePoint(k + 1);
    else if (tk && (tk.kind === "time" || roleOf(tk, "timeWord")) && g.isWindowJoin(k - 1, k)) e = g.timePoint(k);
    // A lone time is a window only when a window word opens it and it names its day ("з 18:00 3 липня").
    if (!e && !(from && s.value.day)) {
      i++;
      continue;
    }
    const last = e ?? s;
    let endChar = last.value.end;
    let next = last.next;
    const z = roleOf(toks[next], "zone");
    if (z && !last.value.zone && g.gapIs(next - 1, next, GAPS.COMMA)) {
      // "De 8h à 11h, heure de Moscou": the zone after a comma.
      last.value.zone = z.zone;
      endChar = toks[next]!.end;
      next++;
    }
    const start = point(s.value, ref, false);
    const end = e ? point(e.value, ref, true) : null;
    // "с 8.00 до 11.00 мск": one zone written once stands for both ends.
    if (end && !start.zone && end.zone) start.zone = end.zone;
    if (end && !end.zone && start.zone) end.zone = start.zone;
    out.push({ kind: "window", start: t.start, end: endChar, start_point: start, end_point: end, named: null });
    i = Math.max(i + 1, next);
  }
  return out;
}

/** Every period phrase of a text, in order: windows with clock times and named periods. */
export function findPeriods(text: string, lang: Lang, reference: string | null): PeriodMention[] {
  const windows = findWindows(text, lang, reference);
  const { sticky, first, byKey } = matcher(PERIOD_LEXICONS[lang]);
  const named: PeriodMention[] = [];
  // Left to right, only where a form may begin; a sticky match there is what a scan of the whole text
  // would find at that position, and one refused by its boundary is tried again one position on.
  for (let i = 0; i < text.length; i++) {
    if (!first.has(text.charCodeAt(i)) || (i > 0 && LETTER_OR_DIGIT.has(text.charCodeAt(i - 1)))) continue;
    sticky.lastIndex = i;
    const m = sticky.exec(text);
    if (m === null) continue;
    NAMED_BEFORE.lastIndex = i;
    if (!NAMED_BEFORE.test(text)) continue;
    i += m[0].length - 1;
    const name = byKey.get(keyOf(m[0]));
    if (!name) continue;
    named.push({ kind: "named", start: m.index, end: m.index + m[0].length, start_point: null, end_point: null, named: name });
  }
  return [...windows, ...named].sort((a, b) => a.start - b.start || b.end - a.end);
}

function inside(s: Span, m: Span): boolean {
  return m.start >= s.start && m.end <= s.end;
}

/**
 * Gives each report the period stated in the sentences its figures come from (the first figure's first),
 * then in the sentence its date comes from. A clock-time window and a named period in the same sentence
 * are one period ("У ніч на 4 липня (з 18:00 3 липня)": night, from 18:00 on 3 July).
 */
export function attachPeriods(text: string, sentences: Sentence[], reports: Report[], mentions: PeriodMention[]): void {
  if (mentions.length === 0) return;
  for (const r of reports) {
    const spans: Span[] = [];
    for (const c of [...r.counts, ...r.casualties]) spans.push(c.provenance.sentence);
    if (r.date_evidence) spans.push(r.date_evidence.sentence);
    r.period = null;
    for (const sp of spans) {
      const sentence = sentences[sentenceHolding(sentences, sp)] ?? sp;
      const here = mentions.filter((m) => inside(sentence, m));
      const win = here.find((m) => m.kind === "window");
      const name = here.find((m) => m.kind === "named");
      if (!win && !name) continue;
      const cues = [win, name].filter((m): m is PeriodMention => m !== undefined);
      const evidence: Evidence[] = cues
        .sort((a, b) => a.start - b.start)
        .map((m) => ({ role: "period", start: m.start, end: m.end, text: text.slice(m.start, m.end) }));
      const rule = win && name ? "period/window+named" : win ? (win.end_point ? "period/window" : "period/window-open") : "period/named";
      const period: Period = {
        start: win?.start_point ?? null,
        end: win?.end_point ?? null,
        named: name?.named ?? null,
        provenance: { rule, sentence: { start: sentence.start, end: sentence.end }, evidence },
      };
      r.period = period;
      break;
    }
  }
}
