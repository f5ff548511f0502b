import type { ExtractedReport, ProvenanceJson, StoredReport } from "./api-types.js";
import { claimantLabel, dateLabel, nightDates, orgLabel, qualified, regionLabel, weaponLabel } from "./format.js";
import type { Highlight } from "./highlight.js";

/** One fact of a report, in words, with where it comes from. */
export interface FactLine {
  kind: "count" | "casualty" | "target" | "launch" | "record" | "place" | "org" | "date";
  text: string;
  provenance: ProvenanceJson | null;
  /** The same fact read again elsewhere in the text. */
  more: ProvenanceJson[];
}

export interface ReportView {
  heading: string;
  attackId: string | null;
  facts: FactLine[];
}

type AnyReport = ExtractedReport | StoredReport;

/** Extractions (Read page) and stored reports (document page) differ in shape; both read the same here. */
export function reportView(r: AnyReport): ReportView {
  const facts: Omit<FactLine, "more">[] = [];
  for (const c of r.counts) {
    facts.push({
      kind: "count",
      text: `${qualified(c.n, c.qualifier)} ${c.model ? `${c.model} ` : ""}${weaponLabel(c.weapon)} ${c.outcome.replace("_", " ")}${c.region ? ` — ${regionLabel(c.region)}` : ""}`,
      provenance: c.provenance,
    });
  }
  for (const c of r.casualties) {
    facts.push({ kind: "casualty", text: `${qualified(c.n, c.qualifier)} ${c.kind}${c.region ? ` — ${regionLabel(c.region)}` : ""}`, provenance: c.provenance });
  }
  const regionFacts = (list: unknown[], facts2: { region: string; provenance: ProvenanceJson }[] | undefined, kind: "target" | "launch") => {
    if (facts2 && facts2.length) {
      for (const t of facts2) facts.push({ kind, text: `${kind === "target" ? "Target" : "Launched from"}: ${regionLabel(t.region)}`, provenance: t.provenance });
      return;
    }
    for (const t of list) {
      if (typeof t === "string") facts.push({ kind, text: `${kind === "target" ? "Target" : "Launched from"}: ${regionLabel(t)}`, provenance: null });
      else if (t && typeof t === "object" && "region" in t) {
        const o = t as { region: string; provenance: ProvenanceJson | null };
        facts.push({ kind, text: `${kind === "target" ? "Target" : "Launched from"}: ${regionLabel(o.region)}`, provenance: o.provenance });
      }
    }
  };
  regionFacts(r.targets, "target_facts" in r ? r.target_facts : undefined, "target");
  regionFacts(r.launch_areas, "launch_area_facts" in r ? r.launch_area_facts : undefined, "launch");
  for (const c of r.record_claims) facts.push({ kind: "record", text: `Record claimed: ${c.metric === "any" ? "all weapons" : weaponLabel(c.metric)}, ${c.scope}`, provenance: c.provenance });
  for (const p of r.places) facts.push({ kind: "place", text: `Place (${p.role}): ${p.name}, ${regionLabel(p.region)}`, provenance: p.provenance });
  if ("org_facts" in r && r.org_facts) for (const o of r.org_facts) facts.push({ kind: "org", text: `Source: ${orgLabel(o.org)}`, provenance: o.provenance });
  if ("date_evidence" in r && r.date_evidence) facts.push({ kind: "date", text: `Date: ${r.date ? dateLabel(r.date) : "?"}`, provenance: r.date_evidence });
  const who = claimantLabel(r.claimant);
  const orgs = r.claimant_orgs.map(orgLabel).filter((o) => o !== who).join(", ");
  return {
    heading: `${who}${orgs ? ` (${orgs})` : ""}: ${r.attacker}→${r.target}, ${r.date ? (r.night ? `night of ${nightDates(r.date)}` : dateLabel(r.date)) : "undated"}`,
    facts: mergeSame(facts),
    attackId: "attack_id" in r ? r.attack_id : null,
  };
}

/**
 * One line per distinct fact: a region named as a target in three sentences is one target, shown once,
 * with each sentence kept for highlighting.
 */
function mergeSame(facts: Omit<FactLine, "more">[]): FactLine[] {
  const byText = new Map<string, FactLine>();
  for (const f of facts) {
    const key = `${f.kind}|${f.text}`;
    const seen = byText.get(key);
    if (!seen) byText.set(key, { ...f, more: [] });
    else if (f.provenance) {
      if (seen.provenance) seen.more.push(f.provenance);
      else seen.provenance = f.provenance;
    }
  }
  return [...byText.values()];
}

/** Every evidence span of every fact, for highlighting the whole text. */
export function evidenceHighlights(reports: AnyReport[]): Highlight[] {
  const out: Highlight[] = [];
  for (const r of reports) {
    for (const f of reportView(r).facts) {
      for (const p of [f.provenance, ...f.more]) {
        for (const ev of p?.evidence ?? []) out.push({ start: ev.start, end: ev.end, role: ev.role, label: `${ev.role} — ${f.text}` });
      }
    }
  }
  return out;
}
