const nf = new Intl.NumberFormat("en-GB");

export function num(n: number | null | undefined): string {
  return n === null || n === undefined ? "–" : nf.format(n);
}

export function pct(part: number | null | undefined, whole: number | null | undefined): string {
  // Above 100 % the figures come from accounts that do not add up; a rate would mislead.
  if (part === null || part === undefined || !whole || part > whole) return "–";
  return `${Math.round((100 * part) / whole)} %`;
}

const QUALIFIER: Record<string, string> = { exact: "", at_least: "at least ", about: "about ", at_most: "at most " };

export function qualified(n: number, qualifier: string): string {
  return `${QUALIFIER[qualifier] ?? ""}${num(n)}`;
}

const WEAPON: Record<string, string> = {
  any: "all weapons",
  drone: "drones",
  "drone.strike": "strike drones",
  "drone.decoy": "decoy drones",
  "drone.recon": "reconnaissance drones",
  missile: "missiles",
  "missile.ballistic": "ballistic missiles",
  "missile.aeroballistic": "aeroballistic missiles",
  "missile.cruise": "cruise missiles",
  "missile.guided": "guided missiles",
  "missile.sam": "SAM missiles",
  bomb: "guided bombs",
  rocket: "rockets",
};

export function weaponLabel(w: string): string {
  return WEAPON[w] ?? w;
}

/** The broad class a weapon is charted under: `missile.cruise` → `missile`. */
export function weaponClass(w: string): string {
  return w.split(".")[0] ?? w;
}

const CLAIMANT: Record<string, string> = {
  UA: "Kyiv",
  RU: "Moscow",
  third: "Third parties",
  media: "Media",
};

export function claimantLabel(c: string): string {
  return CLAIMANT[c] ?? c;
}

const ORG: Record<string, string> = {
  "UA.air_force": "Ukrainian Air Force",
  "UA.general_staff": "Ukrainian General Staff",
  "UA.president": "President of Ukraine",
  "UA.government": "Government of Ukraine",
  "UA.regional": "Ukrainian regional authorities",
  "UA.other": "Ukrainian officials",
  "RU.mod": "Russian Ministry of Defence",
  "RU.regional": "Russian regional authorities",
  "RU.government": "Government of Russia",
  "RU.other": "Russian officials",
  third: "Third party",
  media: "Media",
};

export function orgLabel(o: string): string {
  return ORG[o] ?? o;
}

export function sidesLabel(attacker: string, target: string): string {
  return `${attacker}→${target}`;
}

export function directionLabel(attacker: string, target: string): string {
  if (attacker === "RU" && target === "UA") return "Russia's attacks on Ukraine";
  if (attacker === "UA" && target === "RU") return "Ukraine's attacks on Russia";
  return sidesLabel(attacker, target);
}

export function dateLabel(iso: string | null | undefined): string {
  if (!iso) return "undated";
  const d = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

const regionNames = new Map<string, string>();

export function setRegionNames(entries: Iterable<[string, string]>): void {
  for (const [k, v] of entries) regionNames.set(k, v);
}

export function regionLabel(code: string | null | undefined): string {
  if (!code) return "whole country";
  const area = /^area:(ua|ru)-([a-z-]+)$/.exec(code);
  if (area) return `${(area[2] ?? "").replace("-", " ")} of ${area[1] === "ua" ? "Ukraine" : "Russia"}`.replace(/^./, (c) => c.toUpperCase());
  if (code.startsWith("sea:")) return `${code.slice(4)} sea`.replace(/^./, (c) => c.toUpperCase());
  return regionNames.get(code) ?? code;
}
