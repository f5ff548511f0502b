import type { RegionCode } from "../../model/vocab.js";

/**
 * Cities that are regions of their own, and the region around each: a place "near Kyiv", "під Києвом", "outside
 * Moscow" lies in the region that surrounds the city, not in the city; "Kyiv and the surrounding region" names both.
 */
export const SURROUNDING_REGION: Readonly<Partial<Record<RegionCode, { region: RegionCode; name: string }>>> = {
  "UA-30": { region: "UA-32", name: "Kyiv Oblast" },
  "UA-40": { region: "UA-43", name: "Autonomous Republic of Crimea" },
  "RU-MOW": { region: "RU-MOS", name: "Moscow Oblast" },
  "RU-SPE": { region: "RU-LEN", name: "Leningrad Oblast" },
};
