import type { Evidence } from "../../model/span.js";
import type { Weapon } from "../../model/vocab.js";
import { commonClass } from "../mentions/find.js";
import { evidence, inSpan, type Doc } from "../context.js";

/** A run of weapon words after a number: "ударних БпЛА типу Shahed, Гербера та дронами-імітаторами". */
export interface WeaponGroup {
  start: number;
  end: number;
  weapon: Weapon;
  model: string | null;
  location: boolean;
  singular: boolean;
  evidence: Evidence[];
  /** "20 сбитых над регионом БПЛА": a place phrase between the participle and the noun, where the figure was. */
  embedded?: { start: number; end: number };
}

interface Element {
  start: number;
  end: number;
  kind: "weapon" | "model" | "location";
  weapon: Weapon;
  model: string | null;
  singular: boolean;
}

const LEAD_GAP = /^[\s«»"'“”„]*(?:[\p{L}\p{M}'’-]+[\s«»"'“”„]+){0,3}$/u;
const JOIN_GAP = /^[\s«»"'“”„,\/()–-]*(?:[\p{L}\p{M}.'’-]+[\s«»"'“”„,\/()–-]+){0,5}$/u;

function elementsIn(doc: Doc, from: number, to: number): Element[] {
  const span = { start: from, end: to };
  // "не досягли своїх цілей", "failed to reach their targets": the targets of an outcome phrase are no weapons.
  const cues = inSpan(doc.m.outcomes, span);
  const free = (x: { start: number; end: number }) => !cues.some((c) => c.start <= x.start && x.end <= c.end);
  const out: Element[] = [
    ...inSpan(doc.m.weapons, span).filter(free).map((w) => ({ start: w.start, end: w.end, kind: "weapon" as const, weapon: w.weapon, model: null, singular: w.singular })),
    // A launcher named only for its class ("Ураган", "HIMARS") is a class noun, not a model id.
    ...inSpan(doc.m.models, span).map((x) => ({ start: x.start, end: x.end, kind: x.anonymous ? ("weapon" as const) : ("model" as const), weapon: x.weapon, model: x.anonymous ? null : x.model, singular: false })),
    ...inSpan(doc.m.locations, span).map((l) => ({ start: l.start, end: l.end, kind: "location" as const, weapon: "any" as Weapon, model: null, singular: false })),
  ];
  return out.sort((a, b) => a.start - b.start);
}

/** Nothing that starts a new figure or a new clause may stand in a gap. */
function gapClear(doc: Doc, from: number, to: number, participleOk = false): boolean {
  const span = { start: from, end: to };
  // "20 downed drones", "25 сбитых беспилотников": one participle word before the noun describes it.
  // ('26 запущених "шахедів"': quotes around the noun do not part it from its participle.)
  const outcomes = inSpan(doc.m.outcomes, span).filter((o) => !(participleOk && !/\s/.test(doc.text.slice(o.start, o.end)) && /^[\s«»"'“”„]*(?:[\p{L}'-]+[\s«»"'“”„]+)?$/u.test(doc.text.slice(o.end, to))));
  return (
    inSpan(doc.m.numbers, span).length === 0 && outcomes.length === 0 &&
    inSpan(doc.m.launch, span).length === 0 &&
    // "20 injured when Russian missiles struck": the number counts people.
    inSpan(doc.m.casualties, span).length === 0 &&
    // "drones contre des cibles": a preposition starts another phrase.
    !inSpan(doc.m.over, span).some(
      (o) =>
        !inSpan(doc.m.including, span).some((x) => x.start <= o.start && o.end <= x.end) &&
        (doc.text.lastIndexOf("(", o.start) <= doc.text.lastIndexOf(")", o.start) || doc.text.lastIndexOf("(", o.start) < span.start),
    ) &&
    !inSpan(doc.m.places, span).some((p) => inSpan(doc.m.models, p).length === 0 && inSpan(doc.m.weapons, p).length === 0)
  );
}

/**
 * "о 20 сбитых над регионом БПЛА", "про 20 збитих над областю дронів": one participle right after the number, then
 * a place phrase ("over" and a place or "the region") right before the noun; the span of that phrase.
 */
function placeAfterParticiple(doc: Doc, pos: number, to: number): { start: number; end: number } | null {
  const cue = inSpan(doc.m.outcomes, { start: pos, end: to })[0];
  if (!cue || /\s/.test(doc.text.slice(cue.start, cue.end)) || !/^\s+$/.test(doc.text.slice(pos, cue.start))) return null;
  const over = inSpan(doc.m.over, { start: cue.end, end: to })[0];
  if (!over || !/^\s+$/.test(doc.text.slice(cue.end, over.start))) return null;
  const where = [...inSpan(doc.m.thisRegion, { start: over.end, end: to }), ...inSpan(doc.m.places, { start: over.end, end: to })].sort((a, b) => a.start - b.start)[0];
  if (!where || !/^\s+$/.test(doc.text.slice(over.end, where.start)) || !/^\s+$/.test(doc.text.slice(where.end, to))) return null;
  return { start: over.start, end: where.end };
}

/** The weapon group that starts within a few words after `pos`, if any. */
export function weaponGroupAfter(doc: Doc, pos: number, limit: number): WeaponGroup | null {
  const els = elementsIn(doc, pos, Math.min(limit, pos + 400));
  const first = els[0];
  if (!first || first.start - pos > 48) return null;
  const embedded = placeAfterParticiple(doc, pos, first.start);
  if (embedded) {
    if (!gapClear(doc, embedded.end, first.start)) return null;
  } else if (!LEAD_GAP.test(doc.text.slice(pos, first.start)) || !gapClear(doc, pos, first.start, true)) return null;
  // "une attaque de drones", "a wave of drones": the number counts the attack, not the weapons.
  // ("attack drones" is a kind of drone: the word right before the weapon does not count).
  const lead = { start: pos, end: first.start };
  const counted = [...inSpan(doc.m.attack, lead).filter((a) => doc.text.slice(a.end, first.start).trim() !== ""), ...inSpan(doc.m.modifies, lead)];
  if (counted.length > 0) return null;
  const taken: Element[] = [first];
  const marks: Array<{ start: number; end: number }> = [];
  let sawAnd = false;
  for (let i = 1; i < els.length; i++) {
    const prev = taken[taken.length - 1]!;
    const next = els[i]!;
    if (next.start < prev.end) continue;
    // "217 ударними БпЛА типу Shahed (понад 50 із них - реактивні), Гербера…": a bracket is a remark
    // inside the group; the group goes on after it.
    const bracket = /^\s*\([^()]*\)/.exec(doc.text.slice(prev.end, next.start));
    const gapStart = bracket ? prev.end + bracket[0].length : prev.end;
    const gap = doc.text.slice(gapStart, next.start);
    if (gap.length > 48 || !JOIN_GAP.test(gap) || !gapClear(doc, gapStart, next.start)) break;
    // "72 of 145 drones but did not mention the missiles": a negated verb between starts a clause of its own.
    if (inSpan(doc.m.negations, { start: gapStart, end: next.start }).length > 0) break;
    // "a drone that was trying to attack targets": a verb of attack starts a clause of its own.
    if (inSpan(doc.m.attack, { start: gapStart, end: next.start }).length > 0) break;
    if (prev.kind === "location" || next.kind === "location") break;
    // "cinq autres missiles, sans préciser si les missiles…": the same weapon word again starts another phrase.
    if (next.kind === "weapon" && prev.kind === "weapon" && next.weapon === prev.weapon && /\p{L}/u.test(gap)) break;
    // "18 of the drones before they reached their targets": a word for any target joins only as a listed item.
    if (next.kind === "weapon" && next.weapon === "any" && !/^[\s«»"'“”„,\/()–-]*$/u.test(gap) && inSpan(doc.m.and, { start: gapStart, end: next.start }).length === 0) break;
    // Words in brackets qualify the figure ("29 балістичних (в т.ч. протикорабельних) ракет"): skip them.
    const open = doc.text.lastIndexOf("(", next.start);
    if (open >= first.start && doc.text.indexOf(")", open) > next.start) continue;
    const gapSpan = { start: prev.end, end: next.start };
    const ands = inSpan(doc.m.and, gapSpan);
    // "17 drones and a cruise missile": after "and", an article or "one" opens a figure of its own.
    if (ands.some((a) => inSpan(doc.m.one, { start: a.end, end: next.start }).length > 0)) break;
    // "20 drones and the missile": a definite singular after "and" names a weapon told of before, not part of this figure.
    if (next.kind === "weapon" && next.singular && ands.some((a) => inSpan(doc.m.determiners, { start: a.end, end: next.start }).length > 0)) break;
    // "57 ударних дронів і ракету Х-59", "две бомбы, реактивный снаряд и…": without articles, a singular form
    // after "and" or a comma is one weapon of its own.
    if ((ands.length > 0 || gap.includes(",")) && doc.lex.one.length === 0 && next.kind === "weapon" && next.singular) break;
    // "six missiles and dozens of drones", "шість ракет і десятки дронів": a quantity with no figure opens a phrase of its own.
    if (ands.some((a) => inSpan(doc.m.vague, { start: a.end, end: next.start }).length > 0)) break;
    // "277 drones and all the missiles were destroyed": "all" opens a figure of its own.
    if (ands.some((a) => inSpan(doc.m.all, { start: a.end, end: next.start }).length > 0)) break;
    if (ands.length > 0) sawAnd = true;
    // "112 drones, including Shahed": the model names a part, the figure is of mixed kinds.
    for (const m of inSpan(doc.m.including, gapSpan)) marks.push(m);
    taken.push(next);
  }
  const last = taken[taken.length - 1]!;
  // "64 Shahed drones and other types": the figure counts more than the model named.
  const tail = inSpan(doc.m.otherTypes, { start: last.end, end: Math.min(limit, last.end + 60) })[0];
  // ("типу Shahed (інші типи БпЛА)": in brackets too.)
  if (tail && /^[\s,«»"'“”(]*$/.test(doc.text.slice(last.end, tail.start))) marks.push(tail);
  // (A phrase of other types may begin inside the group and end after it: "Shahed та безпілотників інших типів".)
  const inner = inSpan(doc.m.otherTypes, { start: first.start, end: Math.min(limit, last.end + 40) }).filter((m) => m.start < last.end);
  marks.push(...inner);
  const ev = [...taken.map((e) => evidence(doc, e.kind === "model" ? "model" : "weapon", e)), ...marks.map((m) => evidence(doc, "weapon", m))];
  if (first.kind === "location") {
    return { start: first.start, end: first.end, weapon: "any", model: null, location: true, singular: false, evidence: ev };
  }
  const resolved = resolveClass(taken, sawAnd);
  const mixed = marks.length > 0 && resolved.model !== null;
  const weapon = mixed ? (resolved.weapon.split(".")[0] as Weapon) : resolved.weapon;
  const end = tail && marks.includes(tail) ? Math.max(last.end, tail.end) : last.end;
  return { start: first.start, end, weapon, model: mixed ? null : resolved.model, location: false, singular: taken.length === 1 && first.singular, evidence: ev, ...(embedded ? { embedded } : {}) };
}

/**
 * The class and model of a group: a specific noun ("балістичні ракети") decides over the models'
 * class; one model names the model; several models are a mixed figure with no model; two roots
 * joined by "and" ("drones et missiles") are all means of attack.
 */
function resolveClass(els: Element[], sawAnd: boolean): { weapon: Weapon; model: string | null } {
  const nouns = els.filter((e) => e.kind === "weapon").map((e) => e.weapon);
  const models = [...new Set(els.filter((e) => e.kind === "model").map((e) => e.model!))];
  const modelClasses = els.filter((e) => e.kind === "model").map((e) => e.weapon);
  const roots = new Set([...nouns, ...modelClasses].map((w) => w.split(".")[0]));
  if (nouns.includes("any")) return { weapon: "any", model: null };
  if (roots.size > 1) return sawAnd || nouns.length > 1 ? { weapon: "any", model: null } : { weapon: commonClass([...nouns, ...modelClasses]), model: null };
  const specific = nouns.filter((w) => w.includes("."));
  const specificSet = [...new Set(specific)];
  // "477 drones and decoys": the class and one of its kinds joined are the class.
  if (sawAnd && models.length === 0 && specificSet.length === 1 && nouns.some((w) => !w.includes("."))) return { weapon: commonClass(nouns), model: null };
  if (models.length > 1) return { weapon: commonClass([...modelClasses, ...specificSet]), model: null };
  if (specificSet.length > 1) {
    // A decoy noun beside strike models is a mixed drone figure.
    return { weapon: commonClass(specificSet), model: null };
  }
  if (models.length === 1) {
    const model = models[0]!;
    const mc = modelClasses[0]!;
    if (specificSet.length === 1 && specificSet[0] !== mc && specificSet[0]!.startsWith("drone.decoy")) return { weapon: "drone", model: null };
    // "управляемая ракета «Нептун»": the model's own class is the figure's; a noun's class only refines a root.
    return { weapon: mc.includes(".") ? mc : (specificSet[0] ?? mc), model };
  }
  if (specificSet.length === 1) return { weapon: specificSet[0]!, model: null };
  return { weapon: (nouns[0] ?? "any") as Weapon, model: null };
}
