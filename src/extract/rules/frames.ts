import type { ProvenanceId } from "../rule-ids.js";
import type { Evidence } from "../../model/span.js";
import type { Org, Side } from "../../model/vocab.js";
import { evidence, inSpan, lastDocumentMemo, spanKey, type Doc, type Frame } from "../context.js";
import type { Valued } from "../mentions/types.js";
import { isActor, isAttacker, nextToWeapon, regionSide } from "./actors.js";
import { launchPlaces } from "./launch.js";
import { OFFICIAL_PUBLISHERS, type Publisher } from "../../lexicon/shared/publishers.js";

const other = (s: Side): Side => (s === "UA" ? "RU" : "UA");
const sideOfOrg = (o: Org): Side | null => (o.startsWith("UA.") ? "UA" : o.startsWith("RU.") ? "RU" : null);
const SPECIFIC_RANK: Partial<Record<Org, number>> = { "UA.other": 0, "RU.other": 0 };


export interface DocDefaults {
  claimant: Side | null;
  org: Org | null;
  attacker: Side;
  target: Side;
}

/** The voice of the publisher: an official channel speaks for its body. */
export function docDefaults(doc: Doc, publisher: string | null, channel: string | null, url: string | null): DocDefaults {
  const official = officialPublisher(publisher, channel, url);
  if (official) return { claimant: official.claimant, org: official.org, attacker: official.attacker, target: official.target };
  // Otherwise the sides follow what the text says most: regions named and side words.
  let ua = 0;
  let ru = 0;
  for (const s of doc.sentences) {
    const v = sideVotes(doc, s, null, true);
    ua += v.ua;
    ru += v.ru;
  }
  const target: Side = ru > ua ? "RU" : "UA";
  return { claimant: null, org: null, attacker: other(target), target };
}

/**
 * Decides for each sentence who speaks (claimant and bodies) and which side attacks which.
 * Attribution carries over to the following sentences of the document until another is named;
 * sides follow the sentence's own cues (side words next to weapons, the regions it names, the body
 * that speaks), else the previous sentence.
 */
export function frames(doc: Doc, defaults: DocDefaults, docDate: { date: string | null; night: boolean }): Frame[] {
  const out: Frame[] = [];
  let last: { claimant: Side; orgs: Org[]; ev: Evidence[] } | null = defaults.claimant && defaults.org ? { claimant: defaults.claimant, orgs: [defaults.org], ev: [] } : null;
  let prevSides: { attacker: Side; target: Side } = { attacker: defaults.attacker, target: defaults.target };
  // A news lede states the figures and names its source in the next sentence ("Про це повідомив…",
  // "That's according to the Air Force"): the first attribution also covers what comes before it.
  if (!last) {
    // ("Уночі Росія атакувала Україну 100 дронами. Тим часом у Бєлгородській області поранено трьох, повідомив
    // губернатор": a voice of the side that attacked in the lede does not tell the lede's figures.)
    let ledeSides: { attacker: Side; target: Side } | null = null;
    for (const [i, s] of doc.sentences.entries()) {
      if (s.paragraph > 3) break;
      if (doc.asides?.has(i)) continue;
      const sides = sentenceSides(doc, s, { attacker: defaults.attacker, target: defaults.target }, defaults.claimant);
      ledeSides ??= sides;
      const found = sentenceOrgs(doc, s, sides.target);
      if (found && i > 0 && found.claimant === ledeSides.attacker && found.claimant !== sides.attacker && found.orgs.every((o) => o.endsWith(".regional"))) break;
      const own = found && found.weak && found.claimant !== sides.target ? null : found;
      if (own && own.orgs.some((o) => SPECIFIC_RANK[o] !== 0)) {
        last = { ...own, ev: [] };
        break;
      }
      // "…, заявляют украинские военные": a side's generic voice that speaks in its own sentence tells the lede too.
      if (own && inSpan(doc.m.attribution, s).length + inSpan(doc.m.according, s).length > 0) {
        last = { ...own, ev: [] };
        break;
      }
      // A source the lexicon does not know ("Про це повідомляють телеграм-канали") closes the lede: what
      // came before is not the next body's.
      if (inSpan(doc.m.attribution, s).length + inSpan(doc.m.according, s).length > 0) break;
    }
  }
  const lastBySide = new Map<Side, { claimant: Side; orgs: Org[]; ev: Evidence[] }>();
  if (last) lastBySide.set(last.claimant, last);
  for (const [i, s] of doc.sentences.entries()) {
    // A caption is no voice of the article and tells no side: it leaves the voice and sides as they were.
    if (doc.asides?.has(i)) {
      out.push({ claimant: last ? last.claimant : "media", orgs: last ? last.orgs : ["media"], orgEvidence: [], ...prevSides, date: docDate.date, night: docDate.night, dateEvidence: null });
      continue;
    }
    let sides = sentenceSides(doc, s, prevSides, last?.claimant ?? defaults.claimant);
    const found = sentenceOrgs(doc, s, sides.target);
    // Air defence that acts speaks for its side only when no one has spoken yet and its side was attacked.
    const own = found && found.weak && (last || found.claimant !== sides.target) ? null : found;
    if (own) {
      last = own;
      lastBySide.set(own.claimant, own);
    }
    // "L'Ukraine affirme avoir frappé…": the speaker's side is the attacker of this sentence only.
    const ownStrike = inSpan(doc.m.ownStrike, s).length + inSpan(doc.m.ownStrikeThere, s).length > 0;
    if (ownStrike && own) {
      sides = { attacker: own.claimant, target: other(own.claimant) };
    } else {
      prevSides = sides;
    }
    // A voice carried over from an earlier sentence does not tell its own side's attack: the
    // attacked side's last voice does ("Moscou fait état d'un mort. Lors des attaques russes…").
    const voice = !own && last && last.claimant === sides.attacker ? lastBySide.get(sides.target) ?? last : last;
    const claimant = voice ? voice.claimant : "media";
    out.push({
      claimant,
      orgs: voice ? voice.orgs : ["media"],
      orgEvidence: own ? own.ev : [],
      ...(own ? { orgRule: own.rule } : {}),
      attacker: sides.attacker,
      target: sides.target,
      date: docDate.date,
      night: docDate.night,
      dateEvidence: null,
    });
  }
  pointBack(doc, out);
  return out;
}

/**
 * "Над Брянской областью сбиты 30 беспилотников, сообщает ТАСС. Об этом сообщили в Минобороны России.": a
 * body named in an attribution that points back told the sentences just before it (up to three, within the
 * paragraph or the one before, stopping at a voice of their own).
 */
function pointBack(doc: Doc, out: Frame[]) {
  doc.sentences.forEach((s, i) => {
    const f = out[i]!;
    if (f.orgEvidence.length === 0 || f.claimant === "media") return;
    const opens = inSpan(doc.m.anaphora, { start: s.start, end: Math.min(s.end, s.start + 30) }).some((a) => /^[\s"«“]*$/.test(doc.text.slice(s.start, a.start)));
    if (!opens) return;
    for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
      const prev = out[k]!;
      if (doc.asides?.has(k)) continue;
      if (prev.orgEvidence.length > 0 || s.paragraph - doc.sentences[k]!.paragraph > 1) break;
      out[k] = { ...prev, claimant: f.claimant, orgs: f.orgs, orgEvidence: [], orgRule: ATTRIBUTION_RULES.pointsBack };
    }
  });
}

/** Rule ids of attribution: how a sentence's voice was found. */
export const ATTRIBUTION_RULES = {
  according: "attribution/<according> <body>",
  subject: "attribution/<body> <verb>",
  inverted: "attribution/<verb> <body>",
  invertedNear: "attribution/<verb> <preposition>? <body>",
  present: "attribution/<body-in-sentence>",
  pointsBack: "attribution/<points-back> <body>",
} as const;

/** A run of bodies naming one speaker: "Kyiv Oblast Governor Oleksiy Kuleba", "Повітряні Сили ЗСУ". */
interface Speaker {
  start: number;
  end: number;
  org: Org;
  members: Valued<Org>[];
}

/**
 * Bodies of one side written next to each other, with at most a few capitalised words between (a title and a
 * name, a unit and its service), are one speaker; the first that is not a bare side name says which body.
 */
function speakerRuns(doc: Doc, found: readonly Valued<Org>[], target: Side): Speaker[] {
  // A governor, a mayor, the police: the regional authority of the side that was attacked.
  const norm = (o: Valued<Org>): Org => (o.value.endsWith(".regional") ? (`${target}.regional` as Org) : o.value);
  const runs: Speaker[] = [];
  for (const o of found) {
    const prev = runs[runs.length - 1];
    const gap = prev ? doc.text.slice(prev.end, o.start) : "";
    // Capitalised words and short function words between ("General Staff of the Armed Forces of Ukraine"), no "and".
    const joined = /^\s*(?:(?:\p{Lu}[\p{L}'’.-]*|\p{Ll}{1,3}'?)\s*){0,5}$/u.test(gap + " ") && inSpan(doc.m.and, { start: prev?.end ?? 0, end: o.start }).length === 0;
    if (prev && o.start >= prev.end && joined && sideOfOrg(norm(o)) === sideOfOrg(prev.org)) {
      prev.members.push(o);
      prev.end = o.end;
      if (SPECIFIC_RANK[prev.org] === 0 && SPECIFIC_RANK[norm(o)] !== 0) prev.org = norm(o);
      continue;
    }
    runs.push({ start: o.start, end: o.end, org: norm(o), members: [o] });
  }
  return runs;
}

/**
 * Words between a body and its verb that keep them in one clause: a few words ("ont dit lundi", "в своем
 * Telegram-канале"), the place it governs and a name set off by commas ("Le gouverneur de la région de Kharkiv,
 * Oleh Synegoubov, a indiqué"); no other body, weapon, number, outcome or negation.
 */
function sameClause(doc: Doc, from: number, to: number): boolean {
  const gap = doc.text.slice(from, to);
  if (/^[\s,]*$/.test(gap)) return true;
  // "Kyiv's military said": the body's possessive and the noun it owns are still its clause.
  const words = /^(?:['’]s)?\s+(?:[\p{L}\p{N}'’-]+\s+){1,5}$/u.test(gap);
  const appositive = /^(?:\s+[\p{L}\p{N}'’-]+){0,5}\s*,\s*(?:\p{Lu}[\p{L}'’.-]*\s*){1,3},\s*$/u.test(gap);
  if (!words && !appositive) return false;
  const span = { start: from, end: to };
  return inSpan(doc.m.orgs, span).length + inSpan(doc.m.weapons, span).length + inSpan(doc.m.numbers, span).length + inSpan(doc.m.outcomes, span).length + inSpan(doc.m.negations, span).length === 0;
}

/** "власти республики не сообщали", "Moscou n'a pas commenté": a body that says nothing is no voice. */
function silent(doc: Doc, s: { start: number; end: number }, o: { start: number; end: number }): boolean {
  const verb = inSpan(doc.m.attribution, { start: o.end, end: Math.min(s.end, o.end + 60) })[0];
  if (!verb) return false;
  const span = { start: o.end, end: verb.start };
  return inSpan(doc.m.negations, span).length > 0 && !/[,;:.]/.test(doc.text.slice(span.start, span.end));
}

/** Each speaker's cue, read once per document (a sentence's sides and its voice ask for the same bodies' cues). */
const cuesOf = lastDocumentMemo<Map<number, ProvenanceId | null>>();

/** How a speaker speaks in its sentence: after "according to", before its verb, after its verb; null when it is only named. */
function speakerCue(doc: Doc, s: { start: number; end: number }, o: { start: number; end: number }): ProvenanceId | null {
  const memo = cuesOf(doc);
  const sKey = spanKey(s);
  let cues = memo.get(sKey);
  if (!cues) memo.set(sKey, (cues = new Map()));
  const oKey = spanKey(o);
  let cue = cues.get(oKey);
  if (cue === undefined) cues.set(oKey, (cue = findSpeakerCue(doc, s, o)));
  return cue;
}

function findSpeakerCue(doc: Doc, s: { start: number; end: number }, o: { start: number; end: number }): ProvenanceId | null {
  // "selon Kyiv", "according to the Air Force": the body named right after.
  const according = inSpan(doc.m.according, { start: Math.max(s.start, o.start - 40), end: o.start });
  if (according.some((a) => /^\s*(?:[\p{L}'-]+\s+){0,3}$/u.test(doc.text.slice(a.end, o.start) + " ") || doc.text.slice(a.end, o.start).trim() === "")) return ATTRIBUTION_RULES.according;
  // "the Air Force said", "les autorités ukrainiennes ont dit lundi", "Гусев в своем Telegram-канале рассказал".
  const verb = inSpan(doc.m.attribution, { start: o.end, end: Math.min(s.end, o.end + 60) })[0];
  // Past a comma the verb is the body's only when nothing follows it: "…de Kyiv, rapporte l'AFP" has its own subject.
  const ownSubjectAfter = verb !== undefined && /^\s*,\s*$/.test(doc.text.slice(o.end, verb.start)) && !/^\s*(?:[.,;:!?"»”)]|$)/.test(doc.text.slice(verb.end, s.end));
  if (verb !== undefined && !ownSubjectAfter && sameClause(doc, o.end, verb.start)) return ATTRIBUTION_RULES.subject;
  // "…, a indiqué l'armée de l'air", "said the air force"; "Про це повідомили в Повітряних силах", "сообщили в
  // Минобороны" (a preposition or an article between: the body is no subject of a clause of its own).
  const before = inSpan(doc.m.attribution, { start: Math.max(s.start, o.start - 40), end: o.start }).at(-1);
  if (before !== undefined) {
    const gap = doc.text.slice(before.end, o.start) + " ";
    // (", a indiqué jeudi l'armée de Kyiv": a day and the body's head noun may stand between.)
    if (/^\s*(?:[\p{L}'’-]+\s+){0,3}$/u.test(gap) && /,\s*$/.test(doc.text.slice(Math.max(s.start, before.start - 3), before.start))) return ATTRIBUTION_RULES.inverted;
    if (/^\s*(?:[\p{L}]{1,3}'?\s*){0,2}$/u.test(gap) && inSpan(doc.m.that, { start: before.end, end: o.start }).length === 0) return ATTRIBUTION_RULES.invertedNear;
  }
  return null;
}

const regionalForms = new WeakMap<Doc["lex"], { UA: Set<string>; RU: Set<string> }>();
/** The side of a regional body when the lexicon lists its form for one side only. */
function regionalSide(doc: Doc, o: Valued<Org>): Side | null {
  if (!o.value.endsWith(".regional")) return null;
  let forms = regionalForms.get(doc.lex);
  if (!forms) {
    const set = (org: Org) => new Set((doc.lex.orgs[org] ?? []).map((f) => f.toLowerCase()));
    forms = { UA: set("UA.regional"), RU: set("RU.regional") };
    regionalForms.set(doc.lex, forms);
  }
  const form = doc.text.slice(o.start, o.end).toLowerCase();
  const ua = forms.UA.has(form);
  const ru = forms.RU.has(form);
  return ua === ru ? null : ua ? "UA" : "RU";
}

/** A side word written against an air-defence noun ("українські сили ППО", "défense aérienne ukrainienne", "Russian air defences"). */
function besideDefence(doc: Doc, w: { start: number; end: number }): boolean {
  return inSpan(doc.m.defence, { start: Math.max(0, w.start - 40), end: w.end + 40 }).some((d) => {
    if (d.start < w.end && w.start < d.end) return true;
    const gap = d.start >= w.end ? doc.text.slice(w.end, d.start) : doc.text.slice(d.end, w.start);
    return /^\s*$/.test(gap);
  });
}

/** A side's forces right beside the side word, followed within two words by a verb that stops weapons. */
function forcesThatStop(doc: Doc, w: { start: number; end: number }): boolean {
  // "Українські сили", "Ukrainian forces"; "les forces ukrainiennes".
  const f =
    inSpan(doc.m.forces, { start: w.end, end: w.end + 20 }).find((x) => /^\s*$/.test(doc.text.slice(w.end, x.start))) ??
    inSpan(doc.m.forces, { start: Math.max(0, w.start - 20), end: w.start }).find((x) => /^\s*$/.test(doc.text.slice(x.end, w.start)));
  if (!f) return false;
  const end = Math.max(f.end, w.end);
  const verb = inSpan(doc.m.outcomes, { start: end, end: end + 40 })[0];
  return verb !== undefined && (verb.value === "intercepted" || verb.value === "suppressed" || verb.value === "neutralized") && /^\s*(?:[\p{L}'-]+\s+){0,2}$/u.test(doc.text.slice(end, verb.start));
}

/** Air defence named as what acts ("силами ПВО Министерства обороны", "Ukrainian air defences") is no voice by itself. */
function defends(doc: Doc, o: { start: number; end: number }): boolean {
  return doc.m.defence.some((d) => d.start < o.end + 3 && o.start < d.end + 3);
}

export function sentenceOrgs(doc: Doc, s: { start: number; end: number }, target: Side): { claimant: Side; orgs: Org[]; ev: Evidence[]; rule: ProvenanceId; weak: boolean } | null {
  const found = inSpan(doc.m.orgs, s);
  if (found.length === 0) return null;
  const attributed = inSpan(doc.m.attribution, s).length > 0 || inSpan(doc.m.according, s).length > 0;
  const runs = speakerRuns(doc, found, target).map((r) => ({ ...r, cue: speakerCue(doc, s, r) ?? r.members.map((m) => speakerCue(doc, s, m)).find((c) => c !== null) ?? null }));
  const named = runs.filter((r) => r.cue === ATTRIBUTION_RULES.according);
  const speakers = runs.filter((r) => r.cue !== null);
  const candidates = named.length > 0 ? named : speakers.length > 0 ? speakers : runs.filter((r) => !silent(doc, s, r));
  // Without a cue, a body named in the sentence speaks; the air defence that acts ("силами ПВО Министерства
  // обороны уничтожены") only when no one has spoken before it.
  const weak = named.length + speakers.length === 0 && runs.every((r) => r.members.some((m) => defends(doc, m)));
  const orgs: Org[] = [];
  const ev: Evidence[] = [];
  let rule: ProvenanceId = ATTRIBUTION_RULES.present;
  for (const r of candidates) {
    // "по данным сил ПВО, в Киев прилетело 40 БПЛА", "Силы и средства ПВО Воздушных сил…": air defence named alone
    // is no side's by its words; it is the defence of the side attacked.
    const airDefenceOnly = r.members.every((m) => doc.m.defence.some((d) => d.start <= m.start && m.end <= d.end));
    const org: Org = r.org === "RU.mod" && target === "UA" && airDefenceOnly ? "UA.air_force" : r.org;
    // "Moscou a lancé", "launched by Russia": a side named as the one that attacks is not a speaker (unless a
    // cue makes it one: "…, said local authorities who have launched a rescue effort").
    const strong = r.cue === ATTRIBUTION_RULES.according || r.cue === ATTRIBUTION_RULES.subject || r.cue === ATTRIBUTION_RULES.inverted;
    if (!strong && isAttacker(doc, r)) continue;
    // A side's name speaks only as the subject of an attribution verb or after "according to".
    if (SPECIFIC_RANK[org] === 0 && (!attributed || r.cue === null)) continue;
    // A side name is the attacker, not the speaker, when a weapon follows it ("Russian drones").
    if (SPECIFIC_RANK[org] === 0 && inSpan(doc.m.weapons, { start: r.end, end: r.end + 25 }).some((w) => /^\s*(?:[\p{L}'-]+\s+)?$/u.test(doc.text.slice(r.end, w.start)))) continue;
    if (!orgs.includes(org)) orgs.push(org);
    ev.push(evidence(doc, "attribution", r));
    if (r.cue !== null && rule === ATTRIBUTION_RULES.present) rule = r.cue;
  }
  const specific = orgs.filter((o) => SPECIFIC_RANK[o] !== 0);
  const chosen = specific.length > 0 ? specific : orgs;
  if (chosen.length === 0) return null;
  const side = sideOfOrg(chosen[0]!);
  if (!side) return null;
  return { claimant: side, orgs: chosen.filter((o) => sideOfOrg(o) === side), ev, rule, weak };
}

function sentenceSides(doc: Doc, s: { start: number; end: number }, prev: { attacker: Side; target: Side }, claimantSide: Side | null): { attacker: Side; target: Side } {
  const { ua, ru } = sideVotes(doc, s, claimantSide);
  if (ua === ru) return prev;
  const target: Side = ua > ru ? "UA" : "RU";
  return { attacker: other(target), target };
}

/** Evidence for which side was attacked in one sentence: side words by weapons, the enemy, regions, bodies. */
function sideVotes(doc: Doc, s: { start: number; end: number }, claimantSide: Side | null, prior = false): { ua: number; ru: number } {
  const v = sentenceVotes(doc, s);
  let ua = prior ? v.uaPrior : v.ua;
  let ru = prior ? v.ruPrior : v.ru;
  if (claimantSide) {
    const enemies = inSpan(doc.m.enemy, s).length;
    if (claimantSide === "UA") ua += 2 * enemies;
    else ru += 2 * enemies;
  }
  return { ua, ru };
}

/** A sentence's votes but the enemy's (which depend on the claimant), with and without the prior of air defence. */
interface Votes {
  ua: number;
  ru: number;
  uaPrior: number;
  ruPrior: number;
}

/** Each sentence's votes, read once: the document's sides, the lede and every sentence's frame ask for them again. */
const votesOf = lastDocumentMemo<Votes>();

function sentenceVotes(doc: Doc, s: { start: number; end: number }): Votes {
  const memo = votesOf(doc);
  const key = spanKey(s);
  let v = memo.get(key);
  if (!v) memo.set(key, (v = countVotes(doc, s)));
  return v;
}

function countVotes(doc: Doc, s: { start: number; end: number }): Votes {
  let ua = 0;
  let ru = 0;
  // Side words next to weapons name the attacker: "drones ukrainiens", "російських ракет"; next to a
  // region noun, the side attacked: "по российским регионам".
  const speaking = inSpan(doc.m.orgs, s).filter((o) => speakerCue(doc, s, o) !== null);
  for (const w of inSpan(doc.m.sides, s)) {
    // "…, a déclaré l'armée ukrainienne": the side of a body that speaks says nothing of who attacked.
    if (speaking.some((o) => o.start <= w.start && w.end <= o.end)) continue;
    // "Українські сили ППО", "Russian air defences": the side whose air defence fought was the one attacked;
    // "українські сили відбили атаку", "Russian forces shot down": so is the side whose forces stopped weapons.
    if (besideDefence(doc, w) || forcesThatStop(doc, w)) {
      if (w.value === "UA") ua += 3;
      else ru += 3;
      continue;
    }
    // "россияне запустили", "the Russians launched": the side that launches is the attacker.
    const launches = inSpan(doc.m.outcomes, { start: w.end, end: Math.min(s.end, w.end + 30) }).some((o) => o.value === "launched" && /^\s+$/u.test(doc.text.slice(w.end, o.start)));
    if (nextToWeapon(doc, w) || launches) {
      if (w.value === "UA") ru += 3;
      else ua += 3;
    } else if (
      inSpan(doc.m.regionNouns, { start: w.end, end: w.end + 20 }).some((n) => /^\s*$/.test(doc.text.slice(w.end, n.start))) ||
      // "des régions russes": the side word after its noun.
      inSpan(doc.m.regionNouns, { start: Math.max(0, w.start - 20), end: w.start }).some((n) => /^\s*$/.test(doc.text.slice(n.end, w.start)))
    ) {
      if (w.value === "UA") ua += 2;
      else ru += 2;
    }
  }
  // "над регионами России", "over regions of Russia", "au-dessus de régions de Russie", "ПВО Украины": the
  // country whose regions, or whose air defence, are named was attacked.
  for (const n of [...inSpan(doc.m.regionNouns, s), ...inSpan(doc.m.defence, s)]) {
    const country = inSpan(doc.m.orgs, { start: n.end, end: n.end + 12 }).find(
      (o) => (o.value === "UA.other" || o.value === "RU.other") && /^\s*(?:of|de|d')?\s*$/u.test(doc.text.slice(n.end, o.start)) && speakerCue(doc, s, o) === null,
    );
    if (country?.value === "UA.other") ua += 2;
    if (country?.value === "RU.other") ru += 2;
  }
  // A model only one side fires names the attacker: Storm Shadow, ATACMS; Shahed, Kalibr.
  for (const m of inSpan(doc.m.models, s)) {
    if (m.side === "UA") ru += 2;
    if (m.side === "RU") ua += 2;
  }
  // "Ukraine's military said it downed 50 drones": a side that tells of its own shoot-downs was the one
  // attacked (a weak cue: weapons' sides, regions and models outweigh it).
  const defended = inSpan(doc.m.outcomes, s).some((o) => o.value === "intercepted" || o.value === "suppressed" || o.value === "neutralized");
  const teller = speaking.map((o) => (o.value.endsWith(".regional") ? regionalSide(doc, o) : sideOfOrg(o.value))).find((x) => x !== null) ?? null;
  if (defended && teller && inSpan(doc.m.ownStrike, s).length === 0) {
    if (teller === "UA") ua++;
    else ru++;
  }
  // Regions named in a sentence about the attack point at the target, unless they are launch areas.
  const aboutAttack = inSpan(doc.m.outcomes, s).length + inSpan(doc.m.attack, s).length + inSpan(doc.m.casualties, s).length > 0;
  if (aboutAttack) {
    const launched = launchPlaces(doc, s);
    for (const p of inSpan(doc.m.places, s)) {
      if (isActor(doc, p) || launched.has(p)) continue;
      const side = regionSide(p.region);
      if (side === "UA") ua++;
      if (side === "RU") ru++;
    }
  }
  // Air defence ("силы ПВО") fights on both sides: the body it is listed under is a prior for the whole
  // document, never a reason to turn one sentence against its context ("…сообщил глава ОВА. Силы ПВО сбили 20
  // беспилотников над областью").
  let uaPrior = 0;
  let ruPrior = 0;
  for (const o of inSpan(doc.m.orgs, s)) {
    const defending = defends(doc, o);
    // Counted as a prior only (uaPrior, ruPrior: the document's sides) when the body is the air defence that acts.
    if (o.value === "RU.mod") {
      if (defending) ruPrior += 2;
      else ru += 2;
    }
    if (o.value === "UA.air_force" || o.value === "UA.general_staff") {
      if (defending) uaPrior += 2;
      else ua += 2;
    }
  }
  // A regional body only one side has ("губернатор" in Russian, "ОВА", a governor's name) is of the side attacked.
  for (const o of inSpan(doc.m.orgs, s)) {
    const side = regionalSide(doc, o);
    if (side === "UA") ua++;
    if (side === "RU") ru++;
  }
  // A side named as the attacker: "Russia launched", "launched by Russia".
  for (const o of inSpan(doc.m.orgs, s)) {
    if (!isAttacker(doc, o)) continue;
    if (o.value.startsWith("RU")) ua += 2;
    else ru += 2;
  }
  return { ua, ru, uaPrior: ua + uaPrior, ruPrior: ru + ruPrior };
}




const wordPatterns = new Map<string, RegExp>();
/** A short abbreviation standing as a word, one regex per abbreviation, built once (no `g`: no state). */
function wordPattern(k: string): RegExp {
  let re = wordPatterns.get(k);
  if (!re) wordPatterns.set(k, (re = new RegExp(`(?<![\\p{L}\\p{N}])${k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "u")));
  return re;
}

/** Publishers already looked up (a feed repeats a handful of them): the answer depends on the string alone. */
const publisherOf = new Map<string, Publisher | null>();

export function officialPublisher(publisher: string | null, channel: string | null, url: string | null): Publisher | null {
  const id = `${publisher ?? ""} ${channel ?? ""} ${url ?? ""}`.toLowerCase();
  const known = publisherOf.get(id);
  if (known !== undefined) return known;
  const found = findPublisher(id);
  if (publisherOf.size >= 4096) publisherOf.clear();
  publisherOf.set(id, found);
  return found;
}

function findPublisher(id: string): Publisher | null {
  // A short abbreviation ("ОВА") must stand as a word: "Волинь-нова" is a newspaper, not an administration.
  const has = (m: string) => {
    const k = m.toLowerCase();
    if (k.length > 4) return id.includes(k);
    return wordPattern(k).test(id);
  };
  return OFFICIAL_PUBLISHERS.find((p) => p.match.some(has)) ?? null;
}
