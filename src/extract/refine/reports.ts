import type { Casualty, Count, OrgFact, Place, RecordClaim, RegionFact, Report } from "../../model/extraction.js";
import type { Org } from "../../model/vocab.js";
import { scoringWeapon } from "../../model/vocab.js";
import { inSpan, provenance, type Doc, type Frame } from "../context.js";
import type { CasualtyFact } from "../rules/casualties.js";
import { UNNAMED_REGION_RULE, type CountFact } from "../rules/counts.js";
import type { PlaceFactRaw, RegionFactRaw } from "../rules/places.js";
import type { RecordFact } from "../rules/records.js";

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
export function assembleReports(doc: Doc, frames: Frame[], facts: RawFact[]): Report[] {
  const reports = new Map<string, Report>();
  const order: string[] = [];
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
  // …unless the sentence before, in the same paragraph, names it ("…, a annoncé Zelensky. L'attaque a fait trois morts").
  const unattributed = (si: number) =>
    !attributed(si) && !(si > 0 && doc.sentences[si - 1]!.paragraph === doc.sentences[si]!.paragraph && attributed(si - 1));
  const sentence = (si: number) => doc.sentences[si]!;
  // Places named with an unattributed toll are the outlet's too ("Une attaque … sur Kiev a blessé 11 personnes").
  const outletSentences = new Set(facts.filter((f) => f.type === "casualty" && doc.kind === "news" && unattributed(f.fact.sentence)).map((f) => f.fact.sentence));
  for (const { type, fact, frame } of facts.sort((a, b) => a.fact.sentence - b.fact.sentence)) {
    const r = get(fact.sentence, (type === "casualty" || type === "target") && outletSentences.has(fact.sentence), frame);
    const prov = provenance(doc, fact.rule, sentence(fact.sentence), fact.evidence);
    switch (type) {
      case "count": {
        const c: Count = { weapon: fact.weapon, model: fact.model, outcome: fact.outcome, n: fact.n, qualifier: fact.qualifier, region: fact.region, provenance: prov };
        addCount(r, c);
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
  // The same toll told twice in one document ("leaving three dead" … "three soldiers had been killed") is one.
  const seen: Array<{ kind: string; n: number; date: string | null }> = [];
  for (const r of [...out.filter((x) => x.claimant !== "media"), ...out.filter((x) => x.claimant === "media")]) {
    r.casualties = r.casualties.filter((c) => {
      if (seen.some((x) => x.kind === c.kind && x.n === c.n && x.date === r.date)) return false;
      seen.push({ kind: c.kind, n: c.n, date: r.date });
      return true;
    });
  }
  // A figure the outlet states and a body also states is the body's claim (a headline restating the text).
  for (const r of out) {
    if (r.claimant !== "media") continue;
    r.casualties = r.casualties.filter(
      (c) => !out.some((o) => o !== r && o.claimant !== "media" && o.attacker === r.attacker && o.target === r.target && o.date === r.date && o.casualties.some((x) => x.kind === c.kind && x.n === c.n)),
    );
    // Left with places only, told with no cue ("selon des journalistes" is one), all of them a body's report of
    // the same attack: the headline told that report.
    const bodies = out.filter((o) => o !== r && o.claimant !== "media" && o.attacker === r.attacker && o.target === r.target && o.date === r.date);
    const uncued = r.target_facts.every((f) => inSpan(doc.m.attribution, f.provenance.sentence).length + inSpan(doc.m.according, f.provenance.sentence).length === 0);
    if (r.counts.length + r.casualties.length + r.record_claims.length === 0 && uncued && r.targets.every((t) => bodies.some((o) => o.targets.includes(t)))) r.targets = [];
  }
  for (const r of out) {
    // "26 over several southern regions" beside the national 40: not a figure of its own key.
    r.counts = r.counts.filter(
      (c) => c.provenance.rule !== UNNAMED_REGION_RULE || !r.counts.some((x) => x !== c && x.region === null && scoringWeapon(x.weapon) === scoringWeapon(c.weapon) && x.outcome === c.outcome),
    );
    // A generic "Kyiv says" adds nothing beside a named body of the same side.
    if (r.claimant_orgs.some((o) => !o.endsWith(".other"))) {
      r.claimant_orgs = r.claimant_orgs.filter((o) => !o.endsWith(".other"));
      r.org_facts = r.org_facts.filter((o) => !o.org.endsWith(".other"));
    }
    // "Separate outcome lines of an Air Force post keep their own wording": no inheritance there.
    if (doc.kind !== "official") inheritModels(r);
    modelOfTheDocument(doc, r);
    regionOfRegionalAuthority(doc, r);
    for (const c of r.counts) if (c.region && !r.targets.includes(c.region) && !c.region.startsWith("sea:")) {
      r.targets.push(c.region);
      r.target_facts.push({ region: c.region, provenance: c.provenance });
    }
    for (const c of r.casualties) if (c.region && !r.targets.includes(c.region)) {
      r.targets.push(c.region);
      r.target_facts.push({ region: c.region, provenance: c.provenance });
    }
  }
  return out.filter((r) => r.counts.length + r.casualties.length + r.targets.length + r.record_claims.length > 0);
}

function addOrgs(doc: Doc, r: Report, f: Frame, si: number) {
  for (const o of f.orgs) {
    if (r.claimant === "media" ? o !== "media" : !o.startsWith(r.claimant + ".") && o !== r.claimant) continue;
    if (!r.claimant_orgs.includes(o)) {
      r.claimant_orgs.push(o);
      const ev = f.orgEvidence.filter((e) => doc.text.slice(e.start, e.end).length > 0);
      // Without a cue of its own the voice was carried over from an earlier sentence, or is the outlet's.
      const rule = f.orgRule ?? (ev.length > 0 ? "attribution/<org>" : o === "media" ? "attribution/<no-cue>:outlet" : "attribution/<carried-over>");
      const fact: OrgFact = { org: o as Org, provenance: provenance(doc, rule, doc.sentences[si]!, ev) };
      r.org_facts.push(fact);
    }
  }
}

/** The same figure stated twice is one count; a restatement without the model joins the one with it. */
function addCount(r: Report, c: Count) {
  // "un missile" then "un missile Kh-59": a root class restated with its subclass is the subclass figure.
  const root = (w: string) => w.split(".")[0];
  const sameClass = (a: Count, b: Count) =>
    scoringWeapon(a.weapon) === scoringWeapon(b.weapon) || (root(a.weapon) === root(b.weapon) && (!a.weapon.includes(".") || !b.weapon.includes(".")));
  const same = (x: Count) => sameClass(x, c) && x.outcome === c.outcome && x.region === c.region && x.n === c.n;
  const prev = r.counts.find((x) => same(x) && (x.model === c.model || x.model === null || c.model === null));
  if (prev) {
    if ((prev.model === null && c.model !== null) || (!prev.weapon.includes(".") && c.weapon.includes("."))) {
      prev.model = c.model ?? prev.model;
      prev.weapon = c.weapon;
    }
    return;
  }
  r.counts.push(c);
}

/**
 * "37 Shahed drones … 28 were shot down": a figure with no model of its own takes the model of the
 * single model-named figure of its class in the report, when it is no larger.
 */
function inheritModels(r: Report) {
  const named = r.counts.filter((c) => c.model !== null);
  for (const c of r.counts) {
    if (c.model !== null) continue;
    const root = scoringWeapon(c.weapon);
    const candidates = named.filter((x) => scoringWeapon(x.weapon) === root || (root === "drone" && x.weapon.startsWith("drone")));
    const models = new Set(candidates.map((x) => x.model));
    if (models.size !== 1) continue;
    const others = r.counts.filter((x) => x !== c && x.model === null && x.weapon.split(".")[0] === c.weapon.split(".")[0]);
    const src = candidates[0]!;
    if (others.some((x) => x.outcome === "launched")) continue;
    if (c.n > src.n) continue;
    if (c.weapon !== "drone" && c.weapon !== src.weapon.split(".")[0] && c.weapon !== src.weapon) continue;
    c.model = src.model;
    c.weapon = src.weapon;
  }
}

/**
 * A regional administration's own post counts what flew over its region: when every place it
 * names lies in one region, its figures without a region are that region's.
 */
function regionOfRegionalAuthority(doc: Doc, r: Report) {
  if (doc.kind !== "official" || !r.claimant_orgs.every((o) => o.endsWith(".regional")) || r.claimant_orgs.length === 0) return;
  const regions = new Set(doc.m.places.map((p) => p.region));
  if (regions.size !== 1) return;
  const region = [...regions][0]!;
  for (const c of r.counts) if (c.region === null) c.region = region;
  if (r.counts.length > 0 && !r.targets.includes(region)) {
    r.targets.push(region);
    const c = r.counts[0]!;
    r.target_facts.push({ region, provenance: c.provenance });
  }
}

/**
 * "…the Shahed drones were launched from…", "ракеты «Атакмс»": when a document names one model
 * and no figure carries it, the figures of that model's class are of that model.
 */
function modelOfTheDocument(doc: Doc, r: Report) {
  if (r.counts.some((c) => c.model !== null)) return;
  const ids = new Set(doc.m.models.map((m) => m.model));
  if (ids.size !== 1) return;
  const mention = doc.m.models[0]!;
  if (mention.model.includes("/") || doc.m.weapons.some((w) => w.weapon === "drone.decoy")) return;
  const root = mention.weapon.split(".")[0];
  for (const c of r.counts) {
    if (c.weapon !== root && c.weapon !== mention.weapon) continue;
    if (c.outcome === "hit_locations" || c.outcome === "debris_locations") continue;
    c.model = mention.model;
    c.weapon = mention.weapon;
  }
}
