import type { Count } from "../../model/extraction.js";
import type { RegionCode } from "../../model/vocab.js";
import type { Org } from "../../model/vocab.js";
import { inSpan, sentenceAt as sentenceIndexAt, type Doc } from "../context.js";
import { regionSide } from "../rules/actors.js";
import { sharedWithOthers } from "../rules/casualties.js";
import { launchPlaces } from "../rules/launch.js";
import { refinerEvidence, type RefineContext } from "./refiners.js";

/** Bodies that speak for the whole country: their figures are national unless they name a place. */
const NATIONAL: ReadonlySet<Org> = new Set<Org>(["UA.air_force", "UA.general_staff", "UA.president", "UA.government", "RU.mod", "RU.government"]);

/**
 * "Ночью над Рязанской областью была предотвращена атака беспилотников. Дежурные средства ПВО
 * уничтожили шесть БПЛА.", "An attempted drone attack on the Tula region was repelled overnight. Air
 * defences destroyed seven UAVs": a sentence that sets the scene of an attack over one region, without a
 * figure, puts the figures of the sentences that follow in its paragraph there, as long as they name no
 * place of their own, no national body speaks in them, and they do not say they are totals.
 */
export function regionOfTheScene({ doc, frames, reports, sentenceOf }: RefineContext): void {
  // Sentences holding a figure, merged ones included (a figure told twice keeps only its first sentence).
  const sentenceAt = (pos: number) => sentenceIndexAt(doc.sentences, pos);
  const countSentences = new Set<number | undefined>(reports.flatMap((r) => r.counts.flatMap((c) => [sentenceOf.get(c), ...c.provenance.evidence.filter((e) => e.role === "number" || e.by === "count/same-figure-twice").map((e) => sentenceAt(e.start))])));
  const postScene = sceneOfThePost(doc);
  for (const r of reports) {
    for (const c of r.counts) {
      if (c.region !== null) continue;
      // Places hit or reached by debris are counted in the post's one region; a sentence before does not set them.
      const locations = c.outcome === "hit_locations" || c.outcome === "debris_locations";
      const si = sentenceOf.get(c);
      if (si === undefined) continue;
      const s = doc.sentences[si]!;
      // "влучання у Харкові та області на шести локаціях": the places of a count of locations, all in
      // one region and none named as one among others, are where they are.
      if (locations && inSpan(doc.m.places, s).length > 0) {
        const launched = launchPlaces(doc, s);
        const places = inSpan(doc.m.places, s).filter((p) => !launched.has(p) && !p.region.startsWith("sea:"));
        const regions = new Set(places.map((p) => p.region));
        const first = places[0];
        if (first && regions.size === 1 && inSpan(doc.m.including, s).length === 0 && regionSide(first.region) === r.target) setRegion(doc, c, first);
        continue;
      }
      if (locations && !(doc.kind === "official" && postScene)) continue;
      if (inSpan(doc.m.total, s).length + inSpan(doc.m.nationwide, s).length > 0) continue;
      const lead = locations ? null : sceneOfTheLead(doc, s, c.provenance.evidence.find((e) => e.role === "number")?.start ?? s.end);
      if (!lead && inSpan(doc.m.places, s).length > 0) continue;
      // "…, the air force said": a national body speaking of its figure speaks of the whole country.
      const speaks = inSpan(doc.m.attribution, s).length + inSpan(doc.m.according, s).length > 0;
      if (speaks && frames[si]!.orgEvidence.length > 0 && frames[si]!.orgs.some((o) => NATIONAL.has(o))) continue;
      const scene = locations ? postScene : (lead ?? sceneBefore(doc, si, countSentences) ?? (doc.kind === "official" || c.outcome === "hit" ? postScene : null));
      if (!scene || regionSide(scene.region) !== r.target) continue;
      setRegion(doc, c, scene);
    }
  }
}

function setRegion(doc: Doc, c: Count, scene: Scene) {
  c.region = scene.region;
  c.provenance.evidence.push(refinerEvidence(doc, "count/region-of-the-scene", "region", scene));
}

/** The scene sentence: up to two sentences back in the same paragraph, with no figure and no place between. */
function sceneBefore(doc: Doc, si: number, countSentences: Set<number | undefined>): Scene | null {
  const paragraph = doc.sentences[si]!.paragraph;
  for (let k = si - 1; k >= Math.max(0, si - 2); k--) {
    const s = doc.sentences[k]!;
    if (s.paragraph !== paragraph || countSentences.has(k)) return null;
    const scene = sceneIn(doc, s);
    if (scene === "none") continue;
    return scene;
  }
  return null;
}

type Scene = { region: RegionCode; start: number; end: number };

/**
 * Whether a stretch of text sets the scene of an attack over one region: "none" when it names no place,
 * null when it names places that set no scene (several regions, a toll's place, a place not where the attack was).
 */
function sceneIn(doc: Doc, s: { start: number; end: number }): Scene | "none" | null {
  const launched = launchPlaces(doc, s);
  const places = inSpan(doc.m.places, s).filter((p) => !launched.has(p) && !p.region.startsWith("sea:"));
  if (places.length === 0) return "none";
  const regions = new Set(places.map((p) => p.region));
  if (regions.size !== 1) return null;
  const about = inSpan(doc.m.attack, s).length + inSpan(doc.m.outcomes, s).filter((o) => o.value !== "debris").length > 0;
  // A toll's place is where people were hurt, not where the weapons were met.
  if (!about || inSpan(doc.m.casualties, s).length > 0) return null;
  // The place must be where the attack was: after a preposition of place or right after the attack's verb.
  const p = places[0]!;
  // "contre Kiev et d'autres villes", "on Kyiv and other regions": one place among others is no scene.
  if (sharedWithOthers(doc, p)) return null;
  const placed =
    inSpan(doc.m.over, { start: Math.max(s.start, p.start - 40), end: p.start }).some((o) => /^\s*(?:[\p{L}'-]+\s+){0,3}$/u.test(doc.text.slice(o.end, p.start) + " ")) ||
    inSpan(doc.m.outcomes, { start: Math.max(s.start, p.start - 30), end: p.start }).some((o) => o.value === "launched" && /^\s*(?:[\p{L}'-]+\s+){0,1}$/u.test(doc.text.slice(o.end, p.start) + " "));
  if (!placed) return null;
  return { region: p.region, start: p.start, end: p.end };
}

/**
 * "Ворог атакував Одещину: збито 12 дронів", "Ukraine attacked Crimea overnight; nine drones were downed": a
 * clause that sets the scene, closed by a colon or a semicolon, holds the figures of the clause after it, when
 * that clause names no place of its own.
 */
function sceneOfTheLead(doc: Doc, s: { start: number; end: number }, countStart: number): Scene | null {
  const head = doc.text.slice(s.start, countStart);
  const cut = Math.max(head.lastIndexOf(":"), head.lastIndexOf(";"));
  if (cut < 0) return null;
  const lead = { start: s.start, end: s.start + cut };
  const rest = { start: lead.end, end: s.end };
  if (inSpan(doc.m.places, rest).length > 0) return null;
  // Figures in the lead are the lead's own; the scene is a clause without one.
  if (inSpan(doc.m.numbers, lead).some((n) => !doc.dateSpans.some((d) => d.start <= n.start && n.end <= d.end))) return null;
  const scene = sceneIn(doc, lead);
  return scene === "none" ? null : scene;
}

/**
 * "Наслідки нічної атаки на Харківщину", "Drone attack on Odesa: …": a post or article whose
 * heading names the attack on one region, and that names no place outside it (launch areas and seas aside),
 * tells of that region. In an official post every figure is of that region; in an article, only the hits
 * (an interception figure there may be the whole country's, told by a national body).
 */
function sceneOfThePost(doc: Doc): { region: RegionCode; start: number; end: number } | null {
  const head = doc.sentences[0];
  if (!head || inSpan(doc.m.attack, head).length === 0) return null;
  const launched = new Set(doc.sentences.flatMap((s) => [...launchPlaces(doc, s).keys()]));
  const places = doc.m.places.filter((p) => !launched.has(p) && !p.region.startsWith("sea:"));
  const regions = new Set(places.map((p) => p.region));
  const first = inSpan(doc.m.places, head).find((p) => !launched.has(p) && !p.region.startsWith("sea:"));
  if (!first || regions.size !== 1) return null;
  return { region: first.region, start: first.start, end: first.end };
}
