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
const SEAS: Record<string, string> = { "sea:black": "Black Sea", "sea:azov": "Sea of Azov", "sea:caspian": "Caspian Sea", "sea:baltic": "Baltic Sea" };

export function setRegionNames(entries: Iterable<[string, string]>): void {
  for (const [k, v] of entries) regionNames.set(k, v);
}

export function regionLabel(code: string | null | undefined): string {
  if (!code) return "whole country";
  const area = /^area:(ua|ru)-([a-z-]+)$/.exec(code);
  if (area) return `${(area[2] ?? "").replaceAll("-", " ")} of ${area[1] === "ua" ? "Ukraine" : "Russia"}`.replace(/^./, (c) => c.toUpperCase());
  if (code.startsWith("sea:")) return SEAS[code] ?? `${code.slice(4)} sea`.replace(/^./, (c) => c.toUpperCase());
  return regionNames.get(code) ?? code;
}

/** `2025-07-04` → `3–4 Jul 2025`: an overnight attack is dated by the morning it ends. */
export function nightDates(iso: string): string {
  const end = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(end.getTime())) return iso;
  const start = new Date(end.getTime() - 86_400_000);
  const day = (d: Date) => d.getUTCDate();
  const month = (d: Date) => d.toLocaleDateString("en-GB", { month: "short", timeZone: "UTC" });
  if (start.getUTCFullYear() !== end.getUTCFullYear()) return `${dateLabel(start.toISOString())} – ${dateLabel(iso)}`;
  if (start.getUTCMonth() !== end.getUTCMonth()) return `${day(start)} ${month(start)} – ${day(end)} ${month(end)} ${end.getUTCFullYear()}`;
  return `${day(start)}–${day(end)} ${month(end)} ${end.getUTCFullYear()}`;
}

/** `2025-07-04` ± days, in UTC so that no time zone moves the date. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  return new Date(d.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A publication time as its source gave it: `2025-07-04T11:34:00+02:00` → `4 Jul 2025, 11:34 (UTC+02:00)`.
 * The clock time stays the source's own, not the reader's: it is what the text means by "this morning".
 */
export function timeLabel(iso: string | null | undefined): string {
  if (!iso) return "undated";
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(iso.trim());
  if (!m) return iso;
  const [, date = "", time, zone] = m;
  if (!time) return dateLabel(date);
  return `${dateLabel(date)}, ${time}${zone ? ` (${zone === "Z" ? "UTC" : `UTC${zone}`})` : ""}`;
}
