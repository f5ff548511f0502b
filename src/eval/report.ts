import { scoringWeapon } from "../model/vocab.js";
import type { EvalRun } from "./evaluate.js";
import {
  accuracy,
  formatReportKey,
  prf,
  type DocumentScore,
  type Fact,
  type GroupScore,
  type Prf,
  type Ratio,
  type WrongFact,
} from "./score.js";

const round = (x: number) => Math.round(x * 10000) / 10000;
const roundOrNull = (x: number | null) => (x === null ? null : round(x));

function prfJson(p: Prf): Prf {
  return { precision: round(p.precision), recall: round(p.recall), f1: round(p.f1), tp: p.tp, fp: p.fp, fn: p.fn };
}

function groupJson(g: GroupScore) {
  return { documents: g.documents, counts: prfJson(g.counts), targets: prfJson(g.targets), casualties: prfJson(g.casualties) };
}

function mapValues<K extends string, V, W>(o: Partial<Record<K, V>>, f: (v: V) => W): Partial<Record<K, W>> {
  const out: Partial<Record<K, W>> = {};
  for (const [k, v] of Object.entries(o) as Array<[K, V]>) out[k] = f(v);
  return out;
}

function documentJson(d: DocumentScore) {
  return {
    id: d.id,
    lang: d.lang,
    kind: d.kind,
    counts: prfJson(prf(d.tallies.counts)),
    targets: prfJson(prf(d.tallies.targets)),
    casualties: prfJson(prf(d.tallies.casualties)),
    missing: d.missing,
    spurious: d.spurious,
    wrong: d.wrong,
  };
}

/** The one object `salvo eval --json` prints. Accuracies are null when there was nothing to measure. */
export function evalJson(run: EvalRun, verbose: boolean) {
  const s = run.summary;
  return {
    documents: s.documents,
    counts: prfJson(s.counts),
    targets: prfJson(s.targets),
    casualties: prfJson(s.casualties),
    secondary: {
      claimant_orgs: prfJson(s.secondary.claimant_orgs),
      qualifier_accuracy: roundOrNull(accuracy(s.secondary.qualifier)),
      published_accuracy: roundOrNull(accuracy(s.secondary.published)),
      lang_accuracy: roundOrNull(accuracy(s.secondary.lang_detection)),
      launch_areas: prfJson(s.secondary.launch_areas),
      record_claims: prfJson(s.secondary.record_claims),
      report_keys: prfJson(s.secondary.report_keys),
    },
    by_lang: mapValues(s.by_lang, groupJson),
    by_kind: mapValues(s.by_kind, groupJson),
    by_half: mapValues(s.by_half, groupJson),
    errors_by_class: errorClasses(run.documents),
    ...(run.failures.length > 0 ? { extract_failures: run.failures } : {}),
    ...(verbose ? { documents_detail: run.documents.map(documentJson) } : {}),
  };
}

// --- text --------------------------------------------------------------------------------------------

const f3 = (x: number) => x.toFixed(3);
const pad = (s: string | number, w: number) => String(s).padStart(w);
/** With nothing to find and nothing predicted the convention gives 1; a table reads better with n/a. */
const cell = (p: Prf, x: number) => (p.tp + p.fp + p.fn === 0 ? "n/a" : f3(x));

function prfRow(label: string, p: Prf): string {
  return `${label.padEnd(16)}${pad(cell(p, p.precision), 10)}${pad(cell(p, p.recall), 8)}${pad(cell(p, p.f1), 8)}${pad(p.tp, 7)}${pad(p.fp, 7)}${pad(p.fn, 7)}`;
}

function ratioLine(label: string, r: Ratio, what: string): string {
  const a = accuracy(r);
  return `${label.padEnd(20)}${a === null ? "  n/a" : f3(a)}  (${r.right} of ${r.total} ${what})`;
}

function groupRows(title: string, groups: Partial<Record<string, GroupScore>>): string[] {
  const lines = [`${title.padEnd(12)}${pad("docs", 5)}   counts P      R     F1    tp    fp    fn   targets F1  casualties F1`];
  for (const [k, g] of Object.entries(groups)) {
    if (!g) continue;
    const c = g.counts;
    lines.push(
      `${k.padEnd(12)}${pad(g.documents, 5)}${pad(cell(c, c.precision), 11)}${pad(cell(c, c.recall), 7)}${pad(cell(c, c.f1), 7)}` +
        `${pad(c.tp, 6)}${pad(c.fp, 6)}${pad(c.fn, 6)}${pad(cell(g.targets, g.targets.f1), 13)}${pad(cell(g.casualties, g.casualties.f1), 15)}`,
    );
  }
  return lines;
}

/** One fact as a reader would say it, without its report key. */
export function describeFact(f: Fact): string {
  const region = (r: string | null) => (r ? ` in ${r}` : "");
  switch (f.facet) {
    case "count": {
      const c = f.count;
      return `count ${c.weapon}${c.model ? `/${c.model}` : ""} ${c.outcome} n=${c.n} ${c.qualifier}${region(c.region)}`;
    }
    case "casualty":
      return `casualty ${f.casualty.kind} n=${f.casualty.n} ${f.casualty.qualifier}${region(f.casualty.region)}`;
    case "target":
      return `target ${f.region}`;
    case "launch_area":
      return `launch area ${f.region}`;
    case "claimant_org":
      return `claimant org ${f.org}`;
    case "record_claim":
      return `record claim ${f.metric}/${f.scope}`;
    case "report_key":
      return "report";
  }
}

/** Which parts of a count or casualty differ, for a label such as "wrong outcome". */
function differingParts(a: Fact, b: Fact): string[] {
  if (a.facet === "count" && b.facet === "count") {
    const parts: Array<[string, unknown, unknown]> = [
      ["weapon", scoringWeapon(a.count.weapon), scoringWeapon(b.count.weapon)],
      ["model", a.count.model, b.count.model],
      ["outcome", a.count.outcome, b.count.outcome],
      ["region", a.count.region, b.count.region],
    ];
    return parts.filter(([, x, y]) => x !== y).map(([name]) => name);
  }
  if (a.facet === "casualty" && b.facet === "casualty") {
    const parts: Array<[string, unknown, unknown]> = [
      ["kind", a.casualty.kind, b.casualty.kind],
      ["region", a.casualty.region, b.casualty.region],
    ];
    return parts.filter(([, x, y]) => x !== y).map(([name]) => name);
  }
  return [];
}

function wrongLine(w: WrongFact): string {
  const where = `[${formatReportKey(w.gold.key)}]`;
  if (w.why === "report_key") {
    return `  ${"wrong key".padEnd(10)} ${describeFact(w.gold)}: gold ${where}, predicted [${formatReportKey(w.predicted.key)}]`;
  }
  const label = w.why === "n" ? "wrong n" : `wrong ${differingParts(w.gold, w.predicted).join("+")}`;
  return `  ${label.padEnd(10)} ${where} gold ${describeFact(w.gold)}, predicted ${describeFact(w.predicted)}`;
}

function documentLines(d: DocumentScore): string[] {
  const c = prf(d.tallies.counts);
  const t = prf(d.tallies.targets);
  const k = prf(d.tallies.casualties);
  const head =
    `${d.id} (${d.lang}, ${d.kind}): counts F1 ${cell(c, c.f1)} (tp ${c.tp} fp ${c.fp} fn ${c.fn}), ` +
    `targets F1 ${cell(t, t.f1)}, casualties F1 ${cell(k, k.f1)}`;
  return [
    head,
    ...d.wrong.map(wrongLine),
    ...d.missing.map((f) => `  ${"missing".padEnd(10)} [${formatReportKey(f.key)}] ${describeFact(f)}`),
    ...d.spurious.map((f) => `  ${"spurious".padEnd(10)} [${formatReportKey(f.key)}] ${describeFact(f)}`),
  ];
}

/**
 * What kind of misreading each error is, where the scorer can tell: a pair of gold and predicted
 * facts that differ in one part is that part's error (region, model, outcome, weapon, n, report key,
 * casualty kind); a fact only missing or only spurious counts under its facet.
 */
export function errorClass(e: { wrong: WrongFact } | { missing: Fact } | { spurious: Fact }): string {
  if ("wrong" in e) {
    const w = e.wrong;
    if (w.why === "report_key") return `${w.gold.facet}: report key`;
    if (w.why === "n") return `${w.gold.facet}: number`;
    const parts = differingParts(w.gold, w.predicted);
    return `${w.gold.facet}: ${parts.length === 1 ? parts[0]! : parts.length === 0 ? "other" : "several parts"}`;
  }
  if ("missing" in e) return `${e.missing.facet}: missing`;
  return `${e.spurious.facet}: spurious`;
}

export function errorClasses(docs: readonly DocumentScore[]): Record<string, number> {
  const out: Record<string, number> = {};
  const add = (k: string) => (out[k] = (out[k] ?? 0) + 1);
  for (const d of docs) {
    for (const w of d.wrong) add(errorClass({ wrong: w }));
    for (const m of d.missing) add(errorClass({ missing: m }));
    for (const x of d.spurious) add(errorClass({ spurious: x }));
  }
  return out;
}

export function evalText(run: EvalRun, verbose: boolean): string {
  const s = run.summary;
  const langs = Object.entries(s.by_lang).map(([k, g]) => `${k} ${g?.documents ?? 0}`);
  const kinds = Object.entries(s.by_kind).map(([k, g]) => `${k} ${g?.documents ?? 0}`);
  const lines = [
    `salvo eval: ${s.documents} documents (${langs.join(", ")}; ${kinds.join(", ")}), extraction ${Math.round(run.extractMs)} ms`,
    "",
    `${"".padEnd(16)}${pad("precision", 10)}${pad("recall", 8)}${pad("F1", 8)}${pad("tp", 7)}${pad("fp", 7)}${pad("fn", 7)}`,
    prfRow("counts", s.counts),
    prfRow("targets", s.targets),
    prfRow("casualties", s.casualties),
    prfRow("claimant_orgs", s.secondary.claimant_orgs),
    prfRow("launch_areas", s.secondary.launch_areas),
    prfRow("record_claims", s.secondary.record_claims),
    prfRow("report_keys", s.secondary.report_keys),
    "",
    ratioLine("qualifier accuracy", s.secondary.qualifier, "matched counts and casualties"),
    ratioLine("published accuracy", s.secondary.published, "documents stating a publication time"),
    ratioLine("language accuracy", s.secondary.lang_detection, "documents"),
    "",
    ...groupRows("by language", s.by_lang),
    "",
    ...groupRows("by kind", s.by_kind),
    "",
    ...groupRows("by half", s.by_half),
    "  (half A: FNV-1a of the document id even; tune on A, read B as unseen)",
  ];
  for (const f of run.failures) lines.push("", `extraction failed on ${f.path}: ${f.message}`);
  if (verbose) {
    lines.push("", "errors by class (each wrong fact once; a missing or spurious fact under its facet):");
    const classes = errorClasses(run.documents);
    for (const [name, n] of Object.entries(classes).sort((a, b) => b[1] - a[1])) lines.push(`  ${name.padEnd(26)}${pad(n, 5)}`);
    const flawed = run.documents.filter((d) => d.missing.length + d.spurious.length + d.wrong.length > 0);
    lines.push("", `differences (${flawed.length} of ${run.documents.length} documents; ${run.documents.length - flawed.length} fully right):`);
    for (const d of flawed) lines.push("", ...documentLines(d));
  }
  return lines.join("\n") + "\n";
}
