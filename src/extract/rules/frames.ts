import type { Evidence } from "../../model/span.js";
import type { Org, Side } from "../../model/vocab.js";
import { evidence, inSpan, type Doc, type Frame } from "../context.js";

const other = (s: Side): Side => (s === "UA" ? "RU" : "UA");
const sideOfOrg = (o: Org): Side | null => (o.startsWith("UA.") ? "UA" : o.startsWith("RU.") ? "RU" : null);
const SPECIFIC_RANK: Partial<Record<Org, number>> = { "UA.other": 0, "RU.other": 0 };

/** UA regions that Russia's ministry counts as its own territory when it reports drones over them. */
const OCCUPIED = new Set(["UA-43", "UA-40"]);
export function regionSide(code: string): Side | null {
  if (code.startsWith("RU-") || OCCUPIED.has(code)) return "RU";
  if (code.startsWith("UA-")) return "UA";
  return null;
}

export interface DocDefaults {
  claimant: Side | null;
  org: Org | null;
  attacker: Side;
  target: Side;
}

/** The voice of the publisher: an official channel speaks for its body. */
export function docDefaults(doc: Doc, publisher: string | null, channel: string | null, url: string | null): DocDefaults {
  const id = `${publisher ?? ""} ${channel ?? ""} ${url ?? ""}`;
  if (/kpszsu|Повітрян|Air Force/iu.test(id)) return { claimant: "UA", org: "UA.air_force", attacker: "RU", target: "UA" };
  if (/mod_russia|Министерство обороны|Минобороны|mil\.ru/iu.test(id)) return { claimant: "RU", org: "RU.mod", attacker: "UA", target: "RU" };
  if (/gov\.ua|ОВА|ОДА|рда|rda/iu.test(id)) return { claimant: "UA", org: "UA.regional", attacker: "RU", target: "UA" };
  // Otherwise the sides follow what the text says most: regions named and side words.
  let ua = 0;
  let ru = 0;
  for (const p of doc.m.places) {
    const side = regionSide(p.region);
    if (side === "UA") ua++;
    if (side === "RU") ru++;
  }
  for (const w of doc.m.sides) {
    const near = inSpan(doc.m.weapons, { start: Math.max(0, w.start - 40), end: w.end + 40 }).length > 0;
    if (!near) continue;
    if (w.value === "UA") ru += 2;
    else ua += 2;
  }
  const target: Side = ru > ua ? "RU" : "UA";
  return { claimant: null, org: null, attacker: other(target), target };
}

/**
 * Decides for each sentence who speaks (claimant and bodies) and which side attacks which.
 * Attribution carries over to the following sentences of the document until another is named;
 * sides follow the sentence's own cues (side words next to weapons, the regions it names, the body
 * that speaks), else the previous sentence.
 */
export function frames(doc: Doc, defaults: DocDefaults, docDate: { date: string | null; night: boolean }): Frame[] {
  const out: Frame[] = [];
  let last: { claimant: Side; orgs: Org[]; ev: Evidence[] } | null = defaults.claimant && defaults.org ? { claimant: defaults.claimant, orgs: [defaults.org], ev: [] } : null;
  let prevSides: { attacker: Side; target: Side } = { attacker: defaults.attacker, target: defaults.target };
  for (const s of doc.sentences) {
    const sides = sentenceSides(doc, s, prevSides, last?.claimant ?? defaults.claimant);
    const own = sentenceOrgs(doc, s, sides.target);
    if (own) last = own;
    prevSides = sides;
    const claimant = last ? last.claimant : "media";
    out.push({
      claimant,
      orgs: last ? last.orgs : ["media"],
      orgEvidence: own ? own.ev : [],
      attacker: sides.attacker,
      target: sides.target,
      date: docDate.date,
      night: docDate.night,
      dateEvidence: null,
    });
  }
  return out;
}

function sentenceOrgs(doc: Doc, s: { start: number; end: number }, target: Side): { claimant: Side; orgs: Org[]; ev: Evidence[] } | null {
  const found = inSpan(doc.m.orgs, s);
  if (found.length === 0) return null;
  const attributed = inSpan(doc.m.attribution, s).length > 0;
  const orgs: Org[] = [];
  const ev: Evidence[] = [];
  for (const o of found) {
    let org = o.value;
    // A governor, a mayor, the police: the regional authority of the side that was attacked.
    if (org.endsWith(".regional")) org = `${target}.regional` as Org;
    if (SPECIFIC_RANK[org] === 0 && !attributed) continue;
    // A side name is the attacker, not the speaker, when a weapon follows it ("Russian drones").
    if (SPECIFIC_RANK[org] === 0 && inSpan(doc.m.weapons, { start: o.end, end: o.end + 25 }).length > 0) continue;
    if (!orgs.includes(org)) orgs.push(org);
    ev.push(evidence(doc, "attribution", o));
  }
  const specific = orgs.filter((o) => SPECIFIC_RANK[o] !== 0);
  const chosen = specific.length > 0 ? specific : orgs;
  if (chosen.length === 0) return null;
  const side = sideOfOrg(chosen[0]!);
  if (!side) return null;
  return { claimant: side, orgs: chosen.filter((o) => sideOfOrg(o) === side), ev };
}

function sentenceSides(doc: Doc, s: { start: number; end: number }, prev: { attacker: Side; target: Side }, claimantSide: Side | null): { attacker: Side; target: Side } {
  let ua = 0;
  let ru = 0;
  // Side words next to weapons name the attacker: "drones ukrainiens", "російських ракет".
  for (const w of inSpan(doc.m.sides, s)) {
    const near = inSpan(doc.m.weapons, { start: Math.max(s.start, w.start - 30), end: Math.min(s.end, w.end + 30) });
    if (near.length === 0) continue;
    if (w.value === "UA") ru += 3;
    else ua += 3;
  }
  if (claimantSide) {
    for (const e of inSpan(doc.m.enemy, s)) {
      void e;
      if (claimantSide === "UA") ua += 2;
      else ru += 2;
    }
  }
  const launchZones = inSpan(doc.m.launch, s);
  for (const p of inSpan(doc.m.places, s)) {
    if (launchZones.some((l) => l.end <= p.start)) continue;
    const side = regionSide(p.region);
    if (side === "UA") ua++;
    if (side === "RU") ru++;
  }
  for (const o of inSpan(doc.m.orgs, s)) {
    if (o.value === "RU.mod") ru += 2;
    if (o.value === "UA.air_force" || o.value === "UA.general_staff") ua += 2;
  }
  if (ua === ru) return prev;
  const target: Side = ua > ru ? "UA" : "RU";
  return { attacker: other(target), target };
}
