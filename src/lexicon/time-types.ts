import type { Lang } from "../model/vocab.js";
import { en } from "./en/time.js";
import { fr } from "./fr/time.js";
import { ru } from "./ru/time.js";
import { uk } from "./uk/time.js";

export type DayPart = "morning" | "day" | "evening";

/**
 * The words one language uses for dates and times. Data only: surface forms as written (any case,
 * ASCII apostrophe, single spaces), matched case-insensitively on word boundaries by the shared
 * grammar in src/extract/dates. A language is added by writing one of these and registering it below.
 */
export interface TimeLexicon {
  lang: Lang;
  /** IANA zone of the language's usual publisher, used for stated times without an offset; null = unknown. */
  timeZone: string | null;
  /** How to read an all-numeric date with slashes whose day and month are both ≤ 12. */
  slashOrder: "dmy" | "mdy";
  /** Every written form of a month (inflected, abbreviated with its dot) → 1..12. */
  months: Record<string, number>;
  /** Month forms that are also common words and count only when written exactly so ("May"). */
  exactCaseMonths: string[];
  /** Every form of a weekday → 0 (Sunday) .. 6 (Saturday). */
  weekdays: Record<string, number>;
  /** Suffixes written after a day number ("1er", "4th"). */
  ordinalSuffixes: string[];
  /** Words after a year ("2025 року", "2025 г."). */
  yearWords: string[];
  /** A night named by the day it ends: "у ніч на 4 липня", "overnight into Friday". */
  nightInto: string[];
  /** A night named by both days: "dans la nuit du 3 au 4", "в ночь с пятницы на субботу". */
  nightFrom: string[];
  /** The word between the two days of nightFrom ("au", "à", "на", "to"). */
  nightJoin: string[];
  /** Night cues that take their date from an adjacent day phrase or from the publication date. */
  night: string[];
  /** "night" written after a weekday or date ("Friday night"). */
  nightAfter: string[];
  /** "на ранок 26 вересня": the state in the morning after a night. */
  morningAfter: string[];
  dayParts: Record<string, DayPart>;
  /** Days named relative to the publication date → offset in days. */
  relativeDays: Record<string, number>;
  /** Start of a time window ("з", "с", "from", "between", "de", "entre"). */
  windowFrom: string[];
  /** Auxiliaries of a tense before the past ("had said", "avait annoncé"): a day told with one is an earlier event's. */
  pluperfect: string[];
  /** End of a time window ("до", "по", "to", "and", "à", "et"). */
  windowTo: string[];
  /** Hour markers written after the hour ("11h34", "8 год"). */
  hourMarkers: string[];
  /** a.m. / p.m. forms. */
  meridiem: { am: string[]; pm: string[] };
  /** Times written as words → minutes after midnight ("minuit" = 1440, "midi" = 720). */
  timeWords: Record<string, number>;
  /** Named time zones → IANA zone or fixed offset ("+03:00", "Z"). */
  zones: Record<string, string>;
  /** "and" between two day phrases ("mardi soir et mercredi matin"). */
  conjunctions: string[];
  /** Small words allowed around and inside a date phrase but not part of it ("on", "le", "о"). */
  fillers: string[];
  /** Cues of a stated publication time. */
  published: string[];
  /** Cues of a stated update time. */
  updated: string[];
}

/** The lexicon of each language. */
export const TIME_LEXICONS: Record<Lang, TimeLexicon> = { fr, en, uk, ru };
