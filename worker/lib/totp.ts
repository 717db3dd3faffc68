/*
 * Time-based one-time passwords for officers (RFC 6238 over RFC 4226 HOTP),
 * with the parameters every authenticator app understands: HMAC-SHA1, a
 * 30-second step, 6 digits, and a secret of 20 random bytes shown in base32.
 *
 * A code is accepted for the current step and one step either side (clock
 * drift between the phone and the server), and never twice: the caller
 * stores the step a successful code matched (officers.last_totp_step) and
 * passes it back, and any step at or before it is refused. So a code seen
 * over someone's shoulder, or replayed from a captured request, is useless
 * once it has been used.
 *
 * Pure WebCrypto: runs the same in the worker and in the Node admin CLI.
 */

export const TOTP = { stepSeconds: 30, digits: 6, secretBytes: 20, window: 1, issuer: "IRCC PR Portal" } as const;

const BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** RFC 4648 base32, upper case, without padding (what authenticator apps expect). */
export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32_ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/**
 * Decodes base32, tolerating lower case, spaces and padding (people copy
 * secrets by hand). Throws on any other character.
 */
export function base32Decode(text: string): Uint8Array<ArrayBuffer> {
  const clean = text.toUpperCase().replace(/[\s=]/g, "");
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32_ALPHABET.indexOf(char);
    if (index < 0) throw new Error(`invalid base32 character "${char}"`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return new Uint8Array(out);
}

/** A new secret: 20 random bytes (160 bits, RFC 4226's recommendation) in base32. */
export function generateTotpSecret(): string {
  return base32Encode(crypto.getRandomValues(new Uint8Array(TOTP.secretBytes)));
}

/** The time step a moment falls in (`now` in milliseconds, as Date.now()). */
export function totpStep(now: number): number {
  return Math.floor(now / 1000 / TOTP.stepSeconds);
}

/** RFC 4226 HOTP: the code for one counter value, zero-padded to `digits`. */
export async function hotp(key: Uint8Array<ArrayBuffer>, counter: number, digits: number = TOTP.digits): Promise<string> {
  const message = new DataView(new ArrayBuffer(8));
  message.setBigUint64(0, BigInt(counter));
  const hmacKey = await crypto.subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-1" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", hmacKey, message.buffer));
  // Dynamic truncation (RFC 4226 §5.3).
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 10 ** digits).padStart(digits, "0");
}

/** The code an authenticator app shows at `now` for a base32 secret. */
export async function totpCode(secret: string, now: number, digits: number = TOTP.digits): Promise<string> {
  return hotp(base32Decode(secret), totpStep(now), digits);
}

/**
 * Checks a code typed by an officer. Returns the step it matched (store it
 * as the officer's last used step), or null when the code is wrong, outside
 * the ±1 step window, or for a step at or before `lastUsedStep` (a replay).
 *
 * @example
 * const step = await verifyTotp(officer.totpSecret, body.code, Date.now(), officer.lastTotpStep);
 * if (step === null) throw new HTTPException(401);
 * // then save `step` with a conditional update (last_totp_step < step)
 */
export async function verifyTotp(secret: string, code: string, now: number, lastUsedStep: number | null | undefined): Promise<number | null> {
  const typed = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(typed)) return null;
  const key = base32Decode(secret);
  const current = totpStep(now);
  let matched: number | null = null;
  // Every candidate is computed and compared, so the time taken does not
  // tell which step (if any) matched.
  for (let step = current - TOTP.window; step <= current + TOTP.window; step++) {
    const expected = await hotp(key, step);
    let diff = 0;
    for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ typed.charCodeAt(i);
    const unused = lastUsedStep == null || step > lastUsedStep;
    if (diff === 0 && unused && matched === null) matched = step;
  }
  return matched;
}

/**
 * The `otpauth://` URI an authenticator app reads (usually from a QR code),
 * labelled with the issuer and the officer's email.
 */
export function otpauthUri(secret: string, email: string): string {
  const label = `${encodeURIComponent(TOTP.issuer)}:${encodeURIComponent(email)}`;
  const query = [
    `secret=${secret}`,
    `issuer=${encodeURIComponent(TOTP.issuer)}`,
    "algorithm=SHA1",
    `digits=${TOTP.digits}`,
    `period=${TOTP.stepSeconds}`,
  ].join("&");
  return `otpauth://totp/${label}?${query}`;
}
