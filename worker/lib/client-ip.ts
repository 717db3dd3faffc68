/*
 * The key a per-IP throttle counts under. An IPv4 address is one key. An IPv6
 * client is keyed by its /64: an ISP hands each subscriber at least a /64, so
 * one person can use 2^64 addresses and would otherwise get 2^64 budgets.
 * Every spelling of an address gives the same key (compressed or not, upper or
 * lower case, leading zeros, a zone id, an IPv4-mapped ::ffff:a.b.c.d, which
 * is that IPv4 address).
 */

/** The address as parsed: IPv4 octets, or IPv6 as eight 16-bit groups. */
type ParsedIp = { version: 4; octets: number[] } | { version: 6; groups: number[] };

/** What a per-IP throttle counts under when the address is missing or not an IP (local runs without the header). */
export const UNKNOWN_IP_KEY = "unknown";

function parseIpv4(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  const octets = parts.map((part) => (/^[0-9]{1,3}$/.test(part) ? Number(part) : NaN));
  return octets.every((octet) => Number.isInteger(octet) && octet <= 255) ? octets : null;
}

function parseIpv6(text: string): number[] | null {
  let rest = text;
  // An embedded IPv4 tail (::ffff:192.0.2.1, 64:ff9b::192.0.2.1) is written as its two groups.
  const lastColon = rest.lastIndexOf(":");
  if (rest.slice(lastColon + 1).includes(".")) {
    const v4 = parseIpv4(rest.slice(lastColon + 1));
    if (!v4) return null;
    rest = `${rest.slice(0, lastColon + 1)}${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  }
  const halves = rest.split("::");
  if (halves.length > 2) return null;
  const toGroups = (half: string): number[] | null => {
    if (half === "") return [];
    const groups = half.split(":").map((group) => (/^[0-9a-f]{1,4}$/.test(group) ? parseInt(group, 16) : NaN));
    return groups.every((group) => !Number.isNaN(group)) ? groups : null;
  };
  const head = toGroups(halves[0]!);
  const end = halves.length === 2 ? toGroups(halves[1]!) : [];
  if (!head || !end) return null;
  const written = head.length + end.length;
  if (halves.length === 1) return written === 8 ? head : null;
  // "::" stands for at least one zero group.
  if (written > 7) return null;
  return [...head, ...new Array<number>(8 - written).fill(0), ...end];
}

/** Parses an address as CF-Connecting-IP gives it (brackets and a zone id tolerated); null if it is not one. */
export function parseIp(raw: string): ParsedIp | null {
  let text = raw.trim().toLowerCase();
  if (text.startsWith("[") && text.endsWith("]")) text = text.slice(1, -1);
  if (!text.includes(":")) {
    const octets = parseIpv4(text);
    return octets ? { version: 4, octets } : null;
  }
  // A zone id (fe80::1%eth0) names the local interface, not the host.
  const zone = text.indexOf("%");
  if (zone !== -1) text = text.slice(0, zone);
  const groups = parseIpv6(text);
  if (!groups) return null;
  // IPv4-mapped (::ffff:a.b.c.d) is the IPv4 client itself.
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return { version: 4, octets: [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff] };
  }
  return { version: 6, groups };
}

/** The throttle key of an address: "192.0.2.1" for IPv4, "2001:db8:0:1::/64" for IPv6, UNKNOWN_IP_KEY otherwise. */
export function ipThrottleKey(raw: string | null | undefined): string {
  const parsed = raw ? parseIp(raw) : null;
  if (!parsed) return UNKNOWN_IP_KEY;
  if (parsed.version === 4) return parsed.octets.join(".");
  return `${parsed.groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(":")}::/64`;
}

/** The throttle key of the request's client (CF-Connecting-IP, set by Cloudflare). */
export function clientIpKey(headers: Headers): string {
  return ipThrottleKey(headers.get("CF-Connecting-IP"));
}
