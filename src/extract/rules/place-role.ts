import type { Span } from "../../model/span.js";
import type { DropRuleId } from "../rule-ids.js";
import { inSpan, sentenceAt, type Doc } from "../context.js";
import type { Mention, PlaceMention } from "../mentions/types.js";
import { joinedByAnd } from "./region-of.js";

/**
 * What a place name does in its sentence, beyond naming a place: a river's name, a capital standing
 * for its government, a venue of talks. Rule ids for the places these checks set aside.
 */
export const PLACE_ROLE_RULES = {
  /** "on the Dnipro river", "на березі Дніпра": a watercourse, not a region. */
  river: "target/drop:<river> <place>",
  /** "as Kyiv pushes for…", "les alliés de Kiev": a capital standing for its government. */
  polity: "target/drop:<capital> as government",
  /** "Habeck arrived in Kyiv for talks", "In Moscow, the ministry said": where someone was, not what was struck. */
  venue: "target/drop:<venue> <place>",
} as const satisfies Record<string, DropRuleId>;

const CAPITALS = new Set(["UA-30", "RU-MOW"]);
const upTo = new Map<number, RegExp>();
/** "At most n words": one regex per n, built once (no `g` flag, so sharing it keeps no state). */
const UP_TO = (n: number): RegExp => {
  let re = upTo.get(n);
  if (!re) upTo.set(n, (re = new RegExp(`^[\\s,]*(?:[\\p{L}\\p{M}'’-]+\\s+){0,${n}}$`, "u")));
  return re;
};

/** A mention ending right before `pos`, with at most `words` words between. */
function endsBefore(doc: Doc, list: Mention[], pos: number, words: number, reach = 40): Mention | undefined {
  // The nearest first: the last that qualifies.
  return inSpan(list, { start: Math.max(0, pos - reach), end: pos }).findLast((m) => UP_TO(words).test(doc.text.slice(m.end, pos) + " ") && !/[.;:!?]/.test(doc.text.slice(m.end, pos)));
}
/** A mention starting right after `pos`, with at most `words` words between. */
function startsAfter(doc: Doc, list: Mention[], pos: number, words: number, reach = 40): Mention | undefined {
  return inSpan(list, { start: pos, end: pos + reach }).find((m) => UP_TO(words).test(doc.text.slice(pos, m.start) + " ") && !/[.;:!?]/.test(doc.text.slice(pos, m.start)));
}

/** "the Dnipro river", "річки Дніпро", "la rive gauche du Dniepr": the name is a river's. */
export function isRiver(doc: Doc, p: Span): boolean {
  const river = doc.m.belonging.river;
  if (startsAfter(doc, river, p.end, 0, 16) !== undefined) return true;
  // Before the name only short function words may stand between ("bank of the", "rive gauche du"), not "near".
  const before = endsBefore(doc, river, p.start, 2, 30);
  return before !== undefined && doc.text.slice(before.end, p.start).split(/\s+/).every((w) => w.length <= 3);
}

/** "arrived in Kyiv", "talks in Moscow", "a plane flying from Moscow", "In Moscow, the Defence Ministry said". */
export function isVenue(doc: Doc, p: Span): boolean {
  if (endsBefore(doc, doc.m.belonging.venue, p.start, 1) !== undefined) return true;
  // "In Moscow, the Russian Defence Ministry said…": the place a statement came from.
  const comma = /^\s*,\s*/.exec(doc.text.slice(p.end, p.end + 4));
  if (!comma) return false;
  const from = p.end + comma[0].length;
  const prep = endsBefore(doc, doc.m.over, p.start, 0, 12);
  if (!prep || startsAfter(doc, doc.m.orgs, from, 2, 30) === undefined) return false;
  // Only where the sentence opens with it: "…впали в Києві, повідомив Кличко" is where the debris fell.
  const s = doc.sentences[sentenceAt(doc.sentences, prep.start)];
  return s !== undefined && /^[\s"«“(]*$/u.test(doc.text.slice(s.start, prep.start));
}

/**
 * A capital's name is a place only where the syntax makes it one: after a preposition of place or
 * direction, as the object of an attack word, as the subject of one ("Kyiv came under attack"), or
 * in a list with such a place. Elsewhere it stands for its government: "as Kyiv pushes for more air
 * defence", "Moscou n'a pas commenté", "les alliés de Kiev", "backed by Kyiv".
 */
export function standsForGovernment(doc: Doc, p: PlaceMention): boolean {
  if (!CAPITALS.has(p.region) || p.kind !== "region") return false;
  if (namedAsPolity(doc, p)) return true;
  // "Kyiv said", not "…впали в Києві, повідомив Кличко".
  const says = startsAfter(doc, doc.m.attribution, p.end, 1);
  if (says && !doc.text.slice(p.end, says.start).includes(",")) return true;
  const list = listAround(doc, p);
  const first = list[0]!;
  const last = list[list.length - 1]!;
  const acts = [doc.m.attack, doc.m.outcomes];
  const placed =
    endsBefore(doc, doc.m.over, first.start, 3) !== undefined ||
    acts.some((list) => endsBefore(doc, list, first.start, 2) !== undefined) ||
    // "Kyiv came under attack", "Kyiv a été la principale cible de l'attaque": the subject of an attack in its clause.
    acts.some((list) => startsAfter(doc, list, last.end, 8, 80) !== undefined);
  return !placed;
}

/** A capital's name beside a word of politics ("the Kyiv regime", "les alliés de Kiev", "Moscow blames"): its government. */
function namedAsPolity(doc: Doc, p: PlaceMention): boolean {
  if (!CAPITALS.has(p.region) || p.kind !== "region") return false;
  const polity = doc.m.belonging;
  return endsBefore(doc, polity["polity.before"], p.start, 1) !== undefined || startsAfter(doc, polity["polity.after"], p.end, 1) !== undefined;
}

/** The places listed with this one ("Kyiv, Kharkiv and Odesa"), in order. */
function listAround(doc: Doc, p: PlaceMention): PlaceMention[] {
  const all = doc.m.places;
  const i = all.indexOf(p);
  let a = i;
  let b = i;
  while (a > 0 && joinedByAnd(doc, all[a - 1]!.end, all[a]!.start)) a--;
  while (b + 1 < all.length && joinedByAnd(doc, all[b]!.end, all[b + 1]!.start)) b++;
  return all.slice(a, b + 1);
}
