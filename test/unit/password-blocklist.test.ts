// The shipped blocklist (worker/lib/password-blocklist.bin, a Bloom filter
// bundled as a Data module) against real breached passwords of 15+
// characters: every one in the lists it was built from, not just two examples.
import zxcvbnPasswords from "@zxcvbn-ts/language-common/src/passwords.json";
import { describe, expect, it } from "vitest";
import famousPassphrases from "../../scripts/password-lists/famous-passphrases.txt";
import rockyouLong from "../../scripts/password-lists/rockyou-long.txt";
import { BloomFilter, expectedFalsePositiveRate } from "../../worker/lib/bloom-filter.ts";
import { shippedPasswordBlocklist } from "../../worker/lib/password-blocklist.ts";
import { checkPasswordRules } from "../../worker/lib/password-policy.ts";

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
const refused = (password: string) =>
  checkPasswordRules(password, { username: "PR-ABCD2345", blocklist: shippedPasswordBlocklist() }).length > 0;
const long = (p: string) => [...p.normalize("NFKC")].length >= 15;

describe("shipped password blocklist", () => {
  it("refuses every RockYou password of 15+ characters among the 59,187 most common (real breach data)", () => {
    const sample = lines(rockyouLong);
    expect(sample.length).toBeGreaterThanOrEqual(60);
    expect(sample.filter((p) => !refused(p))).toEqual([]);
  });

  it("refuses every zxcvbn common password of 15+ characters", () => {
    const sample = (zxcvbnPasswords as string[]).filter(long);
    expect(sample.length).toBeGreaterThanOrEqual(40);
    expect(sample.filter((p) => !refused(p))).toEqual([]);
  });

  it("refuses famous passphrases as typed, capitalised with punctuation, run together or with a number after", () => {
    const phrases = lines(famousPassphrases).filter((p) => p.replace(/[^\p{L}]/gu, "").length >= 6);
    expect(phrases).toContain("correct horse battery staple");
    const missed: string[] = [];
    for (const phrase of phrases) {
      const titled = phrase.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
      for (const spelling of [phrase, `${titled.replace(/ /g, "-")}!`, phrase.replace(/ /g, ""), `${phrase} 2024`]) {
        if (long(spelling) && !refused(spelling)) missed.push(spelling);
      }
    }
    expect(missed).toEqual([]);
    expect(refused("thequickbrownfoxjumpsoverthelazydog")).toBe(true);
  });

  it("is a Bloom filter of the documented size and false-positive rate, measured on random strings", () => {
    const filter = shippedPasswordBlocklist();
    expect(filter.count).toBeGreaterThan(40_000);
    expect(filter.hashes).toBe(20);
    expect(expectedFalsePositiveRate(filter.size, filter.hashes, filter.count)).toBeLessThanOrEqual(1.01e-6);
    // 200,000 random 20-letter strings: about 0.2 false positives expected.
    let hits = 0;
    for (let t = 0; t < 200_000; t++) {
      let s = "";
      for (let i = 0; i < 20; i++) s += String.fromCharCode(97 + Math.floor(Math.random() * 26));
      if (filter.has(s)) hits++;
    }
    expect(hits).toBeLessThanOrEqual(5);
  });

  it("refuses a damaged or foreign file instead of reading garbage", () => {
    const good = BloomFilter.create(10, 0.01);
    good.add("hello world");
    const bytes = good.toBytes();
    expect(BloomFilter.fromBytes(bytes).has("hello world")).toBe(true);
    expect(() => BloomFilter.fromBytes(bytes.slice(0, bytes.length - 1))).toThrow(/truncated/);
    expect(() => BloomFilter.fromBytes(new TextEncoder().encode('["password"]'))).toThrow(/not a version 1/);
  });
});
