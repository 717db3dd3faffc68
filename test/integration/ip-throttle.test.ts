import { describe, expect, it } from "vitest";
import { Browser } from "../support/http.ts";

/** /verify counts reads too (30 per 15 minutes per IP): a cheap real route to spend a per-IP budget on. */
const VERIFY_LIMIT = 30;
const verifyFrom = async (ip: string) => (await new Browser(ip).get("/api/verify/ABCD-EFGH-JKLM")).status;

describe("per-IP throttles key an IPv6 client by its /64", () => {
  it("addresses in one /64 share the budget, spelled any way; the next /64 has its own", async () => {
    const sameSubnet = [
      "2001:db8:5a:1::1",
      "2001:db8:5a:1::2",
      "2001:0DB8:005A:0001:0000:0000:0000:0003",
      "2001:db8:5a:1:ffff:ffff:ffff:ffff",
      "2001:db8:5a:1::4%eth0",
    ];
    const statuses: number[] = [];
    for (let i = 0; i < VERIFY_LIMIT; i++) statuses.push(await verifyFrom(sameSubnet[i % sameSubnet.length]!));
    expect(statuses.every((s) => s === 404)).toBe(true);
    // One more from yet another address of the same /64 is throttled.
    expect(await verifyFrom("2001:db8:5a:1:abcd::9")).toBe(429);
    expect(await verifyFrom("2001:db8:5a:1::1")).toBe(429);
    // Neighbouring /64s are other clients.
    expect(await verifyFrom("2001:db8:5a:2::1")).toBe(404);
    expect(await verifyFrom("2001:db8:5a:0:ffff:ffff:ffff:ffff")).toBe(404);
  });

  it("an IPv4-mapped address shares the budget of its IPv4 address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < VERIFY_LIMIT; i++) statuses.push(await verifyFrom(i % 2 ? "192.0.2.44" : "::ffff:192.0.2.44"));
    expect(statuses.every((s) => s === 404)).toBe(true);
    expect(await verifyFrom("::ffff:c000:22c")).toBe(429);
    expect(await verifyFrom("192.0.2.45")).toBe(404);
  });
});
