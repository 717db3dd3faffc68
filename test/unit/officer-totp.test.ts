import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import {
  TOTP_POLICY,
  generateTotpSecret,
  otpauthUri,
  totpCode,
  totpStep,
  verifyTotp,
} from "../../worker/lib/officer-totp.ts";

// RFC 6238 Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
const RFC_SECRET = Secret.fromLatin1("12345678901234567890").base32;
const RFC_SHA1_VECTORS: [seconds: number, code: string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

describe("officer TOTP (RFC 6238 through otpauth, in workerd)", () => {
  it("reads the RFC seed's well-known base32 secret, in any case", () => {
    expect(RFC_SECRET).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    expect(new TextDecoder().decode(Secret.fromBase32(RFC_SECRET.toLowerCase()).bytes)).toBe("12345678901234567890");
  });

  it.each(RFC_SHA1_VECTORS)("matches the Appendix B SHA-1 vector at T=%i", (seconds, code) => {
    // The library with the RFC's 8 digits, then the portal's 6: the last six of the eight (modulo 10^digits).
    expect(
      new TOTP({ secret: RFC_SECRET, algorithm: "SHA1", digits: 8, period: 30 }).generate({
        timestamp: seconds * 1000,
      }),
    ).toBe(code);
    expect(totpCode(RFC_SECRET, seconds * 1000)).toBe(code.slice(2));
    expect(verifyTotp(RFC_SECRET, code.slice(2), seconds * 1000, null)).toBe(Math.floor(seconds / 30));
  });

  it("generates 20-byte secrets in base32", () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(Secret.fromBase32(secret).bytes).toHaveLength(TOTP_POLICY.secretBytes);
    expect(generateTotpSecret()).not.toBe(secret);
  });

  it("accepts the current step and one either side, and nothing further", () => {
    const secret = generateTotpSecret();
    const now = 1_700_000_000_000;
    const step = totpStep(now);
    for (const offset of [-1, 0, 1]) {
      const code = totpCode(secret, now + offset * 30_000);
      expect(verifyTotp(secret, code, now, null)).toBe(step + offset);
    }
    for (const offset of [-2, 2]) {
      const code = totpCode(secret, now + offset * 30_000);
      expect(verifyTotp(secret, code, now, null)).toBeNull();
    }
  });

  it("refuses a replayed code and any code for an earlier step", () => {
    const secret = generateTotpSecret();
    const now = 1_700_000_000_000;
    const code = totpCode(secret, now);
    const used = verifyTotp(secret, code, now, null);
    expect(used).toBe(totpStep(now));
    // Same code again, even 10 seconds later in the same step: refused.
    expect(verifyTotp(secret, code, now + 10_000, used)).toBeNull();
    // The previous step's code is still inside the window but older than the last use.
    expect(verifyTotp(secret, totpCode(secret, now - 30_000), now, used)).toBeNull();
    // The next step's code is fine.
    expect(verifyTotp(secret, totpCode(secret, now + 30_000), now + 30_000, used)).toBe(used! + 1);
  });

  it("computes every step of the window whatever matches, so the time taken does not tell which step did", () => {
    const secret = generateTotpSecret();
    const now = 1_700_000_000_000;
    const validate = TOTP.prototype.validate;
    const asked: number[] = [];
    TOTP.prototype.validate = function (this: TOTP, options) {
      asked.push(TOTP.counter({ period: TOTP_POLICY.period, timestamp: options.timestamp }));
      return validate.call(this, options);
    };
    try {
      for (const offset of [-1, 0, 1]) {
        asked.length = 0;
        verifyTotp(secret, totpCode(secret, now + offset * 30_000), now, null);
        expect(asked).toEqual([totpStep(now) - 1, totpStep(now), totpStep(now) + 1]);
      }
      asked.length = 0;
      verifyTotp(secret, "000000", now, null);
      expect(asked).toHaveLength(3);
    } finally {
      TOTP.prototype.validate = validate;
    }
  });

  it("refuses malformed codes, and takes one typed with spaces", () => {
    const secret = generateTotpSecret();
    for (const code of ["", "12345", "1234567", "12a456", "------"]) {
      expect(verifyTotp(secret, code, Date.now(), null)).toBeNull();
    }
    const now = 1_700_000_000_000;
    const code = totpCode(secret, now);
    expect(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).toBe(totpStep(now));
  });

  it("builds the otpauth URI with the portal's issuer and parameters", () => {
    expect(otpauthUri("JBSWY3DPEHPK3PXP", "jane.doe@cic.gc.ca")).toBe(
      "otpauth://totp/IRCC%20PR%20Portal:jane.doe%40cic.gc.ca?issuer=IRCC%20PR%20Portal&secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30",
    );
  });
});
