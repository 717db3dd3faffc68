import { passwordLengthProblem } from "../../shared/api/passwords.ts";
import type { FieldProblem } from "./errors.ts";

/*
 * Password rules from NIST SP 800-63B rev 4 (§3.1.1.2), for a password used
 * as the only factor: at least 15 characters; at least 64 allowed (we allow
 * 128); no composition rules; spaces and all printable Unicode allowed,
 * compared after NFKC normalization; never truncated; refused when it is on a
 * blocklist of common or breached passwords, is repetitive or sequential, or
 * contains context-specific words (the username, the portal's name).
 */
// The limits are the forms' too: defined once in shared/api/passwords.ts.
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../../shared/api/passwords.ts";
const PORTAL_NAMES = [
  "permanent residence",
  "permanentresidence",
  "pr portal",
  "prportal",
  "pr confirmation",
  "confirmation de la rp",
  "ircc",
];

/**
 * A list of common and breached passwords, lower-cased and NFKC-normalized:
 * in the worker the shipped Bloom filter (password-blocklist.ts); in Node
 * scripts the same file read from disk.
 */
interface PasswordBlocklist {
  has(word: string): boolean;
}

/** True for "aaaaaaaaaaaaaaa", "abcabcabcabcabc", "123456789012345", "qwertyuiopasdfg". */
function isRepetitiveOrSequential(password: string): boolean {
  const chars = [...password.toLowerCase()];
  if (new Set(chars).size <= 3) return true;
  // A short unit repeated: the whole string is unit × n (+ a prefix of it).
  for (let unit = 1; unit <= Math.floor(chars.length / 2); unit++) {
    if (chars.every((c, i) => c === chars[i % unit])) return true;
  }
  // Runs along the alphabet, the digits or the keyboard rows.
  const sequences = [
    "abcdefghijklmnopqrstuvwxyz",
    "01234567890",
    "qwertyuiopasdfghjklzxcvbnm",
    "azertyuiopqsdfghjklmwxcvbn",
  ];
  const lower = chars.join("");
  return sequences.some((seq) => {
    const doubled = seq + seq;
    const reversed = [...doubled].reverse().join("");
    return doubled.includes(lower) || reversed.includes(lower);
  });
}

/** True when the password is a listed one, or a listed one padded with digits, symbols or spaces. */
function isCommon(password: string, blocked: PasswordBlocklist): boolean {
  const lower = password.toLowerCase();
  if (blocked.has(lower)) return true;
  const letters = lower.replace(/[^\p{L}]/gu, "");
  if (letters.length === 0) return true; // only digits and symbols
  if (letters.length >= 6 && blocked.has(letters)) return true;
  // A listed word repeated ("dragondragondragon"): the repetition is checked
  // before the lookup, so each unit costs a Bloom filter lookup only when it
  // really repeats (fewer chances of a false positive).
  for (let unit = 6; unit <= letters.length / 2; unit++) {
    const head = letters.slice(0, unit);
    if (head.repeat(Math.ceil(letters.length / unit)).startsWith(letters) && blocked.has(head)) return true;
  }
  return false;
}

/**
 * Every problem with a proposed password, as field problems on `field`.
 * An empty array means the password is acceptable. These are the rules that
 * need no network; the worker calls them through checkNewPassword()
 * (breached-password.ts), which adds the online breach check.
 */
export function checkPasswordRules(
  password: string,
  context: { username?: string; blocklist: PasswordBlocklist },
  field = "newPassword",
): FieldProblem[] {
  const lengthProblem = passwordLengthProblem(password, field);
  // Its parameters are numbers, never a word picked by language.
  if (lengthProblem) return [lengthProblem as FieldProblem];
  const normalized = password.normalize("NFKC");
  const lower = normalized.toLowerCase();
  if (context.username && context.username.length >= 3 && lower.includes(context.username.toLowerCase())) {
    return [{ field, code: "contains_username", messageKey: "password.containsUsername" }];
  }
  const squeezed = lower.replace(/[\s_.-]+/g, "");
  if (PORTAL_NAMES.some((name) => lower.includes(name) || squeezed.includes(name.replace(/\s+/g, "")))) {
    return [{ field, code: "contains_portal_name", messageKey: "password.containsPortalName" }];
  }
  if (isRepetitiveOrSequential(normalized)) return [{ field, code: "common", messageKey: "password.repetitive" }];
  if (isCommon(normalized, context.blocklist)) return [{ field, code: "common", messageKey: "password.common" }];
  return [];
}
