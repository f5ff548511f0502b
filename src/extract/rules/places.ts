import type { Evidence } from "../../model/span.js";
import type { PlaceRole, RegionCode, Side } from "../../model/vocab.js";
import { evidence, inSpan, type Doc, type Frame } from "../context.js";
import { regionSide } from "./frames.js";

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
    for (const p of inSpan(doc.m.places, s)) {
      const cue = [...cues].reverse().find((c) => c.end <= p.start);
      const inLaunch = cue && !/[.;!?]/.test(doc.text.slice(cue.end, p.start)) && launchContinues(doc, cue.end, p.start);
      if (inLaunch) {
        launch.push({ sentence: si, region: p.region, evidence: [evidence(doc, "launch", cue), evidence(doc, "region", p)], rule: "launch/<launch-cue> <place>+" });
        if (p.kind !== "region" && p.kind !== "sea") places.push({ sentence: si, region: p.region, name: p.name, role: "launch", evidence: [evidence(doc, "place", p)], rule: "place/launch" });
        continue;
      }
      if (!about) continue;
      if (regionSide(p.region) !== f.target) continue;
      targets.push({ sentence: si, region: p.region, evidence: [evidence(doc, "region", p)], rule: "target/<attack-sentence> <place>" });
      if (p.kind !== "region" && p.kind !== "sea") places.push({ sentence: si, region: p.region, name: p.name, role: "other", evidence: [evidence(doc, "place", p)], rule: "place/named" });
    }
    if (about) {
      for (const c of inSpan(doc.m.capital, s)) {
        targets.push({ sentence: si, region: CAPITAL[f.target], evidence: [evidence(doc, "region", c)], rule: "target/<capital>" });
      }
    }
  });
  return { targets, launch, places };
}

/** A launch list goes on through commas, dashes, brackets and country tags ("Курськ, Орел – рф"). */
function launchContinues(doc: Doc, from: number, to: number): boolean {
  const gap = doc.text.slice(from, to);
  if (gap.length > 120) return false;
  return inSpan(doc.m.numbers, { start: from, end: to }).length === 0 && inSpan(doc.m.outcomes, { start: from, end: to }).length === 0;
}
