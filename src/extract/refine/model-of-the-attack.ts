import type { Count, Report } from "../../model/extraction.js";
import type { ModelMention } from "../mentions/types.js";
import { inSpan, sentenceHolding, type Doc } from "../context.js";
import { refinerEvidence, type RefineContext } from "./refiners.js";

/**
 * "…attacked Ukraine using Iranian attack drones Shahed… 58 of 59 were shot down", "атака с
 * использованием ракет «Нептун». … шесть украинских ракет были уничтожены": a model the report's own
 * body names for this attack's weapons, with no figure of its own, is the model of that body's figures
 * of its class. Not from background ("Moscow has used Shaheds since 2022"), not onto figures of mixed
 * kinds, not when a figure of the report names a model itself (then the sets' own models hold), and
 * not in an Air Force post, whose separate lines keep their own wording.
 */
export function modelOfTheAttack({ doc, frames, reports, sentenceOf }: RefineContext): void {
  if (doc.m.weapons.some((w) => w.weapon === "drone.decoy")) return;
  const counted = reports.flatMap((r) => r.counts.flatMap((c) => c.provenance.evidence.filter((e) => e.role === "model" || e.role === "weapon")));
  for (const r of reports) {
    // A figure of the report that names a model of its own class: its sets' own models hold.
    const named = new Set(r.counts.filter((c) => c.model !== null).map((c) => c.weapon.split(".")[0]));
    if (doc.kind === "official" && r.claimant_orgs.includes("UA.air_force")) continue;
    const mentions = doc.m.models.filter(
      (m) => !m.anonymous && !m.model.includes("/") && !counted.some((e) => e.start < m.end && m.start < e.end) && !namesAPart(doc, m) && aboutThisAttack(doc, m, r),
    );
    const ids = new Set(mentions.map((m) => m.model));
    if (ids.size !== 1) continue;
    const mention = mentions[0]!;
    const mSentence = sentenceHolding(doc.sentences, mention);
    const mFrame = frames[mSentence];
    // The body that names the model must be the report's; a model one side fires must be the attacker's.
    if (!mFrame || mFrame.claimant !== r.claimant || (mention.side !== null && mention.side !== r.attacker)) continue;
    const root = mention.weapon.split(".")[0]!;
    if (named.has(root)) continue;
    for (const c of r.counts) {
      if (c.weapon !== root && c.weapon !== mention.weapon) continue;
      if (c.outcome === "hit_locations" || c.outcome === "debris_locations" || mixed(doc, c)) continue;
      const cFrame = frames[sentenceOf.get(c) ?? -1];
      if (!cFrame || !sameBody(cFrame.orgs, mFrame.orgs)) continue;
      c.model = mention.model;
      c.weapon = mention.weapon;
      c.provenance.evidence.push(refinerEvidence(doc, "count/model-of-the-attack", "model", mention));
    }
  }
}

/** "including Shahed", "зокрема типу Shahed": the model names a part of the figure, not the figure. */
function namesAPart(doc: Doc, m: ModelMention): boolean {
  return inSpan(doc.m.including, { start: Math.max(0, m.start - 30), end: m.start }).some((x) => /^[\s\p{L}«»"'“”-]*$/u.test(doc.text.slice(x.end, m.start)) && doc.text.slice(x.end, m.start).trim().split(/\s+/).length <= 3);
}

/** The model's sentence tells of an attack (a launch or attack word) and not of the war's background. */
function aboutThisAttack(doc: Doc, m: ModelMention, r: Report): boolean {
  const s = doc.sentences[sentenceHolding(doc.sentences, m)];
  if (!s) return false;
  if (inSpan(doc.m.background, s).length > 0) return false;
  const year = r.date?.slice(0, 4);
  if ([...doc.text.slice(s.start, s.end).matchAll(/(?<!\d)(?:19|20)\d\d(?!\d)/g)].some((y) => y[0] !== year)) return false;
  return inSpan(doc.m.outcomes, s).some((o) => o.value === "launched") || inSpan(doc.m.attack, s).length > 0;
}

/**
 * A figure of several kinds: "Shahed, Gerbera and decoys" (weapon words of classes neither of which
 * contains the other), "including Shahed", "and other types".
 */
function mixed(doc: Doc, c: Count): boolean {
  const own = c.provenance.evidence.filter((e) => (e.role === "weapon" || e.role === "model") && e.by === undefined);
  if (own.some((e) => [...doc.m.including, ...doc.m.otherTypes].some((m) => m.start < e.end && e.start < m.end))) return true;
  const classes = own.flatMap((e) => [...inSpan(doc.m.weapons, e).map((w) => w.weapon as string), ...inSpan(doc.m.models, e).map((m) => m.weapon as string)]);
  const related = (a: string, b: string) => a === b || a.startsWith(b + ".") || b.startsWith(a + ".");
  return classes.some((a) => classes.some((b) => !related(a, b)));
}

/** The same body speaks, or the figure's sentence only names its side ("Ukraine says", a headline). */
function sameBody(countOrgs: readonly string[], modelOrgs: readonly string[]): boolean {
  const generic = countOrgs.every((o) => o.endsWith(".other") || o === "media");
  return countOrgs.some((o) => modelOrgs.includes(o)) || generic;
}
