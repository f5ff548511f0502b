import type { Evidence } from "../../model/span.js";
import type { PlaceRole, RegionCode, Side } from "../../model/vocab.js";
import { evidence, inSpan, type Doc, type Frame } from "../context.js";
import { isActor, regionSide } from "./frames.js";

export interface RegionFactRaw {
  sentence: number;
  region: RegionCode;
  evidence: Evidence[];
  rule: string;
}
export interface PlaceFactRaw extends RegionFactRaw {
  name: string;
  role: PlaceRole;
}

const CAPITAL: Record<Side, RegionCode> = { UA: "UA-30", RU: "RU-MOW" };

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
    const cues = inSpan(doc.m.launch, s);
    const about =
      inSpan(doc.m.attack, s).length > 0 || inSpan(doc.m.outcomes, s).length > 0 || inSpan(doc.m.weapons, s).length > 0 ||
      inSpan(doc.m.casualties, s).length > 0 || inSpan(doc.m.models, s).length > 0;
    // A launch list runs from its cue through places separated by short gaps.
    let chainEnd = -1;
    for (const p of inSpan(doc.m.places, s)) {
      const cue = [...cues].reverse().find((c) => c.end <= p.start);
      const from = cue ? Math.max(cue.end, chainEnd) : -1;
      const inLaunch =
        (cue !== undefined && !/[.;!?]/.test(doc.text.slice(from, p.start)) && launchContinues(doc, from, p.start)) ||
        (chainEnd >= 0 && /^[\s,]*(?:і|и|та|and|et)?[\s,]*$/u.test(doc.text.slice(chainEnd, p.start))) ||
        fromWeapons(doc, s, p);
      if (inLaunch) {
        chainEnd = p.end;
        const cueEv = cue ? [evidence(doc, "launch", cue)] : [];
        launch.push({ sentence: si, region: p.region, evidence: [...cueEv, evidence(doc, "region", p)], rule: cue ? "launch/<launch-cue> <place>+" : "launch/<weapon> <from> <place>" });
        if (p.kind !== "region" && p.kind !== "sea") places.push({ sentence: si, region: p.region, name: p.name, role: "launch", evidence: [evidence(doc, "place", p)], rule: "place/launch" });
        continue;
      }
      if (!about || isActor(doc, p)) continue;
      if (regionSide(p.region) !== f.target) continue;
      targets.push({ sentence: si, region: p.region, evidence: [evidence(doc, "region", p)], rule: "target/<attack-sentence> <place>" });
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

/** "балістичною ракетою Іскандер-М із Криму": a place of origin in a sentence about weapons. */
function fromWeapons(doc: Doc, s: { start: number; end: number }, p: { start: number; end: number }): boolean {
  const f = inSpan(doc.m.from, { start: Math.max(s.start, p.start - 25), end: p.start }).pop();
  if (!f || !/^\s*(?:[\p{L}'-]+\s+){0,2}$/u.test(doc.text.slice(f.end, p.start))) return false;
  if (inSpan(doc.m.casualties, s).length > 0) return false;
  const launched = inSpan(doc.m.outcomes, s).some((o) => o.value === "launched");
  const weaponsBefore = inSpan(doc.m.weapons, { start: s.start, end: f.start }).length + inSpan(doc.m.models, { start: s.start, end: f.start }).length;
  return weaponsBefore > 0 && (launched || /^[-•–—*]/u.test(doc.text.slice(s.start, s.start + 1)));
}

/** A launch list goes on through commas, dashes, brackets and country tags ("Курськ, Орел – рф"). */
function launchContinues(doc: Doc, from: number, to: number): boolean {
  const gap = doc.text.slice(from, to);
  if (gap.length > 60) return false;
  return inSpan(doc.m.numbers, { start: from, end: to }).length === 0 && inSpan(doc.m.outcomes, { start: from, end: to }).length === 0;
}
