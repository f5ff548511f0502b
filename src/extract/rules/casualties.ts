import type { Evidence } from "../../model/span.js";
import type { CasualtyKind, Qualifier, RegionCode } from "../../model/vocab.js";
import type { Sentence } from "../../text/segment.js";
import { evidence, inSpan, overlaps, type Doc } from "../context.js";
import type { Mention, NumberMention } from "../mentions/types.js";
import { qualifierBefore } from "./counts.js";
import { isActor, regionSide } from "./actors.js";

export interface CasualtyFact {
  sentence: number;
  kind: CasualtyKind;
  n: number;
  qualifier: Qualifier;
  region: RegionCode | null;
  rule: string;
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
  doc.sentences.forEach((s, si) => {
    if (inSpan(doc.m.period, s).length > 0) return;
    const cues = inSpan(doc.m.casualties, s);
    if (cues.length === 0) return;
    const nums: NumberMention[] = inSpan(doc.m.numbers, s).filter(
      (n) => !doc.dateSpans.some((d) => overlaps(d, n)) && inSpan(doc.m.weapons, { start: n.end, end: n.end + 30 }).every((w) => !/^[\s\p{L}'-]{0,20}$/u.test(doc.text.slice(n.end, w.start))),
    );
    // "une personne", "a woman": one person.
    for (const o of inSpan(doc.m.one, s)) {
      const p = inSpan(doc.m.persons, { start: o.end, end: o.end + 20 })[0];
      if (p && /^\s*$/.test(doc.text.slice(o.end, p.start)) && !nums.some((n) => overlaps(n, o))) nums.push({ start: o.start, end: p.end, value: 1, word: true });
    }
    nums.sort((a, b) => a.start - b.start);
    const used = new Set<number>();
    for (const cue of cues) {
      const n = pickNumber(doc, s, cue, nums, used);
      if (!n) continue;
      used.add(n.start);
      const { q, ev: qev } = qualifierBefore(doc, n);
      const region = casualtyRegion(doc, s, Math.max(cue.end, n.end));
      out.push({
        sentence: si,
        kind: cue.value,
        n: n.value,
        qualifier: q,
        region: region?.region ?? null,
        rule: n.start < cue.start ? "casualty/<number> <persons>? <casualty>" : "casualty/<casualty> <number> <persons>?",
        evidence: [evidence(doc, "number", n), evidence(doc, "casualty", cue), ...(qev ? [qev] : []), ...(region ? [evidence(doc, "region", region)] : [])],
        start: Math.min(n.start, cue.start),
      });
    }
  });
  return out;
}

function pickNumber(doc: Doc, s: Sentence, cue: Mention, nums: NumberMention[], used: Set<number>): NumberMention | null {
  // Number first: "23 blessés", "14 ont été hospitalisés", "3 people were killed".
  const before = [...nums].reverse().find((n) => n.end <= cue.start && (!used.has(n.start) || joinedToPreviousCue(doc, cue)));
  const personAfter = before ? inSpan(doc.m.persons, { start: before.end, end: before.end + 25 }).some((p) => /^\s*$/.test(doc.text.slice(before.end, p.start))) : false;
  const longGapOk = before !== undefined && personAfter && cue.start - before.end < 90 && !/[.;!?]/.test(doc.text.slice(before.end, cue.start));
  if (before && (SHORT_GAP.test(doc.text.slice(before.end, cue.start) + " ") || longGapOk) && noNumberBetween(nums, before.end, cue.start)) {
    const gap = doc.text.slice(before.end, cue.start).trim();
    const persons = inSpan(doc.m.persons, { start: before.end, end: cue.start });
    const words = gap.split(/\s+/).filter(Boolean).length;
    if (words <= 1 || persons.length > 0 || words <= 3) return before;
  }
  // Cue first: "загинули 3 людини", "killing two people", "tuant une enseignante".
  const after = nums.find((n) => n.start >= cue.end && !used.has(n.start));
  if (after && after.start - cue.end <= 25 && SHORT_GAP.test(doc.text.slice(cue.end, after.start) + " ")) {
    const persons = inSpan(doc.m.persons, { start: after.end, end: Math.min(s.end, after.end + 25) });
    if (persons.length > 0 || after.end - after.start > 0) return after;
  }
  return null;
}

/** "blessés et transportés à l'hôpital": a second casualty word joined to the first shares its number. */
function joinedToPreviousCue(doc: Doc, cue: Mention): boolean {
  const prev = inSpan(doc.m.casualties, { start: Math.max(0, cue.start - 30), end: cue.start }).pop();
  return prev !== undefined && inSpan(doc.m.and, { start: prev.end, end: cue.start }).some((a) => /^\s*$/.test(doc.text.slice(prev.end, a.start)) && /^\s*$/.test(doc.text.slice(a.end, cue.start)));
}

function noNumberBetween(nums: Array<Mention>, from: number, to: number): boolean {
  return !nums.some((n) => n.start >= from && n.end <= to);
}

/** The region of the people counted: a single region named in the sentence, or the first one after. */
function casualtyRegion(doc: Doc, s: Sentence, pos: number) {
  const places = inSpan(doc.m.places, s).filter((p) => regionSide(p.region) !== null);
  const launch = inSpan(doc.m.launch, s);
  const usable = places.filter((p) => !launch.some((l) => l.end <= p.start) && !isActor(doc, p));
  const regions = new Set(usable.map((p) => p.region));
  if (regions.size === 1) return usable[0]!;
  const after = usable.find((p) => p.start >= pos && p.start - pos < 60);
  if (after) return after;
  const before = usable.filter((p) => p.end <= pos && !/[;]/.test(doc.text.slice(p.end, pos)));
  return before[before.length - 1] ?? null;
}
