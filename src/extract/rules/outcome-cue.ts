import type { Outcome } from "../../model/vocab.js";
import type { Sentence } from "../../text/segment.js";
import { evidence, inSpan, textWithout, type Doc } from "../context.js";
import type { OutcomeCue, Valued } from "../mentions/types.js";
import type { Evidence, Span } from "../../model/span.js";

export interface OutcomeChoice {
  outcome: Outcome;
  evidence: Evidence;
}

const ADJACENT_GAP = /^[\s,]*(?:[\p{L}\p{M}'’-]+\s+){0,4}$/u;

/**
 * The outcome a figure belongs to: the nearest cue before it in its sentence (reports put the verb
 * first: "збито 92 БпЛА", "a lancé 539 drones"), unless a cue follows it closely
 * ("550 drones … ont été lancés", "28 were shot down"). Numbers of places take only a cue before them.
 */
export function chooseOutcome(doc: Doc, s: Sentence, start: number, end: number, opts: { location: boolean }): OutcomeChoice | null {
  const chosen = chooseCue(doc, s, start, end, opts);
  return chosen && negated(doc, s, chosen.evidence) ? null : chosen;
}

/**
 * "не вдалося збити три дрони", "failed to shoot down three drones", "n'ont pas été abattus": a verb negated
 * says what did not befall the weapons; the figure has no outcome from it.
 */
function negated(doc: Doc, s: Sentence, cue: Span): boolean {
  const lead = { start: Math.max(s.start, cue.start - 30), end: cue.start };
  return inSpan(doc.m.negations, lead).some((x) => x.end <= cue.start && /^[\s'’]*(?:[\p{L}'’-]+\s+){0,2}$/u.test(doc.text.slice(x.end, cue.start)));
}

/** "попаданий не было", "влучань не зафіксовано": hits named and then denied tell no outcome of any figure. */
function deniedAfter(doc: Doc, s: Sentence, cue: Valued<OutcomeCue>): boolean {
  return cue.value === "hit" && inSpan(doc.m.negations, { start: cue.end, end: Math.min(s.end, cue.end + 6) }).some((x) => /^[\s»"”]*$/u.test(doc.text.slice(cue.end, x.start)) && inSpan(doc.m.qualifiers, { start: x.start, end: x.start + 12 }).length === 0);
}

function chooseCue(
  doc: Doc,
  s: Sentence,
  start: number,
  end: number,
  opts: { location: boolean },
): OutcomeChoice | null {
  const cues = inSpan(doc.m.outcomes, s).filter((c) => !deniedAfter(doc, s, c));
  let before: Valued<OutcomeCue> | null = null;
  let after: Valued<OutcomeCue> | null = null;
  let inside: Valued<OutcomeCue> | null = null;
  for (const c of cues) {
    // A number of places takes only a cue of hits or debris ("Падіння уламків зафіксовано на 3 локаціях").
    if (opts.location && c.value !== "hit" && c.value !== "debris") continue;
    if (c.end <= start) before = c;
    else if (c.start >= end && !after) after = c;
    else if (c.start >= start && c.end <= end && !inside) inside = c;
  }
  // "Понад 100 безпілотників: скільки збила ППО", "100 drones: how many were shot down?": the verb of a question is no
  // figure's outcome.
  if (after && inSpan(doc.m.howMany, { start: end, end: after.start }).length > 0) after = null;
  // "…with 40 drones, 36 of which were destroyed, and an Iskander-M missile": the verb of a part's clause,
  // closed by a comma, does not reach the figures after it; the clause's own verb before it does.
  // ("…, dont un a été abattu, 41 missiles, dont 33 ont été abattus, cinq missiles (dont quatre…) et trois…": back
  // over every part's clause, bracketed too, to the list's own verb.)
  for (let hops = 0; hops < 8 && before && !opts.location && /[,)]/.test(doc.text.slice(before.end, start)); hops++) {
    const b: Valued<OutcomeCue> = before;
    const part = inSpan(doc.m.partOf, { start: Math.max(s.start, b.start - 40), end: b.start }).at(-1);
    // The part's clause opens after a comma or bracket, its figure before "of which" or after it ("one of which", "з яких одну").
    if (!part || /[,;]/.test(doc.text.slice(part.end, b.start))) break;
    const lead = { start: Math.max(s.start, part.start - 16), end: part.start };
    if (!/[,(]\s*$/u.test(textWithout(doc, lead, inSpan(doc.m.numbers, lead)))) break;
    const outer = cues.filter((c) => c.end <= part.start).pop();
    if (!outer) break;
    before = outer;
  }
  // "…a été détruit, notant que six drones … ont été neutralisés": the verb before a "that" belongs to the clause
  // that reports; the figure's own verb follows it in the reported clause.
  // ("…adding that 277 drones and all but one of the missiles had been neutralised": figures listed with "and", no comma
  // between, share the reported clause's verb.)
  if (before && after && !opts.location && inSpan(doc.m.that, { start: before.end, end: start }).length > 0 && !/[;.!?]/.test(doc.text.slice(end, after.start)) && (inSpan(doc.m.numbers, { start: end, end: after.start }).length === 0 || !/[,;:]/.test(doc.text.slice(end, after.start)))) {
    return pick(doc, after, opts.location);
  }
  // "20 downed drones", "о 25 сбитых беспилотниках", "сім збитих дронів": a participle between the
  // number and its noun is the figure's own outcome.
  // "shot down all five Russia-launched drones": a launch word inside the figure describes whose weapons they
  // were; the verb before them is what befell them.
  if (inside && !opts.location && inside.value === "launched" && before && before.value !== "launched" && before.value !== "debris" && !/[,;.]/.test(doc.text.slice(before.end, start))) {
    return pick(doc, before, opts.location);
  }
  if (inside && !opts.location) return pick(doc, inside, opts.location);
  // "26 drones Shahed lancés par la Russie": a participle naming who launched them describes the
  // drones; the clause's own verb comes before.
  // ("dont sept avaient été abattus par la défense aérienne": a stop verb with its agent is the figure's own.)
  if (after && before && after.value === "launched" && inSpan(doc.m.agent, { start: after.end, end: after.end + 6 }).some((a) => /^\s*$/.test(doc.text.slice(after!.end, a.start)))) {
    after = null;
  }
  // "…launched 72 drones, of which 65 drones and four missiles were shot down": after "of which" a
  // new clause begins; its own verb, later, tells its figures.
  // (Only the "of which" that opens the figure's own clause: an earlier part's "dont un a été abattu, 41 missiles…" has had its verb.)
  const opener = before && after && !opts.location ? inSpan(doc.m.partOf, { start: before.end, end: start }).at(-1) : undefined;
  if (opener && after && inSpan(doc.m.outcomes, { start: opener.end, end: start }).length === 0 && !/[;.]/.test(doc.text.slice(end, after.start))) {
    return pick(doc, after, opts.location);
  }
  // "destroyed all 57 drones launched at the south": a participle right after the weapons describes
  // them; the clause's verb came before.
  if (before && after && participle(doc, end, after) && !/[;]/.test(doc.text.slice(before.end, start))) {
    after = null;
  }
  // "45 drones … fired from Ukraine had been intercepted": a participle with its own phrase describes the
  // weapons; the clause's verb follows it.
  if (after && !opts.location && (participle(doc, end, after) || participleWithPhrase(doc, end, after))) {
    const verb = cues.find((c) => c.start > after!.end && c.value !== "debris" && c.start - after!.end < 100);
    if (verb && !/[;.!?]/.test(doc.text.slice(after.end, verb.start)) && inSpan(doc.m.numbers, { start: after.end, end: verb.start }).length === 0) return pick(doc, verb, opts.location);
  }
  // "…, adding that 211 drones and 38 missiles were shot down": figures joined by "and" share the verb after
  // the last, unless the verb before is in their own clause.
  // ("…fired two missiles and 47 drones; both missiles and 40 drones were shot down": a semicolon parts the clauses too.)
  if (after && !opts.location && coordinatedWith(doc, end, after) && (!before || /[,;]/.test(doc.text.slice(before.end, start)))) {
    return pick(doc, after, opts.location);
  }
  // "…были запущены 11 беспилотников, все они сбиты": after a comma begins another clause; the verb
  // before the figure is its own.
  // "…launched 16 drones overnight and air defences destroyed all of them": after "and" too.
  if (after && before && !opts.location && (doc.text.slice(end, after.start).includes(",") || inSpan(doc.m.and, { start: end, end: after.start }).length > 0) && !/[;]/.test(doc.text.slice(before.end, start))) {
    after = null;
  }
  // "ще в одному місці впали уламки": a place count takes the cue right after it, too.
  if (after && opts.location && /^\s*(?:[\p{L}'-]+\s+){0,1}$/u.test(doc.text.slice(end, after.start) + " ") && (!before || /[,;]/.test(doc.text.slice(before.end, start)))) {
    // "в одном месте упали обломки": what fell is debris, not a hit.
    const debris = cues.find((c) => c.value === "debris" && c.start >= after!.end && /^\s*$/.test(doc.text.slice(after!.end, c.start)));
    return pick(doc, debris ?? after, opts.location);
  }
  if (after && !opts.location) {
    // "…all 57 drones Russia sent": a subject between them makes the verb a relative clause's.
    const between = { start: end, end: after.start };
    // "24 drones out of 28 were shot down", "24 drones sur 28 ont été abattus": the total after "out of" is the part's own.
    const totals = inSpan(doc.m.outOf, between);
    const ownTotal = (n: Span) => totals.some((o) => o.end <= n.start && /^\s*$/.test(doc.text.slice(o.end, n.start)));
    const numbers = inSpan(doc.m.numbers, between);
    // ("збили 21 з 26 запущених шахедів", "downed 21 of the 26 launched drones": a launch word right after the total
    // describes the total; the part's verb is the one before.)
    const totalsParticiple = after.value === "launched" && numbers.some((n) => ownTotal(n) && /^[\s«»"'“”„]*$/u.test(doc.text.slice(n.end, after!.start)));
    // ("16 дронов из 21 запущенного врагом были уничтожены": the clause's verb comes after that description.)
    if (totalsParticiple) {
      const verb = cues.find((c) => c.start > after!.end && c.value !== "debris" && c.value !== "launched" && c.start - after!.end < 60);
      if (verb && !/[,;.!?]/.test(doc.text.slice(after.end, verb.start)) && inSpan(doc.m.numbers, { start: after.end, end: verb.start }).length === 0) return pick(doc, verb, opts.location);
    }
    const clear =
      !totalsParticiple &&
      (numbers.length === 0 || (numbers.every(ownTotal) && inSpan(doc.m.weapons, between).length === 0)) && inSpan(doc.m.orgs, between).length + inSpan(doc.m.places, between).length === 0;
    const words = textWithout(doc, between, inSpan(doc.m.numbers, between).map((n) => ({ start: n.start, end: n.start + 1 }))).replace(/\p{N}+/gu, "n");
    if (clear && ADJACENT_GAP.test(words.replace(/[«»"“”„'‘’]+\s*$/u, " ") + " ")) return pick(doc, after, opts.location);
  }
  // "a abattu 20 des 23 drones lancés par la Russie, ainsi que deux missiles": after "as well as", the clause's
  // verb, not the participle that described the weapons before.
  if (before && !opts.location && participleAfterWeapons(doc, before)) {
    const also = inSpan(doc.m.also, { start: before.end, end: start }).at(-1);
    const verb = also && /^[\s,]*$/.test(doc.text.slice(also.end, start)) ? cues.filter((c) => c.end <= before!.start).pop() : undefined;
    if (verb && !/[;.]/.test(doc.text.slice(verb.end, start))) return pick(doc, verb, opts.location);
  }
  if (before) {
    // ("перехвачены и уничтожены: ракета С-200 над Курской областью; две ракеты ATACMS над Крымом": items of a list
    // the verb opens with a colon share it across the semicolons.)
    const listOpened = /^\s*:/u.test(doc.text.slice(before.end, start));
    const clear = !/[;]/.test(doc.text.slice(before.end, start)) || listOpened;
    // "struck a substation in Kharkiv with an Iskander missile", "a frappé … avec deux missiles": what
    // the attacker struck with was launched.
    if (clear && before.value === "hit" && !opts.location && inSpan(doc.m.instrument, { start: before.end, end: start }).length > 0) {
      return { outcome: "launched", evidence: evidence(doc, "outcome", before) };
    }
    // "войска атаковали территорию 110-ю ударными беспилотниками": weapons in the instrumental case are what
    // the attacker struck with (Ukrainian and Russian mark it on the noun, not with a preposition).
    if (clear && before.value === "hit" && !opts.location && (doc.lang === "uk" || doc.lang === "ru") && /(?:ами|ями)$/u.test(doc.text.slice(start, end).trim())) {
      return { outcome: "launched", evidence: evidence(doc, "outcome", before) };
    }
    if (clear) return pick(doc, before, opts.location);
  }
  if (after && !opts.location && inSpan(doc.m.numbers, { start: end, end: after.start }).length === 0) {
    return pick(doc, after, opts.location);
  }
  return null;
}

/** The figure is joined by "and" to the next one, whose verb follows it closely: "211 drones and 38 missiles were shot down". */
function coordinatedWith(doc: Doc, end: number, after: Valued<OutcomeCue>): boolean {
  const and = inSpan(doc.m.and, { start: end, end: Math.min(after.start, end + 30) })[0];
  if (!and || !/^[\s,]*(?:[\p{L}'-]+\s+){0,2}$/u.test(doc.text.slice(end, and.start) + " ")) return false;
  const nums = inSpan(doc.m.numbers, { start: and.end, end: after.start });
  const next = nums[0];
  // ("…two Kh-59 missiles and 15 drones that Russia launched overnight": a verb with a subject of its own is a relative
  // clause about the last figure, not the verb the figures share.)
  return nums.length === 1 && next !== undefined && /^\s*$/.test(doc.text.slice(and.end, next.start)) && ADJACENT_GAP.test(doc.text.slice(next.end, after.start) + " ") &&
    inSpan(doc.m.outcomes, { start: and.end, end: after.start }).length === 0 && inSpan(doc.m.orgs, { start: next.end, end: after.start }).length === 0;
}

/** "…and other projectiles fired from Ukraine had been intercepted": a one-word launch form followed by "from", "by", "at" a few words after the weapons. */
function participleWithPhrase(doc: Doc, end: number, cue: Valued<OutcomeCue>): boolean {
  if (cue.value !== "launched" || /\s/.test(doc.text.slice(cue.start, cue.end)) || !/^[\s\p{L}'-]*$/u.test(doc.text.slice(end, cue.start))) return false;
  // "Вісім Калібрів було запущено з кораблів", "were launched from": a passive with its auxiliary is the clause's verb.
  if (AUXILIARY_BEFORE.test(doc.text.slice(end, cue.start))) return false;
  const next = { start: cue.end, end: cue.end + 14 };
  return [...inSpan(doc.m.agent, next), ...inSpan(doc.m.from, next)].some((m) => /^\s+$/.test(doc.text.slice(cue.end, m.start)));
}

/** An auxiliary right before a verb form makes it a finite passive, not a participle describing the weapons. */
const AUXILIARY_BEFORE = /(?:^|\s)(?:було|були|було|было|были|была|был|was|were|been|été|sont|est)\s+$/iu;

/** A one-word launch form right after a weapon noun and followed by its agent or place: "drones lancés par la Russie". */
function participleAfterWeapons(doc: Doc, cue: Valued<OutcomeCue>): boolean {
  if (/\s/.test(doc.text.slice(cue.start, cue.end))) return false;
  const w = inSpan(doc.m.weapons, { start: Math.max(0, cue.start - 40), end: cue.start }).at(-1);
  if (!w || !/^[\s,]*$/.test(doc.text.slice(w.end, cue.start))) return false;
  // "дронів, запущених Росією": a Ukrainian or Russian participle agrees with its noun.
  if ((doc.lang === "uk" || doc.lang === "ru") && /(?:их|ых|ими|ыми)$/u.test(doc.text.slice(cue.start, cue.end))) return true;
  return /^\s*$/.test(doc.text.slice(w.end, cue.start)) && participle(doc, cue.start, cue);
}

/** A one-word verb form right after the weapons, itself followed by a preposition: "launched at", "lancés par". */
function participle(doc: Doc, end: number, cue: Valued<OutcomeCue>): boolean {
  if (!/^\s*$/.test(doc.text.slice(end, cue.start)) || /\s/.test(doc.text.slice(cue.start, cue.end))) return false;
  // "ще два влучили в…", "еще два попали в…": a verb right after a bare number is the number's own, not a
  // participle describing weapons.
  if (inSpan(doc.m.numbers, { start: Math.max(0, end - 40), end }).some((n) => n.end === end)) return false;
  const next = { start: cue.end, end: cue.end + 14 };
  return [...inSpan(doc.m.over, next), ...inSpan(doc.m.agent, next), ...inSpan(doc.m.from, next)].some((m) => /^\s+$/.test(doc.text.slice(cue.end, m.start)));
}

function pick(doc: Doc, cue: Valued<OutcomeCue>, location: boolean): OutcomeChoice | null {
  const ev = evidence(doc, "outcome", cue);
  if (location) {
    if (cue.value === "debris") return { outcome: "debris_locations", evidence: ev };
    if (cue.value === "hit") return { outcome: "hit_locations", evidence: ev };
    return null;
  }
  if (cue.value === "debris") return null;
  return { outcome: cue.value, evidence: ev };
}
