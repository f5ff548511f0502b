/**
 * Builds src/lexicon/shared/gazetteer.json from the reference data in ../shared/data
 * (regions.json and places.json; sources and licences in ../shared/data/README.md, noted in
 * data/SOURCE.md). Run: npm run gazetteer. The output is data: surface form → region.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

interface RegionIn {
  iso: string;
  country: string;
  names: Record<string, string>;
  aliases: string[];
  capital: string;
  centroid: [number, number];
}
interface PlaceIn {
  id: string;
  kind: string;
  country: string;
  region: string;
  name: Record<string, string | null>;
  aliases?: string[];
  population?: number;
  launch_site?: boolean;
}

const dataDir = process.argv[2] ?? join("..", "shared", "data");
const regions = JSON.parse(readFileSync(join(dataDir, "regions.json"), "utf8")) as RegionIn[];
const places = JSON.parse(readFileSync(join(dataDir, "places.json"), "utf8")) as PlaceIn[];

const norm = (s: string) => s.replace(/[’ʼ‘`´]/g, "'").replace(/\s+/g, " ").trim();
const key = (s: string) => norm(s).toLowerCase();

/** Case forms of a Ukrainian/Russian settlement name, for "над Харковом", "в Брянске", "у Сумах". */
/**
 * "Старый Оскол" → "Старого Оскола", "Старом Осколе"…; "Нижний Новгород" → "Нижнем Новгороде"; "Нова Каховка" →
 * "Нової Каховки", "Новую Каховку": a two-word name, an adjective and its noun, in its regular cases (names
 * whose cases are irregular, "Кривий Ріг" → "Кривому Розі", keep their listed forms).
 */
function adjectiveNounForms(adj: string, noun: string): string[] {
  const out: string[] = [];
  const consonant = /[бвгґджзклмнпрстфхцчшщ]$/iu.test(noun);
  // Masculine: hard "-ый/-ой", soft "-ний" (Russian), "-ий" (Ukrainian).
  const m = /^(.+?)(ый|ой|ий)$/u.exec(adj);
  if (m && consonant) {
    const [, stem, end] = m as unknown as [string, string, string];
    const soft = end === "ий" && /н$/u.test(stem);
    const ukr = /[іїєґ']/u.test(adj + noun);
    const cases: Array<[string, string]> = ukr
      ? [["ого", "а"], ["ому", "у"], ["ому", "і"], ["им", "ом"]]
      : soft
        ? [["его", "а"], ["ему", "у"], ["им", "ом"], ["ем", "е"]]
        : [["ого", "а"], ["ому", "у"], [end === "ий" ? "им" : "ым", "ом"], ["ом", "е"]];
    for (const [a, n] of cases) out.push(`${stem}${a} ${noun}${n}`);
    // Ukrainian і → о in the noun's closed syllable, and г/к/х → з/ц/с before the locative "-і": "Кривий Ріг" →
    // "Кривого Рогу", "Кривому Розі", "Кривим Рогом".
    const alt = ukr ? /^(.*)і([бвгґджзклмнпрстфхцчшщ])$/u.exec(noun) : null;
    if (alt) {
      const o = `${alt[1]}о${alt[2]}`;
      const soft: Record<string, string> = { "г": "з", "к": "ц", "х": "с" };
      const loc = `${alt[1]}о${soft[alt[2]!] ?? alt[2]}і`;
      out.push(`${stem}ого ${o}у`, `${stem}ого ${o}а`, `${stem}ому ${o}у`, `${stem}ому ${loc}`, `${stem}им ${o}ом`);
    }
  }
  // Feminine: "-ая" + "-а" (Russian), "-а" + "-а" (Ukrainian).
  const f = /^(.+?)(ая|а)$/u.exec(adj);
  if (f && /а$/u.test(noun) && !/[кгх]а$/u.test(noun)) {
    const [, stem, end] = f as unknown as [string, string, string];
    const nstem = noun.slice(0, -1);
    const cases: Array<[string, string]> =
      end === "ая" ? [["ой", "ы"], ["ой", "е"], ["ую", "у"], ["ой", "ой"]] : [["ої", "и"], ["ій", "і"], ["у", "у"], ["ою", "ою"]];
    for (const [a, n] of cases) out.push(`${stem}${a} ${nstem}${n}`);
  }
  return out;
}

function slavicForms(name: string): string[] {
  if (!/^[\p{Script=Cyrillic}' -]+$/u.test(name)) return [];
  const words = name.split(" ");
  if (words.length === 2) return adjectiveNounForms(words[0]!, words[1]!);
  if (words.length > 1) return []; // longer names keep their listed forms only
  const out = new Set<string>();
  const last = name.slice(-1);
  const stem = name.slice(0, -1);
  const add = (...xs: string[]) => xs.forEach((x) => out.add(x));
  if (/[бвгґджзклмнпрстфхцчшщ]/i.test(last)) {
    add(name + "а", name + "у", name + "і", name + "е", name + "ом", name + "ові");
    // Ukrainian і → о in closed syllables: Харків → Харкова, Львів → Львова.
    const m = /^(.*)і([бвгґджзклмнпрстфхцчшщ]+)$/u.exec(name);
    if (m) {
      const alt = m[1] + "о" + m[2];
      add(alt + "а", alt + "у", alt + "і", alt + "ом", alt + "ові");
    }
    // ї → є likewise: Миколаїв → Миколаєва, Миколаєві.
    const y = /^(.*)ї([бвгґджзклмнпрстфхцчшщ]+)$/u.exec(name);
    if (y) {
      const alt = y[1] + "є" + y[2];
      add(alt + "а", alt + "у", alt + "і", alt + "ом", alt + "ові");
    }
  } else if (last === "а") {
    add(stem + "и", stem + "ы", stem + "і", stem + "е", stem + "у", stem + "ою", stem + "ой");
  } else if (last === "я") {
    add(stem + "і", stem + "и", stem + "ю", stem + "ею", stem + "ей", stem + "е");
  } else if (last === "и" || last === "ы") {
    add(stem, stem + "ах", stem + "ам", stem + "ами");
  } else if (last === "о" && name.length > 4) {
    // Дніпро → Дніпра, Дніпру, Дніпрі; Днепр is listed on its own.
    add(stem + "а", stem + "у", stem + "і", stem + "ом", stem + "е");
  } else if (last === "ь") {
    add(stem + "я", stem + "ю", stem + "і", stem + "и", stem + "ем", stem + "ем");
  }
  return [...out];
}

// Entry: [iso, name_en, kind]; kind 'region' outranks any place.
type Entry = [string, string, string];
const forms = new Map<string, { entry: Entry; rank: number; cap: boolean }>();
const ambiguous = new Set<string>();

function put(surface: string, entry: Entry, rank: number) {
  const s = norm(surface);
  if (s.length < 3) return;
  const k = key(s);
  const cap = /^\p{Lu}/u.test(s);
  const prev = forms.get(k);
  if (!prev) {
    forms.set(k, { entry, rank, cap });
    return;
  }
  if (prev.entry[0] === entry[0]) {
    if (rank > prev.rank) forms.set(k, { entry, rank, cap: prev.cap && cap });
    return;
  }
  if (rank > prev.rank) forms.set(k, { entry, rank, cap });
  else if (rank === prev.rank) ambiguous.add(k);
}

// "Белгородской (3 БПЛА) и Курской (1 БПЛА) областей": the adjective alone names the region.
const REGION_NOUN = / (області|область|областю|обл\.|области|областью|областей|oblast|region|Oblast|Region)$/u;
for (const r of regions) {
  const en = r.names.en ?? r.iso;
  for (const s of [...Object.values(r.names), ...r.aliases]) {
    put(s, [r.iso, en, "region"], 1_000_000_000);
    // "в Краснодарском крае", "над Краснодарським краєм": the cases of "край" the aliases lack.
    const krai: Array<[string, string[]]> = [
      ["ский край", ["ского края", "скому краю", "ском крае", "ским краем"]],
      ["ський край", ["ського краю", "ському краю", "ському краї", "ським краєм"]],
    ];
    for (const [suffix, cases] of krai) {
      if (s.endsWith(suffix)) for (const c of cases) put(s.slice(0, -suffix.length) + c, [r.iso, en, "region"], 999_999_998);
    }
    const adj = s.replace(REGION_NOUN, "");
    if (adj !== s && /^\p{Lu}/u.test(adj) && /[\p{Script=Cyrillic}]/u.test(adj)) put(adj, [r.iso, en, "region"], 999_999_999);
    // "над Курским регионом", "у Курському регіоні": the region called by the masculine "регион", "регіон".
    const region: Array<[RegExp, string, string[]]> = [
      [/(ск|цк)ая область$/u, "$1", ["ий регион", "ого региона", "ому региону", "ом регионе", "им регионом"]],
      [/(ськ|цьк)а область$/u, "$1", ["ий регіон", "ого регіону", "ому регіону", "ому регіоні", "им регіоном"]],
    ];
    for (const [re, keep, cases] of region) {
      if (re.test(s)) for (const c of cases) put(s.replace(re, keep) + c, [r.iso, en, "region"], 999_999_998);
    }
  }
}

// The project's own additions: forms reports use that the reference data lacks.
const extra = JSON.parse(readFileSync(join("data", "aliases.json"), "utf8")) as { aliases: Record<string, string[]> };
for (const [iso, forms] of Object.entries(extra.aliases)) {
  const r = regions.find((x) => x.iso === iso);
  if (r) for (const f of forms) put(f, [iso, r.names.en ?? iso, "region"], 1_000_000_000);
}

const KEEP = new Set(["city", "raion", "district", "airbase", "airport", "launch_site", "area"]);
// The Russian regions on the border, whose small towns ("Грайворон", "Суджа", "Трубчевск") are where most
// strikes on Russia are told; elsewhere a town under 30,000 is more often a word than a place. Names that are
// common nouns ("Строитель", "Сельцо") stay out.
const BORDER = new Set(["RU-BEL", "RU-KRS", "RU-BRY"]);
const COMMON_NOUNS = new Set(["Строитель", "Сельцо"]);
// Russian towns named by an adjective that reports use as a word ("Мирный житель" is a civilian, "посёлок
// Октябрьский" one of hundreds of villages): left out everywhere, as a wrong region is worse than none.
const COMMON_WORDS = new Set(["Мирный", "Октябрьский", "Свободный", "Лесной", "Радужный", "Прохладный", "Благодарный", "Изобильный", "Отрадный"]);
for (const p of places) {
  if (!KEEP.has(p.kind)) continue;
  if (p.country === "RU" && COMMON_WORDS.has(p.name.ru ?? "")) continue;
  const pop = p.population ?? 0;
  const site = p.launch_site || ["airbase", "airport", "launch_site", "area"].includes(p.kind);
  const borderTown = BORDER.has(p.region) && pop >= 5_000 && !COMMON_NOUNS.has(p.name.ru ?? "");
  if (p.kind === "city" && p.country === "RU" && pop < 30_000 && !site && !borderTown) continue;
  const en = p.name.en ?? p.name.uk ?? p.name.ru ?? p.id;
  const rank = site ? 900_000_000 : p.kind === "city" ? Math.min(pop, 800_000_000) : 1;
  const names = [p.name.en, p.name.uk, p.name.ru, p.name.fr, ...(p.aliases ?? [])].filter(
    (x): x is string => typeof x === "string" && x.length > 0,
  );
  for (const s of names) put(s, [p.region, en, site ? "launch_site" : p.kind], rank);
  // "у Золотоніському та Черкаському районах": the adjective alone names the district.
  if (p.kind === "raion" || p.kind === "district") {
    for (const s of names) {
      const adj = s.replace(/ (район|району|районі|районом|р-н|района|районе)$/u, "");
      if (adj !== s && /^\p{Lu}/u.test(adj) && !adj.includes(" ") && !COMMON_WORDS.has(adj)) put(adj, [p.region, en, p.kind], 0);
    }
  }
  if (p.kind === "city" || site) {
    // ("в Купянске": an alias in its usual spelling, "Купянск" beside the listed "Купьянск", has its cases too.)
    const oneWordAliases = (p.aliases ?? []).filter((a) => /^[\p{Script=Cyrillic}'-]+$/u.test(a));
    // (Below every listed name's cases: an old name, "Котовск" for Podilsk, never takes a living city's forms.)
    for (const s of [p.name.uk, p.name.ru]) {
      if (s) for (const f of slavicForms(s)) put(f, [p.region, en, site ? "launch_site" : p.kind], rank - 1);
    }
    for (const s of oneWordAliases) {
      for (const f of slavicForms(s)) put(f, [p.region, en, site ? "launch_site" : p.kind], -1);
    }
  }
}
// "région de Leningrad", "Tcherkassy" written without the accents of "Léningrad": Latin letters also without their
// marks (Cyrillic й, ї, ё keep theirs), where that form names nothing else.
for (const [k, v] of [...forms.entries()]) {
  const bare = k.normalize("NFD").replace(/([a-z])[\u0300-\u036f]+/gu, "$1").normalize("NFC");
  if (bare !== k && !forms.has(bare)) forms.set(bare, { ...v, rank: v.rank - 1 });
}
// "Kryvy Rih", "Khmelnytsky", "Kropyvnytskiy": the Ukrainian ending "-yi" as other transliterations write it, where
// that form names nothing else.
for (const [k, v] of [...forms.entries()]) {
  if (!/^[a-z' -]+$/u.test(k) || !/yi\b/u.test(k)) continue;
  for (const variant of [k.replace(/yi\b/gu, "y"), k.replace(/yi\b/gu, "iy")]) {
    if (!forms.has(variant)) forms.set(variant, { ...v, rank: v.rank - 1 });
  }
}
for (const k of ambiguous) forms.delete(k);

const out = {
  source:
    "Built by scripts/build-gazetteer.ts from ../shared/data/regions.json and places.json (see data/SOURCE.md).",
  regions: regions.map((r) => ({
    iso: r.iso,
    country: r.country,
    names: r.names,
    capital: r.capital,
    centroid: r.centroid,
  })),
  // surface (lower case, apostrophes normalized) → [iso, english name, kind, must-be-capitalized 0/1]
  forms: Object.fromEntries(
    [...forms.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, [...v.entry, v.cap ? 1 : 0]]),
  ),
};
writeFileSync(join("src", "lexicon", "shared", "gazetteer.json"), JSON.stringify(out));
console.log(`gazetteer: ${out.regions.length} regions, ${Object.keys(out.forms).length} surface forms, ${ambiguous.size} ambiguous dropped`);
