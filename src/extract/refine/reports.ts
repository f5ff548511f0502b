import type { Casualty, Count, OrgFact, Place, RecordClaim, RegionFact, Report } from "../../model/extraction.js";
import type { Org } from "../../model/vocab.js";
import { inSpan, provenance, type Doc, type Frame } from "../context.js";
import type { CasualtyFact } from "../rules/casualties.js";
import type { CountFact } from "../rules/counts.js";
import type { PlaceFactRaw, RegionFactRaw } from "../rules/places.js";
import type { RecordFact } from "../rules/records.js";
import { runRefiners } from "./refiners.js";

export type RawFact = (
  | { type: "count"; fact: CountFact }
  | { type: "casualty"; fact: CasualtyFact }
  | { type: "record"; fact: RecordFact }
  | { type: "target"; fact: RegionFactRaw }
  | { type: "launch"; fact: RegionFactRaw }
  | { type: "place"; fact: PlaceFactRaw }
) & { /** The frame of the clause the fact was read in, when it is not its sentence's (a clause with its own day). */ frame?: Frame };

/**
 * Groups facts into reports keyed by (claimant, attacker, target, date), from the frame of the
 * sentence each fact was read in; one figure stated twice is kept once.
 */
export function assembleReports(doc: Doc, frames: Frame[], facts: RawFact[]): { reports: Report[]; refiners: string[] } {
  const reports = new Map<string, Report>();
  const order: string[] = [];
  const sentenceOf = new Map<Count, number>();
  const get = (si: number, unattributed = false, own?: Frame): Report => {
    const base = own ?? frames[si]!;
    const f = unattributed ? { ...base, claimant: "media" as const, orgs: ["media" as Org], orgEvidence: [] } : base;
    const key = `${f.claimant}|${f.attacker}|${f.target}|${f.date}`;
    let r = reports.get(key);
    if (!r) {
      r = {
        claimant: f.claimant,
        claimant_orgs: [],
        attacker: f.attacker,
        target: f.target,
        date: f.date,
        night: f.night,
        counts: [],
        targets: [],
        casualties: [],
        launch_areas: [],
        record_claims: [],
        places: [],
        target_facts: [],
        launch_area_facts: [],
        org_facts: [],
        date_evidence: f.dateEvidence,
      };
      reports.set(key, r);
      order.push(key);
    }
    addOrgs(doc, r, f, si);
    return r;
  };
  // People killed or injured, told in a sentence that names no source, are the outlet's own statement.
  const attributed = (si: number) => {
    const s = doc.sentences[si];
    if (!s) return false;
    return frames[si]!.orgEvidence.length > 0 || inSpan(doc.m.attribution, s).length > 0 || inSpan(doc.m.according, s).length > 0;
  };
  // …unless the sentence before, in the same paragraph, names it ("…, a annoncé Zelensky. L'attaque a fait trois morts"),
  // the next one points back to it ("Про це повідомив начальник ОВА"), or a quotation holding it closes on its speaker.
  const unattributed = (si: number) =>
    !attributed(si) && !(si > 0 && doc.sentences[si - 1]!.paragraph === doc.sentences[si]!.paragraph && attributed(si - 1)) && !pointedBack(si) && !quotedSpeaker(si);
  const pointedBack = (si: number) => {
    const next = doc.sentences[si + 1];
    if (!next || next.paragraph - doc.sentences[si]!.paragraph > 1 || !attributed(si + 1)) return false;
    return inSpan(doc.m.anaphora, { start: next.start, end: Math.min(next.end, next.start + 30) }).some((a) => /^[\s"«“]*$/.test(doc.text.slice(next.start, a.start)));
  };
  const quotedSpeaker = (si: number) => {
    const here = doc.sentences[si]!;
    const para = doc.sentences.filter((x) => x.paragraph === here.paragraph);
    const before = doc.text.slice(para[0]!.start, here.start);
    const opened = (before.match(/[«“„]|(?:^|\s)"/gu) ?? []).length > (before.match(/[»”]|"(?=[\s,.;:–—-]|$)/gu) ?? []).length;
    if (!opened) return false;
    const closing = para.find((x) => x.start >= here.start && /[»”"]\s*[,–—-]+\s*\S/u.test(doc.text.slice(x.start, x.end)));
    return closing !== undefined && attributed(doc.sentences.indexOf(closing));
  };
  const sentence = (si: number) => doc.sentences[si]!;
  // Places named with an unattributed toll are the outlet's too ("Une attaque … sur Kiev a blessé 11 personnes").
  const outletSentences = new Set(facts.filter((f) => f.type === "casualty" && doc.kind === "news" && unattributed(f.fact.sentence)).map((f) => f.fact.sentence));
  for (const { type, fact, frame } of facts.sort((a, b) => a.fact.sentence - b.fact.sentence)) {
    const r = get(fact.sentence, (type === "casualty" || type === "target") && outletSentences.has(fact.sentence), frame);
    const prov = provenance(doc, fact.rule, sentence(fact.sentence), fact.evidence);
    switch (type) {
      case "count": {
        const c: Count = { weapon: fact.weapon, model: fact.model, outcome: fact.outcome, n: fact.n, qualifier: fact.qualifier, region: fact.region, provenance: prov };
        r.counts.push(c);
        sentenceOf.set(c, fact.sentence);
        break;
      }
      case "casualty": {
        const c: Casualty = { kind: fact.kind, n: fact.n, qualifier: fact.qualifier, region: fact.region, provenance: prov };
        if (!r.casualties.some((x) => x.kind === c.kind && x.n === c.n && (x.region === c.region || c.region === null))) {
          const weaker = r.casualties.findIndex((x) => x.kind === c.kind && x.n === c.n && x.region === null);
          if (weaker >= 0) r.casualties.splice(weaker, 1);
          r.casualties.push(c);
        }
        break;
      }
      case "record": {
        const rc: RecordClaim = { metric: fact.metric, scope: fact.scope, provenance: prov };
        if (!r.record_claims.some((x) => x.metric === rc.metric && x.scope === rc.scope)) r.record_claims.push(rc);
        break;
      }
      case "target": {
        const t: RegionFact = { region: fact.region, provenance: prov };
        r.target_facts.push(t);
        if (!r.targets.includes(fact.region)) r.targets.push(fact.region);
        break;
      }
      case "launch": {
        r.launch_area_facts.push({ region: fact.region, provenance: prov });
        if (!r.launch_areas.includes(fact.region)) r.launch_areas.push(fact.region);
        break;
      }
      case "place": {
        const p: Place = { name: fact.name, region: fact.region, role: fact.role, provenance: prov };
        if (!r.places.some((x) => x.name === p.name && x.role === p.role)) r.places.push(p);
        break;
      }
    }
  }
  // A body that speaks about the attack without a figure of its own ("no casualties, said the head of the
  // city's administration") is still one of the report's voices.
  doc.sentences.forEach((s, si) => {
    const f = frames[si]!;
    if (f.orgEvidence.length === 0) return;
    const about = inSpan(doc.m.attack, s).length + inSpan(doc.m.casualties, s).length + inSpan(doc.m.outcomes, s).length + inSpan(doc.m.weapons, s).length > 0;
    const r = reports.get(`${f.claimant}|${f.attacker}|${f.target}|${f.date}`);
    if (about && r) addOrgs(doc, r, f, si);
  });
  const out = order.map((k) => reports.get(k)!);
  // A date the text does not state comes from the publication time given with it: say so.
  for (const r of out) if (r.date !== null && !r.date_evidence) r.date_evidence = { rule: "date/published", sentence: { start: 0, end: 0 }, evidence: [] };
  const refiners = runRefiners({ doc, frames, reports: out, sentenceOf });
  return { reports: out.filter((r) => r.counts.length + r.casualties.length + r.targets.length + r.record_claims.length > 0), refiners };
}

function addOrgs(doc: Doc, r: Report, f: Frame, si: number) {
  for (const o of f.orgs) {
    if (r.claimant === "media" ? o !== "media" : !o.startsWith(r.claimant + ".") && o !== r.claimant) continue;
    if (!r.claimant_orgs.includes(o)) {
      r.claimant_orgs.push(o);
      const ev = f.orgEvidence.filter((e) => doc.text.slice(e.start, e.end).length > 0);
      // Without a cue of its own the voice was carried over from an earlier sentence, or is the outlet's.
      const rule = f.orgRule ?? (ev.length > 0 ? "attribution/<body-in-sentence>" : o === "media" ? "attribution/<no-cue>:outlet" : "attribution/<carried-over>");
      const fact: OrgFact = { org: o as Org, provenance: provenance(doc, rule, doc.sentences[si]!, ev) };
      r.org_facts.push(fact);
    }
  }
}

