import type { BelongingKey, Lexicon } from "../../lexicon/types.js";
import { MODELS, shorthandModel } from "../../lexicon/shared/models.js";
import type { Org, Side, Weapon } from "../../model/vocab.js";
import { dropOverlaps, type Hit } from "./compile.js";
import { FormTrie, tokenize, type Token } from "./trie.js";
import { findNumbers } from "./numbers.js";
import { placeHit, placesFrom, placesTrie, PLACES_TABLE, type PlaceHits } from "./places.js";
import { SURROUNDING_REGION } from "../../lexicon/shared/surroundings.js";
import type { Mention, Mentions, ModelMention, OutcomeCue, PlaceMention, Valued, WeaponMention } from "./types.js";

/** The lists of a lexicon that are matched as plain sets of forms. */
type SimpleKey =
  | "locations" | "negation" | "persons" | "all" | "partOf" | "outOf" | "each" | "over" | "near" | "nearAfter" | "andSurroundings" | "runningTotal" | "runningTotalTo" | "regionNouns" | "regionsPlural" | "compass" | "unnamedRegion" | "capital"
  | "launch" | "from" | "enemy" | "forces" | "attribution" | "agent" | "according" | "thisRegion" | "copula" | "where" | "units" | "sameNumber" | "listItemPrep" | "respectively" | "drop" | "superlative" | "sinceWar" | "howMany" | "detected" | "vague" | "durations" | "ownStrike" | "ownStrikeThere" | "and"
  | "modelIntro" | "rose" | "one" | "attack" | "modifies" | "recordNot" | "recordCue" | "recordWar" | "recordYear" | "recordBounded" | "period"
  | "or" | "instrument" | "also" | "including" | "otherTypes" | "total" | "nationwide" | "determiners" | "background" | "more" | "denominator" | "above"
  | "caption" | "defence" | "earlier" | "that" | "anaphora";

const TABLES = ["weapons", "singular", "singularAfterNoun", "models", "outcomes", "qualifiers", "casualties", "orgs", "sides", "seas"] as const;
type TableKey = (typeof TABLES)[number];

function simpleLists(lex: Lexicon): Record<SimpleKey, readonly string[]> {
  return {
    locations: lex.locations, negation: lex.negation, persons: lex.persons, all: lex.all, partOf: lex.partOf, outOf: lex.outOf,
    each: lex.each, over: lex.over, near: lex.near, nearAfter: lex.nearAfter, andSurroundings: lex.andSurroundings, runningTotal: lex.runningTotal, runningTotalTo: lex.runningTotalTo, regionNouns: lex.regionNouns, regionsPlural: lex.regionsPlural, compass: lex.compass, unnamedRegion: lex.unnamedRegion, capital: lex.capital,
    launch: lex.launch, from: lex.from, enemy: lex.enemy, forces: lex.forces, attribution: lex.attribution, agent: lex.agent,
    according: lex.according, thisRegion: lex.thisRegion, copula: lex.copula, where: lex.where, units: lex.units, sameNumber: lex.sameNumber, listItemPrep: lex.listItemPrep, respectively: lex.respectively, drop: lex.drop, superlative: lex.superlative, sinceWar: lex.sinceWar, howMany: lex.howMany, detected: lex.detected, vague: lex.vague, durations: lex.durations, ownStrike: lex.ownStrike, ownStrikeThere: lex.ownStrikeThere,
    and: lex.and, modelIntro: lex.modelIntro, rose: lex.rose, one: lex.one, attack: lex.attack, modifies: lex.modifies,
    recordNot: lex.record.not, recordCue: lex.record.cue, recordWar: lex.record.war, recordYear: lex.record.year, recordBounded: lex.record.bounded,
    period: lex.period,
    or: lex.or, instrument: lex.instrument, also: lex.also, including: lex.including, otherTypes: lex.otherTypes,
    total: lex.total, nationwide: lex.nationwide, determiners: lex.determiners, background: lex.background, more: lex.more, denominator: lex.denominator, above: lex.above,
    caption: lex.caption, defence: lex.defence, earlier: lex.earlier, that: lex.that, anaphora: lex.anaphora,
  };
}

function tablesOf(lex: Lexicon): Record<TableKey, Partial<Record<string, readonly string[]>>> {
  return {
    weapons: lex.weapons,
    singular: lex.singular,
    singularAfterNoun: lex.singularAfterNoun,
    models: Object.fromEntries(Object.entries(MODELS).map(([id, m]) => [id, m.forms])),
    outcomes: lex.outcomes,
    qualifiers: lex.qualifiers,
    casualties: lex.casualties,
    orgs: lex.orgs,
    sides: lex.sides,
    seas: lex.seas,
  };
}

function belongingLists(lex: Lexicon): Record<BelongingKey, readonly string[]> {
  const { polity, ...rest } = lex.belonging;
  return { ...rest, "polity.after": polity.after, "polity.before": polity.before };
}

interface Compiled {
  /** The lexicon's forms and the gazetteer's in one trie, walked once over the tokens (the gazetteer's nodes shared by every language). */
  trie: FormTrie;
  /** Index in the trie's payloads → table or list name. */
  names: Array<TableKey | SimpleKey | `belonging:${BelongingKey}`>;
  /** Table or list name → its index. */
  tableOf: Map<TableKey | SimpleKey | `belonging:${BelongingKey}`, number>;
  /** The lexicon's belonging lists' keys, in their order, each with its table index. */
  belongingKeys: Array<[BelongingKey, number]>;
  /** An object with every belonging key, in that order: each document's lists are filled into a copy of it. */
  belongingShape: Record<BelongingKey, Mention[]>;
}

const cache = new Map<Lexicon, Compiled>();

function compile(lex: Lexicon): Compiled {
  const cached = cache.get(lex);
  if (cached) return cached;
  const trie = new FormTrie();
  const names: Compiled["names"] = [];
  const tables = tablesOf(lex);
  // The tables of values first: every index from TABLES.length on is a plain list (`findMentions`).
  for (const name of TABLES) {
    const table = names.push(name) - 1;
    Object.entries(tables[name]).forEach(([value, forms], order) => {
      for (const f of forms ?? []) if (f.trim()) trie.add(f, table, value, order);
    });
  }
  for (const [name, forms] of Object.entries(simpleLists(lex)) as Array<[SimpleKey, readonly string[]]>) {
    const table = names.push(name) - 1;
    for (const f of forms) if (f.trim()) trie.add(f, table, name, 0);
  }
  for (const [name, forms] of Object.entries(belongingLists(lex)) as Array<[BelongingKey, readonly string[]]>) {
    const table = names.push(`belonging:${name}`) - 1;
    for (const f of forms) if (f.trim()) trie.add(f, table, name, 0);
  }
  const c: Compiled = {
    trie: FormTrie.merge(trie, placesTrie()),
    names,
    tableOf: new Map(names.map((n, i) => [n, i])),
    belongingKeys: [],
    belongingShape: {} as Record<BelongingKey, Mention[]>,
  };
  c.belongingKeys = (Object.keys(belongingLists(lex)) as BelongingKey[]).map((k) => [k, c.tableOf.get(`belonging:${k}`)!]);
  for (const [k] of c.belongingKeys) c.belongingShape[k] = [];
  cache.set(lex, c);
  return c;
}

/** A match of a table of values, before overlaps are dropped (`order`: the value's place in its table, for ties). */
type ValuedHit = Hit & { value: string; order: number };

export function findMentions(text: string, lex: Lexicon, tokens: Token[] = tokenize(text)): Mentions {
  const c = compile(lex);
  // The matches of each table (by its index) and of each plain list (spans only, the shape they are
  // handed out in: a list whose matches do not overlap, the usual case, is handed out as it is).
  const valuedHits: Array<ValuedHit[] | undefined> = [];
  const spans: Array<Mention[] | undefined> = [];
  const placeHits: PlaceHits = new Map();
  // One pass over the tokens for the lexicon and the gazetteer. A node's payloads list the lexicon's
  // before the gazetteer's (whose table is negative, never a lexicon's); a place is read from the first of its own.
  c.trie.matchAll(tokens, (start, end, payloads) => {
    let placed = false;
    for (const p of payloads) {
      if (p.table >= TABLES.length) (spans[p.table] ??= []).push({ start, end });
      else if (p.table !== PLACES_TABLE) (valuedHits[p.table] ??= []).push({ start, end, value: p.value, order: p.order });
      else if (!placed) {
        placeHit(text, placeHits, start, end, p);
        placed = true;
      }
    }
  });
  // Within one table or list, overlapping matches keep the longest (ties: the value listed first).
  const keptHits = (name: TableKey): ValuedHit[] => {
    const list = valuedHits[c.tableOf.get(name)!];
    return list === undefined ? [] : dropOverlaps(list);
  };
  const table = <V extends string>(name: TableKey): Valued<V>[] => keptHits(name).map(({ start, end, value }) => ({ start, end, value: value as V }));
  const keptAt = (index: number): Mention[] => {
    const list = spans[index];
    return list === undefined ? [] : dropOverlaps(list);
  };
  const s = (name: SimpleKey): Mention[] => keptAt(c.tableOf.get(name)!);
  const singular = keptHits("singular");
  const weapons: WeaponMention[] = keptHits("weapons").map((h) => ({
    start: h.start,
    end: h.end,
    weapon: h.value as Weapon,
    // "управляемая ракета", "missile de croisière": the singular head noun ends or starts the phrase.
    singular: singular.some((x) => x.start >= h.start && x.end <= h.end && (x.end === h.end || x.start === h.start)),
  }));
  const seas: PlaceMention[] = keptHits("seas").map((h) => ({
    start: h.start,
    end: h.end,
    region: h.value as "sea:black" | "sea:azov" | "sea:caspian",
    name: h.value,
    kind: "sea",
  }));
  // A copy of the lexicon's shape filled in place, not Object.fromEntries (a generic iteration and a new
  // property per key, which cost more than all the lists' matches).
  const belonging = { ...c.belongingShape };
  for (const [k, index] of c.belongingKeys) belonging[k] = keptAt(index);
  const places = aroundCities(
    text,
    [...placesFrom(text, placeHits).filter((p) => !seas.some((x) => p.start < x.end && x.start < p.end)), ...seas].sort((a, b) => a.start - b.start),
    s("near"),
    s("nearAfter"),
    s("andSurroundings"),
    s("determiners"),
  );
  // (Read by the joins of outcome words and handed out themselves: they only read them.)
  const and = s("and");
  const or = s("or");
  return {
    numbers: findNumbers(text, lex),
    weapons,
    models: findModels(text, keptHits("models")),
    locations: s("locations"),
    outcomes: joinDetected(text, joinNeutralized(text, table<OutcomeCue>("outcomes"), [...and, ...or]), s("detected"), and),
    negations: s("negation"),
    qualifiers: table<"exact" | "at_least" | "about" | "at_most">("qualifiers"),
    casualties: table<"killed" | "injured" | "hospitalized">("casualties"),
    persons: s("persons"),
    rose: s("rose"),
    partOf: s("partOf"),
    all: s("all"),
    outOf: s("outOf"),
    each: s("each"),
    over: s("over"),
    regionNouns: s("regionNouns"),
    capital: s("capital"),
    unnamedRegion: s("unnamedRegion"),
    regionsPlural: s("regionsPlural"),
    compass: s("compass"),
    launch: s("launch"),
    from: s("from"),
    places,
    orgs: table<Org>("orgs"),
    sides: table<Side>("sides"),
    enemy: s("enemy"),
    forces: s("forces"),
    attribution: s("attribution"),
    agent: s("agent"),
    according: s("according"),
    thisRegion: s("thisRegion"),
    copula: s("copula"),
    where: s("where"),
    units: s("units"),
    sameNumber: s("sameNumber"),
    listItemPrep: s("listItemPrep"),
    respectively: s("respectively"),
    drop: s("drop"),
    superlative: s("superlative"),
    sinceWar: s("sinceWar"),
    howMany: s("howMany"),
    vague: s("vague"),
    durations: s("durations"),
    ownStrike: s("ownStrike"),
    ownStrikeThere: s("ownStrikeThere"),
    and,
    modelIntro: s("modelIntro"),
    one: s("one"),
    attack: s("attack"),
    modifies: s("modifies"),
    recordNot: s("recordNot"),
    recordCue: s("recordCue"),
    recordWar: s("recordWar"),
    recordYear: s("recordYear"),
    recordBounded: s("recordBounded"),
    period: s("period"),
    or,
    instrument: s("instrument"),
    also: s("also"),
    including: s("including"),
    otherTypes: s("otherTypes"),
    total: s("total"),
    runningTotal: s("runningTotal"),
    runningTotalTo: s("runningTotalTo"),
    nationwide: s("nationwide"),
    determiners: s("determiners"),
    background: s("background"),
    more: s("more"),
    denominator: s("denominator"),
    above: s("above"),
    singularAfterNoun: keptHits("singularAfterNoun").map(({ start, end, value }) => ({ start, end, weapon: value as Weapon, singular: true })),
    belonging,
    caption: s("caption"),
    defence: s("defence"),
    earlier: s("earlier"),
    that: s("that"),
    anaphora: s("anaphora"),
  };
}

const STOPPED_CUES = new Set<OutcomeCue>(["intercepted", "neutralized"]);

/**
 * "збито/подавлено", "shot down or jammed", "уничтожены и подавлены средствами РЭБ": a shot-down word
 * and a suppressed (or a neutralized) word joined by a slash, "or" or "and" report one figure, neutralized. One rule for
 * every language: the lexicons list the words, never the pairs.
 */
function joinNeutralized(text: string, cues: Valued<OutcomeCue>[], joiners: Mention[]): Valued<OutcomeCue>[] {
  // "abattus ou neutralisés", "downed or neutralised": a shot-down word joined to the umbrella word is the umbrella figure.
  const umbrella = (x: OutcomeCue, y: OutcomeCue) => x === "intercepted" && y === "neutralized";
  return joinPairs(text, cues, joiners, /^\s*\/\s*$/, (a, b) =>
    (STOPPED_CUES.has(a) && b === "suppressed") || (a === "suppressed" && STOPPED_CUES.has(b)) || umbrella(a, b) || umbrella(b, a) ? "neutralized" : null,
  );
}

/**
 * "17 drones were detected and destroyed", "ont été détectés et détruits", "détectés, abattus": a detection joined to
 * the stop verb after it tells one figure, what befell the weapons; the detection is no launch figure of its own.
 */
function joinDetected(text: string, cues: Valued<OutcomeCue>[], detected: Mention[], joiners: Mention[]): Valued<OutcomeCue>[] {
  if (detected.length === 0) return cues;
  const isDetection = (c: Mention) => detected.some((d) => (d.start <= c.start && c.end <= d.end) || (c.start <= d.start && d.end <= c.end));
  return joinPairs(text, cues, joiners, /^\s*,\s*$/, (a, b, first) =>
    a === "launched" && (b === "intercepted" || b === "neutralized" || b === "suppressed") && isDetection(first) ? b : null,
  );
}

/**
 * Two neighbouring cues written as one verb ("збито/подавлено", "shot down or jammed", "detected and destroyed"):
 * joined by a joiner alone (after an optional comma) or by the bare separator given, they become one cue of the value
 * `merge` gives, or stay apart when it gives null.
 */
function joinPairs(
  text: string,
  cues: Valued<OutcomeCue>[],
  joiners: Mention[],
  bare: RegExp,
  merge: (a: OutcomeCue, b: OutcomeCue, first: Valued<OutcomeCue>) => OutcomeCue | null,
): Valued<OutcomeCue>[] {
  const out: Valued<OutcomeCue>[] = [];
  for (let i = 0; i < cues.length; i++) {
    const a = cues[i]!;
    const b = cues[i + 1];
    const value = b ? merge(a.value, b.value, a) : null;
    if (b && value !== null) {
      const joiner = joiners.find((j) => j.start >= a.end && j.end <= b.start);
      const joined = bare.test(text.slice(a.end, b.start)) || (joiner !== undefined && /^[\s,]*$/.test(text.slice(a.end, joiner.start)) && /^\s*$/.test(text.slice(joiner.end, b.start)));
      if (joined) {
        out.push({ start: a.start, end: b.end, value });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/**
 * Models, with pairs the source reports as one figure joined by "/" ("Х-101/Х-555",
 * "Іскандер-М/С-400/KN-23", "Х-59/69") into one mention whose id joins the ids in the source's order.
 */
function findModels(text: string, single: Array<Hit & { value: string }>): ModelMention[] {
  const out: ModelMention[] = [];
  for (let i = 0; i < single.length; i++) {
    const first = single[i]!;
    const ids = [first.value];
    let end = first.end;
    for (;;) {
      const next = single[i + 1];
      if (next && /^["«»'“”\s]*\/["«»'“”\s]*$/u.test(text.slice(end, next.start))) {
        ids.push(next.value);
        end = next.end;
        i++;
        continue;
      }
      const short = /^\/(\d{2,3})(?![\p{L}\p{N}])/u.exec(text.slice(end));
      const id = short ? shorthandModel(ids[0]!, short[1]!) : null;
      if (short && id) {
        ids.push(id);
        end += short[0].length;
        continue;
      }
      break;
    }
    const uniq = [...new Set(ids)];
    const weapons = uniq.map((id) => MODELS[id]!.weapon);
    const sides = new Set(uniq.map((id) => MODELS[id]!.side ?? null));
    const side = sides.size === 1 ? [...sides][0]! : null;
    const anonymous = uniq.every((id) => MODELS[id]!.anonymous === true);
    out.push({ start: first.start, end, model: uniq.join("/"), weapon: commonClass(weapons), side, anonymous });
  }
  return out;
}

/** The most specific class that covers all of them ("missile.cruise" + "missile.ballistic" → "missile"). */
export function commonClass(ws: Weapon[]): Weapon {
  if (ws.length === 0) return "any";
  const first = ws[0]!;
  if (ws.every((w) => w === first)) return first;
  const roots = new Set(ws.map((w) => w.split(".")[0]));
  return roots.size === 1 ? ([...roots][0] as Weapon) : "any";
}

/** "near Kyiv", "під Києвом", "the Kyiv area": a city that is a region of its own, named as what a place is around, stands for the region around it. */
function aroundCities(
  text: string, places: PlaceMention[], near: readonly Mention[], after: readonly Mention[], withRegion: readonly Mention[], determiners: readonly Mention[],
): PlaceMention[] {
  if (near.length + after.length + withRegion.length === 0) return places;
  const out: PlaceMention[] = [];
  for (const p of places) {
    const around = SURROUNDING_REGION[p.region];
    if (!around) {
      out.push(p);
      continue;
    }
    // Between the word and the city, nothing or an article of the lexicon.
    const article = (from: number, to: number) => /^\s*$/u.test(text.slice(from, to)) || determiners.some((d) => d.start >= from && d.end <= to && /^\s*$/u.test(text.slice(from, d.start) + text.slice(d.end, to)));
    const before = near.some((n) => n.end <= p.start && p.start - n.end < 12 && article(n.end, p.start));
    const behind = after.some((a) => a.start >= p.end && /^(?:'s)?\s*$/u.test(text.slice(p.end, a.start)));
    out.push(before || behind ? { ...p, region: around.region } : p);
    // "Kyiv and the surrounding region", "Київ та область": the city and the region around it, two regions.
    const added = withRegion.find((w) => w.start >= p.end && /^\s*$/u.test(text.slice(p.end, w.start)));
    if (added && !before && !behind && !places.some((q) => q.start >= added.start && q.start < added.end)) out.push({ start: added.start, end: added.end, region: around.region, name: around.name, kind: "region" });
  }
  return out.sort((a, b) => a.start - b.start);
}
