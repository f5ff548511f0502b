import type { Lang, PeriodName } from "../model/vocab.js";
import { en } from "./en/period.js";
import { fr } from "./fr/period.js";
import { ru } from "./ru/period.js";
import { uk } from "./uk/period.js";

/**
 * The words one language uses to name a reporting period without clock times ("в течение ночи",
 * "over the past 24 hours"). Data only: surface forms as written (any case, single spaces), matched
 * case-insensitively on word boundaries by src/extract/period.ts. Windows with clock times ("з 18:00
 * до 08:00") are read with the date grammar's words (time.ts: windowFrom, windowTo, zones).
 */
export interface PeriodLexicon {
  lang: Lang;
  named: Record<string, PeriodName>;
}

export const PERIOD_LEXICONS: Record<Lang, PeriodLexicon> = { fr, en, uk, ru };
