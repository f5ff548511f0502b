import type { Lexicon } from "../../lexicon/types.js";
import { MODELS, MODEL_SHORTHAND } from "../../lexicon/shared/models.js";
import type { Org, Side, Weapon } from "../../model/vocab.js";
import { compileForms, compileTable, findAll, matchTable, type Hit } from "./compile.js";
import { findNumbers } from "./numbers.js";
import { findPlaces } from "./places.js";
import type { Mention, Mentions, ModelMention, OutcomeCue, PlaceMention, Valued, WeaponMention } from "./types.js";

interface Compiled {
  weapons: Array<[Weapon, RegExp]>;
  singular: Array<[Weapon, RegExp]>;
  models: Array<[string, RegExp]>;
  outcomes: Array<[OutcomeCue, RegExp]>;
  qualifiers: ReturnType<typeof compileTable<"exact" | "at_least" | "about" | "at_most">>;
  casualties: ReturnType<typeof compileTable<"killed" | "injured" | "hospitalized">>;
  orgs: Array<[Org, RegExp]>;
  sides: Array<[Side, RegExp]>;
  seas: Array<["sea:black" | "sea:azov" | "sea:caspian", RegExp]>;
  simple: Record<SimpleKey, RegExp | null>;
}
type SimpleKey =
  | "locations" | "negation" | "persons" | "partOf" | "outOf" | "each" | "over" | "regionNouns" | "unnamedRegion" | "capital"
  | "launch" | "from" | "enemy" | "attribution" | "agent" | "according" | "thisRegion" | "ownStrike" | "ownStrikeThere" | "and" | "modelIntro" | "one" | "attack" | "modifies" | "recordNot" | "recordCue" | "recordWar" | "recordYear"
  | "period";

const cache = new Map<Lexicon, Compiled>();
const modelMatchers: Array<[string, RegExp]> = compileTable(
  Object.fromEntries(Object.entries(MODELS).map(([id, m]) => [id, m.forms])) as Record<string, string[]>,
);

function compile(lex: Lexicon): Compiled {
  const cached = cache.get(lex);
  if (cached) return cached;
  const c: Compiled = {
    weapons: compileTable(lex.weapons),
    singular: compileTable(lex.singular),
    models: modelMatchers,
    outcomes: compileTable(lex.outcomes),
    qualifiers: compileTable(lex.qualifiers),
    casualties: compileTable(lex.casualties),
    orgs: compileTable(lex.orgs),
    sides: compileTable(lex.sides),
    seas: compileTable(lex.seas),
    simple: {
      locations: compileForms(lex.locations),
      negation: compileForms(lex.negation),
      persons: compileForms(lex.persons),
      partOf: compileForms(lex.partOf),
      outOf: compileForms(lex.outOf),
      each: compileForms(lex.each),
      over: compileForms(lex.over),
      regionNouns: compileForms(lex.regionNouns),
      capital: compileForms(lex.capital),
      unnamedRegion: compileForms(lex.unnamedRegion),
      launch: compileForms(lex.launch),
      from: compileForms(lex.from),
      enemy: compileForms(lex.enemy),
      attribution: compileForms(lex.attribution),
      agent: compileForms(lex.agent),
      according: compileForms(lex.according),
      thisRegion: compileForms(lex.thisRegion),
      ownStrike: compileForms(lex.ownStrike),
      ownStrikeThere: compileForms(lex.ownStrikeThere),
      and: compileForms(lex.and),
      modelIntro: compileForms(lex.modelIntro),
      one: compileForms(lex.one),
      attack: compileForms(lex.attack),
      modifies: compileForms(lex.modifies),
      recordNot: compileForms(lex.record.not),
      recordCue: compileForms(lex.record.cue),
      recordWar: compileForms(lex.record.war),
      recordYear: compileForms(lex.record.year),
      period: compileForms(lex.period),
    },
  };
  cache.set(lex, c);
  return c;
}

const valued = <V>(hits: Array<Hit & { value: V }>): Valued<V>[] => hits.map(({ start, end, value }) => ({ start, end, value }));

export function findMentions(text: string, lex: Lexicon): Mentions {
  const c = compile(lex);
  const s = (k: SimpleKey): Mention[] => findAll(c.simple[k], text);
  const singular = matchTable(c.singular, text);
  const weapons: WeaponMention[] = matchTable(c.weapons, text).map((h) => ({
    start: h.start,
    end: h.end,
    weapon: h.value,
    singular: singular.some((x) => x.start === h.start && x.end === h.end),
  }));
  const seas: PlaceMention[] = matchTable(c.seas, text).map((h) => ({
    start: h.start,
    end: h.end,
    region: h.value,
    name: h.value,
    kind: "sea",
  }));
  const places = [...findPlaces(text).filter((p) => !seas.some((x) => p.start < x.end && x.start < p.end)), ...seas].sort(
    (a, b) => a.start - b.start,
  );
  return {
    numbers: findNumbers(text, lex),
    weapons,
    models: findModels(text, c),
    locations: s("locations"),
    outcomes: valued(matchTable(c.outcomes, text)),
    negations: s("negation"),
    qualifiers: valued(matchTable(c.qualifiers, text)),
    casualties: valued(matchTable(c.casualties, text)),
    persons: s("persons"),
    partOf: s("partOf"),
    outOf: s("outOf"),
    each: s("each"),
    over: s("over"),
    regionNouns: s("regionNouns"),
    capital: s("capital"),
    unnamedRegion: s("unnamedRegion"),
    launch: s("launch"),
    from: s("from"),
    places,
    orgs: valued(matchTable(c.orgs, text)),
    sides: valued(matchTable(c.sides, text)),
    enemy: s("enemy"),
    attribution: s("attribution"),
    agent: s("agent"),
    according: s("according"),
    thisRegion: s("thisRegion"),
    ownStrike: s("ownStrike"),
    ownStrikeThere: s("ownStrikeThere"),
    and: s("and"),
    modelIntro: s("modelIntro"),
    one: s("one"),
    attack: s("attack"),
    modifies: s("modifies"),
    recordNot: s("recordNot"),
    recordCue: s("recordCue"),
    recordWar: s("recordWar"),
    recordYear: s("recordYear"),
    period: s("period"),
  };
}

/**
 * Models, with pairs the source reports as one figure joined by "/" ("Х-101/Х-555",
 * "Іскандер-М/С-400/KN-23", "Х-59/69") into one mention whose id joins the ids in the source's order.
 */
function findModels(text: string, c: Compiled): ModelMention[] {
  const single = matchTable(c.models, text);
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
      const id = short ? MODEL_SHORTHAND[short[1]!] : undefined;
      if (short && id) {
        ids.push(id);
        end += short[0].length;
        continue;
      }
      break;
    }
    const uniq = [...new Set(ids)];
    const weapons = uniq.map((id) => MODELS[id]!.weapon);
    out.push({ start: first.start, end, model: uniq.join("/"), weapon: commonClass(weapons) });
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
