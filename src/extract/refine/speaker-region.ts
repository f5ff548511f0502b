import type { Evidence } from "../../model/span.js";
import { officialRegion } from "../../lexicon/shared/officials.js";
import type { PlaceMention } from "../mentions/types.js";
import { inSpan, type Doc } from "../context.js";
import { TITLE_GAP, regionSide } from "../rules/actors.js";
import { clauseOf } from "../rules/clause.js";
import { launchPlaces } from "../rules/launch.js";
import { refinerEvidence, type RefineContext } from "./refiners.js";

/**
 * "Власти Сумской области сообщили, что два дрона попали в здания", "«Три БпЛА збили сили ППО», – заявив голова
 * Дніпропетровської ОВА", "the governor of the Belgorod region said six drones were shot down": a figure a
 * regional authority tells, with no place of its own, is a figure of the authority's region. The region is
 * named with the authority's title (the land after it, or the adjective before "ОВА"), in its sentence or,
 * for a title alone ("очільник області"), with the same title a few sentences before.
 */
export function regionOfTheSpeaker({ doc, frames, reports, sentenceOf }: RefineContext): void {
  for (const r of reports) {
    for (const c of r.counts) {
      if (c.region !== null || c.outcome === "hit_locations" || c.outcome === "debris_locations") continue;
      const si = sentenceOf.get(c);
      const frame = si === undefined ? undefined : frames[si];
      if (si === undefined || !frame || frame.orgs.length === 0 || !frame.orgs.every((o) => o.endsWith(".regional"))) continue;
      const s = doc.sentences[si]!;
      // A figure beside places of other regions, several regions or the whole country is not the authority's region's.
      const launched = launchPlaces(doc, s);
      const spoken = frame.orgEvidence.filter((e) => e.role === "attribution");
      const n = c.provenance.evidence.find((e) => e.role === "number" && !e.by) ?? c.provenance.sentence;
      const clause = clauseOf(doc, s, n.start, n.end);
      if (inSpan(doc.m.regionsPlural, s).length + inSpan(doc.m.nationwide, s).length + inSpan(doc.m.belonging.broadArea, s).length > 0) continue;
      const land = landOf(doc, spoken, si);
      if (!land || regionSide(land.region) !== r.target) continue;
      // ("…, ще два поцілили по об'єкту в Новомосковську": a place of the same region in the figure's clause agrees.)
      const own = inSpan(doc.m.places, clause).filter((p) => !launched.has(p) && !spoken.some((e) => near(e, p)));
      if (own.some((p) => p.region !== land.region)) continue;
      c.region = land.region;
      c.provenance.evidence.push(refinerEvidence(doc, "count/region-of-the-speaker", "region", land));
      if (!r.targets.includes(land.region)) {
        r.targets.push(land.region);
        r.target_facts.push({ region: land.region, provenance: c.provenance });
      }
    }
  }
}

/** A place written against an authority's words: "Власти [Сумской области]", "[Харківська] ОВА", "governor of [the Rostov region]". */
function near(e: { start: number; end: number }, p: { start: number; end: number }): boolean {
  return (p.start >= e.start && p.end <= e.end) || (p.start >= e.end && p.start - e.end <= 40) || (p.end <= e.start && e.start - p.end <= 3);
}

/** The one land named with the speaking authority, in its sentence or with a regional title a few sentences before. */
function landOf(doc: Doc, spoken: Evidence[], si: number): PlaceMention | null {
  const regional = (o: { value: string }) => o.value.endsWith(".regional");
  const titled = (from: number, to: number): PlaceMention[] =>
    inSpan(doc.m.orgs, { start: from, end: to })
      .filter(regional)
      .flatMap((o) =>
        inSpan(doc.m.places, { start: Math.max(0, o.start - 30), end: o.end + 60 }).filter(
          (p) => (p.end <= o.start && /^\s*$/.test(doc.text.slice(p.end, o.start))) || (p.start >= o.end && TITLE_GAP.test(doc.text.slice(o.end, p.start))),
        ),
      );
  // "Mayor Sobyanin reported…", "Гладков сообщил…": an official known by name speaks for the region they head.
  const named = spoken.flatMap((e) => {
    const region = officialRegion(e.text);
    return region ? [{ start: e.start, end: e.end, region, name: e.text, kind: "region" as const }] : [];
  });
  const inSentence = [...spoken.flatMap((e) => titled(e.start, e.end)), ...named];
  const s = doc.sentences[si]!;
  const found = inSentence.length > 0 ? inSentence : titled(doc.sentences[Math.max(0, si - 3)]!.start, s.start);
  const regions = new Set(found.map((p) => p.region));
  return regions.size === 1 ? found[found.length - 1]! : null;
}
