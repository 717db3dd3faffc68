import { randomFromAlphabet } from "./crypto.ts";

// Letters and digits that cannot be mistaken for each other when read from
// an email or typed on a phone (no 0/O, 1/I/L).
const UNAMBIGUOUS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A username such as `PR-K7M4Q9TX`: not derived from the person's name or email. */
export function generateUsername(): string {
  return `PR-${randomFromAlphabet(8, UNAMBIGUOUS)}`;
}

/** A representative's username such as `RP-K7M4Q9TX` (decision 026): never an applicant's `PR-…`. */
export function generateRepresentativeUsername(): string {
  return `RP-${randomFromAlphabet(8, UNAMBIGUOUS)}`;
}

/** A temporary password such as `K7M4-Q9TX-2HNP-W8RC-5FJD`: about 99 bits. */
export function generateTemporaryPassword(): string {
  return randomFromAlphabet(20, UNAMBIGUOUS).match(/.{4}/g)!.join("-");
}
