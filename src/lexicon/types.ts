import type { CasualtyKind, Lang, Org, Outcome, Qualifier, Side, Weapon } from "../model/vocab.js";

/**
 * What every language provides. Data only: surface forms in canonical form (ASCII apostrophe),
 * matched case-insensitively on word boundaries. A form ending in `*` is a stem: it matches any word
 * starting with it (for the inflected nouns of Ukrainian and Russian).
 */
export interface Lexicon {
  lang: Lang;
  /** What tells the language apart: its script, letters only it uses among ours, frequent short words. */
  detect: { script: "Cyrillic" | "Latin"; letters: string; endings: string[]; words: string[] };
  /** Number words in every inflected form → value. Compounds ("двадцять шість") are summed. */
  numbers: Record<string, number>;
  /** Words that make a following singular noun a count of 1 ("un", "a", "one"). */
  one: string[];
  /**
   * Nouns that multiply the number before them ("двох десятків" = 20, "two dozen" = 24, "півтора
   * десятка" = 15); after one of the `one` words or alone they are their own value ("a dozen",
   * "десяток дронів").
   */
  multipliers: Record<string, number>;
  /** Fractions that only multiply the noun after them ("півтора десятка" = 15); alone they state no figure. */
  fractions: Record<string, number>;
  /** The multipliers that state a number alone, without a number word before them ("десяток", "близько сотні"). */
  countNouns: string[];
  /** Number words that are approximations by themselves ("une vingtaine"): their figure is `about`. */
  approximate: string[];
  /** Weapon nouns and noun phrases (also class adjectives: "cruise", "балістичних"). */
  weapons: Partial<Record<Weapon, string[]>>;
  /**
   * Forms that are singular right after a noun that governs them, though elsewhere they read as a
   * plural ("влучання ракети" is one missile's hit; "ракети влучили" are missiles): one weapon there.
   */
  singularAfterNoun: Partial<Record<Weapon, string[]>>;
  /** "Of the 90 drones, about 70…", "Із 90 БпЛА збито близько 70": the preposition opening a part's total. */
  denominator: string[];
  /** Singular noun forms: "a missile" or "ракетою" alone state one weapon. */
  singular: Partial<Record<Weapon, string[]>>;
  /** Nouns counting places where something happened: "локаціях", "locations". */
  locations: string[];
  /** Words joining weapon classes into one figure: "drones et missiles". */
  and: string[];
  /** "or", "або": with "and" and a slash, they join a shot-down word and a suppressed word into one figure (neutralized). */
  or: string[];
  /** Prepositions of the means used: "struck Kharkiv with two missiles", "avec deux missiles". */
  instrument: string[];
  /** A sentence opening that continues the previous one's verb: "А також 140 дронами", "as well as". */
  also: string[];
  /** A figure of mixed kinds: "including Shahed", "зокрема типу Shahed", "and other types". */
  including: string[];
  /** Words after a model that make the figure mixed: "and other types", "та інших типів". */
  otherTypes: string[];
  /** "in total", "загалом", "всего": a figure for the whole attack, not for the region just named. */
  total: string[];
  /** "across the country", "по всій країні": a figure for the whole country. */
  nationwide: string[];
  /** Determiners that may stand between a verb and the place it attacks ("attacked the Odesa region"). */
  determiners: string[];
  /** "two more", "deux autres": words after a number that add to an earlier figure of the same weapons. */
  more: string[];
  /** Words of background, not of this attack: "since", "regularly", "uses" ("Moscow has used Shaheds since 2022"). */
  background: string[];
  /** Words that introduce a model after the class: "типу", "type", "de type". */
  modelIntro: string[];
  outcomes: Partial<Record<Outcome | "debris", string[]>>;
  /** Words that cancel an outcome cue right before it ("не", "not"). */
  negation: string[];
  qualifiers: Partial<Record<Qualifier, string[]>>;
  casualties: Record<CasualtyKind, string[]>;
  /** A toll that grew to a number ("rose to", "зросла до"): the number after it is exact and the toll's. */
  rose: string[];
  /** Nouns for people, between a number and a casualty word ("3 people killed"). */
  persons: string[];
  /** "all 42 drones", "усі 14 шахедів": every one launched met the outcome told. */
  all: string[];
  /** "of them", "з них", "dont": a figure that is a part of the previous one. */
  partOf: string[];
  /** "28 of 29": the word between a part and its total. */
  outOf: string[];
  /** "по одному", "one each": one weapon for each region listed after. */
  each: string[];
  /** Prepositions putting a figure in, over or towards a region. */
  over: string[];
  /** Words before a city that put a place around it, in the region that surrounds it: "near Kyiv", "під Києвом". */
  near: string[];
  /** Words after a city that do the same: "the Kyiv area". */
  nearAfter: string[];
  /** Words after a city that add the region around it: "Kyiv and the surrounding region", "Київ та область". */
  andSurroundings: string[];
  /** A running total after a figure: "bringing the total to", "portant le total à" (the figure follows `runningTotalTo`). */
  runningTotal: string[];
  /** The word right before the running total's figure: "to", "à", "до". */
  runningTotalTo: string[];
  /** The prepositions of `over` that put a figure above a place, never where a statement was made ("over", "над"). */
  above: string[];
  /** Nouns that may stand between such a preposition and the region name ("territory", "région"). */
  regionNouns: string[];
  /** Directions relative to a place ("east of Moscow"): the place is a landmark, not a target. */
  compass: string[];
  /** Plural nouns closing a list of regions ("…, Kyiv and Sumy regions"): every name in it is a region's. */
  regionsPlural: string[];
  /** A region the text leaves unnamed: "над іншою областю", "au-dessus de plusieurs régions". */
  unnamedRegion: string[];
  /** The capital of the target country ("la capitale", "столиця"). */
  capital: string[];
  /** Launch-area cues: "з напрямків", "launched from", "район пуску". */
  launch: string[];
  /** Prepositions of origin: a place right after one, in a sentence about weapons, is a launch area. */
  from: string[];
  seas: Record<"sea:black" | "sea:azov" | "sea:caspian", string[]>;
  /** Bodies whose statements are claims, and generic side names used with an attribution verb. */
  orgs: Partial<Record<Org, string[]>>;
  sides: Record<Side, string[]>;
  /** Armed forces: a side word beside them names the attacker ("російські війська", "Russian forces"). */
  forces: string[];
  /** "ворожий", "противник", "enemy": the side opposite to the claimant. */
  enemy: string[];
  /** The agent of a passive ("lancés par la Russie", "launched by Russia"): the side named after it attacks. */
  agent: string[];
  /** Verbs and phrases of attribution: "selon", "said", "за даними". */
  attribution: string[];
  /** Attribution that names its source right after it: "selon", "according to", "за даними". */
  according: string[];
  /** The speaker's own strike ("affirme avoir frappé", "said it struck"): the speaker's side attacked. */
  ownStrike: string[];
  /** The same, at the place named before ("y avoir frappé"). */
  ownStrikeThere: string[];
  /** A region referred back to: "cette région", "this region", "цій області". */
  thisRegion: string[];
  /** "were", "étaient", "були": a part that is of a kind ("25 of them were Shaheds"). */
  copula: string[];
  /** "where", "où", "де", "где" after a place and a comma: a relative clause set in that place ("…in Kharkiv, where five drones were shot down"). */
  where: string[];
  /** "единиц", "одиниць", "units", "appareils": the noun a figure after a dash may carry instead of its weapons ("— 118 единиц"). */
  units: string[];
  /** "столько же", "as many", "autant": the figure just told, again, for another place ("пять над Ростовской областью, столько же — над Крымом"). */
  sameNumber: string[];
  /** "de", "d'" opening each item of a list of places ("les régions de Kherson, d'Odessa et de Mykolaïv"); empty where items take none. */
  listItemPrep: string[];
  /** "respectively", "respectivement", "соответственно", "відповідно": figures paired in order with the places listed. */
  respectively: string[];
  /** "dropped", "largué", "скинутий", "сброшенный": a release whose agent ("by a drone") is the carrier, not a weapon launched. */
  drop: string[];
  /** Superlatives ("la plus", "deadliest", "наймасованіша"): a period after one is the span of a comparison, not of a total. */
  superlative: string[];
  /** "since the start of the war", "с начала СВО": opening a sentence, the span of a total over the war. */
  sinceWar: string[];
  /** "how many", "combien", "скільки", "сколько": a question ("…100 drones: how many were shot down") owns the verb after it. */
  howMany: string[];
  /** "detected", "détectés", "виявлено", "обнаружены": a detection joined to a stop verb ("detected and destroyed") tells the stop alone. */
  detected: string[];
  /** "dozens of", "des dizaines de", "десятки", "кілька": a quantity with no figure; after "and" it opens a weapon phrase of its own ("six missiles and dozens of drones"). */
  vague: string[];
  /** "hours", "heures", "годин", "часов": a unit of time after a number ("За предыдущие четыре часа…") makes it a duration, no figure. */
  durations: string[];
  /** Words of attack that make a sentence about an attack ("frappes", "атака", "strike"). */
  attack: string[];
  /** Words after a singular weapon noun that show it names a kind of something ("drone attack"). */
  modifies: string[];
  /**
   * Record claims; `not` are hedges that make a superlative no claim ("one of the largest"); `bounded`
   * are short horizons that make it a local one ("the largest in months", "in recent days").
   */
  record: { cue: string[]; war: string[]; year: string[]; not: string[]; bounded: string[] };
  /** Words that announce a figure about something other than an attack (a week's total…). */
  period: string[];
  /** Words that decide whether a toll or a place belongs to the attack told (`<lang>/belonging.ts`). */
  belonging: Belonging;
  /**
   * Words of a photo caption or credit line ("Photo:", "FILE PHOTO", "in this picture", "На фото"): such a
   * line describes an image, often of another day, and neither dates nor tells the report.
   */
  caption: string[];
  /** Air defence ("ППО", "air defences", "défense aérienne"): a side word beside it names the side defending. */
  defence: string[];
  /** Words opening a sentence about an earlier event ("Ранее", "Earlier", "Auparavant"): what follows on its line is of that day too. */
  earlier: string[];
  /** Words opening a reported clause ("que", "that", "що", "что"): a body after them is reported on, not reporting. */
  that: string[];
  /** Attribution that points back ("Об этом сообщили в…", "Про це повідомили…", "This was reported by…"): its body told what came before. */
  anaphora: string[];
}

/**
 * Words that tie a casualty toll or a place to the air attack a text tells, or that show they
 * belong to something else: a day's tally, shelling, a person's age, a river, a capital standing
 * for its government.
 */
export interface Belonging {
  /** A toll over a period, not of one attack: "over the past day", "за минулу добу", "since the war began". */
  tally: string[];
  /** Attacks in general or over a long time, not the one told: "almost every night", "in recent months". */
  background: string[];
  /** A report taken back: "corrected initial reports that", "ont démenti", "спростували": the harm it names did not happen. */
  retracted: string[];
  /** Fire that is no air attack: "shelling", "artillery", "артилерійськ*", "tirs d'artillerie". */
  shelling: string[];
  /** People who only sought help or had an acute stress reaction: not injured. */
  notInjured: string[];
  /** "among the injured", "серед поранених": the casualty word names the group a part is taken from. */
  among: string[];
  /** "ще", "another", "d'autres": a figure told beside an earlier one, not a part of it. */
  more: string[];
  /** A singular noun for one person, for languages without articles: "загинула жінка" is one killed. */
  onePerson: string[];
  /** A singular pronoun for a person told of just before: "його госпіталізували", "he was hospitalized". */
  pronounOne: string[];
  /** Words beside a number that make it an age or a birth year: "74 ans", "13 років", "aged 45". */
  age: string[];
  /** Parts of a country that are no region: "southern Ukraine", "півдні України". */
  broadArea: string[];
  /** Watercourses and their banks: a name beside one is the river's, not a region's. */
  river: string[];
  /**
   * What a capital's name does when it stands for its government ("Kyiv pushes for", "les alliés de
   * Kiev", "Moscow blames"): predicates after the name and political nouns before it.
   */
  polity: { after: string[]; before: string[] };
  /** A place named as where a statement, talks or a visit happened, not where weapons struck. */
  venue: string[];
  /** An alert is no attack: "an air raid alert sounded in Kyiv", "повітряна тривога". */
  alert: string[];
  /** Verbs that receive the harm a casualty noun names, later in its clause: "получили", "отримали", "sustained". */
  receive: string[];
  /** One of a toll shared out over places: "l'une … l'autre", "one … the other", "одна … інша". */
  distributive: string[];
  /** Words opening a contrasting clause, which tells of another event: "while", "тоді як", "tandis que". */
  clauseBreak: string[];
}
/** The belonging lists, flat: "tally", "polity.after"… */
export type BelongingKey = Exclude<keyof Belonging, "polity"> | "polity.after" | "polity.before";
