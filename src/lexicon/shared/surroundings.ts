import type { RegionCode } from "../../model/vocab.js";

/**
 * Cities that are regions of their own, and the region around each: a place "near Kyiv", "під Києвом", "outside
 * Moscow" lies in the region that surrounds the city, not in the city.
 */
export const SURROUNDING_REGION: Readonly<Partial<Record<RegionCode, RegionCode>>> = {
  "UA-30": "UA-32",
  "UA-40": "UA-43",
  "RU-MOW": "RU-MOS",
  "RU-SPE": "RU-LEN",
};
