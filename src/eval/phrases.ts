import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { extract } from "../extract/index.js";
import type { Casualty, Count, Extraction, Report } from "../model/extraction.js";
import {
  CASUALTY_KINDS,
  CLAIMANTS,
  ORGS,
  OUTCOMES,
  QUALIFIERS,
  SIDES,
  WEAPONS,
  scoringWeapon,
  type CasualtyKind,
  type DocKind,
  type Claimant,
  type Lang,
  type Org,
  type Outcome,
  type Qualifier,
  type RegionCode,
  type Side,
  type Weapon,
} from "../model/vocab.js";

/**
 * The phrase corpus (corpus/README.md): the one place that knows how an entry is read and judged.
 * The corpus test, scripts/promote-backlog.ts and the rule-coverage report all use it, so an entry
 * that one of them accepts the others accept too.
 */

export const PHRASE_FILES = ["counts", "casualties", "regions"] as const;
export type PhraseFile = (typeof PHRASE_FILES)[number];
/** What a negative entry may require to be absent (counts when unsaid). */
export const ABSENT_KINDS = ["counts", "casualties", "targets", "records"] as const;
export type AbsentKind = (typeof ABSENT_KINDS)[number];

export interface KeyExpect {
  claimant?: Claimant;
  attacker?: Side;
  target?: Side;
  /** The report's date (YYYY-MM-DD), for the classes about report keys. */
  date?: string;
  night?: boolean;
  /** Bodies that must be among the report's claimant_orgs ("media" for the outlet's own statement). */
  orgs?: Org[];
}
export interface CountExpect extends KeyExpect {
  weapon: Weapon;
  model: string | null;
  outcome: Outcome;
  n: number;
  qualifier: Qualifier;
  region: RegionCode | null;
}
export interface CasualtyExpect extends KeyExpect {
  kind: CasualtyKind;
  n: number;
  qualifier: Qualifier;
  region: RegionCode | null;
}
export interface RegionsExpect extends KeyExpect {
  targets?: RegionCode[];
  launch_areas?: RegionCode[];
  /** Record claims of the report ("the largest attack since the start of the war"), each `metric/scope`. */
  record_claims?: string[];
}
/** A fact that must not come out of the entry's texts: every field given must differ from it. */
export type Forbid = Partial<CountExpect> | Partial<CasualtyExpect>;

export interface PhraseEntry<E> {
  /** The class of misreading the entry pins down (a code of corpus/classes.json). */
  class?: string;
  published?: string | null;
  /** The document's kind and publisher, as a crawler would give them (for the rules about official posts). */
  kind?: DocKind;
  publisher?: string;
  expect: E;
  texts: string[];
  /** Facts of the same kind (counts or casualties) that must not be read from the texts. */
  forbid?: Forbid[];
  /** Regions that must not be among the targets (regions entries). */
  forbid_targets?: RegionCode[];
  /** Reports that must not exist: a report whose key matches every field given fails the entry. */
  forbid_reports?: KeyExpect[];
}
export interface NegativeEntry {
  class?: string;
  published?: string | null;
  text: string;
  why: string;
  /** What the text must not give; counts when unsaid. */
  absent?: AbsentKind[];
}
export type BacklogEntry = { reason: string } & (
  | ({ file: "counts" } & PhraseEntry<CountExpect>)
  | ({ file: "casualties" } & PhraseEntry<CasualtyExpect>)
  | ({ file: "regions" } & PhraseEntry<RegionsExpect>)
  | ({ file: "negative" } & NegativeEntry)
);

export interface ClassInfo {
  code: string;
  name: string;
  /** Languages the class need not be shown in, with the reason (a wording one language lacks). */
  except?: Partial<Record<Lang, string>>;
  /** Set while the class is not yet shown in every language: its coverage test runs as todo. */
  pending?: string;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

export class PhraseCorpus {
  constructor(readonly dir: string) {}
  phrasePath(lang: Lang, file: PhraseFile): string {
    return join(this.dir, "phrases", lang, `${file}.json`);
  }
  negativePath(lang: Lang): string {
    return join(this.dir, "negative", `${lang}.json`);
  }
  backlogPath(lang: Lang): string {
    return join(this.dir, "backlog", `${lang}.json`);
  }
  /** `<name>.json` and any `<name>.<part>.json` beside it (a file per theme keeps edits apart). */
  private parts(dir: string, name: string): string[] {
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f === `${name}.json` || (f.startsWith(`${name}.`) && f.endsWith(".json")))
      .sort()
      .map((f) => join(dir, f));
  }
  phrases<E>(lang: Lang, file: PhraseFile): PhraseEntry<E>[] {
    return this.parts(join(this.dir, "phrases", lang), file).flatMap((p) => readJson<PhraseEntry<E>[]>(p));
  }
  negatives(lang: Lang): NegativeEntry[] {
    return this.parts(join(this.dir, "negative"), lang).flatMap((p) => readJson<NegativeEntry[]>(p));
  }
  backlog(lang: Lang): BacklogEntry[] {
    const p = this.backlogPath(lang);
    return existsSync(p) ? readJson<BacklogEntry[]>(p) : [];
  }
  classes(): ClassInfo[] {
    const p = join(this.dir, "classes.json");
    return existsSync(p) ? readJson<ClassInfo[]>(p) : [];
  }
}

/** Removes the [[ ]] markers; returns the text and the marked span (null when unmarked). */
export function unmark(marked: string): { text: string; span: { start: number; end: number } | null } {
  const open = marked.indexOf("[[");
  if (open < 0) return { text: marked, span: null };
  const close = marked.indexOf("]]", open);
  if (close < 0) return { text: marked, span: null };
  return { text: marked.slice(0, open) + marked.slice(open + 2, close) + marked.slice(close + 2), span: { start: open, end: close - 2 } };
}

export function runPhrase(lang: Lang, text: string, published: string | null | undefined, meta: { kind?: DocKind; publisher?: string } = {}): Extraction {
  return extract(text, { lang, published: published ?? null, ...(meta.kind ? { kind: meta.kind } : {}), ...(meta.publisher ? { publisher: meta.publisher } : {}) });
}

function keyOk(r: Report, e: KeyExpect): boolean {
  return (
    (e.claimant === undefined || r.claimant === e.claimant) &&
    (e.attacker === undefined || r.attacker === e.attacker) &&
    (e.target === undefined || r.target === e.target) &&
    (e.date === undefined || r.date === e.date) &&
    (e.night === undefined || r.night === e.night) &&
    (e.orgs === undefined || e.orgs.every((o) => r.claimant_orgs.includes(o)))
  );
}
function keyOf(r: Report): string {
  return `${r.claimant} ${r.attacker}>${r.target} ${r.date ?? "no-date"}${r.night ? " night" : ""} ${r.claimant_orgs.join(",")}`;
}
function keyText(e: KeyExpect): string {
  return [e.claimant, e.attacker && e.target ? `${e.attacker}>${e.target}` : (e.attacker ?? e.target), e.date, e.night === undefined ? undefined : e.night ? "night" : "not night", e.orgs?.join(",")]
    .filter(Boolean)
    .join(" ");
}
function numberSpan(f: Count | Casualty): { start: number; end: number; text: string } | null {
  return f.provenance.evidence.find((e) => e.role === "number") ?? null;
}
export function showCount(r: Report, c: Count): string {
  const ne = numberSpan(c);
  return `${c.weapon}/${c.model ?? "-"}/${c.outcome} ${c.n} ${c.qualifier} ${c.region ?? "-"} @${ne ? `${ne.start}-${ne.end}"${ne.text}"` : "none"} [${keyOf(r)}] (${c.provenance.rule})`;
}
export function showCasualty(r: Report, c: Casualty): string {
  const ne = numberSpan(c);
  return `${c.kind} ${c.n} ${c.qualifier} ${c.region ?? "-"} @${ne ? `${ne.start}-${ne.end}"${ne.text}"` : "none"} [${keyOf(r)}] (${c.provenance.rule})`;
}
function listing(lines: string[]): string {
  return lines.length === 0 ? "(nothing extracted)" : lines.map((l) => `  ${l}`).join("\n");
}

/**
 * The verdict on one fact against the marked span: null when some fact matches; otherwise which
 * of `no result` (nothing at the span and nothing equal), `wrong span` (an equal fact anchored
 * elsewhere) or `wrong value` (a fact at the span that differs, or the right fact in another report).
 */
function judge<F extends Count | Casualty>(
  x: Extraction,
  span: { start: number; end: number },
  facts: (r: Report) => F[],
  equal: (f: F) => boolean,
  show: (r: Report, f: F) => string,
  key: KeyExpect,
  expected: string,
): string | null {
  const all = x.reports.flatMap((r) => facts(r).map((f) => ({ r, f })));
  const atSpan = ({ f }: { f: F }) => {
    const ne = numberSpan(f);
    return ne !== null && ne.start === span.start && ne.end === span.end;
  };
  if (all.some((p) => atSpan(p) && equal(p.f) && keyOk(p.r, key))) return null;
  const found = listing(all.map(({ r, f }) => show(r, f)));
  const want = `expected ${expected} @${span.start}-${span.end}"${x.text.slice(span.start, span.end)}"`;
  if (all.some((p) => atSpan(p) && equal(p.f))) return `wrong value (report key): ${want}\n${found}`;
  if (all.some(atSpan)) return `wrong value: ${want}\n${found}`;
  if (all.some((p) => equal(p.f) && keyOk(p.r, key))) return `wrong span: ${want}\n${found}`;
  return `no result: ${want}\n${found}`;
}

/** A fact matches a forbidden pattern when every field the pattern gives is equal (weapons as scored). */
function matchesForbid(r: Report, f: Count | Casualty, pattern: Forbid): boolean {
  for (const [k, v] of Object.entries(pattern)) {
    if (k === "claimant" || k === "attacker" || k === "target" || k === "date" || k === "night") {
      if ((r as unknown as Record<string, unknown>)[k] !== v) return false;
    } else if (k === "orgs") {
      if (!(v as Org[]).every((o) => r.claimant_orgs.includes(o))) return false;
    } else if (k === "weapon") {
      if (!("weapon" in f) || scoringWeapon(f.weapon) !== scoringWeapon(v as Weapon)) return false;
    } else if ((f as unknown as Record<string, unknown>)[k] !== v) return false;
  }
  return true;
}

function forbidden<F extends Count | Casualty>(x: Extraction, facts: (r: Report) => F[], show: (r: Report, f: F) => string, forbid: Forbid[] | undefined): string | null {
  if (!forbid || forbid.length === 0) return null;
  const bad = x.reports.flatMap((r) => facts(r).filter((f) => forbid.some((p) => matchesForbid(r, f, p))).map((f) => show(r, f)));
  if (bad.length === 0) return null;
  return `forbidden fact read (${JSON.stringify(forbid)}):\n${listing(bad)}\nall:\n${listing(x.reports.flatMap((r) => facts(r).map((f) => show(r, f))))}`;
}

/** The entry's forbidden reports found in the extraction, or null. */
function forbiddenReports(x: Extraction, patterns: KeyExpect[] | undefined): string | null {
  if (!patterns || patterns.length === 0) return null;
  const bad = x.reports.filter((r) => patterns.some((p) => keyOk(r, p)));
  if (bad.length === 0) return null;
  return `forbidden report read (${JSON.stringify(patterns)}):\n${listing(bad.map((r) => `[${keyOf(r)}] counts=${r.counts.length} casualties=${r.casualties.length} targets=${JSON.stringify(r.targets)}`))}`;
}

export function checkCount(lang: Lang, marked: string, entry: PhraseEntry<CountExpect>): string | null {
  const { text, span } = unmark(marked);
  if (!span) return "corpus error: a count text must mark its number with [[ ]]";
  const e = entry.expect;
  const x = runPhrase(lang, text, entry.published, entry);
  return (
    judge(
      x,
      span,
      (r) => r.counts,
      (c) => scoringWeapon(c.weapon) === scoringWeapon(e.weapon) && c.model === e.model && c.outcome === e.outcome && c.n === e.n && c.qualifier === e.qualifier && c.region === e.region,
      showCount,
      e,
      `${e.weapon}/${e.model ?? "-"}/${e.outcome} ${e.n} ${e.qualifier} ${e.region ?? "-"} ${keyText(e)}`,
    ) ?? forbidden(x, (r) => r.counts, showCount, entry.forbid) ?? forbiddenReports(x, entry.forbid_reports)
  );
}

export function checkCasualty(lang: Lang, marked: string, entry: PhraseEntry<CasualtyExpect>): string | null {
  const { text, span } = unmark(marked);
  if (!span) return "corpus error: a casualty text must mark its number with [[ ]]";
  const e = entry.expect;
  const x = runPhrase(lang, text, entry.published, entry);
  return (
    judge(
      x,
      span,
      (r) => r.casualties,
      (c) => c.kind === e.kind && c.n === e.n && c.qualifier === e.qualifier && c.region === e.region,
      showCasualty,
      e,
      `${e.kind} ${e.n} ${e.qualifier} ${e.region ?? "-"} ${keyText(e)}`,
    ) ?? forbidden(x, (r) => r.casualties, showCasualty, entry.forbid) ?? forbiddenReports(x, entry.forbid_reports)
  );
}

export function checkRegions(lang: Lang, marked: string, entry: PhraseEntry<RegionsExpect>): string | null {
  const { text } = unmark(marked);
  const e = entry.expect;
  const x = runPhrase(lang, text, entry.published, entry);
  const reports = x.reports.filter((r) => keyOk(r, e));
  const problems: string[] = [];
  for (const field of ["targets", "launch_areas"] as const) {
    const want = e[field];
    if (!want) continue;
    const got = new Set(reports.flatMap((r) => r[field]));
    const missing = want.filter((w) => !got.has(w));
    if (missing.length === 0) continue;
    const anyGot = x.reports.some((r) => r[field].length > 0);
    problems.push(`${anyGot ? "wrong value" : "no result"}: ${field} ${JSON.stringify(want)} expected, missing ${JSON.stringify(missing)}`);
  }
  if (e.record_claims) {
    const got = new Set(reports.flatMap((r) => r.record_claims.map((c) => `${c.metric}/${c.scope}`)));
    const missing = e.record_claims.filter((w) => !got.has(w));
    if (missing.length > 0) problems.push(`record claims ${JSON.stringify(e.record_claims)} expected, missing ${JSON.stringify(missing)}`);
  }
  const banned = (entry.forbid_targets ?? []).filter((t) => x.reports.some((r) => r.targets.includes(t)));
  if (banned.length > 0) problems.push(`forbidden targets read: ${JSON.stringify(banned)}`);
  const badReports = forbiddenReports(x, entry.forbid_reports);
  if (badReports !== null) problems.push(badReports);
  if (problems.length === 0) return null;
  const found = x.reports.map((r) => `[${keyOf(r)}] targets=${JSON.stringify(r.targets)} launch_areas=${JSON.stringify(r.launch_areas)} record_claims=${JSON.stringify(r.record_claims)}`);
  return `${problems.join("; ")}\n${listing(found)}`;
}

export function checkNegative(lang: Lang, entry: NegativeEntry): string | null {
  const x = runPhrase(lang, entry.text, entry.published);
  const absent = entry.absent ?? ["counts"];
  const lines: string[] = [];
  if (absent.includes("counts")) lines.push(...x.reports.flatMap((r) => r.counts.map((c) => `count ${showCount(r, c)}`)));
  if (absent.includes("casualties")) lines.push(...x.reports.flatMap((r) => r.casualties.map((c) => `casualty ${showCasualty(r, c)}`)));
  if (absent.includes("targets")) lines.push(...x.reports.flatMap((r) => r.targets.map((t) => `target ${t} [${keyOf(r)}]`)));
  if (absent.includes("records")) lines.push(...x.reports.flatMap((r) => r.record_claims.map((c) => `record claim ${c.metric}/${c.scope} [${keyOf(r)}]`)));
  return lines.length === 0 ? null : `unexpected ${absent.join("/")} (${entry.why}):\n${listing(lines)}`;
}

export function checkBacklog(lang: Lang, b: BacklogEntry): string | null {
  switch (b.file) {
    case "counts":
      return b.texts.map((t) => checkCount(lang, t, b)).find((m) => m !== null) ?? null;
    case "casualties":
      return b.texts.map((t) => checkCasualty(lang, t, b)).find((m) => m !== null) ?? null;
    case "regions":
      return b.texts.map((t) => checkRegions(lang, t, b)).find((m) => m !== null) ?? null;
    case "negative":
      return checkNegative(lang, b);
  }
}

export function validKey(e: KeyExpect): boolean {
  return (
    (e.claimant === undefined || (CLAIMANTS as readonly string[]).includes(e.claimant)) &&
    [e.attacker, e.target].every((s) => s === undefined || (SIDES as readonly string[]).includes(s)) &&
    (e.date === undefined || /^\d{4}-\d{2}-\d{2}$/.test(e.date)) &&
    (e.night === undefined || typeof e.night === "boolean") &&
    (e.orgs === undefined || (Array.isArray(e.orgs) && e.orgs.every((o) => (ORGS as readonly string[]).includes(o))))
  );
}

/** Problems with the shape of an entry's expectation (vocabulary, markers); empty when well formed. */
export function entryProblems(file: PhraseFile | "negative", entry: PhraseEntry<unknown> | NegativeEntry, classes: ReadonlySet<string>): string[] {
  const out: string[] = [];
  if (entry.class !== undefined && !classes.has(entry.class)) out.push(`unknown class ${entry.class}`);
  if (file === "negative") {
    const n = entry as NegativeEntry;
    if (!(n.why.length > 0) || n.text.includes("[[")) out.push(`negative needs a why and no marks: ${n.text}`);
    if (n.absent && !n.absent.every((a) => (ABSENT_KINDS as readonly string[]).includes(a))) out.push(`bad absent ${JSON.stringify(n.absent)}`);
    return out;
  }
  const p = entry as PhraseEntry<Record<string, unknown>>;
  if (p.forbid_reports && !p.forbid_reports.every((k) => validKey(k) && Object.keys(k).length > 0)) out.push(`bad forbid_reports ${JSON.stringify(p.forbid_reports)}`);
  const marks = (t: string) => (t.match(/\[\[/g) ?? []).length === 1 && (t.match(/\]\]/g) ?? []).length === 1;
  if (file === "counts") {
    const x = p.expect as unknown as CountExpect;
    if (!((WEAPONS as readonly string[]).includes(x.weapon) && (OUTCOMES as readonly string[]).includes(x.outcome) && (QUALIFIERS as readonly string[]).includes(x.qualifier) && validKey(x))) out.push(`bad expect ${JSON.stringify(x)}`);
    if (!(Number.isInteger(x.n) && x.n >= 0 && (x.region === null || typeof x.region === "string") && (x.model === null || typeof x.model === "string"))) out.push(`bad expect ${JSON.stringify(x)}`);
    for (const t of p.texts) if (!marks(t)) out.push(`mark the number once: ${t}`);
  } else if (file === "casualties") {
    const x = p.expect as unknown as CasualtyExpect;
    if (!((CASUALTY_KINDS as readonly string[]).includes(x.kind) && (QUALIFIERS as readonly string[]).includes(x.qualifier) && Number.isInteger(x.n) && validKey(x))) out.push(`bad expect ${JSON.stringify(x)}`);
    for (const t of p.texts) if (!marks(t)) out.push(`mark the number once: ${t}`);
  } else {
    const x = p.expect as unknown as RegionsExpect;
    const records = x.record_claims ?? [];
    if (!records.every((c) => /^(any|drone|missile)\/(war|year)$/.test(c))) out.push(`bad record_claims ${JSON.stringify(records)} (metric/scope)`);
    if (!((x.targets?.length ?? 0) + (x.launch_areas?.length ?? 0) + records.length > 0 && validKey(x))) out.push(`regions entry expects nothing: ${JSON.stringify(x)}`);
    for (const t of p.texts) if (t.includes("[[")) out.push(`regions texts carry no marks: ${t}`);
  }
  return out;
}

/** Every text of an entry checked; the first failure, or null. */
export function checkEntry(lang: Lang, file: PhraseFile | "negative", entry: PhraseEntry<unknown> | NegativeEntry): string | null {
  if (file === "negative") return checkNegative(lang, entry as NegativeEntry);
  const p = entry as PhraseEntry<never>;
  const one = (t: string) =>
    file === "counts" ? checkCount(lang, t, p as PhraseEntry<CountExpect>) : file === "casualties" ? checkCasualty(lang, t, p as PhraseEntry<CasualtyExpect>) : checkRegions(lang, t, p as PhraseEntry<RegionsExpect>);
  for (const t of p.texts) {
    const m = one(t);
    if (m !== null) return m;
  }
  return null;
}
