import { constantTimeEqual, fromBase64Url, toBase64Url } from "./crypto.ts";

/*
 * Password storage (docs/decisions/002-password-hashing.md).
 *
 * OWASP's Password Storage Cheat Sheet asks for PBKDF2-HMAC-SHA256 with at
 * least 600,000 iterations. Production Workers refuse WebCrypto PBKDF2 above
 * 100,000 iterations and forbid compiling WASM at run time (so no argon2 or
 * scrypt from bytes). We therefore chain ROUNDS PBKDF2 calls of ITERATIONS
 * each: the output of one round is the password of the next, with the same
 * salt. An attacker must compute every round in order, so a guess costs
 * ROUNDS × ITERATIONS HMAC-SHA256 evaluations: 6 × 100,000 = 600,000, the
 * OWASP minimum, while no single call exceeds the platform cap.
 *
 * Format: pbkdf2-sha256$<iterations>x<rounds>$<salt b64url>$<hash b64url>
 * The parameters travel with the hash, so they can be raised later and old
 * hashes still verify (and are re-hashed at next sign-in).
 */
export const PASSWORD_HASH_PARAMS = {
  algorithm: "PBKDF2-HMAC-SHA256",
  iterationsPerRound: 100_000,
  rounds: 6,
  saltBytes: 16,
  hashBytes: 32,
} as const;

/** Production Workers' limit on one PBKDF2 call. */
export const WORKERS_PBKDF2_ITERATION_CAP = 100_000;

const encoder = new TextEncoder();

async function pbkdf2Round(
  key: Uint8Array<ArrayBuffer>,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
  bytes: number,
): Promise<Uint8Array<ArrayBuffer>> {
  if (iterations > WORKERS_PBKDF2_ITERATION_CAP) {
    // Local workerd would accept this; production would throw. Fail here too.
    throw new Error(`PBKDF2 iterations ${iterations} exceed the Workers cap of ${WORKERS_PBKDF2_ITERATION_CAP}`);
  }
  const material = await crypto.subtle.importKey("raw", key, "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations },
    material,
    bytes * 8,
  );
  return new Uint8Array(bits);
}

async function derive(
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
  rounds: number,
  bytes: number,
) {
  // NFKC so that the same passphrase typed on different keyboards matches.
  let key: Uint8Array<ArrayBuffer> = encoder.encode(password.normalize("NFKC"));
  for (let round = 0; round < rounds; round++) {
    key = await pbkdf2Round(key, salt, iterations, bytes);
  }
  return key;
}

/** Hashes a password for storage with the current parameters. */
export async function hashPassword(password: string): Promise<string> {
  const { iterationsPerRound, rounds, saltBytes, hashBytes } = PASSWORD_HASH_PARAMS;
  const salt = crypto.getRandomValues(new Uint8Array(saltBytes));
  const hash = await derive(password, salt, iterationsPerRound, rounds, hashBytes);
  return `pbkdf2-sha256$${iterationsPerRound}x${rounds}$${toBase64Url(salt)}$${toBase64Url(hash)}`;
}

/** Checks a password against a stored hash in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 4 || parts[0] !== "pbkdf2-sha256") return false;
  const match = /^(\d+)x(\d+)$/.exec(parts[1] ?? "");
  if (!match) return false;
  const iterations = Number(match[1]);
  const rounds = Number(match[2]);
  const salt = fromBase64Url(parts[2] ?? "");
  const expected = parts[3] ?? "";
  const hash = await derive(password, salt, iterations, rounds, fromBase64Url(expected).length);
  return constantTimeEqual(toBase64Url(hash), expected);
}

/** True when a stored hash uses weaker parameters than the current ones. */
export function needsRehash(stored: string): boolean {
  const { iterationsPerRound, rounds } = PASSWORD_HASH_PARAMS;
  return !stored.startsWith(`pbkdf2-sha256$${iterationsPerRound}x${rounds}$`);
}

/**
 * A hash of a random password nobody knows, verified against when a username
 * does not exist, so that "no such user" takes as long as "wrong password".
 */
export const DUMMY_PASSWORD_HASH =
  "pbkdf2-sha256$100000x6$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
