import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { extract } from "../../src/extract/index.js";
import { LEXICONS } from "../../src/lexicon/index.js";
import { MODELS } from "../../src/lexicon/shared/models.js";
import type { Extraction } from "../../src/model/extraction.js";
import type { Provenance, Span } from "../../src/model/span.js";
import { LANGS, type Lang } from "../../src/model/vocab.js";

// Properties that hold for every input: extract is total, its spans point into its text, its
// numbers are stated where it says, and it is a function of its input.

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
// SALVO_FUZZ_RUNS raises the number of runs for a longer hunt (the default keeps the file at a few seconds).
const RUNS = Number(process.env.SALVO_FUZZ_RUNS ?? "") || 150;

/** Every provenance an extraction carries, with a name for messages. */
function provenances(x: Extraction): Array<{ what: string; p: Provenance }> {
  const out: Array<{ what: string; p: Provenance }> = [];
  x.reports.forEach((r, i) => {
    const add = (what: string, items: Array<{ provenance: Provenance }>) => items.forEach((f, j) => out.push({ what: `report ${i} ${what} ${j}`, p: f.provenance }));
    add("count", r.counts);
    add("casualty", r.casualties);
    add("target", r.target_facts);
    add("launch area", r.launch_area_facts);
    add("org", r.org_facts);
    add("place", r.places);
    add("record", r.record_claims);
    if (r.date_evidence) out.push({ what: `report ${i} date`, p: r.date_evidence });
  });
  return out;
}

function inside(s: Span, len: number): boolean {
  return Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= len;
}

function checkSpans(x: Extraction): void {
  const len = x.text.length;
  for (const s of [x.published_span, x.updated_span]) if (s) assert.ok(inside(s, len), `publication span ${JSON.stringify(s)} outside a text of ${len}`);
  for (const { what, p } of provenances(x)) {
    assert.ok(inside(p.sentence, len), `${what}: sentence ${JSON.stringify(p.sentence)} outside a text of ${len}`);
    for (const e of p.evidence) {
      assert.ok(inside(e, len), `${what}: ${e.role} evidence ${e.start}-${e.end} outside a text of ${len}`);
      assert.equal(e.text, x.text.slice(e.start, e.end), `${what}: ${e.role} evidence text differs from the text at its span`);
    }
  }
}

/** The number a fact states must be written in its number evidence: as digits, or as a word inside the sentence. */
function checkNumbers(x: Extraction): void {
  for (const r of x.reports) {
    for (const f of [...r.counts, ...r.casualties]) {
      const ev = f.provenance.evidence.filter((e) => e.role === "number");
      assert.ok(ev.length > 0, `a figure of ${f.n} has no number evidence`);
      const num = ev[0]!;
      if (/\p{Nd}/u.test(num.text)) {
        const digits = num.text.replace(/[^0-9]/g, "");
        assert.ok(digits.length > 0 && Number(digits) === f.n, `n = ${f.n} but its number evidence says "${num.text}"`);
      } else {
        const s = f.provenance.sentence;
        assert.ok(num.end > num.start, `n = ${f.n}: empty word-number evidence`);
        assert.ok(s.start <= num.start && num.end <= s.end, `n = ${f.n}: number word "${num.text}" outside its sentence`);
      }
    }
  }
}

function checkAll(input: string, lang: Lang | null, published: string | null): void {
  const options = { ...(lang ? { lang } : {}), published };
  const x = extract(input, options);
  assert.ok((LANGS as readonly string[]).includes(x.lang), `unknown language ${x.lang}`);
  // Normalization replaces one unit by one: offsets in the text are offsets in the input.
  assert.equal(x.text.length, input.length, "normalized text changed length");
  checkSpans(x);
  checkNumbers(x);
  assert.deepEqual(extract(input, options), x, "a second run gave a different extraction");
}

/** Words the engine looks for, so that random mixes of them make reports. */
function vocabulary(): string[] {
  const words = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === "string") words.add(v.replace(/\*$/, ""));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") for (const [k, y] of Object.entries(v)) walk(typeof y === "number" ? k : y);
  };
  for (const lex of Object.values(LEXICONS)) walk({ ...lex, lang: [] });
  for (const m of Object.values(MODELS)) walk(m.forms);
  const gazetteer = JSON.parse(readFileSync(join(root, "src", "lexicon", "shared", "gazetteer.json"), "utf8")) as { regions: Array<{ names: Record<string, string> }> };
  for (const r of gazetteer.regions) walk(Object.values(r.names));
  return [...words].filter((w) => w.length > 0);
}

const WORDS = vocabulary();
const FRAGMENTS = [
  "противник атакував", "збито/подавлено", "локаційно втрачено", "з них", "по одному", "у ніч на 4 липня",
  "перехвачены и уничтожены", "над территорией", "из них", "за неделю", "в 8.00 мск",
  "au moins", "dont", "dans la nuit de jeudi à vendredi", "au-dessus de la région de",
  "more than", "of them", "overnight", "shot down", "28 of 29", "Shahed-136", "Ту-95МС", "Х-59/69", "1 200", "1\u202f200",
  "1,178", "18:00", "2022", "- 4 крилаті ракети Х-101;", "Белгородской (3 БПЛА)", "\n", "—", "–", ":", "(", ")", ";",
];
const separators = fc.constantFrom(" ", " ", " ", "\n", ", ", ": ", " – ", "; ", ". ", "\n- ", "\u00a0", "\u2009", "’", "");
const numberText = fc.integer({ min: 0, max: 3_000_000 }).chain((n) =>
  fc.constantFrom(String(n), n.toLocaleString("en-US"), n.toLocaleString("fr-FR"), n.toLocaleString("ru-RU"), n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, " ")),
);
const piece = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 3, arbitrary: numberText },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }) },
);
/** A figure sentence built from one language's own words: "[outcome] [qualifier] N weapon [outcome] [over region]". */
function sentenceOf(lang: Lang): fc.Arbitrary<string> {
  const lex = LEXICONS[lang];
  const forms = (xs: readonly string[] | undefined) => (xs ?? []).map((w) => w.replace(/\*$/, "")).filter((w) => w.length > 0);
  const weapons = Object.values(lex.weapons).flatMap((xs) => forms(xs));
  const outcomes = Object.values(lex.outcomes).flatMap((xs) => forms(xs));
  const qualifiers = Object.values(lex.qualifiers).flatMap((xs) => forms(xs));
  const numberWords = Object.keys(lex.numbers);
  const places = [...forms(lex.over), ...forms(lex.regionNouns)];
  const optional = (a: fc.Arbitrary<string>) => fc.option(a, { nil: "" });
  return fc
    .tuple(
      optional(fc.constantFrom(...outcomes)),
      optional(fc.constantFrom(...qualifiers)),
      fc.oneof(numberText, fc.constantFrom(...numberWords)),
      fc.constantFrom(...weapons),
      optional(fc.constantFrom(...outcomes)),
      optional(fc.tuple(fc.constantFrom(...places), fc.constantFrom(...WORDS)).map(([a, b]) => `${a} ${b}`)),
    )
    .map((parts) => parts.filter((p) => p !== "").join(" "));
}
const reportLike = fc.constantFrom(...LANGS).chain((lang) =>
  fc
    .array(fc.oneof({ weight: 3, arbitrary: sentenceOf(lang) }, { weight: 1, arbitrary: piece }), { minLength: 1, maxLength: 8 })
    .chain((parts) => fc.array(separators, { minLength: parts.length, maxLength: parts.length }).map((seps) => parts.map((p, i) => p + seps[i]).join(""))),
);
const langOption = fc.option(fc.constantFrom(...LANGS), { nil: null });
const publishedOption = fc.option(fc.oneof(fc.constant("2025-07-04T09:00:00+03:00"), fc.constant("2024-02-29"), fc.string({ maxLength: 30 })), { nil: null });

describe("extract properties", () => {
  it("never throws and keeps its invariants on arbitrary graphemes", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), langOption, publishedOption, (s, l, p) => checkAll(s, l, p)), { numRuns: RUNS });
  });

  it("never throws and keeps its invariants on arbitrary code points, lone surrogates included", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), langOption, publishedOption, (s, l, p) => checkAll(s, l, p)), { numRuns: RUNS });
  });

  it("keeps its invariants on mixes of report vocabulary, figures and noise", (t) => {
    let withCounts = 0;
    fc.assert(
      fc.property(reportLike, langOption, publishedOption, (s, l, p) => {
        checkAll(s, l, p);
        if (extract(s, l ? { lang: l } : {}).reports.some((r) => r.counts.length > 0)) withCounts++;
      }),
      { numRuns: RUNS * 2 },
    );
    // The mixes are only a test of the number checks if some of them make counts.
    assert.ok(withCounts > RUNS / 2, `only ${withCounts} of ${RUNS * 2} mixes gave a count`);
    t.diagnostic(`${withCounts} of ${RUNS * 2} mixes gave counts`);
  });

  it("keeps its invariants on hand-written reports cut at every length", () => {
    const texts = [
      "У ніч на 4 липня противник атакував 550 засобами повітряного нападу: 539 ударних БпЛА та 11 ракет.\n- 4 крилаті ракети Х-101;\n- 2 балістичні ракети Іскандер-М/KN-23;\nЗбито/подавлено 270 БпЛА. 208 локаційно втрачено. Влучання на 8 локаціях.",
      "Минувшей ночью перехвачены и уничтожены 48 украинских БПЛА: 26 – над территорией Ростовской области, 12 – над Белгородской, по одному – над Брянской и Курской областями.",
      "Selon l'armée de l'air, la Russie a lancé 550 drones et missiles, dont 539 drones ; au moins 23 blessés à Kyiv.",
      "Russia launched more than 1,000 drones this week; overnight it fired 28 of 29 Shahed drones, the air force said, and two people were killed.",
    ];
    for (const t of texts) for (let end = 0; end <= t.length; end += 3) checkAll(t.slice(0, end), null, "2025-07-04T09:00:00+03:00");
  });
});
