import { describe, expect, it } from "vitest";
import { TOTP, base32Decode, base32Encode, generateTotpSecret, otpauthUri, totpCode, totpStep, verifyTotp } from "../../worker/lib/totp.ts";

// RFC 6238 Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
const RFC_SECRET = base32Encode(new TextEncoder().encode("12345678901234567890"));
const RFC_SHA1_VECTORS: [seconds: number, code: string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

describe("TOTP (RFC 6238)", () => {
  it("encodes the RFC seed as the well-known base32 secret", () => {
    expect(RFC_SECRET).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    expect(new TextDecoder().decode(base32Decode(RFC_SECRET.toLowerCase()))).toBe("12345678901234567890");
  });

  it.each(RFC_SHA1_VECTORS)("matches the Appendix B SHA-1 vector at T=%i", async (seconds, code) => {
    expect(await totpCode(RFC_SECRET, seconds * 1000, 8)).toBe(code);
    // Six digits are the last six of the eight (the value is taken modulo 10^digits).
    expect(await totpCode(RFC_SECRET, seconds * 1000)).toBe(code.slice(2));
  });

  it("generates 20-byte secrets in base32", () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(TOTP.secretBytes);
    expect(generateTotpSecret()).not.toBe(secret);
  });

  it("accepts the current step and one either side, and nothing further", async () => {
    const secret = generateTotpSecret();
    const now = 1_700_000_000_000;
    const step = totpStep(now);
    for (const offset of [-1, 0, 1]) {
      const code = await totpCode(secret, now + offset * 30_000);
      expect(await verifyTotp(secret, code, now, null)).toBe(step + offset);
    }
    for (const offset of [-2, 2]) {
      const code = await totpCode(secret, now + offset * 30_000);
      expect(await verifyTotp(secret, code, now, null)).toBeNull();
    }
  });

  it("refuses a replayed code and any code for an earlier step", async () => {
    const secret = generateTotpSecret();
    const now = 1_700_000_000_000;
    const code = await totpCode(secret, now);
    const used = await verifyTotp(secret, code, now, null);
    expect(used).toBe(totpStep(now));
    // Same code again, even 10 seconds later in the same step: refused.
    expect(await verifyTotp(secret, code, now + 10_000, used)).toBeNull();
    // The previous step's code is still inside the window but older than the last use.
    expect(await verifyTotp(secret, await totpCode(secret, now - 30_000), now, used)).toBeNull();
    // The next step's code is fine.
    expect(await verifyTotp(secret, await totpCode(secret, now + 30_000), now + 30_000, used)).toBe(used! + 1);
  });

  it("refuses malformed codes", async () => {
    const secret = generateTotpSecret();
    for (const code of ["", "12345", "1234567", "12a456", "------"]) {
      expect(await verifyTotp(secret, code, Date.now(), null)).toBeNull();
    }
  });

  it("builds the otpauth URI with the portal's issuer", () => {
    expect(otpauthUri("JBSWY3DPEHPK3PXP", "jane.doe@cic.gc.ca")).toBe(
      "otpauth://totp/IRCC%20PR%20Portal:jane.doe%40cic.gc.ca?secret=JBSWY3DPEHPK3PXP&issuer=IRCC%20PR%20Portal&algorithm=SHA1&digits=6&period=30",
    );
  });
});
