// Calendar arithmetic on plain civil dates, independent of the machine's time zone.

export interface CivilDate {
  y: number;
  m: number;
  d: number;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function toDays({ y, m, d }: CivilDate): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

/** 0 = Sunday .. 6 = Saturday. */
export function weekdayOf(date: CivilDate): number {
  return (((toDays(date) + 4) % 7) + 7) % 7;
}

export function addDays(date: CivilDate, n: number): CivilDate {
  return fromDays(toDays(date) + n);
}

export function isValidDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const back = fromDays(toDays({ y, m, d }));
  return back.m === m && back.d === d;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

export function formatDate({ y, m, d }: CivilDate): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** "+02:00" / "-05:30" / "Z" for an offset in minutes. */
export function formatOffset(minutes: number): string {
  if (minutes === 0) return "+00:00";
  const sign = minutes < 0 ? "-" : "+";
  const a = Math.abs(minutes);
  return `${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
      });
    } catch {
      return null;
    }
    formatters.set(zone, f);
  }
  return f;
}

/** Offsets already computed, by zone and instant: `formatToParts` costs microseconds and texts repeat their days. */
const offsets = new Map<string, Map<number, number | null>>();

/** Offset in minutes of an IANA zone at a UTC instant. */
function zoneOffsetAt(zone: string, utcMs: number): number | null {
  let byInstant = offsets.get(zone);
  if (!byInstant) offsets.set(zone, (byInstant = new Map()));
  const known = byInstant.get(utcMs);
  if (known !== undefined) return known;
  const off = computeZoneOffsetAt(zone, utcMs);
  if (byInstant.size >= 10_000) byInstant.clear();
  byInstant.set(utcMs, off);
  return off;
}

function computeZoneOffsetAt(zone: string, utcMs: number): number | null {
  const f = formatterFor(zone);
  if (!f) return null;
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(utcMs))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0);
  return Math.round((asUtc - (utcMs - (utcMs % 60000))) / 60000);
}

/** Offset in minutes of an IANA zone for a local wall-clock time there (DST-aware). */
export function zoneOffsetForLocal(zone: string, date: CivilDate, minutes: number): number | null {
  const wall = Date.UTC(date.y, date.m - 1, date.d, 0, minutes);
  const first = zoneOffsetAt(zone, wall);
  if (first === null) return null;
  const second = zoneOffsetAt(zone, wall - first * 60000);
  return second ?? first;
}

/** The local date in a zone of an absolute instant. */
export function localDateAt(zone: string, utcMs: number): CivilDate | null {
  const off = zoneOffsetAt(zone, utcMs);
  if (off === null) return null;
  const local = new Date(utcMs + off * 60000);
  return { y: local.getUTCFullYear(), m: local.getUTCMonth() + 1, d: local.getUTCDate() };
}

/** A fixed offset "+05:30" / "Z" → minutes; null for anything else. */
export function parseFixedOffset(s: string): number | null {
  if (s === "Z" || s === "z") return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(s);
  if (!m) return null;
  const v = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === "-" ? -v : v;
}

export function formatLocalIso(date: CivilDate, minutes: number, offset: number | "Z"): string {
  const day = formatDate(date);
  const time = `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00`;
  return `${day}T${time}${offset === "Z" ? "Z" : formatOffset(offset)}`;
}
