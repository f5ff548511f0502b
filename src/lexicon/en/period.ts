import type { PeriodLexicon } from "../period-types.js";

export const en: PeriodLexicon = {
  lang: "en",
  named: {
    overnight: "night", "during the night": "night", "at night": "night", "last night": "night", "in the night": "night",
    "through the night": "night", "on the night of": "night", "the night of": "night", "nighttime": "night", "night-time": "night",
    "during the day": "day", "in the daytime": "day", "during daytime": "day", "during daylight hours": "day", "throughout the day": "day",
    "in the evening": "evening", "this evening": "evening", "on the evening of": "evening", "during the evening": "evening", "late evening": "evening",
    "over the past 24 hours": "24h", "in the past 24 hours": "24h", "over the last 24 hours": "24h", "in the last 24 hours": "24h",
    "within 24 hours": "24h", "over the past day": "24h", "in the past day": "24h", "over the past twenty-four hours": "24h",
  },
};
