// Region names → ISO codes, from data/regions.json (a copy of the project's reference regions).
import { SalvoError } from "../errors.js";
import type { RegionCode } from "../model/index.js";
import { packageDataPath, readPackageJson } from "../package-data.js";

export interface RegionEntry {
  iso: RegionCode;
  country: "UA" | "RU";
  names: Record<string, string>;
  aliases: string[];
  centroid: [number, number];
}

let cache: RegionEntry[] | null = null;
let index: Map<string, RegionCode> | null = null;

/** data/regions.json of the package root, whatever the layout (sources, dist, installed). */
export function regionsPath(): string {
  return packageDataPath("regions.json");
}

/**
 * The reference regions. A missing or unreadable file throws SALVO_DATA_MISSING every time it is asked for (never
 * an empty list that would let rows be stored without their regions).
 */
export function loadRegions(): RegionEntry[] {
  if (cache) return cache;
  const list = readPackageJson<unknown>("regions.json");
  if (!Array.isArray(list) || list.length === 0) {
    throw new SalvoError("SALVO_DATA_MISSING", `the package's data file ${regionsPath()} holds no regions; reinstall salvo or restore the file`);
  }
  cache = list as RegionEntry[];
  return cache;
}

const SEAS: Record<string, RegionCode> = {
  "black sea": "sea:black",
  "sea of azov": "sea:azov",
  "azov sea": "sea:azov",
  "caspian sea": "sea:caspian",
};

function norm(s: string): string {
  return s.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** The region a name denotes (a region name or alias, or a sea); null when unknown. */
export function resolveRegion(name: string): RegionCode | null {
  if (!index) {
    // Built aside and kept only once complete: a failed load leaves no half-made (empty) index behind.
    const built = new Map<string, RegionCode>();
    for (const r of loadRegions()) {
      for (const n of [...Object.values(r.names), ...r.aliases]) if (!built.has(norm(n))) built.set(norm(n), r.iso);
      built.set(norm(r.iso), r.iso);
    }
    index = built;
  }
  const k = norm(name);
  return SEAS[k] ?? index.get(k) ?? null;
}

export function centroidOf(code: RegionCode): [number, number] | null {
  return loadRegions().find((r) => r.iso === code)?.centroid ?? null;
}
