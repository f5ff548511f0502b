import type { DayPart, TimeLexicon } from "../../lexicon/time-types.js";
import { UnitClass } from "../../text/pattern.js";

/** Time-zone abbreviations written the same in every language. */
const INTERNATIONAL_ZONES: Record<string, string> = {
  GMT: "Z",
  UTC: "Z",
  MSK: "Europe/Moscow",
  IST: "+05:30",
  CET: "+01:00",
  CEST: "+02:00",
  EET: "+02:00",
  EEST: "+03:00",
  BST: "+01:00",
  HKT: "+08:00",
  KYIV: "Europe/Kyiv",
};

export type Role =
  | { r: "month"; n: number }
  | { r: "weekday"; n: number }
  | { r: "nightInto" }
  | { r: "nightFrom" }
  | { r: "nightJoin" }
  | { r: "night" }
  | { r: "nightAfter" }
  | { r: "morningAfter" }
  | { r: "dayPart"; part: DayPart }
  | { r: "relative"; offset: number }
  | { r: "windowFrom" }
  | { r: "windowTo" }
  | { r: "timeWord"; minutes: number }
  | { r: "zone"; zone: string }
  | { r: "yearWord" }
  | { r: "conj" }
  | { r: "filler" }
  | { r: "published" }
  | { r: "updated" };

export type RoleName = Role["r"];

export type Token =
  | { kind: "word"; start: number; end: number; roles: Role[] }
  | { kind: "num"; start: number; end: number; value: number; digits: number }
  | { kind: "time"; start: number; end: number; minutes: number }
  | { kind: "ndate"; start: number; end: number; a: number; b: number; y: number; iso: boolean; sep: string };

export interface CompiledLexicon {
  lexicon: TimeLexicon;
  /** Sticky: tried only where a match may begin (see `scan`). */
  sticky: RegExp;
  /** The units a match may begin with: a digit, or what the first character of a word form matches. */
  first: UnitClass;
  /** The pattern's named groups by number: it captures only them, numbered in the order they open. */
  group: Record<GroupName, number>;
  words: Map<string, Role[]>;
  exactCase: Set<string>;
  exactCaseKeys: Set<string>;
  pm: Set<string>;
}

const ESCAPE = /[.*+?^${}()|[\]\\\/]/g;

/** What `keyOf` rewrites besides the case: a run of spaces, an apostrophe other than the ASCII one. */
const REWRITTEN = /[\s\u00a0’ʼ`´]/;

/** Canonical key of a surface form: lower case, one space, ASCII apostrophe. */
export function keyOf(s: string): string {
  // Most forms a text matches are one word without an apostrophe ("mardi", "ночі"): only their case
  // changes, and one test spares the two replacements (each a scan and, on a match, a new string).
  if (!REWRITTEN.test(s)) return s.toLowerCase();
  return s.replace(/[\s\u00a0]+/g, " ").replace(/[’ʼ`´]/g, "'").toLowerCase();
}

const SPACE_UNIT = "[\\s\\u00a0]+";
const APOS_UNIT = "['’ʼ`´]";

/** A form as regex units: escaped characters, flexible spaces and apostrophes. */
function units(form: string): string[] {
  const out: string[] = [];
  for (const ch of keyOf(form.trim())) {
    if (ch === " ") out.push(SPACE_UNIT);
    else if (ch === "'") out.push(APOS_UNIT);
    else out.push(ch.replace(ESCAPE, "\\$&"));
  }
  return out;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  terminal: boolean;
}

function trieSource(node: TrieNode): string {
  // Longer continuations first, the end of a form last: the regex prefers the longest form and
  // backtracks to a shorter one when the boundary after it fails.
  const alts = [...node.children.entries()].map(([u, child]) => u + trieSource(child));
  if (alts.length === 0) return "";
  const body = alts.length === 1 && !node.terminal ? alts[0]! : `(?:${alts.join("|")}${node.terminal ? "|" : ""})`;
  return body;
}

/** A prefix-factored alternation of literal forms: one pass per position instead of one per form. */
function alternation(forms: Iterable<string>): string {
  const root: TrieNode = { children: new Map(), terminal: false };
  for (const f of forms) {
    const us = units(f);
    if (us.length === 0) continue;
    let node = root;
    for (const u of us) {
      let next = node.children.get(u);
      if (!next) {
        next = { children: new Map(), terminal: false };
        node.children.set(u, next);
      }
      node = next;
    }
    node.terminal = true;
  }
  return trieSource(root);
}

function collectWords(lx: TimeLexicon): Map<string, Role[]> {
  const words = new Map<string, Role[]>();
  const add = (form: string, role: Role): void => {
    const k = keyOf(form.trim());
    const list = words.get(k);
    if (list) {
      if (!list.some((x) => x.r === role.r)) list.push(role);
    } else words.set(k, [role]);
  };
  for (const [f, n] of Object.entries(lx.months)) add(f, { r: "month", n });
  for (const [f, n] of Object.entries(lx.weekdays)) add(f, { r: "weekday", n });
  for (const f of lx.nightInto) add(f, { r: "nightInto" });
  for (const f of lx.nightFrom) add(f, { r: "nightFrom" });
  for (const f of lx.nightJoin) add(f, { r: "nightJoin" });
  for (const f of lx.night) add(f, { r: "night" });
  for (const f of lx.nightAfter) add(f, { r: "nightAfter" });
  for (const f of lx.morningAfter) add(f, { r: "morningAfter" });
  for (const [f, part] of Object.entries(lx.dayParts)) add(f, { r: "dayPart", part });
  for (const [f, offset] of Object.entries(lx.relativeDays)) add(f, { r: "relative", offset });
  for (const f of lx.windowFrom) add(f, { r: "windowFrom" });
  for (const f of lx.windowTo) add(f, { r: "windowTo" });
  for (const [f, minutes] of Object.entries(lx.timeWords)) add(f, { r: "timeWord", minutes });
  for (const [f, zone] of Object.entries({ ...INTERNATIONAL_ZONES, ...lx.zones })) add(f, { r: "zone", zone });
  for (const f of lx.yearWords) add(f, { r: "yearWord" });
  for (const f of lx.conjunctions) add(f, { r: "conj" });
  for (const f of lx.fillers) add(f, { r: "filler" });
  for (const f of lx.published) add(f, { r: "published" });
  for (const f of lx.updated) add(f, { r: "updated" });
  return words;
}

const GROUP_NAMES = ["iy", "im", "id", "da", "sep", "db", "dy", "h1", "m1", "mer1", "h2", "m2", "h3", "mer3", "num", "ord", "word"] as const;
type GroupName = (typeof GROUP_NAMES)[number];

/**
 * The source with its named groups made plain numbered ones, and the number of each name. A match of
 * a regex with named groups builds a `groups` object of every name on each match; numbered groups do
 * not. The forms inside are escaped literals and non-capturing groups, so the only capturing groups
 * are the named ones; `compile` checks that the count agrees.
 */
function numberGroups(source: string): { source: string; group: Record<GroupName, number> } {
  const group = Object.fromEntries(GROUP_NAMES.map((n) => [n, 0])) as Record<GroupName, number>;
  let n = 0;
  const plain = source.replace(/\\k<([a-z0-9]+)>|\(\?<([a-z0-9]+)>/g, (whole, ref: string | undefined, name: string | undefined) => {
    if (name !== undefined) {
      group[name as GroupName] = ++n;
      return "(";
    }
    return `\\${group[ref as GroupName]}`;
  });
  return { source: plain, group };
}

function compile(lx: TimeLexicon): CompiledLexicon {
  const words = collectWords(lx);
  const mer = alternation([...lx.meridiem.am, ...lx.meridiem.pm]);
  const hm = alternation(lx.hourMarkers);
  const ord = alternation(lx.ordinalSuffixes);
  // A number glued to letters or to a hyphen after letters is a model name ("Х-101", "S8000").
  const ordPart = ord ? String.raw`(?<ord>${ord})(?![\p{L}])|` : "";
  const merPart = mer ? String.raw`(?:[\s\u00a0]?(?<mer>${mer})(?![\p{L}]))?` : "";
  const timeAlts = [
    String.raw`(?<h1>\d{1,2})[:.](?<m1>[0-5]\d)(?![\d])${merPart.replace("<mer>", "<mer1>")}`,
    hm ? String.raw`(?<h2>\d{1,2})[\s\u00a0]?(?:${hm})(?![\p{L}])(?:[\s\u00a0]?(?<m2>[0-5]\d)(?!\d))?` : "",
    mer ? String.raw`(?<h3>\d{1,2})[\s\u00a0]?(?<mer3>${mer})(?![\p{L}])` : "",
  ].filter((s) => s);
  // The boundary before a match is checked in scan(): a pattern that starts with its own characters
  // lets the engine skip ahead, where a leading lookbehind is tried at every position.
  const source = [
    String.raw`(?:(?<iy>\d{4})-(?<im>\d{1,2})-(?<id>\d{1,2})|(?<da>\d{1,2})(?<sep>[./-])(?<db>\d{1,2})\k<sep>(?<dy>\d{4}))(?!\d)`,
    String.raw`(?:${timeAlts.join("|")})`,
    String.raw`(?<num>\d{1,4})(?:${ordPart}(?![\p{L}\p{N}]))`,
    String.raw`(?<word>${alternation(words.keys())})(?![\p{L}\p{N}])`,
  ].join("|");
  const exactCase = new Set(lx.exactCaseMonths);
  const exactCaseKeys = new Set(lx.exactCaseMonths.map(keyOf));
  const pm = new Set(lx.meridiem.pm.map(keyOf));
  const numbered = numberGroups(source);
  const firstUnits = [...new Set([...words.keys()].map((k) => units(k)[0]).filter((u): u is string => u !== undefined))];
  // A space unit is "[\s\u00a0]+": its first character is any one of them.
  const first = new UnitClass(new RegExp(`^(?:\\d|${firstUnits.map((u) => u.replace(/\+$/, "")).join("|")})`, "iu"));
  // Every capturing group must be one of the names, each met once, or the numbers would be wrong.
  const groups = (new RegExp(`${numbered.source}|`, "u").exec("")?.length ?? 1) - 1;
  const named = GROUP_NAMES.filter((g) => numbered.group[g] > 0).length;
  if (groups !== named || new Set(Object.values(numbered.group).filter((x) => x > 0)).size !== named) {
    throw new Error(`time lexicon ${lx.lang}: the date regex has ${groups} capturing groups, ${named} named`);
  }
  return { lexicon: lx, sticky: new RegExp(numbered.source, "iuy"), first, group: numbered.group, words, exactCase, exactCaseKeys, pm };
}

const cache = new WeakMap<TimeLexicon, CompiledLexicon>();

export function compiled(lx: TimeLexicon): CompiledLexicon {
  let c = cache.get(lx);
  if (!c) {
    c = compile(lx);
    cache.set(lx, c);
  }
  return c;
}

function hourMinutes(h: number, m: number, mer: string | undefined, c: CompiledLexicon): number | null {
  let hour = h;
  if (mer !== undefined) {
    if (hour < 1 || hour > 12) return null;
    const isPm = c.pm.has(keyOf(mer));
    if (isPm && hour < 12) hour += 12;
    if (!isPm && hour === 12) hour = 0;
  }
  if (hour > 24 || (hour === 24 && m > 0)) return null;
  return hour * 60 + m;
}

/** All date-relevant tokens of a text, in order. One linear scan. */
// The date and the publication-time finders read the same text one after the other: keep the last scan.
let last: { text: string; c: CompiledLexicon; tokens: Token[] } | null = null;

export function tokenize(text: string, c: CompiledLexicon): Token[] {
  if (last && last.text === text && last.c === c) return last.tokens;
  const tokens = scan(text, c);
  last = { text, c, tokens };
  return tokens;
}

const WORD_BEFORE = /[\p{L}\p{N}_]/u;
const LETTER = /\p{L}/u;

/** What may not stand before a match: a letter or digit; before a number also a letter and a hyphen ("Х-101"). */
function boundaryOk(text: string, start: number, word: boolean): boolean {
  if (start === 0) return true;
  const prev = text[start - 1]!;
  if (word) return !/[\p{L}\p{N}]/u.test(prev);
  if (WORD_BEFORE.test(prev)) return false;
  return !((prev === "-" || prev === "‐") && start > 1 && LETTER.test(text[start - 2]!));
}

/** Letters and digits: no match begins right after one (`boundaryOk` asks more of some). */
const LETTER_OR_DIGIT = new UnitClass(/^[\p{L}\p{N}]/u);

/**
 * The date tokens, left to right. The pattern is tried only where a match may begin (a unit a match can
 * start with, no letter or digit before it) and, sticky, finds there what a scan of the whole text would;
 * a match refused by its boundary is tried again one position on, as the scan would.
 */
function scan(text: string, c: CompiledLexicon): Token[] {
  const out: Token[] = [];
  const re = c.sticky;
  for (let i = 0; i < text.length; i++) {
    if (!c.first.has(text.charCodeAt(i)) || (i > 0 && LETTER_OR_DIGIT.has(text.charCodeAt(i - 1)))) continue;
    re.lastIndex = i;
    const match = re.exec(text);
    if (match === null || !boundaryOk(text, i, at(match, c.group.word) !== undefined)) continue;
    const t = tokenOf(match, i, c);
    if (t !== null) out.push(t);
    // The next match begins at the end of this one at the earliest.
    i += match[0].length - 1;
  }
  return out;
}

/** A group that is absent from the regex (number 0) reads as not matched. */
const at = (match: RegExpExecArray, n: number): string | undefined => (n === 0 ? undefined : match[n]);

/** The token of a match at `start`; null when it is none (a month in the wrong case, an hour out of range). */
function tokenOf(match: RegExpExecArray, start: number, c: CompiledLexicon): Token | null {
  const G = c.group;
  const end = start + match[0].length;
  const word = at(match, G.word);
  const num = at(match, G.num);
  const iy = at(match, G.iy);
  const da = at(match, G.da);
  if (word !== undefined) {
    const key = keyOf(word);
    if (c.exactCaseKeys.has(key) && !c.exactCase.has(word)) return null;
    const roles = c.words.get(key);
    return roles ? { kind: "word", start, end, roles } : null;
  }
  if (num !== undefined) return { kind: "num", start, end, value: Number(num), digits: num.length };
  if (iy !== undefined) return { kind: "ndate", start, end, a: Number(at(match, G.id)), b: Number(at(match, G.im)), y: Number(iy), iso: true, sep: "-" };
  if (da !== undefined) return { kind: "ndate", start, end, a: Number(da), b: Number(at(match, G.db)), y: Number(at(match, G.dy)), iso: false, sep: at(match, G.sep) ?? "." };
  const h = at(match, G.h1) ?? at(match, G.h2) ?? at(match, G.h3);
  if (h === undefined) return null;
  const m = Number(at(match, G.m1) ?? at(match, G.m2) ?? "0");
  const minutes = hourMinutes(Number(h), m, at(match, G.mer1) ?? at(match, G.mer3), c);
  return minutes !== null ? { kind: "time", start, end, minutes } : null;
}

export function roleOf<R extends RoleName>(t: Token | undefined, r: R): Extract<Role, { r: R }> | undefined {
  if (!t || t.kind !== "word") return undefined;
  // A loop, not `find` with a closure: the grammar asks this hundreds of times a document.
  const roles = t.roles;
  for (let i = 0; i < roles.length; i++) if (roles[i]!.r === r) return roles[i] as Extract<Role, { r: R }>;
  return undefined;
}
