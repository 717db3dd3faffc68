import { describe, expect, it } from "vitest";
import {
  PASSWORD_HASH_PARAMS,
  WORKERS_PBKDF2_ITERATION_CAP,
  hashPassword,
  needsRehash,
  verifyPassword,
} from "../../worker/lib/password-hash.ts";

describe("password hashing parameters", () => {
  // Production Workers refuse PBKDF2 above 100,000 iterations per call, and
  // local workerd does not: this test is what keeps us deployable.
  it("never asks WebCrypto for more than the Workers cap in one call", () => {
    expect(WORKERS_PBKDF2_ITERATION_CAP).toBe(100_000);
    expect(PASSWORD_HASH_PARAMS.iterationsPerRound).toBeLessThanOrEqual(WORKERS_PBKDF2_ITERATION_CAP);
  });

  it("meets OWASP's PBKDF2-HMAC-SHA256 minimum of 600,000 iterations in total", () => {
    expect(PASSWORD_HASH_PARAMS.algorithm).toBe("PBKDF2-HMAC-SHA256");
    expect(PASSWORD_HASH_PARAMS.iterationsPerRound * PASSWORD_HASH_PARAMS.rounds).toBeGreaterThanOrEqual(600_000);
    expect(PASSWORD_HASH_PARAMS.saltBytes).toBeGreaterThanOrEqual(16);
    expect(PASSWORD_HASH_PARAMS.hashBytes).toBeGreaterThanOrEqual(32);
  });

  it("records the parameters in the stored hash, salted uniquely", async () => {
    const a = await hashPassword("correct horse battery staple");
    const b = await hashPassword("correct horse battery staple");
    expect(a).toMatch(/^pbkdf2-sha256\$100000x6\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(needsRehash(a)).toBe(false);
    expect(needsRehash("pbkdf2-sha256$100000x1$AAAA$AAAA")).toBe(true);
  });

  it("verifies the right password, NFKC-equal forms, and nothing else", async () => {
    const stored = await hashPassword("café au lait ce matin");
    expect(await verifyPassword("café au lait ce matin", stored)).toBe(true);
    // "é" as e + combining accent normalizes to the same password.
    expect(await verifyPassword("cafe\u0301 au lait ce matin", stored)).toBe(true);
    expect(await verifyPassword("cafe au lait ce matin", stored)).toBe(false);
    expect(await verifyPassword("café au lait ce matin", "garbage")).toBe(false);
  });

  it("refuses to run a round above the cap, as production would", async () => {
    await expect(
      verifyPassword("x", "pbkdf2-sha256$600000x1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
    ).rejects.toThrow(/exceed the Workers cap/);
  });
});
