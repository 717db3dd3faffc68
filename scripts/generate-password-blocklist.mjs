// Builds worker/lib/password-blocklist.json, the offline list of common and
// breached passwords that NIST SP 800-63B asks us to refuse.
//
// Source: @zxcvbn-ts/language-common (MIT), ~49,000 passwords ranked by
// frequency in public breach corpora. The portal needs at least 15 characters,
// so we keep (a) every listed password of 15+ characters, which could be
// typed as-is, and (b) every listed password of 6+ characters, because
// password-policy.ts also refuses a common password padded out with digits,
// symbols or repetition ("password1234567", "monkey!!!!!!!!!").
// Run: node scripts/generate-password-blocklist.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const source = require.resolve("@zxcvbn-ts/language-common/package.json").replace("package.json", "src/passwords.json");
const all = JSON.parse(readFileSync(source, "utf8"));
const kept = [...new Set(all.map((p) => p.normalize("NFKC").toLowerCase()))].filter((p) => p.length >= 6);
kept.sort();
writeFileSync(new URL("../worker/lib/password-blocklist.json", import.meta.url), JSON.stringify(kept) + "\n");
console.log(`password-blocklist.json: ${kept.length} entries`);
