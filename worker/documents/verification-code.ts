import { randomFromAlphabet } from "../lib/crypto.ts";

const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A verification code such as `K7M4-Q9TX-2HNP-W8RC`: 80 bits, unguessable, easy to type. */
export function newVerificationCode(): string {
  return randomFromAlphabet(16, CODE_ALPHABET).match(/.{4}/g)!.join("-");
}

/** Normalizes what a person typed: case, spaces and dashes do not matter. */
export function normalizeVerificationCode(raw: string): string | null {
  const compact = raw.toUpperCase().replace(/[\s-]/g, "");
  if (compact.length !== 16 || [...compact].some((c) => !CODE_ALPHABET.includes(c))) return null;
  return compact.match(/.{4}/g)!.join("-");
}
