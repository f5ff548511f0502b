import type { Evidence, Span } from "../../model/span.js";
import type { CountRuleId } from "../rule-ids.js";
import type { Outcome, Qualifier, RegionCode, Weapon } from "../../model/vocab.js";
import type { Sentence } from "../../text/segment.js";
import { evidence, inSpan, overlaps, sentenceAt, textWithout, wordCount, type Doc } from "../context.js";
import type { Mention, NumberMention, OutcomeCue, Valued } from "../mentions/types.js";
import { chooseOutcome } from "./outcome-cue.js";
import { isRiver } from "./place-role.js";
import { placeList, regionAfter, regionBeforeBracket, regionBeforeDash, regionByReference, regionFronted, regionHeading, regionOfClauseTarget, regionOfRelative, regionOpeningClause, type RegionChoice } from "./region-of.js";
import { weaponGroupAfter, type WeaponGroup } from "./weapon-group.js";

/** Figures over a region the text leaves unnamed; dropped where they would collide with a national one. */
export const UNNAMED_REGION_RULE: CountRuleId = "count/<number> <weapon> <over-unnamed-region>";

export interface CountFact {
  sentence: number;
  weapon: Weapon;
  model: string | null;
  outcome: Outcome;
  n: number;
  qualifier: Qualifier;
  region: RegionCode | null;
  rule: CountRuleId;
  evidence: Evidence[];
  /** Where the figure sits, for ordering and anaphora. */
  start: number;
  end: number;
  /** Ends with ":" — the figures listed after it are its parts. */
  head: boolean;
}

/** The qualifier right before a number ("понад 50", "au moins 23", "more than 70"). */
export function qualifierBefore(doc: Doc, n: NumberMention): { q: Qualifier; ev: Evidence | null } {
  // "зросла до 12", "возросло до 15": the "до" of a toll that grew is no "up to".
  // ("en plus de deux missiles", "in addition to": a conjunction that holds a qualifier's words is no qualifier.)
  const near = { start: Math.max(0, n.start - 30), end: n.start };
  const rose = inSpan(doc.m.rose, near);
  const conjunctions = inSpan(doc.m.and, near);
  const qs = inSpan(doc.m.qualifiers, near).filter(
    (q) => !rose.some((r) => q.start < r.end && r.start < q.end) && !conjunctions.some((a) => a.start <= q.start && q.end <= a.end && a.end - a.start > q.end - q.start),
  );
  const q = qs[qs.length - 1];
  if (q && /^\s*$/.test(doc.text.slice(q.end, n.start))) return { q: q.value, ev: evidence(doc, "qualifier", q) };
  // "une vingtaine de drones": the number word is itself an approximation.
  if (n.approx) return { q: "about", ev: evidence(doc, "qualifier", n) };
  return { q: "exact", ev: null };
}

function regionFor(doc: Doc, s: Sentence, n: { start: number; end: number }, end: number, cue: Span | null = null): RegionChoice | null {
  const target = doc.frames?.[doc.sentences.indexOf(s)]?.target;
  const capital = target === "UA" ? "UA-30" : target === "RU" ? "RU-MOW" : null;
  const chosen =
    regionBeforeBracket(doc, s, n.start) ??
    regionBeforeDash(doc, s, n.start) ??
    regionAfter(doc, s, end, capital) ??
    regionOfRelative(doc, s, n.start) ??
    regionOpeningClause(doc, s, n.start) ??
    regionByReference(doc, s, end) ??
    regionOfClauseTarget(doc, s, n.start, cue) ??
    regionFronted(doc, s, n.start) ??
    regionHeading(doc, s, n.start);
  // "на річці Дніпро", "on the Dnipro river": a river is no region.
  return chosen && chosen.evidence.some((e) => isRiver(doc, e)) ? null : chosen;
}

export function findCounts(doc: Doc): CountFact[] {
  const out: CountFact[] = [];
  let head: CountFact | null = null;
  // A line ending with ":" opens a list; its items take its outcome ("противник атакував:").
  let listOutcome: { outcome: Outcome; evidence: Evidence } | null = null;
  doc.sentences.forEach((s, si) => {
    if (periodTotal(doc, s)) return;
    const continued = continuesPrevious(doc, s, si, out);
    const item = isListItem(doc, s, si) || continued !== null;
    if (!item) {
      head = null;
      listOutcome = null;
    }
    // "Минобороны сообщило о 21 сбитом беспилотнике. «18 БПЛА — над Брянской областью…»", "…атакував
    // двома ракетами. А також 140 ударними БпЛА": a sentence with no verb of its own lists or continues
    // the figures of the sentence before, with that sentence's verb.
    if (continued) {
      head ??= continued;
      listOutcome ??= { outcome: continued.outcome, evidence: continued.evidence.find((e) => e.role === "outcome") ?? continued.evidence[0]! };
    }
    const launches = inSpan(doc.m.launch, s);
    const nums = inSpan(doc.m.numbers, s).filter(
      (n) =>
        !doc.dateSpans.some((d) => overlaps(d, n)) &&
        !launches.some((l) => overlaps(l, n)) &&
        // "all but 1 drone", "жодного": a negated number states no figure.
        !inSpan(doc.m.negations, { start: Math.max(s.start, n.start - 10), end: n.start }).some((x) => /^\s*$/.test(doc.text.slice(x.end, n.start))) &&
        !clockTime(doc, n) &&
        !percent(doc, n) &&
        !duration(doc, n),
    );
    const sentenceStartCount = out.length;
    let denominator: CountFact | null = null;
    for (let i = 0; i < nums.length; i++) {
      const n = nums[i]!;
      const { q, ev: qev } = qualifierBefore(doc, n);
      const numEv = evidence(doc, "number", n);
      const group = weaponGroupAfter(doc, n.end, s.end);
      // "Of the 90 drones, about 70 were shot down", "Із 90 БпЛА збито близько 70": the total that a part
      // is taken from was launched; the part comes next, with its own verb.
      const of = group && !group.location ? denominatorBefore(doc, s, n) : null;
      if (group && of) {
        const total: CountFact = {
          sentence: si, weapon: group.weapon, model: group.model, outcome: "launched", n: n.value, qualifier: q, region: null,
          rule: "count/<of> <number> <weapon>, <number>", evidence: [numEv, ...(qev ? [qev] : []), ...group.evidence, evidence(doc, "outcome", of)], start: n.start, end: group.end, head: false,
        };
        out.push(total);
        denominator = total;
        continue;
      }
      // "des fragments d'un drone ont touché", "уламки двох дронів впали": what fell or struck was debris.
      if (group && !group.location && debrisBefore(doc, s, n)) continue;
      // "un engin explosif largué par un drone", "a bomb dropped by a drone": the weapon after the agent's preposition
      // launched something else; it is no figure of what was launched.
      if (group && !group.location && agentOfLaunch(doc, n)) continue;
      if (group) {
        const c = countFromGroup(doc, s, si, n, group, q, [numEv, ...(qev ? [qev] : [])], item ? listOutcome : null);
        // "по семь беспилотников над Смоленской и Ростовской областями": that many over each.
        const each = c && !group.location && isEach(doc, n) ? regionFor(doc, s, n, group.end) : null;
        if (c && each && each.more.length > 0) {
          for (const r of [each.region, ...each.more.map((p) => p.region)]) {
            out.push({ ...c, region: r, rule: "count/<each> <number> <weapon> <regions>", evidence: [...c.evidence, ...each.evidence] });
          }
          continue;
        }
        if (c) {
          // "28 з 29 шахедів", "16 of 17 Shaheds": the part before "of" shares the group.
          const prevNum = nums[i - 1];
          if (prevNum && isOutOf(doc, prevNum, n)) {
            const part = out.find((x) => x.start === prevNum.start);
            if (!part) {
              const pq = qualifierBefore(doc, prevNum);
              // "28 of the 29 drones were shot down": the verb after the total tells the part.
              const ownOutcome = chooseOutcome(doc, s, prevNum.start, prevNum.end, { location: false });
              const totalCue = c.evidence.find((e) => e.role === "outcome");
              // ("…183 brouillés, tandis que 19 des 20 missiles ont été interceptés": the verb right after the total
              // is the part's, before any verb of an earlier clause.)
              const verbAfter = c.outcome !== "launched" && totalCue && totalCue.start >= n.end ? { outcome: c.outcome, evidence: totalCue } : null;
              const partOutcome = verbAfter ?? ownOutcome ?? (c.outcome !== "launched" && totalCue ? { outcome: c.outcome, evidence: totalCue } : null);
              if (partOutcome) {
                out.push({ ...c, n: prevNum.value, qualifier: pq.q, outcome: partOutcome.outcome, rule: "count/<number> of <number> <weapon>", evidence: [evidence(doc, "number", prevNum), partOutcome.evidence, ...group.evidence], start: prevNum.start });
                c.outcome = "launched";
                c.rule = "count/<number> of <number> <weapon>";
              }
            }
          }
          // "…над Курской областью перехватили три беспилотника. Один из дронов попал в склад": one of the weapons just
          // counted, with no place of its own, is where they were.
          const whole = c.region === null ? lastCountNear(out, si) : null;
          if (whole && whole.region !== null && whole.n > c.n && whole.weapon.split(".")[0] === c.weapon.split(".")[0] && partitive(doc, n, group)) {
            c.region = whole.region;
            c.evidence.push(...whole.evidence.filter((e) => e.role === "region").map((e) => ({ ...e, by: e.by ?? ("count/<part-of> <number>" as const) })));
          }
          out.push(...allOfThem(doc, s, si, n, c));
          c.head = /^\s*:/.test(doc.text.slice(group.end, group.end + 3)) || /^[^.;]{0,80}:\s*$/.test(doc.text.slice(group.end, s.end));
          out.push(c);
          if (c.head) head = c;
        } else {
          const part = partOfAKind(doc, s, si, n, q, [numEv, ...(qev ? [qev] : [])], out);
          if (part) out.push(part);
        }
        continue;
      }
      // "ракеты РСЗО «Вампир», все 10 были сбиты", "fired Vampire rockets; all 10 were shot down": all of the
      // weapons named before without a figure, told with their own verb.
      const allOf = inSpan(doc.m.all, { start: Math.max(s.start, n.start - 12), end: n.start }).find((a) => /^\s*$/.test(doc.text.slice(a.end, n.start)));
      // (Only what befell them is told: the launched figure is left to the text, as "all 10 of them" is read.)
      // ("…с применением 9 снарядов РСЗО. … уничтожены все 9 снарядов": all of the figure just told, of its weapons.)
      const named = allOf && !partOfAnchor(doc, n) ? weaponsNamedBefore(doc, si, n, out) ?? [...out].reverse().find((c) => c.sentence >= si - 1 && c.n === n.value) ?? null : null;
      const own = named ? chooseOutcome(doc, s, n.start, n.end, { location: false }) : null;
      // ("Дежурными средствами ПВО уничтожены в воздухе все 9 снарядов": the verb may come first, in the same clause.)
      const ownClause = own && (own.evidence.start >= n.end || (own.evidence.end <= allOf!.start && !/[,;:]/.test(doc.text.slice(own.evidence.end, allOf!.start))));
      if (allOf && named && own && ownClause && (STOPPED.has(own.outcome) || own.outcome === "hit")) {
        const place = regionFor(doc, s, n, own.evidence.end);
        const region = place && place.more.length === 0 ? place : null;
        out.push(bareCount(si, n, named, own.outcome, q, region?.region ?? null, [numEv, evidence(doc, "qualifier", allOf), own.evidence, ...(region?.evidence ?? [])], "count/<all> <number> <weapon>"));
        continue;
      }
      // "…shot down two more drones heading for Moscow, bringing the total since midnight to 12": the running total of
      // the figure told before, of its weapons, outcome and place.
      const running = runningTotalOf(doc, s, si, n, out);
      if (running) {
        const rule = "count/<figure>, <running-total> <number>" as const;
        const taken = running.base.evidence.filter((e) => e.role === "region" || e.role === "outcome").map((e) => ({ ...e, by: e.by ?? rule }));
        // ("довівши … до 14": the "to" of the total is no "up to".)
        const own = qev && !overlaps(qev, running.to) ? { q, qev } : { q: "exact" as const, qev: null };
        out.push(bareCount(si, n, running.base, running.base.outcome, own.q, running.base.region, [numEv, ...(own.qev ? [own.qev] : []), evidence(doc, "period", running.cue), ...taken], rule));
        continue;
      }
      const ofAKind = partOfAKind(doc, s, si, n, q, [numEv, ...(qev ? [qev] : [])], out);
      if (ofAKind) {
        out.push(ofAKind);
        continue;
      }
      // A bare number: a part of an earlier figure ("dont 26", "з них 28"), a listed item ("26 – над …"),
      // or the subject of its own outcome ("30 were destroyed").
      const next = nums[i + 1];
      if (next && isOutOf(doc, n, next)) continue;
      // "shot down 25 UAVs out of 38": the bare total after the part.
      const prevNum = nums[i - 1];
      const part = prevNum ? out.find((c) => c.start === prevNum.start && c.sentence === si) : undefined;
      if (part && inSpan(doc.m.outOf, { start: part.end, end: n.start }).some((o) => /^\s*$/.test(doc.text.slice(part.end, o.start)) && /^\s*$/.test(doc.text.slice(o.end, n.start)))) {
        out.push(bareCount(si, n, part, "launched", q, null, [numEv, ...part.evidence.filter((e) => e.role === "weapon" || e.role === "model")], "count/<number> <weapon> <out-of> <number>"));
        continue;
      }
      // "dont 14 ont été hospitalisés", "including four minors": people, not weapons.
      if (inSpan(doc.m.casualties, { start: n.end, end: Math.min(s.end, n.end + 40) }).length > 0) continue;
      if (inSpan(doc.m.persons, { start: n.end, end: Math.min(s.end, n.end + 30) }).some((p) => /^\s*(?:[\p{L}'-]+\s+)?$/u.test(doc.text.slice(n.end, p.start)))) continue;
      // "neuf autres blessées …, dont trois dans le port": a part of a toll counts people, not weapons.
      if (partOfAnchor(doc, n) && partOfAToll(doc, s, n)) continue;
      const sameSentence = out.length > sentenceStartCount ? out[out.length - 1]! : null;
      // "…abattu 42 drones … dans le sud et le centre du pays, sur les 86 lancés": the total the part was taken from.
      if (sameSentence && launchedTotal(doc, n)) {
        out.push(bareCount(si, n, sameSentence, "launched", q, null, [numEv, ...(qev ? [qev] : [])], "count/<number> <weapon> <out-of> <number>"));
        continue;
      }
      // "93 drones and two missiles, 73 of which were shot down": a part belongs to the last figure at least as large.
      // "the missiles, of which it shot down two": the weapons named before "of which" say which figure.
      const isPart = partOfAnchor(doc, n);
      const whole = isPart ? wholeNamedBeforePart(doc, s, n) : null;
      const anchor = isPart
        ? ([...out].reverse().find((c) => c.sentence >= si - 1 && c.n >= n.value && (!whole || weaponClass(c.weapon) === weaponClass(whole))) ?? weaponsNamedBefore(doc, si, n, out))
        : null;
      const listHead = head && (out.length === sentenceStartCount || /:\s*$/.test(doc.text.slice(s.start, n.start)) || listLike(doc, s, n)) ? head : null;
      const setBase = anchor || denominator ? null : setNamedBefore(doc, s, si, n) ?? setOpeningSentence(doc, s, si, n, out);
      // "…над территориями Брянской (12), Курской (8) областей": a bare figure in brackets after a place is that place's part.
      // ("…comme ceux de Belgorod (14), Voronej (5)": the figure the sentence before told, shared out by place.)
      const bracketBase = sameSentence ?? lastCountNear(out, si);
      const bracketed = bracketBase && regionBeforeBracket(doc, s, n.start) && /^\s*\)/.test(doc.text.slice(n.end, n.end + 3)) ? bracketBase : null;
      // A lone figure closing its sentence after a dash, with its own weapons (read at most once: two places ask).
      let afterDash: CountFact | null | undefined;
      const loneAfterDash = () => (afterDash === undefined ? (afterDash = figureAfterDash(doc, s, n, q, qev, numEv, si)) : afterDash);
      const base =
        anchor ?? denominator ?? setBase ?? bracketed ??
        // ("ПВО сбила 60 беспилотников. Больше всего сбили над Брянской областью — 20, над Курской — 12": a place, a dash
        // and a figure share out the figure the sentence before told, as a bracket does.)
        // (A lone figure closing its sentence after a dash keeps its own weapons.)
        (listLike(doc, s, n) ? listHead ?? sameSentence ?? (regionBeforeDash(doc, s, n.start) && !loneAfterDash() ? lastCountNear(out, si) : null) : null) ??
        (followedByCue(doc, s, n) ? lastCountNear(out, si) ?? subjectOfNewSentence(doc, s, si, n, out) : null);
      if (!base) {
        // "больше всего беспилотников (11) сбили над акваторией…": the figure in brackets after its weapons.
        const inBrackets = weaponBeforeBracket(doc, s, n, q, qev, numEv, si) ?? loneAfterDash();
        if (inBrackets) out.push(inBrackets);
        continue;
      }
      if (articleBeforeNoun(doc, s, n)) continue;
      const oc = chooseOutcome(doc, s, n.start, n.end, { location: false });
      const outcome = base === anchor && !oc ? base.outcome : base === listHead ? (oc && oc.evidence.start > n.start ? oc.outcome : base.outcome) : oc?.outcome ?? base.outcome;
      const region = regionFor(doc, s, n, n.end);
      // "dont un s'est écrasé", "уламки одного з них впали": a part that has neither an outcome of its
      // own nor a place of its own says nothing about the weapons' count.
      if (base === anchor && !region && !(oc && oc.evidence.start >= partStart(doc, n)) && (n.value === 1 || debrisNear(doc, s, n) || ownVerbAfterPart(doc, s, n))) continue;
      // "…збили п'ять дронів. П'ять з них було збито.": a part as large as its whole is the whole told again.
      if (base === anchor && base && n.value === base.n && outcome === base.outcome) continue;
      const eachList = region && isEach(doc, n) ? [region.region, ...region.more.map((p) => p.region)] : null;
      if (eachList) {
        for (const r of eachList) out.push(bareCount(si, n, base, outcome, q, r, [numEv, ...region!.evidence], "count/<each> <regions>"));
        continue;
      }
      // "четыре — над Крымом и Херсонской областью": a figure shared by several regions has no region of its own.
      const shared = region !== null && region.more.length > 0;
      // "Над Курской областью сбиты два беспилотника. Один из них упал…": a part with no place of its own is where its whole was.
      const partRule = "count/<part-of> <number>" as const;
      const anchorRegion = !region && base === anchor && base.region !== null ? base.evidence.filter((e) => e.role === "region").map((e) => ({ ...e, by: e.by ?? partRule })) : [];
      out.push(bareCount(si, n, base, outcome, q, shared ? null : region?.region ?? (anchorRegion.length > 0 ? base.region : null), [numEv, ...(qev ? [qev] : []), ...(shared ? [] : region?.evidence ?? anchorRegion), ...(oc ? [oc.evidence] : [])], base === anchor ? "count/<part-of> <number>" : base === setBase ? "count/<of> <weapon> <outcome>, <number>" : base === denominator ? "count/<of> <number> <weapon>, <number>" : "count/<list-item> <number> <region>"));
    }
    // "по одному – над Брянской и Курской областями", "one each over …" without a digit.
    for (const e of inSpan(doc.m.each, s)) {
      // A bare "по", "each" is the distributive of a number; alone ("По словам мэра") it states none.
      if (!/\s/u.test(doc.text.slice(e.start, e.end).trim())) continue;
      if (nums.some((n) => overlaps(n, e) || (n.end <= e.start && /^\s*$/.test(doc.text.slice(n.end, e.start))))) continue;
      if (nums.some((n) => n.start >= e.end && /^\s*$/.test(doc.text.slice(e.end, n.start)))) continue;
      const base = head ?? lastCountNear(out, si);
      if (!base) continue;
      const region = regionAfter(doc, s, e.end);
      if (!region) continue;
      const fake: NumberMention = { start: e.start, end: e.end, value: 1, word: true };
      for (const r of [region.region, ...region.more.map((p) => p.region)]) {
        out.push(bareCount(si, fake, base, base.outcome, "exact", r, [evidence(doc, "number", e), ...region.evidence], "count/<each> <regions>"));
      }
    }
    respectively(doc, s, si, out);
    out.push(...asManyAgain(doc, s, si, out));
    out.push(...singularCounts(doc, s, si, out));
    if (/:\s*$/.test(doc.text.slice(s.start, s.end))) {
      const cues = inSpan(doc.m.outcomes, s).filter((c) => c.value !== "debris");
      const last = cues[cues.length - 1];
      if (last) listOutcome = { outcome: last.value as Outcome, evidence: evidence(doc, "outcome", last) };
      const own = out.filter((c) => c.sentence === si);
      if (own.length > 0) head = own[own.length - 1]!;
      // "БПЛА были также уничтожены:" — a heading with weapons and a verb but no figure: its items take both.
      else if (last) head = listHeading(doc, s, si, last) ?? head;
    }
  });
  // "un drone a frappé … le port de la mer Noire", "a Black Sea port": what hits lands ashore; the sea there names a coast.
  for (const c of out) {
    if (c.outcome !== "hit" || c.region === null || !c.region.startsWith("sea:")) continue;
    c.region = null;
    c.evidence = c.evidence.filter((e) => e.role !== "region");
  }
  return out;
}

/**
 * "over the past two weeks", "за минулий тиждень": the sentence's figures are totals over a period
 * longer than an attack, unless the period belongs to a comparison ("one of its heaviest attacks this
 * month", "одна з наймасованіших атак цього місяця").
 */
export function periodTotal(doc: Doc, s: Sentence): boolean {
  return totalOverAPeriod(doc, s) || continuesAPeriodTotal(doc, s);
}

/**
 * "За сутки уничтожены 220 беспилотников. Кроме того, были сбиты девять управляемых авиабомб": a sentence opening
 * with "in addition" right after a total over a period adds to that total.
 */
function continuesAPeriodTotal(doc: Doc, s: Sentence): boolean {
  const opens = inSpan(doc.m.also, { start: s.start, end: Math.min(s.end, s.start + 40) }).some((a) => /^[\s«"“„'-]*$/u.test(doc.text.slice(s.start, a.start)));
  if (!opens) return false;
  // (The total may stand one sentence further back, past a sentence without figures: "Об этом сообщает Минобороны".)
  const si = sentenceAt(doc.sentences, s.start);
  for (let k = si - 1; k >= Math.max(0, si - 2); k--) {
    const prev = doc.sentences[k]!;
    if (totalOverAPeriod(doc, prev)) return true;
    if (inSpan(doc.m.numbers, prev).length > 0) return false;
  }
  return false;
}

function totalOverAPeriod(doc: Doc, s: Sentence): boolean {
  // "Depuis le début de l'opération, 290 drones avaient été détruits", "С начала СВО уничтожено…": a sentence that opens
  // with the span of the war tells a total over it (later in a sentence the words mostly close a comparison).
  if (inSpan(doc.m.sinceWar, s).some((w) => wordCount(doc.text.slice(s.start, w.start)) <= 1)) return true;
  return inSpan(doc.m.period, s).some((p) => {
    const before = { start: Math.max(s.start, p.start - 60), end: p.start };
    // (A superlative anywhere before it in the sentence: "…, l'attaque la plus meurtrière depuis le début de la guerre".)
    const compared =
      [...inSpan(doc.m.recordNot, before), ...inSpan(doc.m.recordCue, before)].some((c) => !/[;.]/.test(doc.text.slice(c.end, p.start))) ||
      inSpan(doc.m.superlative, { start: s.start, end: p.start }).length > 0;
    return !compared;
  });
}

/**
 * The last figure of the sentence before when this one has no verb of its own and either lists places
 * for its figures ("18 БПЛА — над территорией Брянской области") or opens with "as well as" ("А також
 * 140 ударними БпЛА"); otherwise null.
 */
function continuesPrevious(doc: Doc, s: Sentence, si: number, out: CountFact[]): CountFact | null {
  const prev = out[out.length - 1];
  if (!prev || prev.sentence !== si - 1) return null;
  if (inSpan(doc.m.outcomes, s).some((o) => o.value !== "debris")) return null;
  const opening = doc.text.slice(s.start, Math.min(s.end, s.start + 40));
  const also = inSpan(doc.m.also, { start: s.start, end: s.start + 40 }).some((a) => /^[\s«"“„'-]*$/.test(doc.text.slice(s.start, a.start)));
  if (also) return prev;
  if (prev.outcome === "hit_locations" || prev.outcome === "debris_locations") return null;
  // A figure followed by its weapons (or nothing) and then a dash or a place: "18 БПЛА — над …", "16 drones over …".
  const listed = inSpan(doc.m.numbers, s).some((n) => {
    const group = weaponGroupAfter(doc, n.end, s.end);
    const from = group ? group.end : n.end;
    const placed = /^\s*[–—-]\s/u.test(doc.text.slice(from, from + 4)) || inSpan(doc.m.over, { start: from, end: from + 12 }).some((o) => /^\s*$/.test(doc.text.slice(from, o.start)));
    // "Один безпілотник — в повітрі": the item must name a place ("— над Брянской областью"), not a state.
    return placed && inSpan(doc.m.places, { start: from, end: Math.min(s.end, from + 60) }).length > 0;
  });
  return listed && /^[\s«"“„']*\d|^[\s«"“„']*\p{L}/u.test(opening) ? prev : null;
}

/**
 * "Sur les drones « interceptés et abattus », 32 se dirigeaient vers Moscou", "Of the drones shot down,
 * 12 were over the Kursk region": a set named without a number, its part counted after; the part takes
 * the set's weapons and outcome.
 */
function setNamedBefore(doc: Doc, s: Sentence, si: number, n: NumberMention): CountFact | null {
  const of = inSpan(doc.m.denominator, { start: s.start, end: n.start })[0];
  // A dateline in brackets may open the sentence: "(Keystone-ATS) Sur les drones…".
  if (!of || !/^[\s\p{P}]*(?:\([^()]*\))?[\s\p{P}]*$/u.test(doc.text.slice(s.start, of.start))) return null;
  const group = weaponGroupAfter(doc, of.end, n.start);
  if (!group || group.location || inSpan(doc.m.numbers, { start: of.end, end: n.start }).length > 0) return null;
  const cue = inSpan(doc.m.outcomes, { start: group.end, end: n.start }).find((o) => o.value !== "debris");
  if (!cue) return null;
  return {
    sentence: si, weapon: group.weapon, model: group.model, outcome: cue.value as Outcome, n: 0, qualifier: "exact", region: null,
    rule: "count/<of> <weapon> <outcome>, <number>", evidence: [...group.evidence, evidence(doc, "outcome", cue)], start: of.start, end: group.end, head: false,
  };
}

/** "Of the 90…", "Sur les 80…", "Із 90…" opening the clause, right before the number. */
function denominatorBefore(doc: Doc, s: Sentence, n: NumberMention): { start: number; end: number } | null {
  const of = inSpan(doc.m.denominator, { start: Math.max(s.start, n.start - 12), end: n.start }).at(-1);
  if (!of || !/^\s*$/.test(doc.text.slice(of.end, n.start))) return null;
  const clauseStart = Math.max(s.start, doc.text.lastIndexOf(",", of.start) + 1, doc.text.lastIndexOf(";", of.start) + 1);
  if (!/^[\s\p{P}]*$/u.test(doc.text.slice(clauseStart, of.start))) return null;
  // The part must follow in the same sentence.
  return inSpan(doc.m.numbers, { start: n.end, end: s.end }).length > 0 ? of : null;
}

/** "72 відсотки БпЛА", "80% of the drones": a share, not a number of weapons. */
function percent(doc: Doc, n: NumberMention): boolean {
  return /^\s*(?:%|відсот|процент|percent|per cent|pour cent|pourcent)/iu.test(doc.text.slice(n.end, n.end + 12));
}

/** "За предыдущие четыре часа", "in the past three hours": a number of a unit of time is a duration. */
function duration(doc: Doc, n: NumberMention): boolean {
  return inSpan(doc.m.durations, { start: n.end, end: n.end + 16 }).some((d) => /^\s*$/.test(doc.text.slice(n.end, d.start)));
}

/** "at 0700 GMT", "о 0500": a figure written with a leading zero, or followed by a time zone, is a clock time. */
function clockTime(doc: Doc, n: NumberMention): boolean {
  if (n.word) return false;
  if (/^0\d/.test(doc.text.slice(n.start, n.end))) return true;
  return /^\s*(?:GMT|UTC|MSK|МСК|мск|Kyiv time|Moscow time)\b/u.test(doc.text.slice(n.end, n.end + 12));
}

/** A line of a list under a head figure: it starts with a bullet, or the line before ends with ":". */
function isListItem(doc: Doc, s: Sentence, si: number): boolean {
  if (/^[-•–—*▪️🔹]/u.test(doc.text.slice(s.start, s.start + 2))) return true;
  const prev = doc.sentences[si - 1];
  return prev !== undefined && prev.paragraph === s.paragraph && /:\s*$/.test(doc.text.slice(prev.start, prev.end));
}

/** "над іншою областю", "au-dessus de plusieurs régions": a place the text does not name. */
function unnamedRegion(doc: Doc, s: Sentence, pos: number): boolean {
  const span = { start: pos, end: Math.min(s.end, pos + 50) };
  const over = inSpan(doc.m.over, span)[0];
  if (!over || !/^\s*(?:[\p{L}'-]+\s+){0,2}$/u.test(doc.text.slice(pos, over.start) + " ")) return false;
  const noun = inSpan(doc.m.unnamedRegion, { start: over.end, end: over.end + 40 })[0];
  return noun !== undefined && /^\s*(?:[\p{L}'-]+\s+){0,1}$/u.test(doc.text.slice(over.end, noun.start) + " ");
}

const STOPPED = new Set<Outcome>(["intercepted", "neutralized", "suppressed"]);

/**
 * "shot down all 42 drones", "усі 14 шахедів збито", "all of the 32 aerial targets launched … had
 * been shot down": when all of them are told, the figure is both what was launched and what was stopped.
 */
function allOfThem(doc: Doc, s: Sentence, si: number, n: NumberMention, c: CountFact): CountFact[] {
  const all = inSpan(doc.m.all, { start: Math.max(s.start, n.start - 24), end: n.start }).at(-1) ?? theLaunched(doc, s, n, c);
  if (!all || !/^\s*$/.test(doc.text.slice(all.end, n.start))) return allOfThemAfter(doc, s, c);
  if (inSpan(doc.m.negations, { start: all.start, end: all.end + 8 }).length > 0) return [];
  const rule = "count/<all> <number> <weapon>";
  if (STOPPED.has(c.outcome)) return [{ ...c, outcome: "launched", rule, evidence: [...c.evidence, evidence(doc, "qualifier", all)] }];
  if (c.outcome !== "launched") return [];
  const stop = inSpan(doc.m.outcomes, { start: c.end, end: s.end }).find((o) => STOPPED.has(o.value as Outcome));
  if (!stop || /[;]/.test(doc.text.slice(c.end, stop.start))) return [];
  return [{ ...c, outcome: stop.value as Outcome, rule, evidence: [...c.evidence.filter((e) => e.role !== "outcome"), evidence(doc, "outcome", stop), evidence(doc, "qualifier", all)] }];
}

/**
 * "a abattu les 22 drones lancés par la Russie", "destroyed the 18 drones launched at the city": the
 * definite article before a figure that a launch participle describes means all that were launched.
 */
function theLaunched(doc: Doc, s: Sentence, n: NumberMention, c: CountFact): { start: number; end: number } | undefined {
  if (!STOPPED.has(c.outcome)) return undefined;
  const det = inSpan(doc.m.determiners, { start: Math.max(s.start, n.start - 6), end: n.start }).at(-1);
  if (!det || !/^\s*$/.test(doc.text.slice(det.end, n.start))) return undefined;
  const launch = inSpan(doc.m.outcomes, { start: c.end, end: Math.min(s.end, c.end + 20) }).find((o) => o.value === "launched");
  return launch && /^\s*$/.test(doc.text.slice(c.end, launch.start)) ? det : undefined;
}

/**
 * "…запущены 11 беспилотников, все они сбиты", "launched 19 drones; all of them were shot down": the
 * launched figure, told stopped as a whole in the next clause, is also the stopped figure.
 */
function allOfThemAfter(doc: Doc, s: Sentence, c: CountFact): CountFact[] {
  if (c.outcome !== "launched") return [];
  // "…launched 16 drones and air defences destroyed all of them": the stop verb with "all of them" after it.
  const verbAll = inSpan(doc.m.outcomes, { start: c.end, end: s.end }).find(
    (o) => STOPPED.has(o.value as Outcome) && inSpan(doc.m.all, { start: o.end, end: o.end + 20 }).some((a) => /^\s*$/.test(doc.text.slice(o.end, a.start)) && /^\s*(?:[.;,]|$)/.test(doc.text.slice(a.end, a.end + 2))),
  );
  if (verbAll && inSpan(doc.m.numbers, { start: c.end, end: verbAll.start }).length === 0) {
    const a = inSpan(doc.m.all, { start: verbAll.end, end: verbAll.end + 20 })[0]!;
    return [{ ...c, outcome: verbAll.value as Outcome, rule: "count/<number> <weapon> … <outcome> <all>", evidence: [...c.evidence.filter((e) => e.role !== "outcome"), evidence(doc, "outcome", verbAll), evidence(doc, "qualifier", a)] }];
  }
  const all = inSpan(doc.m.all, { start: c.end, end: Math.min(s.end, c.end + 50) })[0] ?? allOpeningNext(doc, s, c);
  if (!all) return allAsObjectNext(doc, s, c);
  const nextSentence = all.start >= s.end;
  // ("…було запущено з кораблів у Чорному морі – усі знищено": the launch's own place may stand between.)
  const gap = { start: c.end, end: all.start };
  const placeOnly = /[,;–—-]\s*$/.test(doc.text.slice(gap.start, gap.end)) && inSpan(doc.m.numbers, gap).length + inSpan(doc.m.weapons, gap).length === 0 && inSpan(doc.m.outcomes, gap).every((o) => o.value === "launched");
  if (!nextSentence && !/^[\s,;–—-]*$/.test(doc.text.slice(gap.start, gap.end)) && !placeOnly) return [];
  const end = nextSentence ? (doc.sentences[c.sentence + 1]?.end ?? s.end) : s.end;
  // "tous ont été détruits": the verb may share words with the "all" phrase.
  const stop = inSpan(doc.m.outcomes, { start: all.start, end: Math.min(end, all.end + 40) }).find((o) => STOPPED.has(o.value as Outcome) && o.end > all.end);
  if (!stop || inSpan(doc.m.numbers, { start: all.end, end: stop.start }).length > 0 || !/^\s*(?:[\p{L}'-]+\s+){0,3}$/u.test(doc.text.slice(all.end, Math.max(all.end, stop.start)) + " ")) return [];
  return [{ ...c, outcome: stop.value as Outcome, rule: "count/<number> <weapon> … <all> <outcome>", evidence: [...c.evidence.filter((e) => e.role !== "outcome"), evidence(doc, "outcome", stop), evidence(doc, "qualifier", all)] }];
}

/**
 * "…launched 45 drones. Air defences shot them all down.", "La défense a pu tous les abattre.", "Сили ППО збили
 * їх усі.": the next sentence of the paragraph stops "all of them" as the object of its verb. Only a pronoun
 * "all" (nothing but a verb or the sentence's end after it), in a sentence naming no figure and no other weapon.
 */
function allAsObjectNext(doc: Doc, s: Sentence, c: CountFact): CountFact[] {
  const next = doc.sentences[c.sentence + 1];
  if (!next || next.paragraph !== s.paragraph) return [];
  if (inSpan(doc.m.numbers, { start: c.end, end: next.end }).length > 0) return [];
  if (inSpan(doc.m.weapons, next).some((w) => weaponClass(w.weapon) !== weaponClass(c.weapon))) return [];
  if (inSpan(doc.m.negations, next).length > 0) return [];
  for (const stop of inSpan(doc.m.outcomes, next)) {
    if (!STOPPED.has(stop.value as Outcome)) continue;
    const all = inSpan(doc.m.all, { start: Math.max(next.start, stop.start - 24), end: Math.min(next.end, stop.end + 24) }).find((a) => {
      const before = a.end <= stop.start ? doc.text.slice(a.end, stop.start) : null;
      const after = a.start >= stop.end ? doc.text.slice(a.end, a.end + 3) : null;
      const inside = a.start < stop.end && a.end > stop.start;
      // "tous les abattre" / "les a tous abattus": at most one word between; "destroyed all of them." ends the clause.
      if (before !== null) return /^\s*(?:[\p{L}'-]+\s+)?$/u.test(before);
      if (after !== null) return /^\s*$/.test(doc.text.slice(stop.end, a.start)) && /^\s*(?:[.;,!]|$)/.test(after);
      return inside;
    });
    if (!all) continue;
    return [{ ...c, outcome: stop.value as Outcome, rule: "count/<number> <weapon> … <outcome> <all>", evidence: [...c.evidence.filter((e) => e.role !== "outcome"), evidence(doc, "outcome", stop), evidence(doc, "qualifier", all)] }];
  }
  return [];
}

const weaponClass = (w: string): string => w.split(".")[0]!;

/**
 * "ВСУ атаковали Россию 33 беспилотниками. Все они были уничтожены.": the next sentence of the paragraph opens
 * with "all of them", for the last launched figure of this sentence.
 */
function allOpeningNext(doc: Doc, s: Sentence, c: CountFact): { start: number; end: number } | undefined {
  const next = doc.sentences[c.sentence + 1];
  if (!next || next.paragraph !== s.paragraph) return undefined;
  if (inSpan(doc.m.numbers, { start: c.end, end: s.end }).length > 0) return undefined;
  return inSpan(doc.m.all, { start: next.start, end: Math.min(next.end, next.start + 12) }).find((a) => /^[\s"«“]*$/.test(doc.text.slice(next.start, a.start)));
}

/**
 * "Всього – 75 засобів повітряного нападу", "Всего: 75 средств": a closing total with no verb is what
 * was launched.
 */
function totalLine(doc: Doc, s: Sentence, n: NumberMention): { outcome: Outcome; evidence: Evidence } | null {
  const total = inSpan(doc.m.total, { start: s.start, end: n.start }).at(-1);
  if (!total || !/^[\s\p{P}\p{S}]*$/u.test(doc.text.slice(s.start, total.start)) || !/^\s*[–—:-]\s*$/u.test(doc.text.slice(total.end, n.start))) return null;
  if (inSpan(doc.m.outcomes, s).length > 0) return null;
  return { outcome: "launched", evidence: evidence(doc, "outcome", total) };
}

/**
 * "33 ударні БпЛА типу Shahed-136/131" on a line of its own, under a headline: a bare list of what the
 * enemy used. Only a line that is nothing but the figure (and a remark in brackets or its launch area).
 */
function bareLine(doc: Doc, s: Sentence, n: NumberMention): { outcome: Outcome; evidence: Evidence } | null {
  if (!/^[\s\-–—•*▪️🔹]*$/u.test(doc.text.slice(s.start, n.start))) return null;
  const lineStart = doc.text.lastIndexOf("\n", n.start);
  if (lineStart >= 0 && !/^[\s\-–—•*▪️🔹]*$/u.test(doc.text.slice(lineStart, n.start))) return null;
  if (s.start > 0 && !/\n\s*$/.test(doc.text.slice(Math.max(0, s.start - 3), s.start))) return null;
  const attackWords = inSpan(doc.m.attack, s).filter((a) => !inSpan(doc.m.weapons, s).some((w) => w.start <= a.start && a.end <= w.end));
  if (inSpan(doc.m.outcomes, s).length + attackWords.length > 0 || s.end - s.start > 160) return null;
  const g = weaponGroupAfter(doc, n.end, s.end);
  if (!g) return null;
  // ("- 10 ракет Х-47М2 «Кинджал»;": a closing quote may end the item before its mark.)
  const rest = doc.text.slice(g.end, s.end).trim().replace(/^[»"”'’]+\s*/u, "");
  if (rest !== "" && !/^[(.;]/.test(rest) && inSpan(doc.m.launch, { start: g.end, end: s.end }).length + inSpan(doc.m.from, { start: g.end, end: g.end + 6 }).length === 0) return null;
  return { outcome: "launched", evidence: evidence(doc, "outcome", g) };
}

function countFromGroup(
  doc: Doc, s: Sentence, si: number, n: NumberMention, g: WeaponGroup, q: Qualifier, ev: Evidence[],
  listOutcome: { outcome: Outcome; evidence: Evidence } | null,
): CountFact | null {
  const found = chooseOutcome(doc, s, n.start, g.end, { location: g.location });
  const oc = found ?? (g.location ? null : listOutcome ?? totalLine(doc, s, n) ?? bareLine(doc, s, n));
  if (!oc) return null;
  const placed = g.location ? null : (g.embedded ? embeddedRegion(doc, s, g.embedded) : null) ?? regionFor(doc, s, n, g.end, oc.evidence);
  const unnamed = !placed && !g.location && unnamedRegion(doc, s, g.end);
  // A figure shared by several regions has no region of its own.
  const region = placed && placed.more.length > 0 ? null : placed;
  return {
    sentence: si,
    weapon: g.weapon,
    model: g.model,
    outcome: oc.outcome,
    n: n.value,
    qualifier: q,
    region: region?.region ?? null,
    rule: g.location ? "count/<number> <locations>" : unnamed ? UNNAMED_REGION_RULE : "count/<qualifier>? <number> <weapon>",
    evidence: [...ev, ...g.evidence, oc.evidence, ...(region?.evidence ?? [])],
    start: n.start,
    end: g.end,
    head: false,
  };
}

/** The place phrase inside a figure ("20 сбитых над Курской областью БПЛА", "…над регионом…"): a place, or the region referred to. */
function embeddedRegion(doc: Doc, s: Sentence, span: { start: number; end: number }): RegionChoice | null {
  const p = inSpan(doc.m.places, span)[0];
  if (p) return { region: p.region, evidence: [evidence(doc, "region", p)], more: [] };
  return regionByReference(doc, s, span.start);
}

/** "bringing the total since midnight to 12", "portant le total à 12": the figure before in the sentence, and the cue. */
function runningTotalOf(doc: Doc, s: Sentence, si: number, n: NumberMention, out: CountFact[]): { base: CountFact; cue: Mention; to: Mention } | null {
  const cue = inSpan(doc.m.runningTotal, { start: Math.max(s.start, n.start - 60), end: n.start }).at(-1);
  if (!cue) return null;
  const to = inSpan(doc.m.runningTotalTo, { start: cue.end, end: n.start }).at(-1);
  if (!to || !/^\s*$/.test(doc.text.slice(to.end, n.start)) || wordCount(doc.text.slice(cue.end, to.start)) > 3) return null;
  if (inSpan(doc.m.numbers, { start: cue.end, end: n.start }).some((x) => !doc.dateSpans.some((d) => overlaps(d, x)))) return null;
  const base = [...out].reverse().find((c) => c.sentence === si && c.start < cue.start);
  return base ? { base, cue, to } : null;
}

/** A figure with no weapon words of its own: it takes those of the figure it belongs to, marked as taken by this rule. */
function bareCount(si: number, n: NumberMention, base: CountFact, outcome: Outcome, q: Qualifier, region: RegionCode | null, ev: Evidence[], rule: CountRuleId): CountFact {
  const taken = base.evidence.filter((e) => e.role === "weapon" || e.role === "model").map((e) => (e.by !== undefined || base.sentence !== si || e.start >= n.start ? e : { ...e, by: rule }));
  const inherited = taken.map((e) => (e.by === undefined ? { ...e, by: rule } : e));
  const own = ev.filter((e) => !inherited.some((x) => x.start === e.start && x.end === e.end && x.role === e.role));
  return { sentence: si, weapon: base.weapon, model: base.model, outcome, n: n.value, qualifier: q, region, rule, evidence: [...own, ...inherited], start: n.start, end: n.end, head: false };
}

function isOutOf(doc: Doc, a: NumberMention, b: NumberMention): boolean {
  // "12 of more than 20 cruise missiles", "12 з понад 20": the total's own qualifier stands between.
  const q = inSpan(doc.m.qualifiers, { start: a.end, end: b.start }).find((x) => /^\s*$/.test(doc.text.slice(x.end, b.start)));
  const between = { start: a.end, end: q ? q.start : b.start };
  const words = doc.text.slice(between.start, between.end).trim();
  return words.length > 0 && words.length < 16 && inSpan(doc.m.outOf, between).some((o) => doc.text.slice(o.start, o.end).trim() === words);
}

/**
 * "About 25 of them were Shaheds", "приблизно 25 із них були «Шахедами»": a part of the figure before that is of
 * one kind; it shares the whole's outcome and names its own weapons.
 */
function partOfAKind(doc: Doc, s: Sentence, si: number, n: NumberMention, q: Qualifier, ev: Evidence[], out: CountFact[]): CountFact | null {
  const of = inSpan(doc.m.partOf, { start: n.end, end: n.end + 16 }).find((p) => /^\s*$/.test(doc.text.slice(n.end, p.start)));
  if (!of) return null;
  const copula = inSpan(doc.m.copula, { start: of.end, end: of.end + 16 }).find((c) => /^\s*$/.test(doc.text.slice(of.end, c.start)));
  if (!copula) return null;
  const kind = weaponGroupAfter(doc, copula.end, s.end);
  if (!kind || kind.location || kind.start - copula.end > 8) return null;
  // (The whole may be a few sentences back: "…використавши 38 дронів. Про це повідомляє… Приблизно 25 із них були…")
  const whole = [...out].reverse().find((c) => c.sentence >= si - 3 && c.n > n.value && weaponClass(c.weapon) === weaponClass(kind.weapon));
  if (!whole) return null;
  const cue = whole.evidence.find((e) => e.role === "outcome");
  const rule = "count/<part-of> <number>" as const;
  return {
    sentence: si, weapon: kind.weapon, model: kind.model, outcome: whole.outcome, n: n.value, qualifier: q, region: null, rule,
    evidence: [...ev, ...kind.evidence, ...(cue ? [{ ...cue, by: cue.by ?? rule }] : [])], start: n.start, end: kind.end, head: false,
  };
}

/**
 * "…пропали с радаров — два из них направились в Россию", "two of them flew on towards Belarus": a part whose clause
 * goes on with a verb that is no outcome says what the part did, not that it shares its whole's outcome.
 */
function ownVerbAfterPart(doc: Doc, s: Sentence, n: NumberMention): boolean {
  const of = inSpan(doc.m.partOf, { start: n.end, end: n.end + 16 }).find((p) => /^\s*$/.test(doc.text.slice(n.end, p.start)));
  const pos = of ? of.end : n.end;
  const rest = doc.text.slice(pos, s.end);
  const clause = { start: pos, end: pos + (/[,;.:()]/.exec(rest)?.index ?? rest.length) };
  return /^\s*\p{L}{2,}/u.test(rest) && inSpan(doc.m.outcomes, clause).length === 0 && inSpan(doc.m.places, clause).length === 0;
}

/** A debris word in the figure's clause: "уламки одного з них", "debris of one of them". */
function debrisNear(doc: Doc, s: Sentence, n: NumberMention): boolean {
  return inSpan(doc.m.outcomes, { start: Math.max(s.start, n.start - 30), end: Math.min(s.end, n.end + 40) }).some((c) => c.value === "debris");
}

/**
 * "…fired Vampire rockets at Russia. All 10 of them were shot down": the weapons a part refers to are
 * the last ones named, without a figure, after the last figure (in this sentence or the one before).
 */
function weaponsNamedBefore(doc: Doc, si: number, n: NumberMention, out: CountFact[]): CountFact | null {
  const from = doc.sentences[Math.max(0, si - 1)]!.start;
  const last = out[out.length - 1];
  const start = last && last.end > from ? last.end : from;
  const named = [...inSpan(doc.m.weapons, { start, end: n.start }), ...inSpan(doc.m.models, { start, end: n.start })].sort((a, b) => a.start - b.start).pop();
  if (!named) return null;
  const group = weaponGroupAfter(doc, named.start, n.start);
  if (!group || group.location) return null;
  return { sentence: si, weapon: group.weapon, model: group.model, outcome: "launched", n: Infinity, qualifier: "exact", region: null, rule: "count/<part-of> <number>", evidence: group.evidence, start: named.start, end: group.end, head: false };
}

/** Where the part's own clause begins: at its "of them" word when that comes first. */
function partStart(doc: Doc, n: NumberMention): number {
  const before = inSpan(doc.m.partOf, { start: Math.max(0, n.start - 16), end: n.start }).at(-1);
  return before ? before.start : n.start;
}

/** "з них 28", "dont 26", "28 of them", "37 із них". */
/** "the missiles, of which it shot down two", "les drones, dont 11 ont été abattus": the weapon right before "of which". */
/**
 * "Parmi ces cibles, 249 ont été abattues", "Of these targets, 249 were shot down", "З цих цілей 249 збито": the
 * weapons opening the sentence before a bare figure name the earlier figure it is taken from.
 */
function setOpeningSentence(doc: Doc, s: Sentence, si: number, n: NumberMention, out: CountFact[]): CountFact | null {
  const lead = { start: s.start, end: n.start };
  if (inSpan(doc.m.numbers, lead).some((x) => !doc.dateSpans.some((d) => overlaps(d, x)))) return null;
  const w = inSpan(doc.m.weapons, lead).at(-1);
  if (!w || !/^[\s,:—–-]*$/.test(doc.text.slice(w.end, n.start)) || wordCount(doc.text.slice(s.start, w.start)) > 3) return null;
  return [...out].reverse().find((c) => c.sentence >= si - 2 && c.sentence < si && c.n >= n.value && weaponClass(c.weapon) === weaponClass(w.weapon)) ?? null;
}

/**
 * "Des attaques de drones ont été signalées dans d'autres régions. Six ont été abattus dans la région de
 * Dnipropetrovsk": a figure opening its sentence with its own verb counts the weapons the sentence before named
 * without a figure.
 */
function subjectOfNewSentence(doc: Doc, s: Sentence, si: number, n: NumberMention, out: CountFact[]): CountFact | null {
  if (si === 0 || doc.sentences[si - 1]!.paragraph !== s.paragraph) return null;
  if (wordCount(doc.text.slice(s.start, n.start)) > 0) return null;
  const prev = doc.sentences[si - 1]!;
  if (out.some((c) => c.sentence === si - 1) || inSpan(doc.m.numbers, prev).some((x) => !doc.dateSpans.some((d) => overlaps(d, x)))) return null;
  return weaponsNamedBefore(doc, si, n, out);
}

function wholeNamedBeforePart(doc: Doc, s: Sentence, n: NumberMention): Weapon | null {
  const part = inSpan(doc.m.partOf, { start: Math.max(s.start, n.start - 60), end: n.start }).at(-1);
  if (!part) return null;
  const w = inSpan(doc.m.weapons, { start: Math.max(s.start, part.start - 40), end: part.start }).at(-1);
  return w && /^[\s,]*$/.test(doc.text.slice(w.end, part.start)) ? w.weapon : null;
}

function partOfAnchor(doc: Doc, n: NumberMention): boolean {
  const before = inSpan(doc.m.partOf, { start: Math.max(0, n.start - 16), end: n.start });
  if (before.some((p) => /^[\s:,-]*$/.test(doc.text.slice(p.end, n.start)))) return true;
  // "з них знищено 32", "из них сбиты 30": the part's verb between "of them" and the number.
  const withVerb = inSpan(doc.m.partOf, { start: Math.max(0, n.start - 60), end: n.start }).at(-1);
  if (withVerb) {
    const gap = { start: withVerb.end, end: n.start };
    // ("en ont abattu 21": the verb's auxiliary may be part of the "of them" words.)
    const verbs = doc.m.outcomes.filter((o) => o.end > gap.start && o.end <= gap.end && o.start >= withVerb.start).map((o) => ({ start: Math.max(o.start, gap.start), end: o.end }));
    // "of which air defences downed three": the verb's subject may stand there too.
    if (verbs.length > 0 && /^[\s:,\/-]*(?:[\p{L}]+\s+){0,3}[\s:,\/-]*$/u.test(textWithout(doc, gap, verbs))) return true;
  }
  const after = inSpan(doc.m.partOf, { start: n.end, end: n.end + 16 });
  return after.some((p) => /^\s*$/.test(doc.text.slice(n.end, p.start)));
}

/** A list item: the number is followed by a dash or a place ("26 – над …", "5 over Kursk"). */
function listLike(doc: Doc, s: Sentence, n: NumberMention): boolean {
  if (regionBeforeDash(doc, s, n.start)) return true;
  const after = doc.text.slice(n.end, n.end + 40);
  if (/^\s*(?:[-–—]|\()/u.test(after)) return true;
  const span = { start: n.end, end: n.end + 40 };
  const over = [...inSpan(doc.m.over, span), ...inSpan(doc.m.each, span)].sort((a, b) => a.start - b.start)[0];
  // ("one more - over the Kaluga region": a dash may stand before the place.)
  if (over === undefined || !/^\s*(?:[\p{L}'-]+\s+)?(?:[–—-]\s+)?$/u.test(doc.text.slice(n.end, over.start))) return false;
  // "26 over Rostov", "восемь дронов над…": only a weapon word may stand between ("deux heures dans" is no item).
  const gap = { start: n.end, end: over.start };
  const word = doc.text.slice(n.end, over.start).replace(/\s[–—-]\s*$/u, "").trim();
  return word === "" || isEach(doc, n) || [...inSpan(doc.m.weapons, gap), ...inSpan(doc.m.more, gap)].length > 0;
}

function followedByCue(doc: Doc, s: Sentence, n: NumberMention): boolean {
  const oc = inSpan(doc.m.outcomes, { start: n.end, end: Math.min(s.end, n.end + 60) })[0];
  if (!oc) return false;
  // "30 were 'lost'", "28 others were « locationally lost »": quotes around the verb do not part them.
  return /^\s*(?:[\p{L}'-]+\s+){0,4}$/u.test(doc.text.slice(n.end, oc.start).replace(/[«»"“”„'‘’]+\s*$/u, " "));
}

function isEach(doc: Doc, n: NumberMention): boolean {
  return inSpan(doc.m.each, { start: Math.max(0, n.start - 4), end: n.end + 12 }).length > 0;
}

/** "Один из дронов", "one of the drones", "l'un des drones": the number and its weapons joined by "of". */
function partitive(doc: Doc, n: NumberMention, group: { start: number }): boolean {
  return inSpan(doc.m.outOf, { start: n.end, end: group.start }).some((o) => /^\s*$/.test(doc.text.slice(n.end, o.start)) && /^\s*(?:the\s+)?$/iu.test(doc.text.slice(o.end, group.start)));
}

/** After the last comma before `to`, a word other than "and", "also" or an article opens a clause of its own ("…, а безпілотник"). */
function startsClause(doc: Doc, from: number, to: number): boolean {
  const comma = doc.text.lastIndexOf(",", to - 1);
  if (comma < from) return false;
  const span = { start: comma + 1, end: to };
  return /\p{L}/u.test(textWithout(doc, span, [...inSpan(doc.m.and, span), ...inSpan(doc.m.also, span), ...inSpan(doc.m.one, span)]));
}

/**
 * "…six missiles Kinjal, un type d'armement difficile à intercepter": an article (a language's "one" word) before
 * a noun that is no weapon is no figure. As a figure it is followed by punctuation, a part or place word, or its
 * own verb within a few words ("dont un a été abattu", "one of them was downed", "l'un au-dessus de…").
 */
function articleBeforeNoun(doc: Doc, s: Sentence, n: NumberMention): boolean {
  if (!n.word || n.value !== 1 || inSpan(doc.m.one, n).length === 0) return false;
  const rest = doc.text.slice(n.end, s.end);
  if (!/^\s+\p{L}/u.test(rest)) return false;
  // "one more over the Kaluga region", "un autre au-dessus de…": "more", "autre" make the number a pronoun; what follows them counts.
  const wider = inSpan(doc.m.one, n).reduce((e, o) => Math.max(e, o.end), n.end);
  const more = inSpan(doc.m.more, { start: wider, end: wider + 12 }).find((m) => /^\s*$/.test(doc.text.slice(wider, m.start)));
  const end = more ? more.end : wider;
  const near = { start: n.start, end: Math.min(s.end, end + 40) };
  // A mention that takes the number in ("one each") or starts right after it.
  const adjacent = (xs: readonly { start: number }[]) => xs.some((x) => x.start < end || /^\s*[-–—]?\s*$/u.test(doc.text.slice(end, x.start)));
  if (adjacent(inSpan(doc.m.over, near)) || adjacent(inSpan(doc.m.each, near)) || adjacent(inSpan(doc.m.outOf, near)) || adjacent(inSpan(doc.m.partOf, near)) || adjacent(inSpan(doc.m.places, near))) return false;
  const threeWords = /^\s*(?:[\p{L}\p{M}'’-]+\s+){0,3}$/u;
  return !inSpan(doc.m.outcomes, near).some((o) => o.start >= n.end && threeWords.test(doc.text.slice(n.end, o.start)));
}

/** A debris word right before a figure ("fragments d'un", "уламки двох", "debris from two"). */
function debrisBefore(doc: Doc, s: Sentence, n: { start: number }): boolean {
  return inSpan(doc.m.outcomes, { start: Math.max(s.start, n.start - 30), end: n.start }).some((o) => o.value === "debris" && /^\s*(?:[\p{L}'’-]+\s*){0,3}$/u.test(doc.text.slice(o.end, n.start)));
}

/** A figure in brackets right after its weapons: "беспилотников (11) сбили над…", "drones (11) were downed over…". */
function weaponBeforeBracket(doc: Doc, s: Sentence, n: NumberMention, q: Qualifier, qev: Evidence | null, numEv: Evidence, si: number): CountFact | null {
  const from = Math.max(s.start, n.start - 3);
  const open = /\(\s*$/.exec(doc.text.slice(from, n.start));
  const close = /^\s*\)/.exec(doc.text.slice(n.end, n.end + 3));
  if (!open || !close) return null;
  const bracketStart = from + open.index;
  const w = inSpan(doc.m.weapons, { start: Math.max(s.start, bracketStart - 60), end: bracketStart }).at(-1);
  if (!w || !/^\s*$/.test(doc.text.slice(w.end, bracketStart)) || w.weapon === "any") return null;
  const end = n.end + close[0].length;
  const oc = chooseOutcome(doc, s, w.start, end, { location: false });
  if (!oc) return null;
  const region = regionFor(doc, s, n, end, oc.evidence);
  const placed = region && region.more.length === 0 ? region : null;
  return {
    sentence: si, weapon: w.weapon, model: null, outcome: oc.outcome, n: n.value, qualifier: q, region: placed?.region ?? null, rule: "count/<weapon> (<number>)",
    evidence: [numEv, ...(qev ? [qev] : []), evidence(doc, "weapon", w), oc.evidence, ...(placed?.evidence ?? [])], start: w.start, end, head: false,
  };
}

/**
 * "Больше всего БПЛА было перехвачено в Брянской области — 118 единиц", "Most were shot down over the Bryansk
 * region — 118": a figure closing its sentence after a dash, with the weapons and their verb told before the
 * dash and no other figure there.
 */
function figureAfterDash(doc: Doc, s: Sentence, n: NumberMention, q: Qualifier, qev: Evidence | null, numEv: Evidence, si: number): CountFact | null {
  const from = Math.max(s.start, n.start - 4);
  const dash = /\s[—–-]\s*$/.exec(doc.text.slice(from, n.start));
  if (!dash) return null;
  const dashAt = from + dash.index;
  const unit = inSpan(doc.m.units, { start: n.end, end: Math.min(s.end, n.end + 20) }).find((u) => /^\s*$/.test(doc.text.slice(n.end, u.start)));
  const end = unit ? unit.end : n.end;
  if (!/^\s*[.!;]?\s*$/.test(doc.text.slice(end, s.end))) return null;
  const before = { start: s.start, end: dashAt };
  if (inSpan(doc.m.numbers, before).some((x) => !doc.dateSpans.some((d) => overlaps(d, x)))) return null;
  const w = inSpan(doc.m.weapons, before).filter((x) => x.weapon !== "any").pop();
  if (!w) return null;
  const oc = chooseOutcome(doc, s, w.start, dashAt, { location: false });
  if (!oc || oc.evidence.end > dashAt) return null;
  const region = regionFor(doc, s, n, end, oc.evidence);
  const placed = region && region.more.length === 0 ? region : null;
  return {
    sentence: si, weapon: w.weapon, model: null, outcome: oc.outcome, n: n.value, qualifier: q, region: placed?.region ?? null, rule: "count/<weapon> <outcome> … — <number>",
    evidence: [numEv, ...(qev ? [qev] : []), evidence(doc, "weapon", w), oc.evidence, ...(placed?.evidence ?? [])], start: w.start, end, head: false,
  };
}

/**
 * "dans les régions de Bryansk et de Kalouga, avec respectivement 46 et 12 drones", "over the Bryansk and Kaluga
 * regions, 46 and 12 respectively", "над Брянской и Калужской областями — 46 и 12 соответственно": figures listed
 * beside "respectively" are paired in order with as many places listed in the sentence. Replaces what the figures
 * gave alone (the list's last figure took its weapons, the others none).
 */
function respectively(doc: Doc, s: Sentence, si: number, out: CountFact[]): void {
  for (const r of inSpan(doc.m.respectively, s)) {
    const nums = inSpan(doc.m.numbers, s).filter((n) => !doc.dateSpans.some((d) => overlaps(d, n)));
    // The figures: the run joined by commas and "and" nearest the word.
    const runs: NumberMention[][] = [];
    for (const n of nums) {
      const cur = runs[runs.length - 1];
      const prev = cur?.[cur.length - 1];
      if (cur && prev && /^[\s,]*$/.test(textWithout(doc, { start: prev.end, end: n.start }, inSpan(doc.m.and, { start: prev.end, end: n.start })))) cur.push(n);
      else runs.push([n]);
    }
    const gapTo = (run: NumberMention[]) => Math.min(Math.abs(r.start - run[run.length - 1]!.end), Math.abs(run[0]!.start - r.end));
    const run = runs.filter((x) => x.length >= 2).sort((a, b) => gapTo(a) - gapTo(b))[0];
    if (!run) continue;
    const first = run[0]!;
    const last = run[run.length - 1]!;
    const placesIn = inSpan(doc.m.places, s).filter((p) => p.end <= first.start || p.start >= last.end);
    const head = placesIn.find((p) => placeList(doc, p, s.end).length === run.length);
    if (!head) continue;
    const places = placeList(doc, head, s.end);
    const group = weaponGroupAfter(doc, last.end, s.end);
    const w = group && !group.location ? group : null;
    const named = w ? null : inSpan(doc.m.weapons, { start: s.start, end: first.start }).filter((x) => x.weapon !== "any").pop();
    if (!w && !named) continue;
    const oc = chooseOutcome(doc, s, first.start, w ? w.end : last.end, { location: false });
    if (!oc) continue;
    for (let k = out.length - 1; k >= 0; k--) if (out[k]!.sentence === si && run.some((n) => n.start >= out[k]!.start && n.end <= out[k]!.end)) out.splice(k, 1);
    run.forEach((n, i) => {
      const place = places[i]!;
      const { q, ev: qev } = qualifierBefore(doc, n);
      out.push({
        sentence: si, weapon: w ? w.weapon : named!.weapon, model: w ? w.model : null, outcome: oc.outcome, n: n.value, qualifier: q, region: place.region,
        rule: "count/<places> <numbers> <respectively>",
        evidence: [evidence(doc, "number", n), ...(qev ? [qev] : []), ...(w ? w.evidence : [evidence(doc, "weapon", named!)]), oc.evidence, evidence(doc, "region", place), evidence(doc, "region", r)],
        start: n.start, end: w ? w.end : n.end, head: false,
      });
    });
  }
}

/**
 * "пять дронов ликвидированы над Ростовской областью, столько же — над Крымом", "five over Rostov and as many over
 * Crimea": the figure just told, again, for the place that follows.
 */
function asManyAgain(doc: Doc, s: Sentence, si: number, out: CountFact[]): CountFact[] {
  const found: CountFact[] = [];
  for (const m of inSpan(doc.m.sameNumber, s)) {
    const base = [...out, ...found].filter((c) => c.sentence === si && c.end <= m.start).pop();
    if (!base || base.region === null) continue;
    const region = regionAfter(doc, s, m.end);
    if (!region || region.more.length > 0 || region.region === base.region) continue;
    // Only the place follows ("столько же — над Крымом"), or the verb again ("as many were shot down over…").
    const gap = { start: m.end, end: region.evidence[0]!.start };
    if (!/^[\s,—–-]*$/.test(textWithout(doc, gap, inSpan(doc.m.outcomes, gap)))) continue;
    const fake: NumberMention = { start: m.start, end: m.end, value: base.n, word: true };
    found.push(bareCount(si, fake, base, base.outcome, base.qualifier, region.region, [evidence(doc, "number", m), ...region.evidence], "count/<as many> <region>"));
  }
  return found;
}

/**
 * The number opens the agent of a verb of dropping: "largué par [un drone]", "dropped by [a drone]", or where it was
 * dropped from: "dropped an explosive device from [a drone]", "скинули вибухівку з [дрона]" (a carrier, not what was launched).
 */
function agentOfLaunch(doc: Doc, n: NumberMention): boolean {
  const agent = inSpan(doc.m.agent, { start: Math.max(0, n.start - 8), end: n.start }).at(-1);
  if (agent && /^\s*$/.test(doc.text.slice(agent.end, n.start))) {
    if (inSpan(doc.m.drop, { start: Math.max(0, agent.start - 20), end: agent.start }).some((o) => /^\s*$/.test(doc.text.slice(o.end, agent.start)))) return true;
  }
  const from = inSpan(doc.m.from, { start: Math.max(0, n.start - 8), end: n.start }).at(-1);
  if (!from || !/^\s*$/.test(doc.text.slice(from.end, n.start))) return false;
  return inSpan(doc.m.drop, { start: Math.max(0, from.start - 50), end: from.start }).some(
    (o) => !/[.;:!?,]/.test(doc.text.slice(o.end, from.start)) && inSpan(doc.m.numbers, { start: o.end, end: from.start }).every((x) => x.word && x.value === 1),
  );
}

/** A list's heading that names weapons and their verb but no figure: the items below take both. */
function listHeading(doc: Doc, s: Sentence, si: number, cue: Valued<OutcomeCue>): CountFact | null {
  const w = inSpan(doc.m.weapons, s).filter((x) => x.weapon !== "any").pop();
  if (!w || inSpan(doc.m.numbers, s).some((x) => !doc.dateSpans.some((d) => overlaps(d, x)))) return null;
  return {
    sentence: si, weapon: w.weapon, model: null, outcome: cue.value as Outcome, n: 0, qualifier: "exact", region: null, rule: "count/<list-item> <number> <region>",
    evidence: [evidence(doc, "weapon", w), evidence(doc, "outcome", cue)], start: w.start, end: w.end, head: true,
  };
}

/** "sur les 86 lancés", "out of the 86 launched", "із 86 запущених": a bare total between "out of" and a launch word. */
function launchedTotal(doc: Doc, n: NumberMention): boolean {
  const of = inSpan(doc.m.outOf, { start: Math.max(0, n.start - 14), end: n.start }).some((o) => /^\s*$/.test(doc.text.slice(o.end, n.start)));
  if (!of) return false;
  return inSpan(doc.m.outcomes, { start: n.end, end: n.end + 20 }).some((o) => o.value === "launched" && /^\s*$/.test(doc.text.slice(n.end, o.start)));
}

/** The number before a part ("neuf autres blessées …, dont trois") counts people: the part does too. */
function partOfAToll(doc: Doc, s: Sentence, n: NumberMention): boolean {
  const prev = inSpan(doc.m.numbers, { start: s.start, end: n.start }).at(-1);
  if (!prev) return false;
  const after = { start: prev.end, end: Math.min(n.start, prev.end + 30) };
  const near = (xs: readonly { start: number }[]) => xs.some((x) => /^\s*(?:[\p{L}'’-]+\s+){0,1}$/u.test(doc.text.slice(prev.end, x.start)));
  return near(inSpan(doc.m.casualties, after)) || near(inSpan(doc.m.persons, after));
}

/**
 * "…23 drones along with a cruise missile. Air defences … destroyed the missile.", "le missile X-22 n'a pas atteint
 * sa cible": a definite singular noun names the one weapon of its class launched before; what befell it is a figure of 1.
 */
function theOneLaunched(doc: Doc, s: Sentence, w: { start: number; end: number; weapon: Weapon }, taken: CountFact[]): { det: Mention; launched: CountFact } | null {
  const det = inSpan(doc.m.determiners, { start: Math.max(s.start, w.start - 20), end: w.start }).at(-1);
  if (!det || !/^\s*(?:[\p{L}-]+\s+)?$/u.test(doc.text.slice(det.end, w.start))) return null;
  const launched = taken.filter((c) => c.start < w.start && c.outcome === "launched" && weaponClass(c.weapon) === weaponClass(w.weapon));
  return launched.length === 1 && launched[0]!.n === 1 ? { det, launched: launched[0]! } : null;
}

function lastCountNear(out: CountFact[], si: number): CountFact | null {
  const c = out[out.length - 1];
  return c && si - c.sentence <= 1 ? c : null;
}

/**
 * "a cruise missile", "un missile Kh-59", "ворожа ракета цілей не досягла": a singular noun with
 * its own outcome states one weapon.
 */
function singularCounts(doc: Doc, s: Sentence, si: number, taken: CountFact[]): CountFact[] {
  const out: CountFact[] = [];
  const usesArticle = doc.lex.one.length > 0;
  // "влучання ракети": a form that is singular after the noun that governs it.
  const governed = inSpan(doc.m.singularAfterNoun, s).filter((g) =>
    inSpan(doc.m.outcomes, { start: Math.max(s.start, g.start - 24), end: g.start }).some((o) => o.value === "hit" && /^\s*$/.test(doc.text.slice(o.end, g.start))),
  );
  const candidates = [...inSpan(doc.m.weapons, s).filter((w) => w.singular && !governed.some((g) => g.start <= w.start && w.end <= g.end)), ...governed].sort((a, b) => a.start - b.start);
  for (const w of candidates) {
    if (taken.some((c) => c.sentence === si && c.evidence.some((e) => overlaps(e, w)))) continue;
    if (out.some((c) => c.evidence.some((e) => overlaps(e, w)))) continue;
    if (inSpan(doc.m.modifies, { start: w.end, end: w.end + 24 }).some((x) => /^\s*$/.test(doc.text.slice(w.end, x.start)))) continue;
    // "des fragments d'un drone ont touché", "debris from a drone hit", "уламки дрона впали": what struck was debris.
    if (debrisBefore(doc, s, w)) continue;
    let start = w.start;
    const ev: Evidence[] = [];
    let rule: CountRuleId = "count/<one> <weapon:singular>";
    // The one weapon launched before that a definite noun names: its kind when the noun is vaguer ("the missile").
    let referent: CountFact | null = null;
    if (usesArticle) {
      const one = inSpan(doc.m.one, { start: Math.max(s.start, w.start - 30), end: w.start }).at(-1);
      const the = one ? null : theOneLaunched(doc, s, w, taken);
      if (the) {
        start = the.det.start;
        ev.push(evidence(doc, "number", the.det), evidence(doc, "number", w));
        rule = "count/<the> <weapon:singular>";
        referent = the.launched;
      } else {
        if (!one || !/^\s*(?:[\p{L}\p{N}'\/-]+\s+){0,1}$/u.test(doc.text.slice(one.end, w.start))) continue;
        start = one.start;
        ev.push(evidence(doc, "number", one));
      }
    } else {
      // Without articles, a number word or figure right before it would have made it a count already.
      const prevWord = doc.text.slice(Math.max(s.start, w.start - 20), w.start);
      if (/\d\s*$/.test(prevWord)) continue;
      ev.push(evidence(doc, "number", w));
    }
    // "a Kh-59 guided missile": the group starts right after the article.
    const group = weaponGroupAfter(doc, usesArticle ? ev[0]!.end : w.start, s.end);
    if (!group) continue;
    if (agentOfLaunch(doc, { start, end: w.end, value: 1, word: true })) continue;
    const oc = chooseOutcome(doc, s, start, group.end, { location: false });
    if (!oc) continue;
    if (rule === "count/<the> <weapon:singular>" && !STOPPED.has(oc.outcome) && oc.outcome !== "hit") continue;
    // "Ракети були збиті усі, а безпілотник…": a verb before a comma belongs to the clause before, not to a noun without a number.
    // (A list goes on after a comma: "…ракетою Іскандер-М, керованою авіаційною ракетою Х-59".)
    if (oc.evidence.end <= start && startsClause(doc, oc.evidence.end, start)) continue;
    const place = regionFor(doc, s, { start, end: group.end }, group.end, oc.evidence);
    const sharper = referent && referent.weapon.startsWith(`${group.weapon}.`) && group.model === null ? referent : null;
    const inherited = sharper ? sharper.evidence.filter((e) => e.role === "weapon" || e.role === "model").map((e) => ({ ...e, by: e.by ?? rule })) : [];
    out.push({
      sentence: si, weapon: sharper ? sharper.weapon : group.weapon, model: sharper ? sharper.model : group.model, outcome: oc.outcome, n: 1, qualifier: "exact",
      region: place && place.more.length === 0 ? place.region : null, rule,
      evidence: [...ev, ...group.evidence, ...inherited, oc.evidence, ...(place && place.more.length === 0 ? place.evidence : [])], start, end: group.end, head: false,
    });
  }
  return out;
}
