import type { Evidence, Span } from "../../model/span.js";
import type { RegionCode } from "../../model/vocab.js";
import type { Sentence } from "../../text/segment.js";
import { evidence, inSpan, textWithout, wordCount, type Doc } from "../context.js";
import type { PlaceMention } from "../mentions/types.js";
import { isActor, targetOfVerb } from "./actors.js";

/** Bodies that speak for a whole country. */
const NATIONAL_BODIES: ReadonlySet<string> = new Set(["UA.air_force", "UA.general_staff", "UA.president", "UA.government", "RU.mod", "RU.government"]);

/** Words in a gap, counting only letters. */

export interface RegionChoice {
  region: RegionCode;
  evidence: Evidence[];
  /** Further regions listed with it ("над Брянською і Курською областями"). */
  more: PlaceMention[];
}


/** Places listed one after another: "A, B і C областями". */
export function placeList(doc: Doc, first: PlaceMention, limit: number): PlaceMention[] {
  const out = [first];
  const places = inSpan(doc.m.places, { start: first.end, end: limit });
  let end = first.end;
  for (const p of places) {
    if (p.start < end) continue;
    if (!joinedByAnd(doc, end, p.start)) break;
    end = p.end;
    // "the capital Moscow", "Київ, столиця": the same region named twice is one place.
    if (out.some((x) => x.region === p.region)) continue;
    out.push(p);
  }
  return out;
}

/**
 * The region a figure is put in, over or aimed at, found right after it ("26 – над Ростовською
 * областю", "4 drones over Odesa", "12 se dirigeant vers Moscou") or in brackets after the region
 * ("Белгородской (3 БПЛА)").
 */
export function regionAfter(doc: Doc, s: Sentence, pos: number, capital: RegionCode | null = null): RegionChoice | null {
  const window = { start: pos, end: Math.min(s.end, pos + 120) };
  const capitalMention = capital ? inSpan(doc.m.capital, window)[0] : undefined;
  const named = inSpan(doc.m.places, window)[0];
  // "12 se dirigeant vers la capitale": the capital of the side attacked.
  const place: PlaceMention | undefined =
    capitalMention && capital && (!named || capitalMention.start < named.start)
      ? { start: capitalMention.start, end: capitalMention.end, region: capital, name: capital, kind: "region" }
      : named;
  if (!place) return null;
  // "…, in what Kyiv said was the largest attack": a place that speaks is no place of the figure.
  if (place === named && isActor(doc, place)) return null;
  const gapSpan = { start: pos, end: place.start };
  // ("were detected, destroyed over…": a comma inside one joined verb opens no phrase.)
  const gap = textWithout(doc, gapSpan, inSpan(doc.m.outcomes, gapSpan));
  // One comma may open a participle that names the destination ("12 drones, flying to Moscow").
  const comma = gap.indexOf(",");
  if (/[;.!?:(]/.test(gap) || (comma >= 0 && (gap.indexOf(",", comma + 1) >= 0 || gap.slice(comma + 1).trim().split(/\s+/).length > 4))) return null;
  // An article that the lexicon also reads as "one" ("a frappé un immeuble à Odessa") is no figure.
  if (inSpan(doc.m.numbers, gapSpan).some((n) => !inSpan(doc.m.one, n).some((o) => o.start === n.start && o.end === n.end))) return null;
  // "з них", "из них" hold the word for "from" but open a part, not an origin.
  const parts = [...inSpan(doc.m.partOf, gapSpan), ...inSpan(doc.m.outOf, gapSpan)];
  const origin = inSpan(doc.m.from, gapSpan).filter((f) => !parts.some((p) => p.start <= f.start && f.end <= p.end && p.end - p.start > f.end - f.start));
  if (inSpan(doc.m.launch, gapSpan).length > 0 || origin.length > 0) return null;
  // "…interceptés mais qu'un drone avait frappé … dans le port": another weapon's clause stands between.
  if (inSpan(doc.m.weapons, gapSpan).length > 0) return null;
  const over = inSpan(doc.m.over, gapSpan);
  const lastOver = over[over.length - 1];
  if (!lastOver) return null;
  // "три БПЛА сбиты над территорией Брянской области", "were shot down overnight over the western
  // region of Volyn": a verb may stand between figure and place, close to the preposition.
  const verb = inSpan(doc.m.outcomes, gapSpan).at(-1);
  if (verb && verb.end <= lastOver.start && wordCount(doc.text.slice(verb.end, lastOver.start)) > 3) return null;
  if (!verb && wordCount(doc.text.slice(pos, lastOver.start)) > 5) return null;
  // "…, notamment dans la capitale": one place among others is not the figure's region.
  if (inSpan(doc.m.partOf, gapSpan).some((x) => !/^\s*$/.test(doc.text.slice(pos, x.start)))) return null;
  // After a comma, the place must follow its own preposition within the new phrase.
  if (comma >= 0 && lastOver.start < pos + comma) return null;
  if (wordCount(doc.text.slice(lastOver.end, place.start)) > 4) return null;
  const list = placeList(doc, place, s.end);
  // "…пять беспилотников, над Белгородской — три": a place followed by a dash and a figure heads the next item.
  if (comma >= 0 && placeHeadsItem(doc, list[list.length - 1]!)) return null;
  // "contre la capitale et d'autres villes": the figure is shared with places left unnamed.
  const tail = doc.text.slice(list[list.length - 1]!.end, Math.min(s.end, list[list.length - 1]!.end + 30));
  const and = inSpan(doc.m.and, { start: list[list.length - 1]!.end, end: list[list.length - 1]!.end + 8 })[0];
  if (list.length === 1 && and && /^\s*$/.test(doc.text.slice(list[list.length - 1]!.end, and.start)) && !/^\s*\S+\s+\d/u.test(tail.slice(and.end - list[list.length - 1]!.end))) {
    const rest = doc.text.slice(and.end, and.end + 20);
    const next = { start: and.end, end: and.end + 20 };
    if (inSpan(doc.m.numbers, next).length + inSpan(doc.m.sameNumber, next).length === 0 && !/^\s*\p{Lu}/u.test(rest)) return null;
  }
  return {
    region: place.region,
    evidence: [evidence(doc, "region", lastOver), evidence(doc, "region", place)],
    more: list.slice(1),
  };
}

/** A place followed by a dash and a figure: "над Белгородской — три", "Sumy region – 4". */
function placeHeadsItem(doc: Doc, place: PlaceMention): boolean {
  return inSpan(doc.m.numbers, { start: place.end, end: place.end + 28 }).some((n) => dashBefore(doc, place.end, n.start));
}

/** Only a dash (after the region noun), and perhaps "по"/"each", between a place and its figure. */
function dashBefore(doc: Doc, from: number, numberStart: number): boolean {
  const m = /^\s*(?:\p{L}+\s*)?[–—-]\s*/u.exec(doc.text.slice(from, numberStart));
  if (!m) return false;
  const rest = { start: from + m[0].length, end: numberStart };
  if (/^\s*$/.test(doc.text.slice(rest.start, rest.end))) return true;
  return inSpan(doc.m.each, rest).some((e) => e.start === rest.start && /^\s*$/.test(doc.text.slice(e.end, numberStart)));
}

/**
 * "…пять беспилотников, над Белгородской — три, над Воронежской — два", "over Kursk – 5": a list item that
 * names its place first, after its preposition, then a dash and the figure.
 */
export function regionBeforeDash(doc: Doc, s: Sentence, numberStart: number): RegionChoice | null {
  const clauseStart = Math.max(s.start, ...[",", ";", ":"].map((c) => doc.text.lastIndexOf(c, numberStart) + 1));
  const places = inSpan(doc.m.places, { start: clauseStart, end: numberStart });
  const p = places[places.length - 1];
  if (!p || !dashBefore(doc, p.end, numberStart)) return null;
  const list = placeList(doc, places[0]!, numberStart);
  if (list[list.length - 1] !== p && list.length !== places.length) return null;
  const o = inSpan(doc.m.over, { start: clauseStart, end: places[0]!.start }).at(-1);
  // ("Больше всего беспилотников сбили над Брянской областью — 20, над Курской — 12": the first item within the
  // clause of the verb, the place right before the dash.)
  const verbClause = o !== undefined && inSpan(doc.m.outcomes, { start: clauseStart, end: o.start }).length > 0;
  if (!o || (wordCount(doc.text.slice(clauseStart, o.start)) > 1 && !verbClause) || wordCount(doc.text.slice(o.end, places[0]!.start)) > 3) return null;
  return { region: places[0]!.region, evidence: [evidence(doc, "region", o), evidence(doc, "region", places[0]!)], more: list.slice(1) };
}

/** "Белгородской (3 БПЛА)": the place right before the bracket that holds the figure. */
export function regionBeforeBracket(doc: Doc, s: Sentence, numberStart: number): RegionChoice | null {
  const before = doc.text.slice(Math.max(s.start, numberStart - 3), numberStart);
  if (!/\(\s*$/.test(before)) return null;
  const places = inSpan(doc.m.places, { start: s.start, end: numberStart });
  const p = places[places.length - 1];
  if (!p || !/^\s*\(\s*$/.test(doc.text.slice(p.end, numberStart))) return null;
  return { region: p.region, evidence: [evidence(doc, "region", p)], more: [] };
}

/**
 * "Над Київщиною збито 5 дронів", "Над Смоленской и Ростовской областями перехвачено по семь":
 * places opening the clause that holds the figure; "Там уничтожили 12 БПЛА": the place named before.
 */
export function regionOpeningClause(doc: Doc, s: Sentence, countStart: number): RegionChoice | null {
  const clauseStart = Math.max(s.start, doc.text.lastIndexOf(";", countStart) + 1, doc.text.lastIndexOf(",", countStart) + 1);
  const places = inSpan(doc.m.places, { start: clauseStart, end: countStart });
  const p = places[0];
  if (!p) {
    const ref = inSpan(doc.m.thisRegion, { start: clauseStart, end: countStart })[0];
    if (!ref) return null;
    // "Там уничтожили…" opens the clause; "…сообщил, что за ночь над регионом сбиты…": over the region, after
    // a few words of time.
    const over = inSpan(doc.m.over, { start: Math.max(clauseStart, ref.start - 12), end: ref.start }).at(-1);
    const opens = ref.start - clauseStart <= 3;
    // Words of a date ("В ночь на 29 ноября над регионом…") do not push the reference away.
    const leadWords = over ? wordCount(doc.text.slice(clauseStart, over.start)) - datedWords(doc, { start: clauseStart, end: over.start }) : Infinity;
    if (!opens && !(over && /^\s*$/.test(doc.text.slice(over.end, ref.start)) && leadWords <= 3)) return null;
    if (inSpan(doc.m.numbers, { start: clauseStart, end: ref.start }).some((n) => !doc.dateSpans.some((d) => d.start <= n.start && n.end <= d.end))) return null;
    const earlier = inSpan(doc.m.places, { start: Math.max(0, s.start - 400), end: opens ? s.start : clauseStart });
    const prev = earlier[earlier.length - 1];
    return prev ? { region: prev.region, evidence: [evidence(doc, "region", ref), evidence(doc, "region", prev)], more: [] } : null;
  }
  const list = placeList(doc, p, countStart);
  if (list.length !== places.length) return null;
  const last = list[list.length - 1]!;
  const over = inSpan(doc.m.over, { start: Math.max(clauseStart, p.start - 30), end: p.start });
  const o = over[over.length - 1];
  if (!o || doc.text.slice(o.end, p.start).trim().split(/\s+/).filter(Boolean).length > 3) return null;
  // The place must open the clause ("Ночью над Ростовской областью сбили…"), not end a phrase before the
  // figure; "Під час нічної атаки на Волинь сили ППО знищили…": an attack named before it
  // sets the scene of the clause.
  const lead = { start: clauseStart, end: o.start };
  // Words of a date ("В ночь на 4 декабря ПВО над Рязанской областью сбила…") do not push the place away.
  const leadWords = wordCount(doc.text.slice(lead.start, lead.end)) - datedWords(doc, lead);
  if (leadWords > 3 && !(leadWords <= 5 && inSpan(doc.m.attack, lead).length > 0)) return null;
  // "Над Белгородской областью уничтожены 5 реактивных снарядов и 2 беспилотника": figures joined by "and" in
  // the clause share its place.
  const coordinated =
    !/[,;:.!?—–]/.test(doc.text.slice(last.end, countStart)) &&
    inSpan(doc.m.and, { start: Math.max(last.end, countStart - 10), end: countStart }).some((a) => /^\s*$/.test(doc.text.slice(a.end, countStart)));
  if (countStart - last.end > 60 && !(countStart - last.end <= 90 && (coordinated || dateOnly(doc, { start: last.end, end: countStart })))) return null;
  if (!coordinated && inSpan(doc.m.numbers, { start: last.end, end: countStart }).some((n) => !doc.dateSpans.some((d) => d.start <= n.start && n.end <= d.end))) return null;
  return { region: p.region, evidence: [evidence(doc, "region", o), evidence(doc, "region", p)], more: list.slice(1) };
}

/** How many of a stretch's words belong to date phrases. */
function datedWords(doc: Doc, span: { start: number; end: number }): number {
  return doc.dateSpans.filter((d) => d.start >= span.start && d.end <= span.end).reduce((n, d) => n + wordCount(doc.text.slice(d.start, d.end)), 0);
}

/** A stretch that holds nothing but a date ("у ніч на 9 серпня 2026 року") besides short words. */
function dateOnly(doc: Doc, span: { start: number; end: number }): boolean {
  return doc.dateSpans.some((d) => d.start >= span.start && d.end <= span.end) && inSpan(doc.m.places, span).length === 0;
}

/** "dont 26 dans cette région": the region named last before this sentence. */
export function regionByReference(doc: Doc, s: Sentence, pos: number): RegionChoice | null {
  const ref = inSpan(doc.m.thisRegion, { start: pos, end: Math.min(s.end, pos + 40) })[0];
  if (!ref) return null;
  const gapSpan = { start: pos, end: ref.start };
  // "shot down five drones there": a word that is itself the place needs no preposition before it.
  // "six of the drones were shot down there": the figure's own verb may stand between.
  const verbOnly = /^\s*(?:(?:were|was|have|has|had|been)\s+)*$/iu.test(textWithout(doc, gapSpan, inSpan(doc.m.outcomes, gapSpan)));
  const adverb = verbOnly && !/\s/.test(doc.text.slice(ref.start, ref.end).trim());
  if ((!adverb && inSpan(doc.m.over, gapSpan).length === 0) || inSpan(doc.m.numbers, gapSpan).length > 0) return null;
  if (inSpan(doc.m.places, { start: ref.start, end: ref.end + 30 }).length > 0) return null;
  const earlier = inSpan(doc.m.places, { start: Math.max(0, s.start - 600), end: pos }).filter((p) => p.kind === "region");
  const p = earlier[earlier.length - 1];
  if (!p) return null;
  return { region: p.region, evidence: [evidence(doc, "region", ref), evidence(doc, "region", p)], more: [] };
}

/** A gap that only joins two items: a comma and/or one of the language's "and" words. */
export function joinedByAnd(doc: Doc, from: number, to: number): boolean {
  // "Брянской (12), Курской (8) и Белгородской (5) областей": a bracketed figure after an item is its remark.
  const remark = /^\s*\([^()]{1,30}\)/u.exec(doc.text.slice(from, to));
  if (remark) from += remark[0].length;
  // "Белгородской, Курской, Московской областей и Республики Крым": the region noun closing a part of
  // the list does not break it.
  const nouns = inSpan(doc.m.regionsPlural, { start: from, end: to });
  const first = nouns[0];
  if (first && /^\s*$/.test(doc.text.slice(from, first.start))) from = nouns[nouns.length - 1]!.end;
  // "the Kursk Region, the Penza Region, and the Tula Region": articles before each name join nothing; nor does
  // the preposition opening each item ("les régions de Kherson, d'Odessa et de Mykolaïv").
  const preps = inSpan(doc.m.listItemPrep, { start: from, end: to });
  const lastPrep = preps[preps.length - 1];
  if (lastPrep && /^\s*$/.test(doc.text.slice(lastPrep.end, to))) to = lastPrep.start;
  const dets = inSpan(doc.m.determiners, { start: from, end: to });
  const lastDet = dets[dets.length - 1];
  if (lastDet && /^\s*$/.test(doc.text.slice(lastDet.end, to))) to = lastDet.start;
  const gap = doc.text.slice(from, to);
  if (/^[\s,(]*$/.test(gap)) return gap.length > 0;
  const and = inSpan(doc.m.and, { start: from, end: to });
  return and.length === 1 && /^[\s,]*$/.test(doc.text.slice(from, and[0]!.start)) && /^\s*$/.test(doc.text.slice(and[0]!.end, to));
}

/**
 * "Au-dessus de la région de Koursk, la défense antiaérienne a abattu six drones", "Over the Bryansk
 * region, air defences destroyed…", "Этой ночью над Курской областью, по данным губернатора, сбиты…":
 * a place phrase fronted before the clause, closed by a comma, puts the sentence's figures there.
 */
export function regionFronted(doc: Doc, s: Sentence, countStart: number): RegionChoice | null {
  const comma = doc.text.slice(s.start, countStart).indexOf(",");
  if (comma < 0) return null;
  const front = { start: s.start, end: s.start + comma };
  if (inSpan(doc.m.numbers, front).length + inSpan(doc.m.outcomes, front).length + inSpan(doc.m.weapons, front).length > 0) return null;
  const places = inSpan(doc.m.places, front);
  const first = places[0];
  if (!first) return null;
  const over = inSpan(doc.m.over, { start: front.start, end: first.start }).at(-1);
  if (!over || wordCount(doc.text.slice(over.end, first.start)) > 4 || wordCount(doc.text.slice(front.start, over.start)) > 3) return null;
  // "In Moscow, the Defence Ministry said…": a place in front of a statement may be where it was made;
  // only "over", "над" say where the figure was.
  // A national body speaking after it speaks from the capital ("In Moscow, the Defence Ministry said");
  // a regional authority speaks for its region ("In Voronezh region, the authorities reported…").
  const above = inSpan(doc.m.above, over).length > 0;
  const national = inSpan(doc.m.orgs, { start: front.end, end: countStart }).some((o) => NATIONAL_BODIES.has(o.value));
  if (!above && national) return null;
  const list = placeList(doc, first, front.end);
  if (list.length !== places.length || list.length > 1) return null;
  // Another place between the phrase and the figure is the figure's own.
  if (inSpan(doc.m.places, { start: front.end, end: countStart }).length > 0) return null;
  return { region: first.region, evidence: [evidence(doc, "region", over), evidence(doc, "region", first)], more: [] };
}

/**
 * "Київщина: ППО знищила 9 дронів", "Белгородская область: средства ПВО сбили 11 беспилотников": a place alone
 * before a colon, heading the sentence, puts its figures there when no other place is named before them.
 */
export function regionHeading(doc: Doc, s: Sentence, countStart: number): RegionChoice | null {
  const head = /^[\s"«“]*([^:\n]{2,60}?)\s*:\s/u.exec(doc.text.slice(s.start, countStart));
  if (!head) return null;
  const headEnd = s.start + head[0].length;
  const places = inSpan(doc.m.places, { start: s.start, end: headEnd });
  const p = places[0];
  if (!p || places.length > 1 || doc.text.slice(s.start, p.start).trim().replace(/^["«“]+/u, "") !== "" || !/^\s*:/u.test(doc.text.slice(p.end, headEnd))) return null;
  if (inSpan(doc.m.places, { start: headEnd, end: countStart }).length > 0) return null;
  return { region: p.region, evidence: [evidence(doc, "region", p)], more: [] };
}

/**
 * "Kyiv was targeted by 30 drones", "Kiev a été visée par 30 drones", "Київ атакували 30 дронів": the place
 * the passive (or object-first) clause opens with is where its figure was aimed.
 */
function passiveSubject(doc: Doc, s: Sentence, cue: Span, countStart: number): RegionChoice | null {
  // "…ont signalé que la région d'Odessa avait été attaquée par huit drones": a reported clause starts after "that".
  const that = inSpan(doc.m.that, { start: s.start, end: cue.start }).at(-1);
  const clauseStart = Math.max(s.start, doc.text.lastIndexOf(",", cue.start) + 1, doc.text.lastIndexOf(";", cue.start) + 1, that ? that.end : s.start);
  const places = inSpan(doc.m.places, { start: clauseStart, end: cue.start });
  const place = places[places.length - 1];
  if (!place || places.length > 1 || wordCount(doc.text.slice(clauseStart, place.start)) > 2 || wordCount(doc.text.slice(place.end, cue.start)) > 2) return null;
  if (!targetOfVerb(doc, place, cue)) return null;
  if (inSpan(doc.m.places, { start: cue.end, end: countStart }).length > 0 || wordCount(doc.text.slice(cue.end, countStart)) > 4) return null;
  return { region: place.region, evidence: [evidence(doc, "region", place)], more: [] };
}

/**
 * "ворог атакував Запоріжжя трьома КАБами", "ВСУ атаковали Курскую область 15 беспилотниками",
 * "Russia attacked the Odesa region overnight with 14 Shahed drones": the place the clause's verb
 * attacks is where its figure was aimed.
 */
export function regionOfClauseTarget(doc: Doc, s: Sentence, countStart: number, cue: Span | null): RegionChoice | null {
  if (!cue || cue.end > countStart) return null;
  const gap = doc.text.slice(cue.end, countStart);
  if (/[;:.!?]/.test(gap)) return null;
  const place = inSpan(doc.m.places, { start: cue.end, end: countStart })[0];
  if (!place) {
    // "ворог атакував Одесу, використавши понад 40 дронів", "a attaqué Odessa, utilisant 40 drones": the verb whose
    // participle tells the weapons attacked the place before the comma.
    const comma = /,\s*$/.exec(doc.text.slice(Math.max(s.start, cue.start - 3), cue.start));
    const verb = comma ? inSpan(doc.m.outcomes, { start: s.start, end: cue.start }).filter((o) => o.value === "launched" && o.end < cue.start - 1).pop() : undefined;
    if (verb && inSpan(doc.m.places, { start: verb.end, end: cue.start }).length > 0) return regionOfClauseTarget(doc, s, cue.start - 1, verb);
    return passiveSubject(doc, s, cue, countStart);
  }
  // The place is the verb's object ("атакував Запоріжжя", "attacked the Odesa region"), or where its
  // object stands ("struck a substation in Kharkiv with…", "вдарив по Харкову…").
  const between = { start: cue.end, end: place.start };
  const words = doc.text.slice(cue.end, place.start).trim();
  const dets = inSpan(doc.m.determiners, between);
  const object = words === "" || (dets.length === 1 && doc.text.slice(dets[0]!.start, dets[0]!.end).trim() === words);
  const over = inSpan(doc.m.over, between).at(-1);
  const located = over !== undefined && wordCount(doc.text.slice(over.end, place.start)) <= 2 && wordCount(doc.text.slice(cue.end, over.start)) <= 4 && !/,/.test(doc.text.slice(cue.end, place.start));
  if (!object && !located) return null;
  if (inSpan(doc.m.launch, between).length + inSpan(doc.m.from, { start: Math.max(cue.end, place.start - 8), end: place.start }).length > 0) return null;
  const list = placeList(doc, place, countStart);
  if (list.length > 1) return null;
  if (inSpan(doc.m.places, { start: place.end, end: countStart }).length > 0) return null;
  return { region: place.region, evidence: [...(over && !object ? [evidence(doc, "region", over)] : []), evidence(doc, "region", place)], more: [] };
}

/**
 * "…рассказали власти Харькова, где сбили пять дронов", "…damage in Kharkiv, where five drones were shot
 * down": a relative clause opened by "where" right after a place (and its comma) is set in that place.
 */
export function regionOfRelative(doc: Doc, s: Sentence, countStart: number): RegionChoice | null {
  const where = inSpan(doc.m.where, { start: s.start, end: countStart }).at(-1);
  if (!where) return null;
  const rest = { start: where.end, end: countStart };
  if (/[,;:.!?()«»"—–]/.test(doc.text.slice(rest.start, rest.end)) || inSpan(doc.m.places, rest).length > 0) return null;
  if (inSpan(doc.m.numbers, rest).some((n) => !doc.dateSpans.some((d) => d.start <= n.start && n.end <= d.end))) return null;
  const place = inSpan(doc.m.places, { start: s.start, end: where.start }).at(-1);
  if (!place || !/^\s*,\s*$/.test(doc.text.slice(place.end, where.start))) return null;
  // "…in Kharkiv and Odesa, where…": a relative after a list of places sets its clause in none of them alone.
  if (placeList(doc, place, where.start).length > 1 || inSpan(doc.m.and, { start: Math.max(s.start, place.start - 6), end: place.start }).length > 0) return null;
  return { region: place.region, evidence: [evidence(doc, "region", place), evidence(doc, "region", where)], more: [] };
}
