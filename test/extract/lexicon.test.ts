import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { LEXICONS, type Lexicon } from "../../src/lexicon/index.js";
import { MODELS, shorthandModel } from "../../src/lexicon/shared/models.js";
import { CASUALTY_KINDS, LANGS, OUTCOMES, QUALIFIERS, SIDES, WEAPONS } from "../../src/model/vocab.js";

// The four lexicons are data: they must cover the same vocabulary and hold clean forms.

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

interface Gazetteer {
  regions: Array<{ iso: string; country: string; names: Record<string, string> }>;
  forms: Record<string, [string, string, string, number]>;
}
const gazetteer = JSON.parse(readFileSync(join(root, "src", "lexicon", "shared", "gazetteer.json"), "utf8")) as Gazetteer;

/** Fields every language must fill: the engine reads each of them for every text. */
const REQUIRED = [
  "numbers", "weapons", "locations", "and", "modelIntro", "outcomes", "negation", "qualifiers", "casualties", "persons",
  "partOf", "outOf", "each", "over", "regionNouns", "capital", "launch", "from", "seas", "orgs", "sides", "enemy",
  "attribution", "according", "attack", "period",
] as const satisfies ReadonlyArray<keyof Lexicon>;

/** Outcome keys a language may lack today; each one is a known gap, reported by a todo test below. */
const KNOWN_OUTCOME_GAPS: Record<string, string[]> = { ru: ["neutralized"] };

function keys(o: object): string[] {
  return Object.entries(o)
    .filter(([, v]) => !(Array.isArray(v) && v.length === 0))
    .map(([k]) => k)
    .sort();
}

/** Every string in a value, numbers' keys included, with its path. */
function strings(v: unknown, path: string, out: Array<{ path: string; s: string }> = []): Array<{ path: string; s: string }> {
  if (typeof v === "string") out.push({ path, s: v });
  else if (Array.isArray(v)) v.forEach((x, i) => strings(x, `${path}[${i}]`, out));
  else if (v && typeof v === "object")
    for (const [k, x] of Object.entries(v)) {
      if (typeof x === "number") out.push({ path: `${path} key`, s: k });
      strings(x, `${path}.${k}`, out);
    }
  return out;
}

describe("lexicons", () => {
  it("exist for every language and say which language they are", () => {
    for (const lang of LANGS) assert.equal(LEXICONS[lang].lang, lang);
  });

  it("name the same weapon classes, all from the vocabulary", () => {
    const ref = keys(LEXICONS.en.weapons);
    for (const k of ref) assert.ok((WEAPONS as readonly string[]).includes(k), `unknown weapon class ${k}`);
    for (const lang of LANGS) assert.deepEqual(keys(LEXICONS[lang].weapons), ref, `${lang} weapon classes differ from en`);
    // Every class but the catch-all drone.strike (which comes from model names) has words.
    assert.deepEqual(ref, WEAPONS.filter((w) => w !== "drone.strike").slice().sort());
  });

  it("name the same outcomes (known gaps aside), all from the vocabulary", () => {
    const all = [...OUTCOMES.filter((o) => o !== "hit_locations" && o !== "debris_locations"), "debris"].sort();
    for (const lang of LANGS) {
      const have = keys(LEXICONS[lang].outcomes);
      for (const k of have) assert.ok(all.includes(k), `${lang}: unknown outcome ${k}`);
      const missing = all.filter((o) => !have.includes(o) && !(KNOWN_OUTCOME_GAPS[lang] ?? []).includes(o));
      assert.deepEqual(missing, [], `${lang} lacks outcomes`);
    }
  });

  it("name every outcome in every language", { todo: "ru has no neutralized forms (збито/подавлено in Russian: 'сбиты/подавлены', 'нейтрализованы')" }, () => {
    const all = [...OUTCOMES.filter((o) => o !== "hit_locations" && o !== "debris_locations"), "debris"].sort();
    for (const lang of LANGS) assert.deepEqual(keys(LEXICONS[lang].outcomes), all, `${lang} outcomes`);
  });

  it("fill every required field with forms", () => {
    for (const lang of LANGS) {
      const lex = LEXICONS[lang];
      for (const field of REQUIRED) {
        const v: unknown = lex[field];
        const n = strings(v, field).length;
        assert.ok(n > 0, `${lang}.${field} is empty`);
      }
      assert.ok(lex.detect.words.length > 0 && ["Cyrillic", "Latin"].includes(lex.detect.script), `${lang}.detect has no words or an unknown script`);
      for (const k of CASUALTY_KINDS) assert.ok(lex.casualties[k].length > 0, `${lang}.casualties.${k} is empty`);
      for (const q of QUALIFIERS.filter((q) => q !== "exact")) assert.ok((lex.qualifiers[q] ?? []).length > 0, `${lang}.qualifiers.${q} is empty`);
      for (const s of SIDES) assert.ok(lex.sides[s].length > 0, `${lang}.sides.${s} is empty`);
      for (const [sea, forms] of Object.entries(lex.seas)) assert.ok(forms.length > 0, `${lang}.seas.${sea} is empty`);
      for (const [w, forms] of Object.entries(lex.weapons)) assert.ok((forms ?? []).length > 0, `${lang}.weapons.${w} is empty`);
      assert.ok(lex.record.cue.length > 0 && lex.record.war.length > 0 && lex.record.year.length > 0, `${lang}.record has an empty list`);
    }
  });

  it("count from one to twenty in words, and use only positive integer values", () => {
    for (const lang of LANGS) {
      const values = new Set(Object.values(LEXICONS[lang].numbers));
      for (let n = 1; n <= 20; n++) assert.ok(values.has(n), `${lang} has no word for ${n}`);
      for (const [w, n] of Object.entries(LEXICONS[lang].numbers)) assert.ok(Number.isInteger(n) && n > 0, `${lang}: "${w}" = ${n}`);
    }
  });

  it("hold no empty form, no form with outer or double spaces, only canonical apostrophes", () => {
    for (const lang of LANGS) {
      // detect.letters is a set of characters, not a form: English has none of its own.
      const { detect, ...forms } = LEXICONS[lang];
      assert.ok(!/\s/.test(detect.letters), `${lang}.detect.letters holds a space`);
      for (const { path, s } of strings({ ...forms, detect: { words: detect.words } }, lang)) {
        assert.ok(s.length > 0, `${path} is empty`);
        assert.equal(s, s.trim(), `${path} has outer spaces: ${JSON.stringify(s)}`);
        assert.ok(!/\s{2,}/.test(s), `${path} has a double space: ${JSON.stringify(s)}`);
        assert.ok(!/[\u2019\u02BC\u00A0]/.test(s), `${path} is not canonical (typographic apostrophe or no-break space): ${JSON.stringify(s)}`);
      }
    }
  });

  it("hold each form once per list (a duplicate is a typo for another form)", { todo: "repeated forms: en outcomes.intercepted 'destroyed', en modifies 'attacks', uk outcomes.neutralized 'знешкоджено', ru outcomes.launched 'атаковали'" }, () => {
    for (const lang of LANGS) {
      const lists: Array<{ path: string; xs: readonly string[] }> = [];
      const walk = (v: unknown, path: string): void => {
        if (Array.isArray(v)) lists.push({ path, xs: v as string[] });
        else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
      };
      walk(LEXICONS[lang], lang);
      for (const { path, xs } of lists) {
        const dup = xs.filter((x, i) => xs.indexOf(x) !== i);
        assert.deepEqual(dup, [], `${path} repeats ${JSON.stringify(dup)}`);
      }
    }
  });
});

describe("shared models", () => {
  it("have clean forms, a weapon class from the vocabulary, and shorthands that point to models", () => {
    for (const [id, m] of Object.entries(MODELS)) {
      assert.ok((WEAPONS as readonly string[]).includes(m.weapon), `${id}: unknown class ${m.weapon}`);
      assert.ok(m.forms.length > 0, `${id} has no forms`);
      for (const f of m.forms) assert.ok(f.length > 0 && f === f.trim(), `${id}: bad form ${JSON.stringify(f)}`);
      assert.match(id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, `model id ${id} is not a lower-case hyphenated id`);
    }
    // A pair written with one prefix names the family member with that number, when there is one.
    assert.equal(shorthandModel("kh-59", "69"), "kh-69");
    assert.equal(shorthandModel("s-300", "400"), "s-400");
    assert.equal(shorthandModel("kh-22", "32"), "kh-32");
    assert.equal(shorthandModel("shahed", "131"), "shahed");
    assert.equal(shorthandModel("kh-101", "999"), null);
  });
});

describe("gazetteer", () => {
  const codes = new Set(gazetteer.regions.map((r) => r.iso));

  it("gives every region forms, and every form a known region", () => {
    const withForms = new Set(Object.values(gazetteer.forms).map((f) => f[0]));
    const missing = [...codes].filter((c) => !withForms.has(c));
    assert.deepEqual(missing, [], `regions without forms: ${missing.join(", ")}`);
    const unknown = [...new Set(Object.values(gazetteer.forms).map((f) => f[0]))].filter((c) => !codes.has(c));
    assert.deepEqual(unknown, [], `forms pointing to unknown regions: ${unknown.join(", ")}`);
  });

  it("names every region in the four languages, with a region-level form", () => {
    const regionLevel = new Set(Object.values(gazetteer.forms).filter((f) => f[2] === "region").map((f) => f[0]));
    for (const r of gazetteer.regions) {
      for (const lang of LANGS) assert.ok((r.names[lang] ?? "").trim().length > 0, `${r.iso} has no ${lang} name`);
      assert.ok(regionLevel.has(r.iso), `${r.iso} has no region-level form`);
    }
  });

  it("covers every Ukrainian region of the gold format, and the usual Russian ones", () => {
    const ua = ["UA-05", "UA-07", "UA-09", "UA-12", "UA-14", "UA-18", "UA-21", "UA-23", "UA-26", "UA-30", "UA-32", "UA-35", "UA-40", "UA-43", "UA-46", "UA-48", "UA-51", "UA-53", "UA-56", "UA-59", "UA-61", "UA-63", "UA-65", "UA-68", "UA-71", "UA-74", "UA-77"];
    const ru = ["RU-ROS", "RU-MOS", "RU-MOW", "RU-BEL", "RU-KRS", "RU-BRY", "RU-ORL", "RU-LIP", "RU-VOR", "RU-KDA"];
    for (const c of [...ua, ...ru]) assert.ok(codes.has(c), `${c} is not in the gazetteer`);
  });

  it("keys forms in lower case without outer spaces", () => {
    for (const k of Object.keys(gazetteer.forms)) {
      assert.ok(k.length > 0 && k === k.trim(), `bad form key ${JSON.stringify(k)}`);
      assert.equal(k, k.toLowerCase(), `form key not in lower case: ${k}`);
    }
  });
});
