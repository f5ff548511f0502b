import type { Evidence, Span } from "../../model/span.js";
import type { CasualtyRuleId, DropRuleId } from "../rule-ids.js";
import type { CasualtyKind, Qualifier, RegionCode } from "../../model/vocab.js";
import type { Sentence } from "../../text/segment.js";
import { evidence, inSpan, overlaps, textWithout, type Doc } from "../context.js";
import type { Mention, NumberMention, PlaceMention, Valued } from "../mentions/types.js";
import { periodTotal, qualifierBefore } from "./counts.js";
import { isActor, regionSide } from "./actors.js";
import { launchPlaces } from "./launch.js";
import { clauseOf, furtherWords } from "./clause.js";
import { placeList } from "./region-of.js";
import { hasAttackWords, paragraphsAboutAttack } from "./attack-words.js";

export interface CasualtyFact {
  sentence: number;
  kind: CasualtyKind;
  n: number;
  qualifier: Qualifier;
  region: RegionCode | null;
  rule: CasualtyRuleId;
  evidence: Evidence[];
  start: number;
  /** Where the toll's number and its casualty word end, and the number itself (for the parts that follow). */
  end: number;
  numberSpan: { start: number; end: number };
}

const SHORT_GAP = /^[\s,]*(?:[\p{L}\p{M}'’-]+\s+){0,3}$/u;

/**
 * The rules that decide whether a toll is read and belongs to the attack. Those that drop a toll
 * leave no fact behind; their ids name them for the coverage report and the negatives that pin them.
 */
export const CASUALTY_RULES = {
  numberFirst: "casualty/<number> <persons>? <casualty>",
  cueFirst: "casualty/<casualty> <number> <persons>?",
  onePerson: "casualty/<casualty> <one-person>",
  /** "…чоловік отримав поранення. Його госпіталізували": the one person just counted, taken to hospital. */
  pronoun: "casualty/<pronoun> <hospitalized>",
  /** "Ранения при атаке получили пять человек": the noun, then the verb that receives it, then the number. */
  receive: "casualty/<casualty> … <receive> <number>",
  /** "74 ans", "хлопчик 13 років": an age or a birth year is no toll. */
  age: "casualty/drop:<number> <age>",
  /** "серед поранених — троє дітей": a part of a group already counted. */
  among: "casualty/drop:<among> <casualty> <number>",
  /** "over the past day", "за минулу добу": a tally of a period belongs to no one attack. */
  tally: "casualty/drop:<tally>",
  /** "More than 12,000 civilians have been killed": a toll of a thousand or more tallies the war. */
  warToll: "casualty/drop:<war-toll>",
  /** "shelling wounded a man": fire that is no air attack. */
  shelling: "casualty/drop:<shelling-cause>",
  /** "У Львові поранено 4 людей, у Луцьку — двох", "four in Lviv, two in Lutsk": the verb left out, the toll's kind kept. */
  elliptic: "casualty/<toll>, <place> — <number>",
  /** "Two were killed, one in the Sumy region and the other in Kharkiv": one for each place. */
  oneEach: "casualty/<toll> <one> <place>, <other> <place>",
  /** "Постраждали 8 людей, з них троє загинули": the affected include the dead or the unhurt, so the total is not injured. */
  affectedParts: "casualty/drop:<injured> <part:killed|not-injured>",
} as const satisfies Record<string, CasualtyRuleId | DropRuleId>;

/** No single air attack of this war has killed or injured this many; a toll this large tallies many attacks. */
const WAR_TOLL = 1000;

/**
 * People killed, injured or taken to hospital: "23 blessés", "3 people were killed", "загинули
 * двоє людей", "tuant une enseignante", "une personne a été tuée".
 */
export function findCasualties(doc: Doc): CasualtyFact[] {
  const out: CasualtyFact[] = [];
  let lastRegion: { paragraph: number; sentence: number; region: RegionCode } | null = null;
  const docAboutAttack = hasAttackWords(doc, { start: 0, end: doc.text.length });
  doc.sentences.forEach((s, si) => {
    if (periodTotal(doc, s)) return;
    const cues = inSpan(doc.m.casualties, s).filter((c, k, all) => !describesHarm(doc, c, all[k - 1]));
    if (cues.length === 0) return;
    // In a text about attacks, a toll in a paragraph that speaks of none is about something else
    // ("Prigozhin died with nine other people when a plane … crashed").
    if (docAboutAttack && !paragraphsAboutAttack(doc).has(s.paragraph)) return;
    const nums: NumberMention[] = inSpan(doc.m.numbers, s).filter(
      (n) =>
        !doc.dateSpans.some((d) => overlaps(d, n)) &&
        inSpan(doc.m.weapons, { start: n.end, end: n.end + 30 }).every((w) => !/^[\s\p{L}'-]{0,20}$/u.test(doc.text.slice(n.end, w.start))) &&
        !isAge(doc, n) &&
        !oneOfThings(doc, n),
    );
    // "мужчина и две женщины госпитализированы", "a man and two women were hospitalized": one person and a number
    // of others are one toll, the number and one.
    for (let k = 0; k < nums.length; k++) {
      const n = nums[k]!;
      if (!inSpan(doc.m.persons, { start: n.end, end: n.end + 20 }).some((p) => /^\s*$/.test(doc.text.slice(n.end, p.start)))) continue;
      const and = inSpan(doc.m.and, { start: Math.max(s.start, n.start - 6), end: n.start }).find((a) => /^\s*$/.test(doc.text.slice(a.end, n.start)));
      if (!and) continue;
      const lone = inSpan(doc.m.belonging.onePerson, { start: Math.max(s.start, and.start - 25), end: and.start }).find((p) => /^\s*$/.test(doc.text.slice(p.end, and.start)));
      const person = inSpan(doc.m.persons, { start: Math.max(s.start, and.start - 25), end: and.start }).find((p) => /^\s*$/.test(doc.text.slice(p.end, and.start)));
      const article = person ? inSpan(doc.m.one, { start: Math.max(s.start, person.start - 12), end: person.start }).find((o) => /^\s*(?:[\p{L}'-]+\s+)?$/u.test(doc.text.slice(o.end, person.start))) : undefined;
      const first = lone ?? (person && article ? { start: article.start, end: person.end } : undefined);
      if (!first) continue;
      // ("Un homme et deux femmes": the article read as "un" is the one person, not a toll of its own.)
      const inside = nums.filter((x) => x !== n && overlaps(x, first));
      if (inside.some((x) => x.value !== 1 || x.start < first.start || x.end > first.end)) continue;
      nums[k] = { start: first.start, end: n.end, value: n.value + 1, word: true };
      for (const x of inside) nums.splice(nums.indexOf(x), 1);
      k -= inside.filter((x) => x.start < n.start).length;
    }
    // "une personne", "a woman", "a 45-year-old man", "an elderly woman": one person.
    let listedUpTo = -1;
    for (const o of inSpan(doc.m.one, s)) {
      // ("a man, a woman and a child": the later articles are members of the list read from the first.)
      if (o.start < listedUpTo) continue;
      const p = inSpan(doc.m.persons, { start: o.end, end: o.end + 30 })[0];
      // "One person died and another was injured": "another" standing for a person, the toll's verb right after it.
      if (!p && !nums.some((n) => overlaps(n, o)) && inSpan(doc.m.and, { start: Math.max(s.start, o.start - 6), end: o.start }).some((a) => /^\s*$/.test(doc.text.slice(a.end, o.start)))) {
        const cue = inSpan(doc.m.casualties, { start: o.end, end: Math.min(s.end, o.end + 30) })[0];
        if (cue && /^\s*(?:\p{L}+\s+){0,2}$/u.test(doc.text.slice(o.end, cue.start))) nums.push({ start: o.start, end: o.end, value: 1, word: true });
        continue;
      }
      if (!p || !/^\s*(?:[\p{L}\p{N}'-]+\s+)?$/u.test(doc.text.slice(o.end, p.start))) continue;
      // "a man and a woman were injured", "un homme et une femme", "another man and woman": two people.
      // ("une femme de 64 ans et un homme de 58 ans", "a 64-year-old woman and a 58-year-old man": ages are no figures.)
      const list = personList(doc, p, doc.m.persons, s.end);
      const pair = list && list.members.length > 1 && inSpan(doc.m.numbers, { start: p.end, end: list.end }).every((n) => inSpan(doc.m.one, n).length > 0 || isAge(doc, n));
      if (pair) {
        const span = { start: o.start, end: list.end };
        listedUpTo = list.end;
        for (let k = nums.length - 1; k >= 0; k--) if (overlaps(nums[k]!, span)) nums.splice(k, 1);
        nums.push({ ...span, value: list.members.length, word: true });
        continue;
      }
      if (!nums.some((n) => overlaps(n, o) || (n.start < p.end && o.start < n.end))) nums.push({ start: o.start, end: p.end, value: 1, word: true });
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
      const picked = pickNumber(doc, s, cue, nums, used);
      const person = picked ? null : onePerson(doc, s, cue, used);
      const pronoun = picked || person ? null : pronounOfOneHurt(doc, s, si, cue, out);
      const n = picked ?? person ?? pronoun?.n;
      if (!n) continue;
      used.add(n.start);
      // "More than 12,000 civilians have been killed in Ukraine": a toll of thousands is the war's, not one attack's.
      if (n.value >= WAR_TOLL) continue;
      if (!belongsToAttack(doc, si, n, cue)) continue;
      if (peopleOfTheOtherSide(doc, si, n, cue)) continue;
      const { q, ev: qev } = qualifierBefore(doc, n);
      // "…au moins un mort dans l'oblast de X. Deux employés ont été blessés": the place told just before.
      const own = casualtyRegion(doc, s, Math.max(cue.end, n.end), Math.min(cue.start, n.start));
      // "…lors de l'attaque ayant visé le sud de l'Ukraine": a part of the country named, not the region before.
      const carried = !own && inSpan(doc.m.places, s).length === 0 && inSpan(doc.m.belonging.broadArea, s).length === 0 ? carriedRegion(doc, si, lastRegion) : null;
      const region = own ?? null;
      if (own) lastRegion = { paragraph: s.paragraph, sentence: si, region: own.region };
      out.push({
        sentence: si,
        kind: cue.value,
        n: n.value,
        qualifier: q,
        // (The person taken to hospital is where they were hurt.)
        region: region?.region ?? (pronoun ? pronoun.hurt.region : carried),
        rule: pronoun
          ? CASUALTY_RULES.pronoun
          : person
            ? CASUALTY_RULES.onePerson
          : n.start < cue.start
            ? CASUALTY_RULES.numberFirst
            : inSpan(doc.m.belonging.receive, { start: cue.end, end: n.start }).length > 0
              ? CASUALTY_RULES.receive
              : CASUALTY_RULES.cueFirst,
        evidence: [evidence(doc, "number", n), evidence(doc, "casualty", cue), ...(qev ? [qev] : []), ...(region ? [evidence(doc, "region", region)] : [])],
        start: Math.min(n.start, cue.start),
        numberSpan: { start: n.start, end: n.end },
        end: Math.max(n.end, cue.end),
      });
      out.push(...elliptic(doc, s, out[out.length - 1]!, cue, nums, used));
    }
  });
  return withoutAffectedTotals(doc, [...out, ...out.flatMap((t) => oneEach(doc, t))]);
}

function pickNumber(doc: Doc, s: Sentence, cue: Valued<CasualtyKind>, nums: NumberMention[], used: Set<number>): NumberMention | null {
  // "Серед поранених — троє дітей", "троє дітей серед поранених": the casualty word names a group; the number, a part of it.
  const group = amongBefore(doc, cue);
  // A toll that grew, whatever number stands before its word ("тела еще трех человек, общее число погибших возросло до 8"): "The death toll from the strike rose to 19", "Число погибших … возросло до 15".
  const rose = inSpan(doc.m.rose, { start: cue.end, end: Math.min(s.end, cue.end + 80) })[0];
  if (rose) {
    const n = nums.find((x) => x.start >= rose.end && x.start - rose.end < 12 && !used.has(x.start));
    if (n && !/[.;]/.test(doc.text.slice(cue.end, n.start))) return n;
  }
  // Number first: "23 blessés", "14 ont été hospitalisés", "3 people were killed", "Deux employés … blessés".
  const candidates = [...nums].reverse().filter((n) => n.end <= cue.start && cue.start - n.end < 90 && (!used.has(n.start) || joinedToPreviousCue(doc, cue)));
  for (const before of candidates) {
    // "une femme de 68 ans a été blessée": an age between is part of the person's description.
    const gap = withoutAges(doc, before.end, cue.start);
    if (/[.;!?]/.test(gap) || !noNumberBetween(doc, before.end, cue.start)) continue;
    // "un bombardement avait tué deux personnes", "a drone strike killed two": an article before a weapon or an
    // attack is no one person.
    if (articleOfThing(doc, before)) continue;
    // ("Семеро людей, серед яких дитина, дістали поранення": "among whom" opens a part, it names no group.)
    const among = inSpan(doc.m.belonging.among, { start: before.end, end: cue.start }).filter((a) => ![...doc.m.partOf, ...doc.m.including].some((p) => p.start <= a.start && a.end <= p.end));
    if (group || among.length > 0) continue;
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
  // Cue first: "загинули 3 людини", "killing two people", "tuant une enseignante".
  const after = nums.find((n) => n.start >= cue.end && !used.has(n.start));
  if (group) {
    // "Parmi les blessés, 14 ont été hospitalisés" is read from the later word; the group word itself takes nothing.
    return null;
  }
  // "those killed including one member of the military": a part of the dead, not their number.
  if (after && partOfBefore(doc, after)) return null;
  if (after && after.start - cue.end <= 25 && SHORT_GAP.test(doc.text.slice(cue.end, after.start) + " ")) {
    // "Parmi les blessés, 14 ont été hospitalisés": the number belongs to the word that follows it.
    const next = inSpan(doc.m.casualties, { start: after.end, end: Math.min(s.end, after.end + 40) })[0];
    const between = { start: after.end, end: next ? next.start : after.end };
    // "погибли трое, ранены 15 человек": a comma closes the first toll; the next word has its own number.
    if (next && SHORT_GAP.test(doc.text.slice(after.end, next.start) + " ") && !/[,;]/.test(doc.text.slice(after.end, next.start)) && inSpan(doc.m.and, between).length === 0 && inSpan(doc.m.persons, between).length === 0) return null;
    return after;
  }
  // "Ранения при атаке дронов получили пять человек", "Injuries were sustained by three": the verb that
  // receives the harm stands later in the clause, and the number follows it.
  const receive = inSpan(doc.m.belonging.receive, { start: cue.end, end: Math.min(s.end, cue.end + 50) })[0];
  if (after && receive && receive.end <= after.start && !/[,.;:]/.test(doc.text.slice(cue.end, receive.start)) && SHORT_GAP.test(doc.text.slice(receive.end, after.start) + " ")) {
    return inSpan(doc.m.casualties, { start: cue.end, end: after.start }).length === 0 ? after : null;
  }
  return null;
}

/** A sentence that opens on a tally's period ("Протягом минулої доби…", "Over the past day, …", "За сутки…"). */
function opensWithTally(doc: Doc, s: Sentence): boolean {
  // ("Нагадаємо, минулої доби…", "As a reminder, over the past day…": a recap's cue may come first.)
  const recap = inSpan(doc.m.earlier, { start: s.start, end: Math.min(s.end, s.start + 30) }).find((e) => /^[\s"«“„]*$/u.test(doc.text.slice(s.start, e.start)));
  const from = recap ? recap.end : s.start;
  return inSpan(doc.m.belonging.tally, { start: from, end: Math.min(s.end, from + 60) }).some((t) => /^[\s"«“„,❗️⚡-]*$/u.test(doc.text.slice(from, t.start)));
}

/**
 * "12 Russian soldiers were killed in a strike", "avoir tué 40 soldats russes": people named as the attacker's own
 * are no toll of the attack on the other side (their side's claims of the enemy's losses belong to no air-attack report).
 */
function peopleOfTheOtherSide(doc: Doc, si: number, n: Mention, cue: Mention): boolean {
  const target = doc.frames?.[si]?.target;
  if (!target) return false;
  const span = { start: Math.min(n.start, cue.start), end: Math.max(n.end, cue.end) + 30 };
  const people = inSpan(doc.m.persons, span).find((p) => p.start >= n.start);
  if (!people) return false;
  // The side word right before the noun ("Russian soldiers", "російських військових") or right after it ("soldats russes").
  const side = inSpan(doc.m.sides, { start: Math.max(0, people.start - 25), end: people.end + 25 }).find(
    (w) => /^[\s-]*$/.test(w.end <= people.start ? doc.text.slice(w.end, people.start) : doc.text.slice(people.end, w.start)),
  );
  return side !== undefined && side.value !== target;
}

/**
 * "A driver was hospitalized with shrapnel wounds", "hospitalisé avec des blessures par éclats": the injuries of people
 * a casualty word before counted, told as what they came with, are no toll of their own.
 */
function describesHarm(doc: Doc, cue: Valued<CasualtyKind>, prev: Valued<CasualtyKind> | undefined): boolean {
  if (!prev || cue.value !== "injured" || /[.;]/.test(doc.text.slice(prev.end, cue.start))) return false;
  const lead = { start: Math.max(prev.end, cue.start - 30), end: cue.start };
  return inSpan(doc.m.instrument, lead).some((w) => /^\s*(?:[\p{L}'’-]+\s+){0,2}$/u.test(doc.text.slice(w.end, cue.start)));
}

/** "un bombardement", "une frappe de drone", "a missile": the word that reads as "one" is the article of a weapon or an attack. */
function articleOfThing(doc: Doc, n: NumberMention): boolean {
  if (!n.word || n.value !== 1 || !inSpan(doc.m.one, n).some((o) => o.start === n.start && o.end === n.end)) return false;
  const next = { start: n.end, end: n.end + 40 };
  return [...inSpan(doc.m.weapons, next), ...inSpan(doc.m.attack, next)].some((m) => /^\s+$/.test(doc.text.slice(n.end, m.start)));
}

/** "blessés et transportés à l'hôpital": a second casualty word joined to the first shares its number. */
function joinedToPreviousCue(doc: Doc, cue: Mention): boolean {
  // "a tué une enseignante et blessé deux autres": a number of its own follows.
  if (inSpan(doc.m.numbers, { start: cue.end, end: cue.end + 20 }).some((n) => /^\s*(?:[\p{L}'-]+\s+)?$/u.test(doc.text.slice(cue.end, n.start)))) return false;
  const prev = inSpan(doc.m.casualties, { start: Math.max(0, cue.start - 30), end: cue.start }).at(-1);
  return prev !== undefined && inSpan(doc.m.and, { start: prev.end, end: cue.start }).some((a) => /^\s*$/.test(doc.text.slice(prev.end, a.start)) && /^\s*$/.test(doc.text.slice(a.end, cue.start)));
}

/** Another figure between a number and its casualty word belongs to something else; "une", "a" do not count. */
function noNumberBetween(doc: Doc, from: number, to: number): boolean {
  return !inSpan(doc.m.numbers, { start: from, end: to }).some((n) => !(n.word && n.value === 1) && !partOfBefore(doc, n) && !isAge(doc, n));
}

/** The text between two offsets with ages and their words left out ("de 68 ans", "1975 года рождения"). */
function withoutAges(doc: Doc, from: number, to: number): string {
  let out = doc.text.slice(from, to);
  const spans = inSpan(doc.m.numbers, { start: from, end: to })
    .filter((n) => isAge(doc, n))
    .flatMap((n) => [n, ...inSpan(doc.m.belonging.age, { start: Math.max(from, n.start - 20), end: Math.min(to, n.end + 24) })])
    .sort((a, b) => b.start - a.start);
  for (const x of spans) out = out.slice(0, x.start - from) + " ".repeat(x.end - x.start) + out.slice(x.end - from);
  return out.replace(/\s+/g, " ");
}

/** The end of a person's phrase past an age told after the noun: "une femme de 64 ans", "мужчина 45 лет". */
function pastAge(doc: Doc, end: number): number {
  const age = inSpan(doc.m.belonging.age, { start: end, end: end + 16 })[0];
  return age && /^\s*,?\s*(?:\p{L}{1,3}\s+)?\d{1,3}[\s-]*$/u.test(doc.text.slice(end, age.start)) && inSpan(doc.m.and, { start: end, end: age.start }).length === 0 ? age.end : end;
}

/** The start of a person's phrase with the age before the noun: "71-річний чоловік", "71-летний мужчина". */
function ageBefore(doc: Doc, start: number): number {
  const age = inSpan(doc.m.belonging.age, { start: Math.max(0, start - 16), end: start }).at(-1);
  if (!age || !/^\s+$/.test(doc.text.slice(age.end, start))) return start;
  const m = /\d{1,3}\s*[–-]?\s*$/u.exec(doc.text.slice(Math.max(0, age.start - 6), age.start));
  return m ? age.start - m[0].length : start;
}

/** Only articles and ages stand in the span ("a 58-year-old ", "58-річний ", "un "). */
function onlyArticlesAndAges(doc: Doc, span: Span): boolean {
  const rest = textWithout(doc, span, [...inSpan(doc.m.one, span), ...inSpan(doc.m.belonging.age, span)]);
  return /^[\s\d–-]*$/u.test(rest) && (/^\s*$/.test(rest) || inSpan(doc.m.belonging.age, span).length > 0);
}

/** "постраждав один з об'єктів інфраструктури", "one of the buildings": a number of things, not of people. */
function oneOfThings(doc: Doc, n: Mention): boolean {
  const of = inSpan(doc.m.outOf, { start: n.end, end: n.end + 12 }).find((o) => /^\s*$/.test(doc.text.slice(n.end, o.start)));
  if (!of) return false;
  // "з них", "of them": a part of people named before.
  if (inSpan(doc.m.partOf, { start: n.end, end: n.end + 16 }).some((p) => p.start <= of.start && of.end <= p.end)) return false;
  const next = { start: of.end, end: of.end + 30 };
  const words = doc.text.slice(next.start, next.end).trim().split(/\s+/);
  if (!words[0] || !/\p{L}/u.test(words[0])) return false;
  // "one of the victims", "троє з постраждалих": people after all.
  return inSpan(doc.m.persons, next).length + inSpan(doc.m.casualties, next).length === 0;
}

function partOfBefore(doc: Doc, n: Mention): boolean {
  return inSpan(doc.m.partOf, { start: Math.max(0, n.start - 16), end: n.start }).some((x) => /^[\s,]*$/.test(doc.text.slice(x.end, n.start)));
}

/** The region of the people counted: a single region named in the sentence, or the first one after. */
function casualtyRegion(doc: Doc, s: Sentence, pos: number, from = pos) {
  // "…and injuring 15 across the country": the toll's own phrase names no region.
  const nextToll = inSpan(doc.m.casualties, { start: pos, end: s.end })[0];
  const own = { start: pos, end: nextToll ? nextToll.start : s.end };
  const broad = inSpan(doc.m.belonging.broadArea, own)[0];
  if (broad && !inSpan(doc.m.places, { start: pos, end: broad.start }).length) return null;
  // "…tuées en Ukraine, dont trois dans le port d'Odessa": a place after "of them" is the part's, not the toll's.
  const partAfter = inSpan(doc.m.partOf, { start: pos, end: s.end })[0];
  // (The part runs to the next comma, or to the attack that caused the whole toll: "…including a girl of 13 as a result of
  // Russian attacks on Zaporizhzhia".)
  const causeAfterPart = partAfter ? inSpan(doc.m.attack, { start: partAfter.end, end: s.end })[0] : undefined;
  const partEnd = partAfter ? Math.min(partAfter.end + (/[,;.]/.exec(doc.text.slice(partAfter.end, s.end))?.index ?? s.end - partAfter.end), causeAfterPart?.start ?? s.end) : -1;
  // "Sept personnes, dont un enfant dans la région de Tcherkassy, ont été blessées": nor is a place inside a part
  // told between the figure and its verb.
  const inner = [...inSpan(doc.m.partOf, { start: from, end: pos }), ...inSpan(doc.m.including, { start: from, end: pos })].sort((a, b) => a.start - b.start)[0];
  const innerEnd = inner ? inner.end + (/[,;.)]/.exec(doc.text.slice(inner.end, pos))?.index ?? pos - inner.end) : -1;
  const places = inSpan(doc.m.places, s).filter(
    (p) => regionSide(p.region) !== null && !(partAfter && p.start >= partAfter.end && p.start < partEnd) && !(inner && p.start >= inner.end && p.start < innerEnd),
  );
  const launch = launchPlaces(doc, s);
  const usable = places.filter((p) => !launch.has(p) && !isActor(doc, p));
  const regions = new Set(usable.map((p) => p.region));
  // "contre Kyiv et le sud de l'Ukraine": a place listed with unnamed others is not the toll's place.
  if (regions.size === 1 && !usable.some((p) => sharedWithOthers(doc, p))) return usable[0]!;
  // "У Львові поранено 4 людей, у Луцьку — двох": a place after a comma opens another part of the sentence.
  const boundary = /[,;]/.exec(doc.text.slice(pos, s.end));
  // "…blessées à Kharkiv et une autre a été tuée à Odessa": the next toll's words open its own part.
  // "trois morts à Kharkiv et deux à Odessa": the next figure opens the next toll's part.
  const nextNumber = inSpan(doc.m.numbers, { start: pos, end: s.end }).find((n) => !isAge(doc, n) && !doc.dateSpans.some((d) => overlaps(d, n)));
  const cut = Math.min(boundary ? pos + boundary.index : s.end, own.end, nextNumber ? nextNumber.start : s.end);
  // Several regions named after the toll ("l'une dans la région de X et l'autre dans celle de Y"): none is its own.
  const after = usable.filter((p) => p.start >= pos && p.start < cut);
  if (new Set(after.map((p) => p.region)).size > 1) return null;
  const next = after.find((p) => p.start - pos < 60);
  if (next) return next;
  // "…, while a strike on the city of Odesa injured four people": the place of the toll's own clause.
  const clauseStart = Math.max(s.start, doc.text.lastIndexOf(",", pos - 1) + 1, doc.text.lastIndexOf(";", pos - 1) + 1);
  const inClause = usable.filter((p) => p.start >= clauseStart && p.end <= pos);
  if (inClause.length > 0) return new Set(inClause.map((p) => p.region)).size === 1 ? inClause[inClause.length - 1]! : null;
  // "In the Sumy region, one person was killed", "…while in Kharkiv a drone hit a house, injuring two": the place of
  // the clause just before the toll's, when that clause tells no toll of its own.
  // ("На Сумщині, за даними ОВА, загинули двоє": a remark between them is passed over.)
  let end = clauseStart;
  for (let k = 0; k < 2 && end > s.start; k++) {
    const before = { start: Math.max(s.start, doc.text.lastIndexOf(",", end - 2) + 1, doc.text.lastIndexOf(";", end - 2) + 1), end: end - 1 };
    if (inSpan(doc.m.casualties, before).length > 0 || inSpan(doc.m.numbers, before).some((n) => !isAge(doc, n))) return null;
    // Past a remark, only a short place phrase opening the sentence ("На Сумщині, …"), not a clause of its own.
    if (k > 0 && (before.start !== s.start || doc.text.slice(before.start, before.end).trim().split(/\s+/).length > 4)) return null;
    const fronted = usable.filter((p) => p.start >= before.start && p.end <= before.end);
    if (fronted.some((p) => sharedWithOthers(doc, p))) return null;
    if (fronted.length > 0) return new Set(fronted.map((p) => p.region)).size === 1 ? fronted[fronted.length - 1]! : null;
    end = before.start;
  }
  return null;
}

/**
 * "… атакували Харків. Внаслідок обстрілу постраждали троє людей": the place of the sentence before;
 * else the one region the paragraph has named so far ("Чергова ніч для Київщини. … загинула жінка").
 */
function carriedRegion(doc: Doc, si: number, last: { paragraph: number; sentence: number; region: RegionCode } | null): RegionCode | null {
  const s = doc.sentences[si]!;
  if (last && last.paragraph === s.paragraph && si - last.sentence === 1) return last.region;
  const regionsIn = (x: Sentence) => inSpan(doc.m.places, x).filter((p) => regionSide(p.region) !== null && !isActor(doc, p) && !launchPlaces(doc, x).has(p)).map((p) => p.region);
  const prev = doc.sentences[si - 1];
  if (!prev || prev.paragraph !== s.paragraph) return null;
  const named = new Set(regionsIn(prev));
  if (named.size > 0) return named.size === 1 ? [...named][0]! : null;
  const before = new Set(doc.sentences.slice(0, si).filter((x) => x.paragraph === s.paragraph).flatMap(regionsIn));
  return before.size === 1 ? [...before][0]! : null;
}

export function sharedWithOthers(doc: Doc, p: { end: number }): boolean {
  const and = inSpan(doc.m.and, { start: p.end, end: p.end + 6 })[0];
  if (!and || !/^\s*$/.test(doc.text.slice(p.end, and.start))) return false;
  // ("the city of Dnipro and the Dnipropetrovsk region": an article may open the next place.)
  const next = doc.m.places.find((q) => q.start >= and.end && q.start <= and.end + 12);
  if (!next) return true;
  const gap = { start: and.end, end: next.start };
  return !/^\s*$/.test(textWithout(doc, gap, inSpan(doc.m.determiners, gap)));
}

function laterPredicate(doc: Doc, s: Sentence, n: Mention, cue: Valued<CasualtyKind>): boolean {
  // Nothing befalls the dead later: "succumbed to her injuries in hospital" is where they died.
  if (cue.value === "killed") return false;
  const next = inSpan(doc.m.casualties, { start: cue.end, end: Math.min(s.end, cue.end + 60) }).find((c) => c.value !== cue.value);
  if (!next || describesHarm(doc, next, cue)) return false;
  const between = { start: cue.end, end: next.start };
  if (inSpan(doc.m.and, between).length > 0 || inSpan(doc.m.numbers, between).length > 0 || /[,;.]/.test(doc.text.slice(cue.end, next.start))) return false;
  const partitive = inSpan(doc.m.outOf, { start: n.end, end: cue.start }).length + inSpan(doc.m.partOf, { start: n.end, end: cue.start }).length > 0;
  const words = doc.text.slice(cue.end, next.start).trim().split(/\s+/).filter(Boolean).length;
  return partitive || words <= 2;
}

/** "une femme de 74 ans", "хлопчик 13 років", "aged 45", "1968 року народження": an age, not a number of people. */
function isAge(doc: Doc, n: Mention, along: "both" | "back" | "on" = "both"): boolean {
  const near = inSpan(doc.m.belonging.age, { start: Math.max(0, n.start - 20), end: n.end + 24 });
  if (near.some((a) => (a.start >= n.end ? /^[\s-]*$/.test(doc.text.slice(n.end, a.start)) : /^\s*$/.test(doc.text.slice(a.end, n.start))))) return true;
  // "чоловіки 43 і 50 років", "aged 43 and 50": ages listed, the age word after the last or before the first.
  const listed = (a: Mention, b: Mention) => {
    const gap = { start: a.end, end: b.start };
    const ands = inSpan(doc.m.and, gap);
    return gap.end - gap.start <= 8 && /^[\s,]*$/.test(textWithout(doc, gap, ands)) && (ands.length > 0 || /,/.test(doc.text.slice(gap.start, gap.end)));
  };
  const next = along !== "back" ? inSpan(doc.m.numbers, { start: n.end, end: n.end + 10 })[0] : undefined;
  if (next && listed(n, next) && isAge(doc, next, "on")) return true;
  const prev = along !== "on" ? inSpan(doc.m.numbers, { start: Math.max(0, n.start - 10), end: n.start }).at(-1) : undefined;
  return prev !== undefined && listed(prev, n) && isAge(doc, prev, "back");
}

/** "серед поранених", "among the injured", "parmi les blessés": the casualty word names a group counted elsewhere. */
function amongBefore(doc: Doc, cue: Mention): boolean {
  return inSpan(doc.m.belonging.among, { start: Math.max(0, cue.start - 20), end: cue.start }).some((a) =>
    /^\s*(?:[\p{L}'-]+\s+)?$/u.test(doc.text.slice(a.end, cue.start)),
  );
}

/**
 * "загинула жінка", "поранено літнього чоловіка", "мужчина погиб": a singular person noun beside a
 * casualty word states one person, in languages without articles. Not when another person is joined
 * to it ("жінка та її син") or the casualty word names a group ("серед загиблих — жінка").
 */
function onePerson(doc: Doc, s: Sentence, cue: Valued<CasualtyKind>, used: Set<number>): NumberMention | null {
  if (amongBefore(doc, cue)) return null;
  const persons = inSpan(doc.m.belonging.onePerson, { start: Math.max(s.start, cue.start - 60), end: Math.min(s.end, cue.end + 60) });
  // "Ранения средней степени тяжести получили мужчина и женщина": the person after the verb that receives the harm.
  const receive = inSpan(doc.m.belonging.receive, { start: cue.end, end: Math.min(s.end, cue.end + 50) })[0];
  const received = receive && !/[,.;:]/.test(doc.text.slice(cue.end, receive.start)) ? receive : undefined;
  const p =
    persons.find((x) => x.start >= cue.end && /^\s*(?:[\p{L}\p{N}'-]+\s+){0,2}$/u.test(doc.text.slice(cue.end, x.start))) ??
    (received ? persons.find((x) => x.start >= received.end && /^\s*$/.test(doc.text.slice(received.end, x.start))) : undefined) ??
    persons.find((x) => x.end <= cue.start && (/^\s*(?:[\p{L}'-]+\s+)?$/u.test(withoutAges(doc, x.end, cue.start)) || receivesHarm(doc, x.end, cue.start)));
  if (!p || used.has(p.start)) return null;
  // "Серед постраждалих – чотирирічна дитина загиблих": after a group of the harmed is named, a person is one of them.
  if (inSpan(doc.m.belonging.among, { start: s.start, end: p.start }).some((a) => inSpan(doc.m.casualties, { start: a.end, end: a.end + 25 }).some((c) => c.end <= p.start))) return null;
  const span = p.start >= cue.end ? { start: received && p.start >= received.end ? received.end : cue.end, end: p.start } : { start: p.end, end: cue.start };
  if (inSpan(doc.m.numbers, span).some((n) => !isAge(doc, n))) return null;
  // A number right before the noun counts it already ("двоє чоловіків", "5 чоловік").
  if (inSpan(doc.m.numbers, { start: Math.max(0, p.start - 12), end: p.start }).some((n) => /^\s*$/.test(doc.text.slice(n.end, p.start)))) return null;
  const list = personList(doc, p, doc.m.belonging.onePerson, s.end);
  if (!list) return null;
  if (list.members.some((m) => m !== p && used.has(m.start))) return null;
  return { start: ageBefore(doc, p.start), end: list.end, value: list.members.length, word: true };
}

/**
 * "Чоловік отримав поранення. Його госпіталізували", "A woman was injured. She was hospitalized": a singular
 * pronoun beside a hospital word, right after a sentence of its paragraph that counted one injured person,
 * is that person taken to hospital.
 */
function pronounOfOneHurt(doc: Doc, s: Sentence, si: number, cue: Valued<CasualtyKind>, earlier: readonly CasualtyFact[]): { n: NumberMention; hurt: CasualtyFact } | null {
  if (cue.value !== "hospitalized") return null;
  const prev = doc.sentences[si - 1];
  if (!prev || prev.paragraph !== s.paragraph) return null;
  const hurt = earlier.filter((t) => t.sentence === si - 1);
  if (hurt.length !== 1 || hurt[0]!.kind !== "injured" || hurt[0]!.n !== 1) return null;
  const near = inSpan(doc.m.belonging.pronounOne, { start: Math.max(s.start, cue.start - 30), end: Math.min(s.end, cue.end + 30) });
  // ("Il a été hospitalisé", "She was hospitalized", "Його госпіталізували", "госпитализировали ее".)
  const p = near.find((x) => (x.end <= cue.start ? /^\s*(?:[\p{L}'-]+\s+){0,2}$/u.test(doc.text.slice(x.end, cue.start)) : /^\s*$/.test(doc.text.slice(cue.end, x.start))));
  if (!p || inSpan(doc.m.numbers, s).length > 0) return null;
  return { n: { start: p.start, end: p.end, value: 1, word: true }, hurt: hurt[0]! };
}

/**
 * "чоловік 60 років отримав уламкове поранення", "мужчина получил множественные осколочные ранения": between the
 * person and the harm, a verb of receiving and at most two words that qualify the harm.
 */
function receivesHarm(doc: Doc, from: number, to: number): boolean {
  const r = inSpan(doc.m.belonging.receive, { start: from, end: to })[0];
  return r !== undefined && /^\s*$/.test(withoutAges(doc, from, r.start)) && /^\s*(?:[\p{L}'-]+\s+){0,2}$/u.test(doc.text.slice(r.end, to));
}

/**
 * The people listed from a first one on: "мужчина 61 года, женщина 59 лет и ребенок", "a man, a woman and a
 * child", "64-річна жінка та 58-річний чоловік" (ages belong to their person). One person alone is a list of one;
 * null when the list goes on with something that is no single person ("жінка та її син", "a man and two women"),
 * as such a list states no number.
 */
function personList(doc: Doc, first: Mention, persons: Mention[], limit: number): { members: Mention[]; end: number } | null {
  const members = [first];
  for (;;) {
    const last = members[members.length - 1]!;
    const pEnd = pastAge(doc, last.end);
    const window = { start: pEnd, end: Math.min(limit, pEnd + 8) };
    const and = inSpan(doc.m.and, window).find((a) => /^\s*,?\s*$/.test(doc.text.slice(pEnd, a.start)));
    const comma = and ? null : /^\s*,\s*/.exec(doc.text.slice(pEnd, window.end));
    // "погиб мужчина, женщина ранена": people parted by commas alone are no list; the first stands alone.
    if (!and && !comma) return { members: [first], end: first.end };
    const from = and ? and.end : pEnd + comma![0].length;
    const next = inSpan(persons, { start: from, end: Math.min(limit, from + 30) }).find((x) => onlyArticlesAndAges(doc, { start: from, end: x.start }));
    if (!next) {
      // "ранен мужчина, он доставлен в больницу": a comma that goes on with no person ends a list of one.
      return comma ? { members: [first], end: first.end } : null;
    }
    members.push(next);
    if (and) {
      const further = inSpan(doc.m.and, { start: next.end, end: next.end + 6 }).some((a) => /^[\s,]*$/.test(doc.text.slice(next.end, a.start)));
      return further ? null : { members, end: next.end };
    }
  }
}

/**
 * Whether a toll belongs to the air attack the text tells: not a tally over a day or the war, not a
 * statement about attacks in general, not the toll of shelling. The cause is read in the toll's own
 * clause, else its sentence, else the sentence before in the paragraph.
 */
function belongsToAttack(doc: Doc, si: number, n: Mention, cue: Mention): boolean {
  const s = doc.sentences[si]!;
  const clause = clauseOf(doc, s, Math.min(n.start, cue.start), Math.max(n.end, cue.end));
  // "…the deadliest since the start of the war": a record's scope, not a tally's.
  // A tally named earlier in the sentence goes on over the tolls after it ("За добу загинули троє, ще 12 поранені").
  const tallySpan = { start: Math.min(clause.start, s.start), end: clause.end };
  const tally = inSpan(doc.m.recordCue, s).length === 0 && inSpan(doc.m.belonging.tally, tallySpan).length > 0;
  if (tally || inSpan(doc.m.belonging.background, clause).length > 0) return false;
  // "Протягом минулої доби ворожих ударів зазнали сім населених пунктів. Внаслідок обстрілів … постраждав чоловік":
  // a tally opening the sentence before, in the same paragraph, goes on over a toll that names no time of its own.
  // ("Протягом дня агресор атакував Нікопольщину… Поранення отримав чоловік": a tally opening the paragraph, or the
  // text's first sentence, goes on over the tolls after it that name no time of their own.)
  const ownTime = doc.dateSpans.some((d) => d.start >= s.start && d.end <= s.end);
  const talliedBefore = doc.sentences.some((x, k) => k < si && (x.paragraph === s.paragraph || k === 0) && opensWithTally(doc, x));
  if (talliedBefore && !ownTime) return false;
  // "Officials corrected initial reports that a civilian had been killed": a toll taken back is no toll.
  if (inSpan(doc.m.belonging.retracted, { start: s.start, end: Math.min(n.start, cue.start) }).some((r) => Math.min(n.start, cue.start) - r.end < 80 && !/[;]/.test(doc.text.slice(r.end, Math.min(n.start, cue.start))))) return false;
  const prev = doc.sentences[si - 1];
  const units = [clause, s, ...(prev && prev.paragraph === s.paragraph ? [prev] : [])];
  const cause = units.map((u) => causeOf(doc, u)).find((c) => c.named);
  return !(cause && cause.shelling);
}

/** What a span says caused harm: whether it names shelling, and whether it names any cause at all. */
function causeOf(doc: Doc, u: Span): { named: boolean; shelling: boolean } {
  const shelling = inSpan(doc.m.belonging.shelling, u).length > 0;
  const air =
    inSpan(doc.m.weapons, u).some((w) => w.weapon !== "any" && w.weapon !== "rocket") || inSpan(doc.m.models, u).some((m) => m.weapon !== "rocket");
  const named = shelling || air || inSpan(doc.m.attack, u).length > 0 || inSpan(doc.m.outcomes, u).length > 0;
  // Shelling beside an air weapon is a tally of several kinds of fire: it belongs to no one air attack either.
  return { named, shelling };
}

/**
 * "Постраждали 8 людей, з них троє загинули", "Ten people were hurt, four of them suffered acute
 * stress": when the parts of a toll of the hurt are dead or unhurt, the total is no number of the
 * injured. The parts are told after it: after "of them" or a colon, in its sentence or in the next
 * one when that opens with "of them".
 */
function withoutAffectedTotals(doc: Doc, facts: CasualtyFact[]): CasualtyFact[] {
  const unhurt = new Set<number>();
  const kept = facts.filter((t) => {
    if (t.kind !== "injured") return true;
    const s = doc.sentences[t.sentence]!;
    const next = doc.sentences[t.sentence + 1];
    const opensWithPart = next && next.paragraph === s.paragraph && inSpan(doc.m.partOf, { start: next.start, end: next.start + 12 }).length > 0;
    const window = { start: t.end, end: opensWithPart ? next.end : s.end };
    const partCue = (from: number, to: number) =>
      inSpan(doc.m.partOf, { start: from, end: to }).length > 0 || inSpan(doc.m.outOf, { start: from, end: to }).length > 0 || doc.text.slice(from, to).includes(":");
    // A part killed: "з них троє загинули", "three of them died", "Постраждали 8: троє загинули".
    const deadPart = facts.some(
      (k) => k !== t && k.kind === "killed" && k.numberSpan.start >= window.start && k.numberSpan.end <= window.end && k.n < t.n &&
        (partCue(t.end, k.numberSpan.start) || inSpan(doc.m.partOf, { start: k.numberSpan.end, end: k.numberSpan.end + 12 }).length > 0),
    );
    if (deadPart) return false;
    // A part unhurt: "у двох із них — гостра реакція на стрес"; or the same people: "Двоє постраждали — гостра реакція на стрес".
    const stress = inSpan(doc.m.belonging.notInjured, window).some((x) => {
      const between = { start: t.end, end: x.start };
      if (furtherWords(doc, between).length > 0) return false;
      const others = inSpan(doc.m.numbers, between).length > 0;
      return !others || partCue(t.end, x.start);
    });
    if (stress) unhurt.add(t.n);
    return !stress;
  });
  // The same people told elsewhere ("сім постраждалих" in the headline, "семеро — гостра реакція на стрес" in the body) are no injured either.
  return kept.filter((t) => t.kind !== "injured" || !unhurt.has(t.n));
}

/**
 * "Deux autres personnes ont été tuées, l'une dans la région de Dnipropetrovsk et l'autre dans celle
 * de Soumy", "двоє загинули — по одному в Харкові та Сумах": a toll shared out one by one over as
 * many places as it counts gives one toll of 1 for each place (the total stays, as a total).
 */
function oneEach(doc: Doc, t: CasualtyFact): CasualtyFact[] {
  if (t.n < 2 || t.n > 6) return [];
  const s = doc.sentences[t.sentence]!;
  const rest = { start: t.end, end: s.end };
  const usable = (p: PlaceMention) => regionSide(p.region) !== null && !isActor(doc, p);
  let picked: Array<{ cue: Mention; place: PlaceMention }> = [];
  // "l'une dans X et l'autre dans Y", "one in X, the other in Y".
  for (const d of inSpan(doc.m.belonging.distributive, rest)) {
    const p = inSpan(doc.m.places, { start: d.end, end: Math.min(s.end, d.end + 50) })[0];
    if (p && usable(p) && /^\s*(?:[\p{L}'-]+\s+){0,4}$/u.test(doc.text.slice(d.end, p.start)) && !picked.some((x) => x.place === p)) picked.push({ cue: d, place: p });
  }
  // "по одному в Харкові та Сумах", "one each in X and Y".
  if (picked.length === 0) {
    const each = inSpan(doc.m.each, rest).find((e) => /[\p{L}]/u.test(doc.text.slice(e.start, e.end)));
    const first = each ? inSpan(doc.m.places, { start: each.end, end: Math.min(s.end, each.end + 40) })[0] : undefined;
    if (each && first && usable(first) && /^\s*(?:[\p{L}'-]+\s+){0,2}$/u.test(doc.text.slice(each.end, first.start))) {
      picked = placeList(doc, first, s.end).map((place) => ({ cue: each, place }));
    }
  }
  if (picked.length !== t.n || new Set(picked.map((x) => x.place.region)).size !== t.n) return [];
  return picked.map(({ cue, place }) => ({
    sentence: t.sentence,
    kind: t.kind,
    n: 1,
    qualifier: "exact" as const,
    region: place.region,
    rule: CASUALTY_RULES.oneEach,
    evidence: [evidence(doc, "number", cue), evidence(doc, "casualty", t.evidence.find((e) => e.role === "casualty") ?? cue), evidence(doc, "region", place)],
    start: cue.start,
    end: place.end,
    numberSpan: { start: cue.start, end: cue.end },
  }));
}

/**
 * "У Львові поранено 4 людей, у Луцьку — двох", "В Белгороде ранены трое, в Курске — двое",
 * "Four were injured in Lviv, two in Lutsk": after a toll, a comma and a place with a number (or a
 * number with a place), the verb left out: a toll of the same kind in that place.
 */
function elliptic(doc: Doc, s: Sentence, t: CasualtyFact, cue: Mention, nums: NumberMention[], used: Set<number>): CasualtyFact[] {
  const out: CasualtyFact[] = [];
  // The toll's own phrase runs to the next comma ("поранено 4 людей", "were injured in Lviv").
  // "…, у Луцьку — двох", "… à Kharkiv et deux à Odessa": a comma, or "and" right before the next figure.
  const andBefore = (at: number) => inSpan(doc.m.and, { start: at, end: s.end }).find((a) => nums.some((x) => !used.has(x.start) && /^\s*$/.test(doc.text.slice(a.end, x.start))));
  const comma = /[,;]/.exec(doc.text.slice(t.end, s.end));
  const firstAnd = andBefore(t.end);
  const firstSep = Math.min(comma ? t.end + comma.index : s.end, firstAnd ? firstAnd.start : s.end);
  if (firstSep >= s.end) return out;
  let from = firstSep;
  const own = { start: t.end, end: from };
  if (inSpan(doc.m.casualties, own).length > 0 || nums.some((x) => x.start >= own.start && x.end <= own.end)) return out;
  const placeAt = (at: number) => {
    const prep = inSpan(doc.m.over, { start: at, end: at + 20 }).find((o) => /^\s*$/.test(doc.text.slice(at, o.start)));
    const start = prep ? prep.end : at;
    return inSpan(doc.m.places, { start, end: start + 60 }).find((p) => /^\s*$/.test(doc.text.slice(start, p.start)) && regionSide(p.region) !== null);
  };
  const numberAt = (at: number) => nums.find((x) => x.start >= at && /^\s*$/.test(doc.text.slice(at, x.start)) && !used.has(x.start));
  const personsAfter = (n: Mention) => inSpan(doc.m.persons, { start: n.end, end: n.end + 20 }).find((p) => /^\s*$/.test(doc.text.slice(n.end, p.start)))?.end ?? n.end;
  for (;;) {
    const sep = /^\s*[,;]\s*/.exec(doc.text.slice(from, s.end));
    const and = sep ? undefined : inSpan(doc.m.and, { start: from, end: Math.min(s.end, from + 12) }).find((a) => /^\s*$/.test(doc.text.slice(from, a.start)));
    if (!sep && !and) break;
    const at = sep ? from + sep[0].length : and!.end;
    let place = placeAt(at);
    let n: NumberMention | undefined;
    let end: number;
    if (place) {
      // "у Луцьку — двох"
      const dash = /^\s*[—–-]?\s*/.exec(doc.text.slice(place.end))![0];
      n = numberAt(place.end + dash.length);
      if (!n) break;
      end = personsAfter(n);
    } else {
      // "two in Lutsk"
      n = numberAt(at);
      if (!n) break;
      place = placeAt(personsAfter(n));
      if (!place) break;
      end = place.end;
    }
    if (!/^\s*(?:[,;.)]|$)/.test(doc.text.slice(end, end + 3))) break;
    used.add(n.start);
    const { q, ev } = qualifierBefore(doc, n);
    out.push({
      sentence: t.sentence,
      kind: t.kind,
      n: n.value,
      qualifier: q,
      region: place.region,
      rule: CASUALTY_RULES.elliptic,
      evidence: [evidence(doc, "number", n), evidence(doc, "casualty", cue), ...(ev ? [ev] : []), evidence(doc, "region", place)],
      start: Math.min(n.start, place.start),
      end,
      numberSpan: { start: n.start, end: n.end },
    });
    from = end;
  }
  return out;
}
