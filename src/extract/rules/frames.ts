import type { Evidence } from "../../model/span.js";
import type { Org, Side } from "../../model/vocab.js";
import { evidence, inSpan, type Doc, type Frame } from "../context.js";
import { isActor, isAttacker, nextToWeapon, regionSide } from "./actors.js";
import { launchPlaces } from "./launch.js";
import { OFFICIAL_PUBLISHERS, type Publisher } from "../../lexicon/shared/publishers.js";

const other = (s: Side): Side => (s === "UA" ? "RU" : "UA");
const sideOfOrg = (o: Org): Side | null => (o.startsWith("UA.") ? "UA" : o.startsWith("RU.") ? "RU" : null);
const SPECIFIC_RANK: Partial<Record<Org, number>> = { "UA.other": 0, "RU.other": 0 };


export interface DocDefaults {
  claimant: Side | null;
  org: Org | null;
  attacker: Side;
  target: Side;
}

/** The voice of the publisher: an official channel speaks for its body. */
export function docDefaults(doc: Doc, publisher: string | null, channel: string | null, url: string | null): DocDefaults {
  const official = officialPublisher(publisher, channel, url);
  if (official) return { claimant: official.claimant, org: official.org, attacker: official.attacker, target: official.target };
  // Otherwise the sides follow what the text says most: regions named and side words.
  let ua = 0;
  let ru = 0;
  for (const s of doc.sentences) {
    const v = sideVotes(doc, s, null);
    ua += v.ua;
    ru += v.ru;
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
  // A news lede states the figures and names its source in the next sentence ("Про це повідомив…",
  // "That's according to the Air Force"): the first attribution also covers what comes before it.
  if (!last) {
    const firstParagraphs = doc.sentences.filter((s) => s.paragraph <= 3);
    for (const s of firstParagraphs) {
      const own = sentenceOrgs(doc, s, defaults.target);
      if (own && own.orgs.some((o) => SPECIFIC_RANK[o] !== 0)) {
        last = { ...own, ev: [] };
        break;
      }
    }
  }
  const lastBySide = new Map<Side, { claimant: Side; orgs: Org[]; ev: Evidence[] }>();
  if (last) lastBySide.set(last.claimant, last);
  for (const [i, s] of doc.sentences.entries()) {
    // A caption is no voice of the article and tells no side: it leaves the voice and sides as they were.
    if (doc.asides?.has(i)) {
      out.push({ claimant: last ? last.claimant : "media", orgs: last ? last.orgs : ["media"], orgEvidence: [], ...prevSides, date: docDate.date, night: docDate.night, dateEvidence: null });
      continue;
    }
    let sides = sentenceSides(doc, s, prevSides, last?.claimant ?? defaults.claimant);
    const own = sentenceOrgs(doc, s, sides.target);
    if (own) {
      last = own;
      lastBySide.set(own.claimant, own);
    }
    // "L'Ukraine affirme avoir frappé…": the speaker's side is the attacker of this sentence only.
    const ownStrike = inSpan(doc.m.ownStrike, s).length + inSpan(doc.m.ownStrikeThere, s).length > 0;
    if (ownStrike && own) {
      sides = { attacker: own.claimant, target: other(own.claimant) };
    } else {
      prevSides = sides;
    }
    // A voice carried over from an earlier sentence does not tell its own side's attack: the
    // attacked side's last voice does ("Moscou fait état d'un mort. Lors des attaques russes…").
    const voice = !own && last && last.claimant === sides.attacker ? lastBySide.get(sides.target) ?? last : last;
    const claimant = voice ? voice.claimant : "media";
    out.push({
      claimant,
      orgs: voice ? voice.orgs : ["media"],
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

export function sentenceOrgs(doc: Doc, s: { start: number; end: number }, target: Side): { claimant: Side; orgs: Org[]; ev: Evidence[] } | null {
  const found = inSpan(doc.m.orgs, s);
  if (found.length === 0) return null;
  const attributed = inSpan(doc.m.attribution, s).length > 0 || inSpan(doc.m.according, s).length > 0;
  // "selon Kyiv", "according to the Air Force": the body named right after wins.
  const named = found.filter((o) => inSpan(doc.m.according, { start: Math.max(s.start, o.start - 40), end: o.start }).some((a) => /^\s*(?:[\p{L}'-]+\s+){0,3}$/u.test(doc.text.slice(a.end, o.start) + " ") || doc.text.slice(a.end, o.start).trim() === ""));
  const orgs: Org[] = [];
  const ev: Evidence[] = [];
  // "L'Ukraine affirme…", "the Air Force said": the body right before an attribution verb speaks.
  // "…, a indiqué l'armée de l'air", "said the air force": the body right after such a verb too.
  const speakers = found.filter((o) => {
    const verb = inSpan(doc.m.attribution, { start: o.end, end: o.end + 30 })[0];
    if (verb !== undefined && /^[\s,]*$/.test(doc.text.slice(o.end, verb.start))) return true;
    const before = inSpan(doc.m.attribution, { start: Math.max(s.start, o.start - 40), end: o.start }).pop();
    return before !== undefined && /^\s*(?:[\p{L}'-]+\s+){0,2}$/u.test(doc.text.slice(before.end, o.start) + " ") && /,\s*$/.test(doc.text.slice(Math.max(s.start, before.start - 3), before.start));
  });
  for (const o of named.length > 0 ? named : speakers.length > 0 ? speakers : found) {
    let org = o.value;
    // "Moscou a lancé", "launched by Russia": a side named as the one that attacks is not a speaker.
    if (isAttacker(doc, o)) continue;
    // A governor, a mayor, the police: the regional authority of the side that was attacked.
    if (org.endsWith(".regional")) org = `${target}.regional` as Org;
    // A side's name speaks only as the subject of an attribution verb or after "according to".
    if (SPECIFIC_RANK[org] === 0 && (!attributed || (!named.includes(o) && !speakers.includes(o)))) continue;
    // A side name is the attacker, not the speaker, when a weapon follows it ("Russian drones").
    if (SPECIFIC_RANK[org] === 0 && inSpan(doc.m.weapons, { start: o.end, end: o.end + 25 }).some((w) => /^\s*(?:[\p{L}'-]+\s+)?$/u.test(doc.text.slice(o.end, w.start)))) continue;
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
  const { ua, ru } = sideVotes(doc, s, claimantSide);
  if (ua === ru) return prev;
  const target: Side = ua > ru ? "UA" : "RU";
  return { attacker: other(target), target };
}

/** Evidence for which side was attacked in one sentence: side words by weapons, the enemy, regions, bodies. */
function sideVotes(doc: Doc, s: { start: number; end: number }, claimantSide: Side | null): { ua: number; ru: number } {
  let ua = 0;
  let ru = 0;
  // Side words next to weapons name the attacker: "drones ukrainiens", "російських ракет"; next to a
  // region noun, the side attacked: "по российским регионам".
  for (const w of inSpan(doc.m.sides, s)) {
    if (nextToWeapon(doc, w)) {
      if (w.value === "UA") ru += 3;
      else ua += 3;
    } else if (inSpan(doc.m.regionNouns, { start: w.end, end: w.end + 20 }).some((n) => /^\s*$/.test(doc.text.slice(w.end, n.start)))) {
      if (w.value === "UA") ua += 2;
      else ru += 2;
    }
  }
  // A model only one side fires names the attacker: Storm Shadow, ATACMS; Shahed, Kalibr.
  for (const m of inSpan(doc.m.models, s)) {
    if (m.side === "UA") ru += 2;
    if (m.side === "RU") ua += 2;
  }
  if (claimantSide) {
    const enemies = inSpan(doc.m.enemy, s).length;
    if (claimantSide === "UA") ua += 2 * enemies;
    else ru += 2 * enemies;
  }
  // Regions named in a sentence about the attack point at the target, unless they are launch areas.
  const aboutAttack = inSpan(doc.m.outcomes, s).length + inSpan(doc.m.attack, s).length + inSpan(doc.m.casualties, s).length > 0;
  if (aboutAttack) {
    const launched = launchPlaces(doc, s);
    for (const p of inSpan(doc.m.places, s)) {
      if (isActor(doc, p) || launched.has(p)) continue;
      const side = regionSide(p.region);
      if (side === "UA") ua++;
      if (side === "RU") ru++;
    }
  }
  for (const o of inSpan(doc.m.orgs, s)) {
    if (o.value === "RU.mod") ru += 2;
    if (o.value === "UA.air_force" || o.value === "UA.general_staff") ua += 2;
  }
  // A side named as the attacker: "Russia launched", "launched by Russia".
  for (const o of inSpan(doc.m.orgs, s)) {
    if (!isAttacker(doc, o)) continue;
    if (o.value.startsWith("RU")) ua += 2;
    else ru += 2;
  }
  return { ua, ru };
}




export function officialPublisher(publisher: string | null, channel: string | null, url: string | null): Publisher | null {
  const id = `${publisher ?? ""} ${channel ?? ""} ${url ?? ""}`.toLowerCase();
  return OFFICIAL_PUBLISHERS.find((p) => p.match.some((m) => id.includes(m.toLowerCase()))) ?? null;
}
