import type { Evidence } from "../../model/span.js";
import type { CasualtyRuleId } from "../rule-ids.js";
import type { CasualtyKind, Qualifier, RegionCode } from "../../model/vocab.js";
import type { Sentence } from "../../text/segment.js";
import { evidence, inSpan, overlaps, type Doc } from "../context.js";
import type { Mention, NumberMention, Valued } from "../mentions/types.js";
import { periodTotal, qualifierBefore } from "./counts.js";
import { isActor, regionSide } from "./actors.js";

export interface CasualtyFact {
  sentence: number;
  kind: CasualtyKind;
  n: number;
  qualifier: Qualifier;
  region: RegionCode | null;
  rule: CasualtyRuleId;
  evidence: Evidence[];
  start: number;
}

const SHORT_GAP = /^[\s,]*(?:[\p{L}\p{M}'’-]+\s+){0,3}$/u;

/**
 * People killed, injured or taken to hospital: "23 blessés", "3 people were killed", "загинули
 * двоє людей", "tuant une enseignante", "une personne a été tuée".
 */
export function findCasualties(doc: Doc): CasualtyFact[] {
  const out: CasualtyFact[] = [];
  let lastRegion: { paragraph: number; sentence: number; region: RegionCode } | null = null;
  const docAboutAttack = aboutAttack(doc, { start: 0, end: doc.text.length });
  doc.sentences.forEach((s, si) => {
    if (periodTotal(doc, s)) return;
    const cues = inSpan(doc.m.casualties, s);
    if (cues.length === 0) return;
    // In a text about attacks, a toll in a paragraph that speaks of none is about something else
    // ("Prigozhin died with nine other people when a plane … crashed").
    if (docAboutAttack && !doc.sentences.some((x) => x.paragraph === s.paragraph && aboutAttack(doc, x))) return;
    const nums: NumberMention[] = inSpan(doc.m.numbers, s).filter(
      (n) => !doc.dateSpans.some((d) => overlaps(d, n)) && inSpan(doc.m.weapons, { start: n.end, end: n.end + 30 }).every((w) => !/^[\s\p{L}'-]{0,20}$/u.test(doc.text.slice(n.end, w.start))),
    );
    // "une personne", "a woman": one person.
    for (const o of inSpan(doc.m.one, s)) {
      const p = inSpan(doc.m.persons, { start: o.end, end: o.end + 20 })[0];
      if (p && /^\s*$/.test(doc.text.slice(o.end, p.start)) && !nums.some((n) => overlaps(n, o))) nums.push({ start: o.start, end: p.end, value: 1, word: true });
    }
    nums.sort((a, b) => a.start - b.start);
    // "no one was hurt", "ни один": a negated number counts nobody; "dont quatre enfants": a part.
    const counted = nums.filter((n) => {
      const neg = inSpan(doc.m.negations, { start: Math.max(s.start, n.start - 6), end: n.start });
      if (neg.some((x) => /^\s*$/.test(doc.text.slice(x.end, n.start)))) return false;
      const person = inSpan(doc.m.persons, { start: n.end, end: n.end + 20 }).some((p) => /^\s*$/.test(doc.text.slice(n.end, p.start)));
      return !(person && partOfBefore(doc, n));
    });
    nums.length = 0;
    nums.push(...counted);
    const used = new Set<number>();
    for (const cue of cues) {
      const n = pickNumber(doc, s, cue, nums, used);
      if (!n) continue;
      used.add(n.start);
      const { q, ev: qev } = qualifierBefore(doc, n);
      // "…au moins un mort dans l'oblast de X. Deux employés ont été blessés": the place told just before.
      const own = casualtyRegion(doc, s, Math.max(cue.end, n.end));
      const carried = !own && inSpan(doc.m.places, s).length === 0 ? carriedRegion(doc, si, lastRegion) : null;
      const region = own ?? null;
      if (own) lastRegion = { paragraph: s.paragraph, sentence: si, region: own.region };
      out.push({
        sentence: si,
        kind: cue.value,
        n: n.value,
        qualifier: q,
        region: region?.region ?? carried,
        rule: n.start < cue.start ? "casualty/<number> <persons>? <casualty>" : "casualty/<casualty> <number> <persons>?",
        evidence: [evidence(doc, "number", n), evidence(doc, "casualty", cue), ...(qev ? [qev] : []), ...(region ? [evidence(doc, "region", region)] : [])],
        start: Math.min(n.start, cue.start),
      });
    }
  });
  return out;
}

function pickNumber(doc: Doc, s: Sentence, cue: Valued<CasualtyKind>, nums: NumberMention[], used: Set<number>): NumberMention | null {
  // Number first: "23 blessés", "14 ont été hospitalisés", "3 people were killed", "Deux employés … blessés".
  const candidates = [...nums].reverse().filter((n) => n.end <= cue.start && cue.start - n.end < 90 && (!used.has(n.start) || joinedToPreviousCue(doc, cue)));
  for (const before of candidates) {
    const gap = doc.text.slice(before.end, cue.start);
    if (/[.;!?]/.test(gap) || !noNumberBetween(doc, before.end, cue.start)) continue;
    const personAfter = inSpan(doc.m.persons, { start: before.end, end: before.end + 30 }).some((p) => /^\s*(?:[\p{L}'-]+\s+)?$/u.test(doc.text.slice(before.end, p.start)));
    // "Eight of those injured in the strike were hospitalized": the people named between.
    const span = { start: before.end, end: cue.start };
    const namedPeople = inSpan(doc.m.casualties, span).length > 0 && inSpan(doc.m.outOf, span).length + inSpan(doc.m.partOf, span).length > 0;
    if (!(SHORT_GAP.test(gap + " ") || personAfter || namedPeople)) continue;
    // "Eight of those injured … were hospitalized", "9 постраждалих госпіталізовано", "Six blessés ont été
    // transportés à l'hôpital": the first word names the people, the later one says what befell them.
    if (laterPredicate(doc, s, before, cue)) return null;
    return before;
  }
  // A toll that grew: "The death toll from the strike rose to 19", "Число погибших … возросло до 15".
  const rose = inSpan(doc.m.rose, { start: cue.end, end: Math.min(s.end, cue.end + 80) })[0];
  if (rose) {
    const n = nums.find((x) => x.start >= rose.end && x.start - rose.end < 12 && !used.has(x.start));
    if (n && !/[.;]/.test(doc.text.slice(cue.end, n.start))) return n;
  }
  // Cue first: "загинули 3 людини", "killing two people", "tuant une enseignante".
  const after = nums.find((n) => n.start >= cue.end && !used.has(n.start));
  if (after && after.start - cue.end <= 25 && SHORT_GAP.test(doc.text.slice(cue.end, after.start) + " ")) {
    // "Parmi les blessés, 14 ont été hospitalisés": the number belongs to the word that follows it.
    const next = inSpan(doc.m.casualties, { start: after.end, end: Math.min(s.end, after.end + 40) })[0];
    const between = { start: after.end, end: next ? next.start : after.end };
    if (next && SHORT_GAP.test(doc.text.slice(after.end, next.start) + " ") && inSpan(doc.m.and, between).length === 0 && inSpan(doc.m.persons, between).length === 0) return null;
    return after;
  }
  return null;
}

/** "blessés et transportés à l'hôpital": a second casualty word joined to the first shares its number. */
function joinedToPreviousCue(doc: Doc, cue: Mention): boolean {
  // "a tué une enseignante et blessé deux autres": a number of its own follows.
  if (inSpan(doc.m.numbers, { start: cue.end, end: cue.end + 20 }).some((n) => /^\s*(?:[\p{L}'-]+\s+)?$/u.test(doc.text.slice(cue.end, n.start)))) return false;
  const prev = inSpan(doc.m.casualties, { start: Math.max(0, cue.start - 30), end: cue.start }).pop();
  return prev !== undefined && inSpan(doc.m.and, { start: prev.end, end: cue.start }).some((a) => /^\s*$/.test(doc.text.slice(prev.end, a.start)) && /^\s*$/.test(doc.text.slice(a.end, cue.start)));
}

/** Another figure between a number and its casualty word belongs to something else; "une", "a" do not count. */
function noNumberBetween(doc: Doc, from: number, to: number): boolean {
  return !inSpan(doc.m.numbers, { start: from, end: to }).some((n) => !(n.word && n.value === 1) && !partOfBefore(doc, n));
}

function partOfBefore(doc: Doc, n: Mention): boolean {
  return inSpan(doc.m.partOf, { start: Math.max(0, n.start - 16), end: n.start }).some((x) => /^[\s,]*$/.test(doc.text.slice(x.end, n.start)));
}

/** The region of the people counted: a single region named in the sentence, or the first one after. */
function casualtyRegion(doc: Doc, s: Sentence, pos: number) {
  const places = inSpan(doc.m.places, s).filter((p) => regionSide(p.region) !== null);
  const launch = inSpan(doc.m.launch, s);
  const usable = places.filter((p) => !launch.some((l) => l.end <= p.start) && !isActor(doc, p));
  const regions = new Set(usable.map((p) => p.region));
  // "contre Kyiv et le sud de l'Ukraine": a place listed with unnamed others is not the toll's place.
  if (regions.size === 1 && !usable.some((p) => sharedWithOthers(doc, p))) return usable[0]!;
  // Several regions named after the toll ("l'une dans la région de X et l'autre dans celle de Y"): none is its own.
  const after = usable.filter((p) => p.start >= pos);
  if (new Set(after.map((p) => p.region)).size > 1) return null;
  const next = after.find((p) => p.start - pos < 60);
  if (next) return next;
  // "…, while a strike on the city of Odesa injured four people": the place of the toll's own clause.
  const clauseStart = Math.max(s.start, doc.text.lastIndexOf(",", pos) + 1, doc.text.lastIndexOf(";", pos) + 1);
  const inClause = usable.filter((p) => p.start >= clauseStart && p.end <= pos);
  return new Set(inClause.map((p) => p.region)).size === 1 ? inClause[inClause.length - 1]! : null;
}

function aboutAttack(doc: Doc, s: { start: number; end: number }): boolean {
  return inSpan(doc.m.attack, s).length + inSpan(doc.m.weapons, s).length + inSpan(doc.m.outcomes, s).length + inSpan(doc.m.models, s).length > 0;
}

/** "… атакували Харків. Внаслідок обстрілу постраждали троє людей": the place of the sentence before. */
function carriedRegion(doc: Doc, si: number, last: { paragraph: number; sentence: number; region: RegionCode } | null): RegionCode | null {
  const s = doc.sentences[si]!;
  if (last && last.paragraph === s.paragraph && si - last.sentence === 1) return last.region;
  const prev = doc.sentences[si - 1];
  if (!prev || prev.paragraph !== s.paragraph) return null;
  const regions = new Set(inSpan(doc.m.places, prev).filter((p) => regionSide(p.region) !== null && !isActor(doc, p)).map((p) => p.region));
  return regions.size === 1 ? [...regions][0]! : null;
}

function sharedWithOthers(doc: Doc, p: { end: number }): boolean {
  const and = inSpan(doc.m.and, { start: p.end, end: p.end + 6 })[0];
  if (!and || !/^\s*$/.test(doc.text.slice(p.end, and.start))) return false;
  return inSpan(doc.m.places, { start: and.end, end: and.end + 4 }).length === 0;
}

function laterPredicate(doc: Doc, s: Sentence, n: Mention, cue: Valued<CasualtyKind>): boolean {
  const next = inSpan(doc.m.casualties, { start: cue.end, end: Math.min(s.end, cue.end + 60) }).find((c) => c.value !== cue.value);
  if (!next) return false;
  const between = { start: cue.end, end: next.start };
  if (inSpan(doc.m.and, between).length > 0 || inSpan(doc.m.numbers, between).length > 0 || /[,;.]/.test(doc.text.slice(cue.end, next.start))) return false;
  const partitive = inSpan(doc.m.outOf, { start: n.end, end: cue.start }).length + inSpan(doc.m.partOf, { start: n.end, end: cue.start }).length > 0;
  const words = doc.text.slice(cue.end, next.start).trim().split(/\s+/).filter(Boolean).length;
  return partitive || words <= 2;
}
