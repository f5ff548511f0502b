import type { Evidence } from "../../model/span.js";
import type { Sentence } from "../../text/segment.js";
import type { StaticRuleId } from "../rule-ids.js";
import type { PlaceRole, RegionCode, Side } from "../../model/vocab.js";
import { evidence, inSpan, type Doc, type Frame } from "../context.js";
import { isActor, regionSide } from "./actors.js";
import { launchPlaces } from "./launch.js";
import { isRiver, isVenue, standsForGovernment } from "./place-role.js";
import { clauseOf } from "./clause.js";
import { joinedByAnd } from "./region-of.js";
import { periodTotal } from "./counts.js";
import { paragraphsAboutAttack } from "./attack-words.js";

export interface RegionFactRaw {
  sentence: number;
  region: RegionCode;
  evidence: Evidence[];
  rule: StaticRuleId;
}
export interface PlaceFactRaw extends RegionFactRaw {
  name: string;
  role: PlaceRole;
}

const CAPITAL: Record<Side, RegionCode> = { UA: "UA-30", RU: "RU-MOW" };
/** Cities with a region code of their own, and the region around them. */
const OBLAST_OF_CITY: Record<string, RegionCode> = { "UA-30": "UA-32", "RU-MOW": "RU-MOS", "RU-SPE": "RU-LEN", "UA-40": "UA-43" };

/** "350 km à l'est de Moscou": a place named to locate another. */
function landmark(doc: Doc, p: { start: number; end: number }): boolean {
  return inSpan(doc.m.compass, { start: Math.max(0, p.start - 30), end: p.start }).some((c) => /^\s*(?:[\p{L}'-]+\s+)?$/u.test(doc.text.slice(c.end, p.start) + " "));
}

/** "…over Mykolaiv, Kyiv, Sumy and Zhytomyr regions": a name in a list closed by "regions" is a region's. */
function inListOfRegions(doc: Doc, p: { start: number; end: number }): boolean {
  let last = p;
  for (const next of inSpan(doc.m.places, { start: p.end, end: p.end + 400 })) {
    if (!joinedByAnd(doc, last.end, next.start)) break;
    last = next;
  }
  return inSpan(doc.m.regionsPlural, { start: last.end, end: last.end + 20 }).some((n) => /^\s*$/.test(doc.text.slice(last.end, n.start)));
}

/**
 * A sentence that tells of the air attack: a weapon, an outcome, an attack word, or a toll in a
 * paragraph that speaks of the attack. Not shelling alone ("Shelling wounded a man…"), and not a
 * figure over a period ("this week").
 */
function aboutAirAttack(doc: Doc, s: Sentence): boolean {
  if (periodTotal(doc, s)) return false;
  const air = inSpan(doc.m.weapons, s).some((w) => w.weapon !== "any" && w.weapon !== "rocket") || inSpan(doc.m.models, s).length > 0;
  const stopped = inSpan(doc.m.outcomes, s).some((o) => o.value === "intercepted" || o.value === "suppressed" || o.value === "neutralized");
  if (inSpan(doc.m.belonging.shelling, s).length > 0 && !air && !stopped) return false;
  // "An air raid alert sounded in the capital": an alert is no attack.
  const alerts = inSpan(doc.m.belonging.alert, s);
  const attack = inSpan(doc.m.attack, s).filter((a) => !alerts.some((x) => x.start < a.end && a.start < x.end));
  if (attack.length > 0 || inSpan(doc.m.outcomes, s).length > 0 || inSpan(doc.m.weapons, s).length > 0 || inSpan(doc.m.models, s).length > 0) return true;
  // A toll alone ("Prigozhin died when a plane … crashed") tells of the attack only in a paragraph about it.
  return inSpan(doc.m.casualties, s).length > 0 && paragraphsAboutAttack(doc).has(s.paragraph);
}

/**
 * Regions the report says were attacked (named in a sentence about the attack, on the target's
 * side) and the areas weapons were launched from (named after a launch cue).
 */
export function findRegions(doc: Doc, fr: Frame[]): { targets: RegionFactRaw[]; launch: RegionFactRaw[]; places: PlaceFactRaw[] } {
  const targets: RegionFactRaw[] = [];
  const launch: RegionFactRaw[] = [];
  const places: PlaceFactRaw[] = [];
  doc.sentences.forEach((s, si) => {
    const f = fr[si]!;
    const about = aboutAirAttack(doc, s);
    const launched = launchPlaces(doc, s);
    for (const p of inSpan(doc.m.places, s)) {
      if (launched.has(p)) {
        const cue = launched.get(p) ?? undefined;
        const cueEv = cue ? [evidence(doc, "launch", cue)] : [];
        launch.push({ sentence: si, region: p.region, evidence: [...cueEv, evidence(doc, "region", p)], rule: cue ? "launch/<launch-cue> <place>+" : "launch/<weapon> <from> <place>" });
        if (p.kind !== "region" && p.kind !== "sea") places.push({ sentence: si, region: p.region, name: p.name, role: "launch", evidence: [evidence(doc, "place", p)], rule: "place/launch" });
        continue;
      }
      if (!about || isActor(doc, p) || landmark(doc, p)) continue;
      // "Українські сили": a side word that is also a town's name (Ukrainsk) names the side.
      if (doc.m.sides.some((w) => w.start < p.end && p.start < w.end)) continue;
      if (isRiver(doc, p) || isVenue(doc, p) || standsForGovernment(doc, p)) continue;
      // "Three were wounded in shelling of Kherson, while a drone hit Sumy": with shelling in the sentence, the place's own clause decides.
      const clause = clauseOf(doc, s, p.start, p.end);
      if (inSpan(doc.m.belonging.shelling, s).length > 0 && !aboutAirAttack(doc, { ...s, ...clause })) continue;
      // "Russian drones regularly target Kharkiv's grid": attacks in general, not the one told.
      if (inSpan(doc.m.belonging.background, clause).length > 0) continue;
      if (regionSide(p.region) !== f.target) continue;
      const region = inListOfRegions(doc, p) ? OBLAST_OF_CITY[p.region] ?? p.region : p.region;
      targets.push({ sentence: si, region, evidence: [evidence(doc, "region", p)], rule: "target/<attack-sentence> <place>" });
      if (p.kind !== "region" && p.kind !== "sea") places.push({ sentence: si, region: p.region, name: p.name, role: "other", evidence: [evidence(doc, "place", p)], rule: "place/named" });
    }
    if (about) {
      for (const c of inSpan(doc.m.capital, s)) {
        // "la capitale ukrainienne", "the Russian capital": the side word decides whose capital.
        const side = inSpan(doc.m.sides, { start: Math.max(0, c.start - 20), end: c.end + 20 }).find(
          (w) => /^\s*$/.test(w.start >= c.end ? doc.text.slice(c.end, w.start) : doc.text.slice(w.end, c.start)),
        );
        const region = CAPITAL[side ? side.value : f.target];
        if (regionSide(region) !== f.target) continue;
        targets.push({ sentence: si, region, evidence: [evidence(doc, "region", c)], rule: "target/<capital>" });
      }
    }
    // "L'Ukraine affirme y avoir frappé une usine": the place named just before.
    for (const t of inSpan(doc.m.ownStrikeThere, s)) {
      const earlier = inSpan(doc.m.places, { start: Math.max(0, s.start - 400), end: s.start }).filter((p) => regionSide(p.region) === f.target);
      const p = earlier[earlier.length - 1];
      if (p) targets.push({ sentence: si, region: p.region, evidence: [evidence(doc, "region", t), evidence(doc, "region", p)], rule: "target/<own-strike> <there>" });
    }
  });
  return { targets, launch, places };
}


