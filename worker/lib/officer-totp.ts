/*
 * The portal's TOTP policy for officers, over the `otpauth` library
 * (RFC 6238/4226: decision 015). The library does the HMAC, base32 and the
 * enrolment URI; this file only says how the portal uses it:
 *
 * - the parameters every authenticator app understands: HMAC-SHA1, a
 *   30-second step, 6 digits, a secret of 20 random bytes in base32;
 * - a code is accepted for the current step and one step either side (clock
 *   drift between the phone and the server);
 * - never twice: the caller stores the step a code matched
 *   (officers.last_totp_step) and passes it back, and any step at or before
 *   it is refused, so a code seen over someone's shoulder or replayed from a
 *   captured request is useless once used;
 * - every step of the window is computed and compared, whichever matches, so
 *   the time taken does not tell which step (if any) matched (the library's
 *   own `validate` stops at the first match).
 */
import { Secret, TOTP } from "otpauth";

export const TOTP_POLICY = {
  issuer: "IRCC PR Portal",
  algorithm: "SHA1",
  digits: 6,
  period: 30,
  secretBytes: 20,
  window: 1,
} as const;

function totpFor(secret: string, email = ""): TOTP {
  const { issuer, algorithm, digits, period } = TOTP_POLICY;
  return new TOTP({ issuer, label: email, algorithm, digits, period, secret: Secret.fromBase32(secret) });
}

/** A new secret: 20 random bytes (160 bits, RFC 4226's recommendation) in base32. */
export function generateTotpSecret(): string {
  return new Secret({ size: TOTP_POLICY.secretBytes }).base32;
}

/** The time step a moment falls in (`now` in milliseconds, as Date.now()). */
export function totpStep(now: number): number {
  return TOTP.counter({ period: TOTP_POLICY.period, timestamp: now });
}

/** The code an authenticator app shows at `now` for a base32 secret (demo seeding, load script, tests). */
export function totpCode(secret: string, now: number): string {
  return totpFor(secret).generate({ timestamp: now });
}

/**
 * Checks a code typed by an officer. Returns the step it matched (store it
 * as the officer's last used step), or null when the code is wrong, outside
 * the ±1 step window, or for a step at or before `lastUsedStep` (a replay).
 *
 * @example
 * const step = verifyTotp(officer.totpSecret, body.code, Date.now(), officer.lastTotpStep);
 * if (step === null) throw new HTTPException(401);
 * // then save `step` with a conditional update (last_totp_step < step)
 */
export function verifyTotp(
  secret: string,
  code: string,
  now: number,
  lastUsedStep: number | null | undefined,
): number | null {
  const typed = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(typed)) return null;
  const totp = totpFor(secret);
  const current = totpStep(now);
  let matched: number | null = null;
  for (let offset = -TOTP_POLICY.window; offset <= TOTP_POLICY.window; offset++) {
    const step = current + offset;
    // window 0: the library compares this one step's code in constant time.
    const hit =
      totp.validate({ token: typed, timestamp: now + offset * TOTP_POLICY.period * 1000, window: 0 }) !== null;
    const unused = lastUsedStep == null || step > lastUsedStep;
    if (hit && unused && matched === null) matched = step;
  }
  return matched;
}

/**
 * The `otpauth://` URI an authenticator app reads (usually from a QR code),
 * labelled with the issuer and the officer's email.
 */
export function otpauthUri(secret: string, email: string): string {
  return totpFor(secret, email).toString();
}
