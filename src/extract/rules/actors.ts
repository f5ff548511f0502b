import type { Side } from "../../model/vocab.js";
import { inSpan, textWithout, type Doc } from "../context.js";

/** UA regions that Russia's ministry counts as its own territory when it reports drones over them. */
const OCCUPIED = new Set(["UA-43", "UA-40"]);
export function regionSide(code: string): Side | null {
  if (code.startsWith("RU-") || OCCUPIED.has(code)) return "RU";
  if (code.startsWith("UA-")) return "UA";
  return null;
}

/** A side word right before or after a weapon word ("drones ukrainiens", "російських ракет"). */
export function nextToWeapon(doc: Doc, w: { start: number; end: number }): boolean {
  const span = { start: Math.max(0, w.start - 40), end: w.end + 40 };
  // An attack noun right beside it also names the attacker ("attaque ukrainienne", "Russian attack").
  const attacks = inSpan(doc.m.attack, span).filter(
    (a) => inSpan(doc.m.outcomes, { start: a.start - 1, end: a.end + 1 }).length === 0 && /^\s*$/.test(a.start >= w.end ? doc.text.slice(w.end, a.start) : doc.text.slice(a.end, w.start)),
  );
  if (attacks.length > 0) return true;
  // "російські війська", "Russian forces", "forces russes": the side whose forces act.
  // ("The Ukrainian military said…" is a speaker, not an attacker.)
  const forces = inSpan(doc.m.forces, span).filter(
    (f) =>
      /^\s*$/.test(f.start >= w.end ? doc.text.slice(w.end, f.start) : doc.text.slice(f.end, w.start)) &&
      !inSpan(doc.m.attribution, { start: f.end, end: f.end + 20 }).some((a) => /^\s*(?:[\p{L}'-]+\s+)?$/u.test(doc.text.slice(f.end, a.start))),
  );
  if (forces.length > 0) return true;
  const near = [...inSpan(doc.m.weapons, span), ...inSpan(doc.m.models, span)];
  // Before the weapon one word may stand between ("українських ударних БпЛА", "Ukrainian attack
  // drones"); after it, none ("drones ukrainiens"), or the side word belongs to the next noun
  // ("беспилотников по российским регионам").
  return near.some((x) => {
    if (x.start >= w.end) return /^\s*(?:[\p{L}'-]+\s+)?$/u.test(doc.text.slice(w.end, x.start) + " ") && !/[,.;:]/.test(doc.text.slice(w.end, x.start));
    return /^\s*$/.test(doc.text.slice(x.end, w.start));
  });
}

/**
 * A place or side named as the one that speaks or attacks ("Kyiv assure", "Moscou a lancé",
 * "selon Kyiv") rather than as a place where something happened.
 */
export function isActor(doc: Doc, p: { start: number; end: number }): boolean {
  // "В Краснодарском крае беспилотник атаковал…": after a preposition of place it is where, not who.
  if (inSpan(doc.m.over, { start: Math.max(0, p.start - 20), end: p.start }).some((o) => /^\s*$/.test(doc.text.slice(o.end, p.start)))) return false;
  if (officialOf(doc, p)) return false;
  const after = { start: p.end, end: p.end + 30 };
  const verb = inSpan(doc.m.attribution, after)[0];
  if (verb && /^\s*(?:[\p{L}'-]+\s+){0,1}$/u.test(doc.text.slice(p.end, verb.start))) return true;
  const before = inSpan(doc.m.according, { start: Math.max(0, p.start - 25), end: p.start });
  return before.some((a) => /^\s*$/.test(doc.text.slice(a.end, p.start))) || isAttacker(doc, p);
}

/**
 * "the governor of the Rostov region said", "Губернатор Липецкой области сообщил", "le gouverneur de la région de
 * Kharkiv a indiqué": the place after a regional official's title is the land they speak for, not who speaks.
 */
function officialOf(doc: Doc, p: { start: number; end: number }): boolean {
  const regional = (o: { value: string }) => o.value.endsWith(".regional");
  // "Харківська ОВА", "Одесская ОВА": the administration named by its region's adjective.
  if (inSpan(doc.m.orgs, { start: p.end, end: p.end + 40 }).some((o) => regional(o) && /^\s*$/.test(doc.text.slice(p.end, o.start)))) return true;
  // "the governor of the central region of Cherkasy", "the governors of the Kyiv, Poltava and Kirovohrad regions".
  return inSpan(doc.m.orgs, { start: Math.max(0, p.start - 80), end: p.start }).some((o) => {
    if (!regional(o)) return false;
    let gap = doc.text.slice(o.end, p.start);
    for (const q of [...inSpan(doc.m.places, { start: o.end, end: p.start })].reverse()) gap = gap.slice(0, q.start - o.end) + " " + gap.slice(q.end - o.end);
    return TITLE_GAP.test(gap);
  });
}

/** What may stand between an official's title and the land's name: "of the central region of", "de la région de". */
export const TITLE_GAP =
  /^(?:\s|,|of\b|the\b|and\b|central\b|southern\b|northern\b|eastern\b|western\b|regions?\b|de\b|la\b|l'|d'|du\b|des\b|et\b|régions?\b)*$/iu;

/**
 * "Kyiv was targeted by 30 drones", "Kiev a été visée par…": a passive verb with its agent after it; "Київ
 * атакували 30 дронів", "Белгород атаковали": a plural verb after a place (a side that attacks is singular:
 * "Росія атакувала") — the place is what was attacked.
 */
export function targetOfVerb(doc: Doc, p: { start: number; end: number }, verb: { start: number; end: number }): boolean {
  if (inSpan(doc.m.agent, { start: verb.end, end: verb.end + 8 }).some((a) => /^\s*$/.test(doc.text.slice(verb.end, a.start)))) return true;
  // "came under attack from", "a été prise pour cible par": a verb phrase that ends with its agent's preposition.
  if ([...inSpan(doc.m.agent, verb), ...inSpan(doc.m.from, verb)].some((a) => a.end === verb.end && a.start > verb.start)) return true;
  // "ont été visées", "was targeted", "були атаковані": a passive verb's subject was attacked.
  if (/(?:^|\s)(?:été|was|were|been|було|були|было|были)(?:\s|$)/iu.test(doc.text.slice(p.end, verb.end))) return true;
  if ((doc.lang === "uk" || doc.lang === "ru") && /^\s*$/.test(doc.text.slice(p.end, verb.start)) && /ли$/u.test(doc.text.slice(verb.start, verb.end))) {
    return inSpan(doc.m.places, p).length > 0;
  }
  return false;
}

/** "Moscou a lancé", "Russia also launched", "drones launched by Russia". */
export function isAttacker(doc: Doc, p: { start: number; end: number }): boolean {
  const launched = (span: { start: number; end: number }) => inSpan(doc.m.outcomes, span).filter((o) => o.value === "launched");
  const verb = launched({ start: p.end, end: p.end + 40 })[0];
  const between = { start: p.end, end: verb ? verb.start : p.end };
  if (
    verb &&
    /^[\s,]*(?:[\p{L}'-]+[\s,]+){0,3}$/u.test(doc.text.slice(p.end, verb.start)) &&
    !targetOfVerb(doc, p, verb) &&
    // "Selon l'armée de l'air, la Russie a lancé": another subject between them takes the verb.
    inSpan(doc.m.attribution, between).length + inSpan(doc.m.orgs, between).length + inSpan(doc.m.places, between).length === 0
  ) return true;
  // "…lancés durant la nuit par la Russie": the agent of the launch.
  const agent = inSpan(doc.m.agent, { start: Math.max(0, p.start - 8), end: p.start }).at(-1);
  if (agent && /^\s*$/.test(doc.text.slice(agent.end, p.start)) && launched({ start: Math.max(0, p.start - 80), end: p.start }).length > 0) return true;
  return nominalAgent(doc, p);
}

/**
 * "удар ВСУ по Донецку", "при атаке вооруженных сил Украины", "a strike by Ukraine's armed forces": the side
 * named right after an attack noun, with the agent's preposition or its forces between, is the one that
 * struck. (An attack "on", "на", "по" a side is a target: those words stand between.)
 */
function nominalAgent(doc: Doc, p: { start: number; end: number }): boolean {
  const span = { start: Math.max(0, p.start - 40), end: p.start };
  const attack = inSpan(doc.m.attack, span)
    .filter((a) => inSpan(doc.m.outcomes, { start: a.start - 1, end: a.end + 1 }).length === 0)
    .pop();
  if (!attack) return false;
  const gap = { start: attack.end, end: p.start };
  const marks = [...inSpan(doc.m.agent, gap), ...inSpan(doc.m.forces, gap)];
  // An attack word right before a side with nothing between may be a verb and its object ("атаковали Россию",
  // "a frappé Dnipro"): only a preposition of the agent, the side's forces, or forces as the side ("удар ВСУ") make it the agent.
  const forcesItself = doc.m.forces.some((f) => f.start <= p.start && p.end <= f.end);
  if (marks.length === 0 && !forcesItself) return false;
  return /^\s*$/.test(textWithout(doc, gap, marks)) && !inSpan(doc.m.defence, { start: p.end, end: p.end + 20 }).some((d) => /^[\s']*s?\s*$/.test(doc.text.slice(p.end, d.start)));
}
