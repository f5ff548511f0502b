import type { PeriodLexicon } from "../period-types.js";

export const fr: PeriodLexicon = {
  lang: "fr",
  named: {
    "dans la nuit": "night", "pendant la nuit": "night", "au cours de la nuit": "night", "durant la nuit": "night",
    "cette nuit": "night", "la nuit dernière": "night", "la nuit passée": "night", "de nuit": "night",
    "dans la journée": "day", "en journée": "day", "pendant la journée": "day", "au cours de la journée": "day",
    "durant la journée": "day", "en pleine journée": "day",
    "dans la soirée": "evening", "en soirée": "evening", "ce soir": "evening", "hier soir": "evening",
    "au cours de la soirée": "evening", "pendant la soirée": "evening",
    "en 24 heures": "24h", "en vingt-quatre heures": "24h", "au cours des dernières 24 heures": "24h",
    "au cours des 24 dernières heures": "24h", "ces dernières 24 heures": "24h", "ces 24 dernières heures": "24h",
    "sur les dernières 24 heures": "24h", "au cours des dernières vingt-quatre heures": "24h",
  },
};
