import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { extract } from "../../src/extract/index.js";
import type { Casualty, Count, Extraction, Report } from "../../src/model/extraction.js";
import {
  CASUALTY_KINDS,
  CLAIMANTS,
  LANGS,
  OUTCOMES,
  QUALIFIERS,
  SIDES,
  WEAPONS,
  scoringWeapon,
  type CasualtyKind,
  type Claimant,
  type Lang,
  type Outcome,
  type Qualifier,
  type RegionCode,
  type Side,
  type Weapon,
} from "../../src/model/vocab.js";

// The phrase corpus (corpus/README.md): every text is run through `extract`, and the fact its entry
// expects must come out, anchored on the marked number. Entries the engine gets wrong today live in
// corpus/backlog/<lang>.json and run as todo tests.

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const corpusDir = join(root, "corpus");
const PHRASE_FILES = ["counts", "casualties", "regions"] as const;
type PhraseFile = (typeof PHRASE_FILES)[number];
const MIN_ENTRIES = 15;

interface KeyExpect {
  claimant?: Claimant;
  attacker?: Side;
  target?: Side;
}
interface CountExpect extends KeyExpect {
  weapon: Weapon;
  model: string | null;
  outcome: Outcome;
  n: number;
  qualifier: Qualifier;
  region: RegionCode | null;
}
interface CasualtyExpect extends KeyExpect {
  kind: CasualtyKind;
  n: number;
  qualifier: Qualifier;
  region: RegionCode | null;
}
interface RegionsExpect extends KeyExpect {
  targets?: RegionCode[];
  launch_areas?: RegionCode[];
}
interface PhraseEntry<E> {
  published?: string | null;
  expect: E;
  texts: string[];
}
interface NegativeEntry {
  published?: string | null;
  text: string;
  why: string;
}
type BacklogEntry = { reason: string } & (
  | ({ file: "counts" } & PhraseEntry<CountExpect>)
  | ({ file: "casualties" } & PhraseEntry<CasualtyExpect>)
  | ({ file: "regions" } & PhraseEntry<RegionsExpect>)
  | ({ file: "negative" } & NegativeEntry)
);

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}
function phrasePath(lang: Lang, file: PhraseFile): string {
  return join(corpusDir, "phrases", lang, `${file}.json`);
}
function readPhrases<E>(lang: Lang, file: PhraseFile): PhraseEntry<E>[] {
  return readJson<PhraseEntry<E>[]>(phrasePath(lang, file));
}
function readNegatives(lang: Lang): NegativeEntry[] {
  return readJson<NegativeEntry[]>(join(corpusDir, "negative", `${lang}.json`));
}
function readBacklog(lang: Lang): BacklogEntry[] {
  const p = join(corpusDir, "backlog", `${lang}.json`);
  return existsSync(p) ? readJson<BacklogEntry[]>(p) : [];
}

/** Removes the [[ ]] markers; returns the text and the marked span (null when unmarked). */
function unmark(marked: string): { text: string; span: { start: number; end: number } | null } {
  const open = marked.indexOf("[[");
  if (open < 0) return { text: marked, span: null };
  const close = marked.indexOf("]]", open);
  if (close < 0) return { text: marked, span: null };
  return { text: marked.slice(0, open) + marked.slice(open + 2, close) + marked.slice(close + 2), span: { start: open, end: close - 2 } };
}

function run(lang: Lang, text: string, published: string | null | undefined): Extraction {
  return extract(text, { lang, published: published ?? null });
}

function keyOk(r: Report, e: KeyExpect): boolean {
  return (e.claimant === undefined || r.claimant === e.claimant) && (e.attacker === undefined || r.attacker === e.attacker) && (e.target === undefined || r.target === e.target);
}
function keyOf(r: Report): string {
  return `${r.claimant} ${r.attacker}>${r.target}`;
}
function numberSpan(f: Count | Casualty): { start: number; end: number; text: string } | null {
  return f.provenance.evidence.find((e) => e.role === "number") ?? null;
}
function showCount(r: Report, c: Count): string {
  const ne = numberSpan(c);
  return `${c.weapon}/${c.model ?? "-"}/${c.outcome} ${c.n} ${c.qualifier} ${c.region ?? "-"} @${ne ? `${ne.start}-${ne.end}"${ne.text}"` : "none"} [${keyOf(r)}]`;
}
function showCasualty(r: Report, c: Casualty): string {
  const ne = numberSpan(c);
  return `${c.kind} ${c.n} ${c.qualifier} ${c.region ?? "-"} @${ne ? `${ne.start}-${ne.end}"${ne.text}"` : "none"} [${keyOf(r)}]`;
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

function keyText(e: KeyExpect): string {
  return [e.claimant, e.attacker && e.target ? `${e.attacker}>${e.target}` : (e.attacker ?? e.target)].filter(Boolean).join(" ");
}

function checkCount(lang: Lang, marked: string, entry: PhraseEntry<CountExpect>): string | null {
  const { text, span } = unmark(marked);
  if (!span) return "corpus error: a count text must mark its number with [[ ]]";
  const e = entry.expect;
  const x = run(lang, text, entry.published);
  return judge(
    x,
    span,
    (r) => r.counts,
    (c) => scoringWeapon(c.weapon) === scoringWeapon(e.weapon) && c.model === e.model && c.outcome === e.outcome && c.n === e.n && c.qualifier === e.qualifier && c.region === e.region,
    showCount,
    e,
    `${e.weapon}/${e.model ?? "-"}/${e.outcome} ${e.n} ${e.qualifier} ${e.region ?? "-"} ${keyText(e)}`,
  );
}

function checkCasualty(lang: Lang, marked: string, entry: PhraseEntry<CasualtyExpect>): string | null {
  const { text, span } = unmark(marked);
  if (!span) return "corpus error: a casualty text must mark its number with [[ ]]";
  const e = entry.expect;
  const x = run(lang, text, entry.published);
  return judge(
    x,
    span,
    (r) => r.casualties,
    (c) => c.kind === e.kind && c.n === e.n && c.qualifier === e.qualifier && c.region === e.region,
    showCasualty,
    e,
    `${e.kind} ${e.n} ${e.qualifier} ${e.region ?? "-"} ${keyText(e)}`,
  );
}

function checkRegions(lang: Lang, marked: string, entry: PhraseEntry<RegionsExpect>): string | null {
  const { text } = unmark(marked);
  const e = entry.expect;
  const x = run(lang, text, entry.published);
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
  if (problems.length === 0) return null;
  const found = x.reports.map((r) => `[${keyOf(r)}] targets=${JSON.stringify(r.targets)} launch_areas=${JSON.stringify(r.launch_areas)}`);
  return `${problems.join("; ")}\n${listing(found)}`;
}

function checkNegative(lang: Lang, entry: NegativeEntry): string | null {
  const x = run(lang, entry.text, entry.published);
  const counts = x.reports.flatMap((r) => r.counts.map((c) => showCount(r, c)));
  return counts.length === 0 ? null : `unexpected count (${entry.why}):\n${listing(counts)}`;
}

function checkBacklog(lang: Lang, b: BacklogEntry): string | null {
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

function title(lang: Lang, file: string, text: string): string {
  const words = unmark(text).text.split(/\s+/).filter(Boolean);
  return `${lang}/${file}/${words.slice(0, 7).join(" ")}${words.length > 7 ? "…" : ""}`;
}
function fail(message: string | null): void {
  if (message !== null) assert.fail(message);
}

function validKey(e: KeyExpect): boolean {
  return (e.claimant === undefined || (CLAIMANTS as readonly string[]).includes(e.claimant)) && [e.attacker, e.target].every((s) => s === undefined || (SIDES as readonly string[]).includes(s));
}

describe("phrase corpus is well formed", () => {
  for (const lang of LANGS) {
    it(`${lang}: every file exists and holds at least ${MIN_ENTRIES} entries (corpus and backlog together)`, () => {
      const backlog = readBacklog(lang);
      for (const file of PHRASE_FILES) {
        assert.ok(existsSync(phrasePath(lang, file)), `corpus/phrases/${lang}/${file}.json is missing`);
        const n = readPhrases(lang, file).length + backlog.filter((b) => b.file === file).length;
        assert.ok(n >= MIN_ENTRIES, `${lang}/${file}: only ${n} entries`);
      }
      assert.ok(readNegatives(lang).length + backlog.filter((b) => b.file === "negative").length >= 10, `${lang}: fewer than 10 negatives`);
    });

    it(`${lang}: expectations use the vocabulary, texts mark exactly one span, no text appears twice`, () => {
      const seen = new Set<string>();
      const once = (t: string) => {
        assert.ok(!seen.has(t), `${lang}: text appears twice: ${t}`);
        seen.add(t);
      };
      const marks = (t: string) => (t.match(/\[\[/g) ?? []).length === 1 && (t.match(/\]\]/g) ?? []).length === 1;
      const backlog = readBacklog(lang);
      const counts = [...readPhrases<CountExpect>(lang, "counts"), ...backlog.flatMap((b) => (b.file === "counts" ? [b] : []))];
      const casualties = [...readPhrases<CasualtyExpect>(lang, "casualties"), ...backlog.flatMap((b) => (b.file === "casualties" ? [b] : []))];
      const regions = [...readPhrases<RegionsExpect>(lang, "regions"), ...backlog.flatMap((b) => (b.file === "regions" ? [b] : []))];
      for (const e of counts) {
        const x = e.expect;
        assert.ok((WEAPONS as readonly string[]).includes(x.weapon) && (OUTCOMES as readonly string[]).includes(x.outcome) && (QUALIFIERS as readonly string[]).includes(x.qualifier) && validKey(x), `bad expect ${JSON.stringify(x)}`);
        assert.ok(Number.isInteger(x.n) && x.n >= 0 && (x.region === null || typeof x.region === "string") && (x.model === null || typeof x.model === "string"), `bad expect ${JSON.stringify(x)}`);
        for (const t of e.texts) assert.ok(marks(t), `${lang}: mark the number once: ${t}`), once(t);
      }
      for (const e of casualties) {
        const x = e.expect;
        assert.ok((CASUALTY_KINDS as readonly string[]).includes(x.kind) && (QUALIFIERS as readonly string[]).includes(x.qualifier) && Number.isInteger(x.n) && validKey(x), `bad expect ${JSON.stringify(x)}`);
        for (const t of e.texts) assert.ok(marks(t), `${lang}: mark the number once: ${t}`), once(t);
      }
      for (const e of regions) {
        assert.ok((e.expect.targets?.length ?? 0) + (e.expect.launch_areas?.length ?? 0) > 0 && validKey(e.expect), `regions entry expects nothing: ${JSON.stringify(e.expect)}`);
        for (const t of e.texts) assert.ok(!t.includes("[["), `${lang}: regions texts carry no marks: ${t}`), once(t);
      }
      for (const n of [...readNegatives(lang), ...backlog.flatMap((b) => (b.file === "negative" ? [b] : []))]) {
        assert.ok(n.why.length > 0 && !n.text.includes("[["), `negative needs a why and no marks: ${n.text}`);
        once(n.text);
      }
      for (const b of backlog) assert.ok(b.reason.trim().length > 0, `backlog entry without reason: ${JSON.stringify(b)}`);
    });
  }
});

for (const lang of LANGS) {
  describe(`${lang} corpus`, () => {
    for (const entry of readPhrases<CountExpect>(lang, "counts"))
      for (const t of entry.texts) it(title(lang, "counts", t), () => fail(checkCount(lang, t, entry)));
    for (const entry of readPhrases<CasualtyExpect>(lang, "casualties"))
      for (const t of entry.texts) it(title(lang, "casualties", t), () => fail(checkCasualty(lang, t, entry)));
    for (const entry of readPhrases<RegionsExpect>(lang, "regions"))
      for (const t of entry.texts) it(title(lang, "regions", t), () => fail(checkRegions(lang, t, entry)));
    for (const entry of readNegatives(lang)) it(title(lang, "negative", entry.text), () => fail(checkNegative(lang, entry)));
  });

  describe(`${lang} backlog`, () => {
    const promotable: string[] = [];
    for (const b of readBacklog(lang)) {
      const name = title(lang, `backlog/${b.file}`, b.file === "negative" ? b.text : (b.texts[0] ?? ""));
      it(name, { todo: b.reason }, (t) => {
        const message = checkBacklog(lang, b);
        if (message === null) {
          promotable.push(name);
          t.diagnostic(`now passes: move it back to corpus/${b.file === "negative" ? `negative/${lang}` : `phrases/${lang}/${b.file}`}.json`);
        }
        fail(message);
      });
    }
    it(`${lang}: backlog entries that now pass`, (t) => {
      t.diagnostic(promotable.length === 0 ? "none" : `${promotable.length} to promote: ${promotable.join(" | ")}`);
    });
  });
}
