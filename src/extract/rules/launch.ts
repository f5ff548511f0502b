import { inSpan, lastDocumentMemo, spanKey, type Doc } from "../context.js";
import { joinedByAnd } from "./region-of.js";
import type { Mention, PlaceMention } from "../mentions/types.js";

/**
 * The places of a sentence named as launch areas: after a launch cue ("з напрямків:", "launched
 * from"), through a list of places separated by short gaps, or right after a preposition of origin
 * in a sentence about weapons ("балістичною ракетою Іскандер-М із Криму").
 */
export function launchPlaces(doc: Doc, s: { start: number; end: number }): ReadonlyMap<PlaceMention, Mention | null> {
  // Read once per sentence: the sides, regions, casualties and refiners all ask (three times a sentence on average).
  const memo = launchOf(doc);
  const key = spanKey(s);
  let out = memo.get(key);
  if (!out) memo.set(key, (out = findLaunchPlaces(doc, s)));
  return out;
}

const launchOf = lastDocumentMemo<ReadonlyMap<PlaceMention, Mention | null>>();

function findLaunchPlaces(doc: Doc, s: { start: number; end: number }): Map<PlaceMention, Mention | null> {
  const out = new Map<PlaceMention, Mention | null>();
  // "depuis la semaine dernière", "since Monday": a cue followed by a time is a time, not an origin.
  const times = [...doc.m.period, ...doc.dateSpans];
  const cues = inSpan(doc.m.launch, s).filter((c) => !times.some((t) => t.start >= c.end && /^\s*$/.test(doc.text.slice(c.end, t.start))));
  let chainEnd = -1;
  for (const p of inSpan(doc.m.places, s)) {
    // "з акваторії Чорного моря": the cue may run into the place's own name ("акваторії Чорного моря").
    const cue = [...cues].reverse().find((c) => c.end <= p.start || (c.start < p.start && c.end <= p.end));
    // "launched from X as well as from Y": after a launch cue, each "from" opens the next item.
    const again = cue ? inSpan(doc.m.from, { start: cue.end, end: p.start }).at(-1) : undefined;
    const from = cue ? Math.max(cue.end, chainEnd, again?.end ?? -1) : -1;
    const gap = cue ? doc.text.slice(from, p.start) : "";
    // "Міллерово – рф., ТОТ Донецьк": an abbreviation's full stop does not end the list.
    // "Приморсько-Ахтарськ - рф; ТОТ АР Крим – Гвардійське": a short gap with ";" goes on with the list.
    const sentenceBreak = /[!?]/.test(gap) || (/;/.test(gap) && gap.length > 16) || (/\./.test(gap) && gap.length > 24);
    const inLaunch =
      (cue !== undefined && !sentenceBreak && launchContinues(doc, from, p.start) && !aimedAt(doc, chainEnd, from, p.start)) ||
      (chainEnd >= 0 && joinedByAnd(doc, chainEnd, p.start)) ||
      fromWeapons(doc, s, p);
    if (inLaunch) {
      out.set(p, cue ?? null);
      chainEnd = p.end;
    }
  }
  return out;
}

/** "балістичною ракетою Іскандер-М із Криму": a place of origin in a sentence about weapons. */
function fromWeapons(doc: Doc, s: { start: number; end: number }, p: { start: number; end: number }): boolean {
  const f = inSpan(doc.m.from, { start: Math.max(s.start, p.start - 25), end: p.start }).at(-1);
  if (!f || !/^\s*(?:[\p{L}'-]+\s+){0,2}$/u.test(doc.text.slice(f.end, p.start))) return false;
  if (inSpan(doc.m.casualties, s).length > 0) return false;
  const launched = inSpan(doc.m.outcomes, s).some((o) => o.value === "launched");
  const weaponsBefore = inSpan(doc.m.weapons, { start: s.start, end: f.start }).length + inSpan(doc.m.models, { start: s.start, end: f.start }).length;
  return weaponsBefore > 0 && (launched || /^[-•–—*]/u.test(doc.text.slice(s.start, s.start + 1)));
}

/**
 * "з Брянської області по Сумщині": after the first place of origin, a place brought in by a
 * preposition of place or direction is where the weapons went, not another origin.
 */
function aimedAt(doc: Doc, chainEnd: number, from: number, to: number): boolean {
  return chainEnd >= 0 && from === chainEnd && inSpan(doc.m.over, { start: from, end: to }).length > 0;
}

/** A launch list goes on through commas, dashes, brackets and country tags ("Курськ, Орел – рф"). */
function launchContinues(doc: Doc, from: number, to: number): boolean {
  const gap = doc.text.slice(from, to);
  if (gap.length > 60) return false;
  // A closing quote or a speaker ends the list ("…en mer Noire", a indiqué le gouverneur d'Odessa).
  if (/["«»“”„]/u.test(gap) || inSpan(doc.m.attribution, { start: from, end: to }).length > 0) return false;
  // "depuis un sous-marin en mer Noire": an article is no figure.
  const figures = inSpan(doc.m.numbers, { start: from, end: to }).filter((n) => !(n.word && n.value === 1));
  return figures.length === 0 && inSpan(doc.m.outcomes, { start: from, end: to }).length === 0;
}
