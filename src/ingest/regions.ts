// Region names → ISO codes, from data/regions.json (a copy of the project's reference regions).
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { RegionCode } from "../model/index.js";

export interface RegionEntry {
  iso: RegionCode;
  country: "UA" | "RU";
  names: Record<string, string>;
  aliases: string[];
  centroid: [number, number];
}

let cache: RegionEntry[] | null = null;
let index: Map<string, RegionCode> | null = null;

/** data/regions.json of the package: two folders up from src/ingest under tsx, three from dist/src/ingest when built. */
export function regionsPath(): string {
  const candidates = ["../../data/regions.json", "../../../data/regions.json"].map((p) => fileURLToPath(new URL(p, import.meta.url)));
  return candidates.find((p) => existsSync(p)) ?? candidates[0]!;
}

export function loadRegions(): RegionEntry[] {
  cache ??= JSON.parse(readFileSync(regionsPath(), "utf8")) as RegionEntry[];
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
    index = new Map();
    for (const r of loadRegions()) {
      for (const n of [...Object.values(r.names), ...r.aliases]) if (!index.has(norm(n))) index.set(norm(n), r.iso);
      index.set(norm(r.iso), r.iso);
    }
  }
  const k = norm(name);
  return SEAS[k] ?? index.get(k) ?? null;
}

export function centroidOf(code: RegionCode): [number, number] | null {
  return loadRegions().find((r) => r.iso === code)?.centroid ?? null;
}
