import { describe, expect, it } from "vitest";
import { UNKNOWN_IP_KEY, clientIpKey, ipThrottleKey, parseIp } from "../../worker/lib/client-ip.ts";

describe("per-IP throttle keys", () => {
  it("an IPv4 address is its own key, however it is spelled", () => {
    expect(ipThrottleKey("203.0.113.7")).toBe("203.0.113.7");
    expect(ipThrottleKey(" 203.0.113.007 ")).toBe("203.0.113.7");
    expect(ipThrottleKey("203.0.113.8")).toBe("203.0.113.8");
  });

  it("an IPv4-mapped IPv6 address is the IPv4 address", () => {
    for (const spelling of [
      "::ffff:203.0.113.7",
      "::FFFF:203.0.113.7",
      "0:0:0:0:0:ffff:203.0.113.7",
      "::ffff:cb00:7107",
      "[::ffff:203.0.113.7]",
    ]) {
      expect(ipThrottleKey(spelling), spelling).toBe("203.0.113.7");
    }
    // Only ::ffff: is mapped; other prefixes carrying an IPv4 tail are IPv6 clients.
    expect(ipThrottleKey("64:ff9b::203.0.113.7")).toBe("64:ff9b:0:0::/64");
  });

  it("an IPv6 client is keyed by its /64, whatever the spelling", () => {
    const key = "2001:db8:aa:1::/64";
    for (const spelling of [
      "2001:db8:aa:1::1",
      "2001:db8:aa:1:ffff:ffff:ffff:fffe",
      "2001:0DB8:00AA:0001:0000:0000:0000:0001",
      "2001:db8:aa:1:0:0:0:1",
      "2001:db8:aa:1::1%eth0",
      "[2001:db8:aa:1::2]",
      "2001:db8:aa:1:1234:5678:9.10.11.12",
    ]) {
      expect(ipThrottleKey(spelling), spelling).toBe(key);
    }
    expect(ipThrottleKey("2001:db8:aa:2::1")).toBe("2001:db8:aa:2::/64");
    expect(ipThrottleKey("2001:db8:ab:1::1")).toBe("2001:db8:ab:1::/64");
    expect(ipThrottleKey("::1")).toBe("0:0:0:0::/64");
    expect(ipThrottleKey("2001:db8::")).toBe("2001:db8:0:0::/64");
    expect(ipThrottleKey("fe80::1%25")).toBe("fe80:0:0:0::/64");
  });

  it("parses the full address (the audit log keeps it whole)", () => {
    expect(parseIp("2001:db8::7:8")).toEqual({ version: 6, groups: [0x2001, 0xdb8, 0, 0, 0, 0, 7, 8] });
    expect(parseIp("1::")).toEqual({ version: 6, groups: [1, 0, 0, 0, 0, 0, 0, 0] });
    expect(parseIp("::")).toEqual({ version: 6, groups: [0, 0, 0, 0, 0, 0, 0, 0] });
    expect(parseIp("::ffff:1.2.3.4")).toEqual({ version: 4, octets: [1, 2, 3, 4] });
  });

  it("anything that is not an address shares one key (no fresh budget per made-up value)", () => {
    for (const bad of [
      "",
      "unknown",
      "1.2.3",
      "1.2.3.256",
      "1.2.3.4.5",
      "2001:db8::1::2",
      "2001:db8:aa:1:0:0:0:0:1",
      "2001:db8:aa:1:0:0:0",
      "12345::1",
      "g::1",
      ":1::",
      "1:::2",
      "::ffff:1.2.3",
      "2001:db8::1.2.3.4:5",
      "a.b.c.d",
    ]) {
      expect(ipThrottleKey(bad), bad).toBe(UNKNOWN_IP_KEY);
    }
    expect(ipThrottleKey(null)).toBe(UNKNOWN_IP_KEY);
    expect(clientIpKey(new Headers())).toBe(UNKNOWN_IP_KEY);
    expect(clientIpKey(new Headers({ "CF-Connecting-IP": "2001:db8:aa:1::99" }))).toBe("2001:db8:aa:1::/64");
  });
});
