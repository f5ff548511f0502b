import { isIP } from "node:net";

/**
 * Which IP addresses a server fetching URLs on behalf of strangers must never connect to:
 * private, loopback, link-local, unique-local, CGNAT, multicast, unspecified, reserved and
 * documentation ranges, and the IPv6 forms that embed an IPv4 address (mapped, NAT64, 6to4).
 */

type V4Range = readonly [first: number, prefix: number, label: string];

const V4_BLOCKED: readonly V4Range[] = [
  [0x00000000, 8, "unspecified (0.0.0.0/8)"],
  [0x0a000000, 8, "private (10.0.0.0/8)"],
  [0x64400000, 10, "carrier-grade NAT (100.64.0.0/10)"],
  [0x7f000000, 8, "loopback (127.0.0.0/8)"],
  [0xa9fe0000, 16, "link-local (169.254.0.0/16)"],
  [0xac100000, 12, "private (172.16.0.0/12)"],
  [0xc0000000, 24, "IETF protocol assignments (192.0.0.0/24)"],
  [0xc0000200, 24, "documentation (192.0.2.0/24)"],
  [0xc0586300, 24, "6to4 relay anycast (192.88.99.0/24)"],
  [0xc0a80000, 16, "private (192.168.0.0/16)"],
  [0xc6120000, 15, "benchmarking (198.18.0.0/15)"],
  [0xc6336400, 24, "documentation (198.51.100.0/24)"],
  [0xcb007100, 24, "documentation (203.0.113.0/24)"],
  [0xe0000000, 4, "multicast (224.0.0.0/4)"],
  [0xf0000000, 4, "reserved (240.0.0.0/4)"],
];

function v4ToInt(ip: string): number {
  const parts = ip.split(".").map((p) => Number(p));
  return (((parts[0] ?? 0) << 24) | ((parts[1] ?? 0) << 16) | ((parts[2] ?? 0) << 8) | (parts[3] ?? 0)) >>> 0;
}

function v4Blocked(value: number): string | null {
  for (const [first, prefix, label] of V4_BLOCKED) {
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    if ((value & mask) >>> 0 === first) return label;
  }
  return null;
}

/** Expands any textual IPv6 address (with `::`, embedded IPv4, zone id) into 8 16-bit groups. */
export function parseIPv6(ip: string): number[] | null {
  let text = ip.replace(/^\[|\]$/g, "");
  const zone = text.indexOf("%");
  if (zone >= 0) text = text.slice(0, zone);
  if (isIP(text) !== 6) return null;
  const lastColon = text.lastIndexOf(":");
  const last = text.slice(lastColon + 1);
  if (last.includes(".")) {
    // Rewrite a trailing dotted quad (`::ffff:127.0.0.1`) as two hex groups.
    const v = v4ToInt(last);
    text = `${text.slice(0, lastColon + 1)}${(v >>> 16).toString(16)}:${(v & 0xffff).toString(16)}`;
  }
  const [head = "", rest] = text.split("::");
  const toGroups = (s: string) => (s === "" ? [] : s.split(":").map((g) => parseInt(g, 16)));
  const a = toGroups(head);
  const b = rest === undefined ? [] : toGroups(rest);
  const fill = 8 - a.length - b.length;
  if (rest === undefined && fill !== 0) return null;
  const groups = [...a, ...new Array<number>(Math.max(fill, 0)).fill(0), ...b];
  return groups.length === 8 ? groups : null;
}

function v6Blocked(g: number[]): string | null {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const embedded = ((g6 << 16) | g7) >>> 0;
  const upperZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (upperZero && g5 === 0 && g6 === 0 && g7 === 0) return "unspecified (::)";
  if (upperZero && g5 === 0 && g6 === 0 && g7 === 1) return "loopback (::1)";
  if (upperZero && g5 === 0xffff) {
    const inner = v4Blocked(embedded);
    return inner ? `IPv4-mapped ${inner}` : null;
  }
  if (upperZero && g5 === 0) return "IPv4-compatible (::/96, deprecated)";
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    const inner = v4Blocked(embedded);
    return inner ? `NAT64 ${inner}` : null;
  }
  if (g0 === 0x2002) {
    const inner = v4Blocked(((g1 << 16) | g2) >>> 0);
    return inner ? `6to4 ${inner}` : null;
  }
  if (g0 === 0x0100 && g1 === 0 && g2 === 0 && g3 === 0) return "discard-only (100::/64)";
  if (g0 === 0x2001 && g1 === 0x0db8) return "documentation (2001:db8::/32)";
  if ((g0 & 0xfe00) === 0xfc00) return "unique-local (fc00::/7)";
  if ((g0 & 0xffc0) === 0xfe80) return "link-local (fe80::/10)";
  if ((g0 & 0xffc0) === 0xfec0) return "site-local (fec0::/10, deprecated)";
  if ((g0 & 0xff00) === 0xff00) return "multicast (ff00::/8)";
  return null;
}

/**
 * Why an address must not be connected to, or null when it is a public unicast address.
 * Anything that is not a valid IP address is refused too.
 */
export function blockedReason(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, "");
  const family = isIP(bare.split("%")[0] ?? "");
  if (family === 4) return v4Blocked(v4ToInt(bare));
  if (family === 6) {
    const groups = parseIPv6(bare);
    return groups ? v6Blocked(groups) : "not a valid IPv6 address";
  }
  return "not an IP address";
}
