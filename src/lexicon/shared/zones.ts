/**
 * The time zone a publisher writes its times in, by the country code of its web address: a time
 * printed without a zone ("10:19 24.09.2025") on an .ua site is Kyiv time. Zones are IANA names.
 */
export const ZONES_BY_COUNTRY_DOMAIN: Readonly<Record<string, string>> = {
  ua: "Europe/Kyiv",
  ru: "Europe/Moscow",
  by: "Europe/Minsk",
  fr: "Europe/Paris",
  be: "Europe/Brussels",
  ch: "Europe/Zurich",
  lu: "Europe/Luxembourg",
  de: "Europe/Berlin",
  pl: "Europe/Warsaw",
  uk: "Europe/London",
  ie: "Europe/Dublin",
  it: "Europe/Rome",
  es: "Europe/Madrid",
  hk: "Asia/Hong_Kong",
  in: "Asia/Kolkata",
  pk: "Asia/Karachi",
  il: "Asia/Jerusalem",
  ca: "America/Toronto",
};

export function zoneOfUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const host = /^[a-z]+:\/\/([^/:?#]+)/i.exec(url)?.[1]?.toLowerCase();
  const tld = host?.split(".").pop();
  return (tld && ZONES_BY_COUNTRY_DOMAIN[tld]) ?? null;
}
