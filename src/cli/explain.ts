import type { Evidence, EvidenceRole, Extraction, Period, PeriodPoint, Provenance, Qualifier, Report, Span } from "../model/index.js";

export interface ExplainOptions {
  color: boolean;
}

/** ANSI styles per evidence role: black or white text on a background, so marks stand out in any theme. */
const ROLE_STYLE: Record<EvidenceRole, string> = {
  number: "1;30;43",
  weapon: "30;46",
  model: "97;44",
  outcome: "30;42",
  qualifier: "30;45",
  region: "30;47",
  attribution: "97;45",
  date: "30;103",
  casualty: "97;41",
  record: "30;105",
  launch: "30;106",
  place: "30;102",
  period: "97;100",
};

const QUALIFIER_WORD: Record<Qualifier, string> = {
  exact: "",
  at_least: "at least ",
  about: "about ",
  at_most: "at most ",
};

/**
 * The extraction as a terminal reader checks it: per report a header, then each fact with its values and rule,
 * and under it the sentence it came from with the evidence marked (colors, or `[[text]]{role}` without them).
 */
export function renderExplain(x: Extraction, opts: ExplainOptions): string {
  const st = styler(opts.color);
  const out: string[] = [];
  out.push(st.bold(`Document`) + `  lang ${x.lang} (${x.lang_source}) · kind ${x.kind}`);
  if (x.title) out.push(`  title: ${x.title}`);
  const src = [x.source.publisher, x.source.url, x.source.published && `published (metadata) ${x.source.published}`]
    .filter((s): s is string => !!s)
    .join(" · ");
  if (src) out.push(`  source: ${src}`);
  out.push(`  published (text): ${x.published ?? "—"}${spanQuote(x, x.published_span, st)}`);
  if (x.updated || x.updated_span) out.push(`  updated (text): ${x.updated ?? "—"}${spanQuote(x, x.updated_span, st)}`);
  if (opts.color) {
    out.push(
      "  legend: " +
        (Object.keys(ROLE_STYLE) as EvidenceRole[]).map((r) => st.mark(r, r)).join(" "),
    );
  }
  out.push("");

  if (x.reports.length === 0) out.push("No reports found in this text.", "");
  x.reports.forEach((r, i) => {
    out.push(...renderReport(x, r, i, st), "");
  });
  if (x.warnings.length > 0) {
    out.push(st.bold("Warnings"));
    for (const w of x.warnings) out.push(`  - ${w}`);
    out.push("");
  }
  return out.join("\n");
}

function renderReport(x: Extraction, r: Report, i: number, st: Styler): string[] {
  const lines: string[] = [];
  const orgs = r.claimant_orgs.length ? ` (${r.claimant_orgs.join(", ")})` : "";
  lines.push(
    st.bold(`Report ${i + 1}`) +
      ` — claimant ${r.claimant}${orgs} · ${r.attacker} → ${r.target} · date ${r.date ?? "unknown"} · ` +
      (r.night ? "night" : "day"),
  );
  const fact = (label: string, value: string, p: Provenance | null): void => {
    lines.push(`  ${st.bold(label.padEnd(9))} ${value}${p ? "  " + st.dim(`[${p.rule}]`) : ""}`);
    if (p) lines.push(...renderProvenance(x, p, st));
  };
  if (r.date_evidence) fact("date", r.date ?? "unknown", r.date_evidence);
  if (r.period) fact("period", periodText(r.period), r.period.provenance);
  for (const o of r.org_facts) fact("org", o.org, o.provenance);
  for (const c of r.counts) {
    const model = c.model ? ` (${c.model})` : "";
    const region = c.region ? ` in ${c.region}` : "";
    fact("count", `${c.outcome}: ${QUALIFIER_WORD[c.qualifier]}${c.n} ${c.weapon}${model}${region}`, c.provenance);
  }
  for (const c of r.casualties) {
    const region = c.region ? ` in ${c.region}` : "";
    fact("casualty", `${c.kind}: ${QUALIFIER_WORD[c.qualifier]}${c.n}${region}`, c.provenance);
  }
  listed(r.targets, r.target_facts, "target", fact);
  listed(r.launch_areas, r.launch_area_facts, "launch", fact);
  for (const rc of r.record_claims) fact("record", `${rc.metric} (${rc.scope})`, rc.provenance);
  for (const p of r.places) fact("place", `${p.name} → ${p.region} (${p.role})`, p.provenance);
  return lines;
}

/** "night, 18:00 2025-07-03 → 08:00 2025-07-04 (Europe/Kyiv)". */
export function periodText(p: Period): string {
  const at = (x: PeriodPoint | null) => (x ? `${x.time}${x.date ? ` ${x.date}` : ""}${x.zone ? ` ${x.zone}` : ""}` : "…");
  const window = p.start || p.end ? `${at(p.start)} → ${at(p.end)}` : "";
  return [p.named, window].filter((s) => s).join(", ");
}

/** Region lists carry their evidence in a parallel list; regions without a fact are still shown. */
function listed(
  codes: string[],
  facts: { region: string; provenance: Provenance }[],
  label: string,
  fact: (label: string, value: string, p: Provenance | null) => void,
): void {
  const shown = new Set<string>();
  for (const f of facts) {
    fact(label, f.region, f.provenance);
    shown.add(f.region);
  }
  for (const c of codes) if (!shown.has(c)) fact(label, c, null);
}

function renderProvenance(x: Extraction, p: Provenance, st: Styler): string[] {
  const text = x.text;
  const s = clamp(p.sentence, text.length);
  const inside = p.evidence.filter((e) => e.start >= s.start && e.end <= s.end && e.end > e.start);
  const outside = p.evidence.filter((e) => !(e.start >= s.start && e.end <= s.end) && e.end > e.start);
  const marked = markSpans(text, s, inside, st).replace(/^\s*\n|\n\s*$/g, "");
  const lines = marked.split("\n").map((l) => `      ${st.dim("│")} ${l}`);
  for (const e of outside) {
    const c = clamp(e, text.length);
    lines.push(`      ${st.dim("│")} ${st.dim("also:")} ${st.mark(text.slice(c.start, c.end), e.role)} ${st.dim(`at ${c.start}`)}`);
  }
  return lines;
}

/** The sentence with its evidence marked; an evidence span inside one already marked is not marked again. */
function markSpans(text: string, sentence: Span, evidence: Evidence[], st: Styler): string {
  const sorted = [...evidence].sort((a, b) => a.start - b.start || b.end - a.end);
  let pos = sentence.start;
  let out = "";
  for (const e of sorted) {
    if (e.start < pos) continue;
    out += text.slice(pos, e.start) + st.mark(text.slice(e.start, e.end), e.role);
    pos = e.end;
  }
  return out + text.slice(pos, sentence.end);
}

function spanQuote(x: Extraction, span: Span | null, st: Styler): string {
  if (!span) return "";
  const c = clamp(span, x.text.length);
  return `  ← ${st.mark(x.text.slice(c.start, c.end).replace(/\s+/g, " "), "date")}`;
}

function clamp(s: Span, len: number): Span {
  const start = Math.max(0, Math.min(s.start, len));
  return { start, end: Math.max(start, Math.min(s.end, len)) };
}

interface Styler {
  mark(text: string, role: EvidenceRole): string;
  bold(text: string): string;
  dim(text: string): string;
}

function styler(color: boolean): Styler {
  if (!color) {
    return { mark: (t, role) => `[[${t}]]{${role}}`, bold: (t) => t, dim: (t) => t };
  }
  const sgr = (code: string, t: string): string => `\x1b[${code}m${t}\x1b[0m`;
  return {
    // A mark spanning a line break is styled per line, so the terminal does not paint the margin.
    mark: (t, role) =>
      t
        .split("\n")
        .map((part) => (part ? sgr(ROLE_STYLE[role], part) : part))
        .join("\n"),
    bold: (t) => sgr("1", t),
    dim: (t) => sgr("2", t),
  };
}

/** Color when writing to a terminal and the user has not asked for none (https://no-color.org). */
export function useColor(stream: { isTTY?: boolean } = process.stdout): boolean {
  const noColor = process.env.NO_COLOR;
  return stream.isTTY === true && (noColor === undefined || noColor === "");
}
