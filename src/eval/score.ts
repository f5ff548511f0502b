/**
 * Scores a predicted `Gold` against the gold one, as ../shared/spec/gold-format.md ("Scoring") says.
 *
 * Conventions:
 * - Every fact is keyed by its report key (claimant, attacker, target, date): a right figure under the
 *   wrong date or claimant is wrong.
 * - Counts and casualties are multisets: two equal gold counts need two predicted ones, and each gold item
 *   is matched at most once. Targets, claimant orgs, launch areas, record claims and report keys are sets
 *   (a repeat within one document counts once).
 * - `drone.strike` is scored as `drone`; the model still takes part in the match.
 * - Precision is 1 when nothing was predicted and nothing was missed, 0 when nothing was predicted but
 *   something was missed; recall likewise (1 when there was nothing to find and nothing spurious). So an
 *   empty prediction for an empty gold scores 1, and F1 is 0 whenever precision + recall is 0.
 * - Accuracies are measured only where there is something to measure and are null otherwise:
 *   qualifier accuracy over matched counts and casualties; published accuracy over documents whose
 *   gold.published is not null (the same instant and the same UTC offset); language accuracy over
 *   documents whose predicted language is known.
 * Micro averages throughout: tallies are summed over documents before P/R/F1 are computed.
 */
import type { Gold, GoldCasualty, GoldCount } from "../model/gold.js";
import {
  scoringWeapon,
  type Claimant,
  type DocKind,
  type Lang,
  type Org,
  type RecordMetric,
  type RecordScope,
  type RegionCode,
  type Side,
} from "../model/vocab.js";

export interface ReportKey {
  claimant: Claimant;
  attacker: Side;
  target: Side;
  date: string | null;
}

export type Fact =
  | { facet: "count"; key: ReportKey; count: GoldCount }
  | { facet: "casualty"; key: ReportKey; casualty: GoldCasualty }
  | { facet: "target"; key: ReportKey; region: RegionCode }
  | { facet: "launch_area"; key: ReportKey; region: RegionCode }
  | { facet: "claimant_org"; key: ReportKey; org: Org }
  | { facet: "record_claim"; key: ReportKey; metric: RecordMetric; scope: RecordScope }
  | { facet: "report_key"; key: ReportKey };

export type Facet = Fact["facet"];
type FactOf<F extends Facet> = Extract<Fact, { facet: F }>;

/**
 * A predicted count or casualty that stands for a gold one but got one part wrong: its `n` (`n`), its
 * report key (`report_key`), or its weapon/model/outcome/region or kind/region (`attributes`).
 * In the tallies it is still one false positive and one false negative.
 */
export interface WrongFact {
  facet: "count" | "casualty";
  why: "n" | "report_key" | "attributes";
  gold: Fact;
  predicted: Fact;
}

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf extends Tally {
  precision: number;
  recall: number;
  f1: number;
}

export interface Ratio {
  right: number;
  total: number;
}

export const TALLIED = [
  "counts",
  "targets",
  "casualties",
  "claimant_orgs",
  "launch_areas",
  "record_claims",
  "report_keys",
] as const;
export type Tallied = (typeof TALLIED)[number];

export interface DocumentInput {
  id: string;
  lang: Lang;
  kind: DocKind;
  gold: Gold;
  predicted: Gold;
  /** The language the extractor chose, when known. */
  predictedLang?: Lang;
}

export interface DocumentScore {
  id: string;
  lang: Lang;
  kind: DocKind;
  tallies: Record<Tallied, Tally>;
  qualifier: Ratio;
  published: Ratio;
  lang_detection: Ratio;
  /** Gold facts not found (false negatives), spurious predicted facts (false positives), and pairs of the two. */
  missing: Fact[];
  spurious: Fact[];
  wrong: WrongFact[];
}

export interface GroupScore {
  documents: number;
  counts: Prf;
  targets: Prf;
  casualties: Prf;
}

export interface EvalSummary {
  documents: number;
  counts: Prf;
  targets: Prf;
  casualties: Prf;
  secondary: {
    claimant_orgs: Prf;
    launch_areas: Prf;
    record_claims: Prf;
    report_keys: Prf;
    qualifier: Ratio;
    published: Ratio;
    lang_detection: Ratio;
  };
  by_lang: Partial<Record<Lang, GroupScore>>;
  by_kind: Partial<Record<DocKind, GroupScore>>;
  /**
   * The corpus split in two by a fixed rule on each document's id (see `halfOf`): rules are tuned on
   * half A and half B shows whether they read language or fit documents.
   */
  by_half: Partial<Record<Half, GroupScore>>;
}

export type Half = "A" | "B";

/** A document's half: FNV-1a of its id, even → A, odd → B. Fixed, so a document never changes side. */
export function halfOf(id: string): Half {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 2 === 0 ? "A" : "B";
}

export function prf(t: Tally): Prf {
  const precision = t.tp + t.fp === 0 ? (t.fn === 0 ? 1 : 0) : t.tp / (t.tp + t.fp);
  const recall = t.tp + t.fn === 0 ? (t.fp === 0 ? 1 : 0) : t.tp / (t.tp + t.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp: t.tp, fp: t.fp, fn: t.fn };
}

export function accuracy(r: Ratio): number | null {
  return r.total === 0 ? null : r.right / r.total;
}

export function reportKeyId(k: ReportKey): string {
  return `${k.claimant}|${k.attacker}|${k.target}|${k.date ?? "-"}`;
}

export function formatReportKey(k: ReportKey): string {
  return `${k.claimant}: ${k.attacker}→${k.target} ${k.date ?? "(no date)"}`;
}

// --- facts -------------------------------------------------------------------------------------------

function factsOf(g: Gold): { [F in Facet]: FactOf<F>[] } {
  const out: { [F in Facet]: FactOf<F>[] } = {
    count: [],
    casualty: [],
    target: [],
    launch_area: [],
    claimant_org: [],
    record_claim: [],
    report_key: [],
  };
  for (const r of g.reports) {
    const key: ReportKey = { claimant: r.claimant, attacker: r.attacker, target: r.target, date: r.date };
    out.report_key.push({ facet: "report_key", key });
    for (const count of r.counts) out.count.push({ facet: "count", key, count });
    for (const casualty of r.casualties) out.casualty.push({ facet: "casualty", key, casualty });
    for (const region of r.targets) out.target.push({ facet: "target", key, region });
    for (const region of r.launch_areas) out.launch_area.push({ facet: "launch_area", key, region });
    for (const org of r.claimant_orgs) out.claimant_org.push({ facet: "claimant_org", key, org });
    for (const c of r.record_claims) out.record_claim.push({ facet: "record_claim", key, metric: c.metric, scope: c.scope });
  }
  return out;
}

const countShape = (c: GoldCount) => `${scoringWeapon(c.weapon)}|${c.model ?? "-"}|${c.outcome}|${c.region ?? "-"}`;
const casualtyShape = (c: GoldCasualty) => `${c.kind}|${c.region ?? "-"}`;

/** The identity under which each facet is matched. */
function identity(f: Fact): string {
  const k = reportKeyId(f.key);
  switch (f.facet) {
    case "count":
      return `${k}#${countShape(f.count)}#${f.count.n}`;
    case "casualty":
      return `${k}#${casualtyShape(f.casualty)}#${f.casualty.n}`;
    case "target":
    case "launch_area":
      return `${k}#${f.region}`;
    case "claimant_org":
      return `${k}#${f.org}`;
    case "record_claim":
      return `${k}#${f.metric}|${f.scope}`;
    case "report_key":
      return k;
  }
}

function qualifierOf(f: Fact): string | null {
  if (f.facet === "count") return f.count.qualifier;
  if (f.facet === "casualty") return f.casualty.qualifier;
  return null;
}

// --- matching ----------------------------------------------------------------------------------------

interface Matching<T> {
  pairs: Array<[gold: T, predicted: T]>;
  missing: T[];
  spurious: T[];
}

/**
 * Multiset matching on `id`: each gold item pairs with at most one predicted item. Among equal ids a
 * partner for which `prefer` holds is taken first, so that e.g. the qualifier check is not spoiled by
 * the order of two otherwise equal counts.
 */
function match<T>(gold: readonly T[], predicted: readonly T[], id: (x: T) => string, prefer?: (g: T, p: T) => boolean): Matching<T> {
  const buckets = new Map<string, T[]>();
  for (const g of gold) {
    const k = id(g);
    const b = buckets.get(k);
    if (b) b.push(g);
    else buckets.set(k, [g]);
  }
  const pairs: Array<[T, T]> = [];
  const unmatched: T[] = [];
  const take = (p: T, strict: boolean): boolean => {
    const b = buckets.get(id(p));
    if (!b || b.length === 0) return false;
    const i = strict ? b.findIndex((g) => prefer!(g, p)) : 0;
    if (i < 0) return false;
    pairs.push([b[i]!, p]);
    b.splice(i, 1);
    return true;
  };
  let rest = [...predicted];
  if (prefer) rest = rest.filter((p) => !take(p, true));
  for (const p of rest) if (!take(p, false)) unmatched.push(p);
  const missing = [...buckets.values()].flat();
  // Keep the gold order for readable diffs.
  const left = new Set(missing);
  return { pairs, missing: gold.filter((g) => left.has(g)), spurious: unmatched };
}

function uniqueBy<T>(xs: readonly T[], id: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = id(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Looser identities, tried in order, that pair a missing gold fact with a spurious predicted one. */
const WRONG_PASSES: Record<"count" | "casualty", Array<[WrongFact["why"], (f: Fact) => string]>> = {
  count: [
    ["n", (f) => (f.facet === "count" ? `${reportKeyId(f.key)}#${countShape(f.count)}` : "")],
    ["report_key", (f) => (f.facet === "count" ? `${countShape(f.count)}#${f.count.n}` : "")],
    ["attributes", (f) => (f.facet === "count" ? `${reportKeyId(f.key)}#${f.count.n}` : "")],
  ],
  casualty: [
    ["n", (f) => (f.facet === "casualty" ? `${reportKeyId(f.key)}#${casualtyShape(f.casualty)}` : "")],
    ["report_key", (f) => (f.facet === "casualty" ? `${casualtyShape(f.casualty)}#${f.casualty.n}` : "")],
    ["attributes", (f) => (f.facet === "casualty" ? `${reportKeyId(f.key)}#${f.casualty.n}` : "")],
  ],
};

function pairWrong(facet: "count" | "casualty", missing: Fact[], spurious: Fact[]): { wrong: WrongFact[]; missing: Fact[]; spurious: Fact[] } {
  const wrong: WrongFact[] = [];
  for (const [why, id] of WRONG_PASSES[facet]) {
    const m = match(missing, spurious, id);
    for (const [gold, predicted] of m.pairs) wrong.push({ facet, why, gold, predicted });
    missing = m.missing;
    spurious = m.spurious;
  }
  return { wrong, missing, spurious };
}

// --- scoring -----------------------------------------------------------------------------------------

const FACET_OF: Record<Tallied, Facet> = {
  counts: "count",
  targets: "target",
  casualties: "casualty",
  claimant_orgs: "claimant_org",
  launch_areas: "launch_area",
  record_claims: "record_claim",
  report_keys: "report_key",
};
const MULTISET: ReadonlySet<Facet> = new Set<Facet>(["count", "casualty"]);

/** Same instant and same UTC offset; a date-only value must equal the other exactly. */
export function samePublished(gold: string, predicted: string | null): boolean {
  if (predicted === null) return false;
  if (gold === predicted) return true;
  const offset = (s: string) => {
    const m = /(Z|[+-]\d{2}:\d{2})$/.exec(s);
    return m ? (m[1] === "Z" ? "+00:00" : m[1]) : null;
  };
  const a = Date.parse(gold);
  const b = Date.parse(predicted);
  return gold.includes("T") && predicted.includes("T") && !Number.isNaN(a) && a === b && offset(gold) === offset(predicted);
}

export function scoreDocument(doc: DocumentInput): DocumentScore {
  const gold = factsOf(doc.gold);
  const pred = factsOf(doc.predicted);
  const tallies = {} as Record<Tallied, Tally>;
  const missing: Fact[] = [];
  const spurious: Fact[] = [];
  const wrong: WrongFact[] = [];
  const qualifier: Ratio = { right: 0, total: 0 };

  for (const name of TALLIED) {
    const facet = FACET_OF[name];
    let g: Fact[] = gold[facet];
    let p: Fact[] = pred[facet];
    if (!MULTISET.has(facet)) {
      g = uniqueBy(g, identity);
      p = uniqueBy(p, identity);
    }
    const m = match(g, p, identity, MULTISET.has(facet) ? (a, b) => qualifierOf(a) === qualifierOf(b) : undefined);
    tallies[name] = { tp: m.pairs.length, fp: m.spurious.length, fn: m.missing.length };
    if (MULTISET.has(facet)) {
      for (const [a, b] of m.pairs) {
        qualifier.total++;
        if (qualifierOf(a) === qualifierOf(b)) qualifier.right++;
      }
      const w = pairWrong(facet as "count" | "casualty", m.missing, m.spurious);
      wrong.push(...w.wrong);
      missing.push(...w.missing);
      spurious.push(...w.spurious);
    } else {
      missing.push(...m.missing);
      spurious.push(...m.spurious);
    }
  }

  const published: Ratio = { right: 0, total: 0 };
  if (doc.gold.published !== null) {
    published.total = 1;
    if (samePublished(doc.gold.published, doc.predicted.published)) published.right = 1;
  }
  const lang_detection: Ratio = { right: 0, total: 0 };
  if (doc.predictedLang !== undefined) {
    lang_detection.total = 1;
    if (doc.predictedLang === doc.lang) lang_detection.right = 1;
  }
  return { id: doc.id, lang: doc.lang, kind: doc.kind, tallies, qualifier, published, lang_detection, missing, spurious, wrong };
}

function sumTally(docs: readonly DocumentScore[], name: Tallied): Tally {
  const t: Tally = { tp: 0, fp: 0, fn: 0 };
  for (const d of docs) {
    t.tp += d.tallies[name].tp;
    t.fp += d.tallies[name].fp;
    t.fn += d.tallies[name].fn;
  }
  return t;
}

function sumRatio(docs: readonly DocumentScore[], pick: (d: DocumentScore) => Ratio): Ratio {
  const r: Ratio = { right: 0, total: 0 };
  for (const d of docs) {
    r.right += pick(d).right;
    r.total += pick(d).total;
  }
  return r;
}

function group(docs: readonly DocumentScore[]): GroupScore {
  return {
    documents: docs.length,
    counts: prf(sumTally(docs, "counts")),
    targets: prf(sumTally(docs, "targets")),
    casualties: prf(sumTally(docs, "casualties")),
  };
}

function groupBy<K extends string>(docs: readonly DocumentScore[], key: (d: DocumentScore) => K, order: readonly K[]): Partial<Record<K, GroupScore>> {
  const out: Partial<Record<K, GroupScore>> = {};
  for (const k of order) {
    const members = docs.filter((d) => key(d) === k);
    if (members.length > 0) out[k] = group(members);
  }
  return out;
}

const LANG_ORDER: readonly Lang[] = ["fr", "en", "uk", "ru"];
const KIND_ORDER: readonly DocKind[] = ["news", "official", "social"];

/** Micro-averaged summary over documents, overall and per language and kind. */
export function summarize(docs: readonly DocumentScore[]): EvalSummary {
  const all = group(docs);
  return {
    documents: docs.length,
    counts: all.counts,
    targets: all.targets,
    casualties: all.casualties,
    secondary: {
      claimant_orgs: prf(sumTally(docs, "claimant_orgs")),
      launch_areas: prf(sumTally(docs, "launch_areas")),
      record_claims: prf(sumTally(docs, "record_claims")),
      report_keys: prf(sumTally(docs, "report_keys")),
      qualifier: sumRatio(docs, (d) => d.qualifier),
      published: sumRatio(docs, (d) => d.published),
      lang_detection: sumRatio(docs, (d) => d.lang_detection),
    },
    by_lang: groupBy(docs, (d) => d.lang, LANG_ORDER),
    by_kind: groupBy(docs, (d) => d.kind, KIND_ORDER),
    by_half: groupBy(docs, (d) => halfOf(d.id), ["A", "B"] as const),
  };
}

export function scoreDocuments(docs: readonly DocumentInput[]): { documents: DocumentScore[]; summary: EvalSummary } {
  const documents = docs.map(scoreDocument);
  return { documents, summary: summarize(documents) };
}
