import type { AppEnv } from "../env.ts";
import type { FieldProblem } from "./errors.ts";
import { isDevelopmentMode } from "./environment.ts";
import { shippedPasswordBlocklist } from "./password-blocklist.ts";
import { checkPasswordRules } from "./password-policy.ts";

/*
 * Breached passwords beyond the shipped list (decision 013): Have I Been Pwned's Pwned
 * Passwords range API (https://haveibeenpwned.com/API/v3#PwnedPasswords),
 * hundreds of millions of real breached passwords, long ones included.
 * k-anonymity: only the first 5 hex characters of the password's SHA-1 leave
 * the worker; the service answers every suffix under that prefix and the
 * match is made here. `Add-Padding: true` makes every answer a similar size,
 * so an observer of the (encrypted) answer cannot tell the prefix by its length.
 *
 * On in production mode; in development and test modes only when
 * PWNED_PASSWORDS_URL is set (the tests point it at a local fake). If the
 * service is slow (over LOOKUP_TIMEOUT_MS) or down, the shipped list, already
 * checked, is the answer: nobody is kept from choosing a password by an outage.
 */
export const DEFAULT_PWNED_PASSWORDS_URL = "https://api.pwnedpasswords.com";
export const LOOKUP_TIMEOUT_MS = 1500;

// Partial: a deployment may have removed a setting from [vars]; each then takes its default.
type PwnedEnv = Partial<Pick<AppEnv, "ENVIRONMENT" | "PWNED_PASSWORDS_URL">>;

/** The range API's base URL, or null when the online check is off. */
export function pwnedPasswordsUrl(env: PwnedEnv): string | null {
  const configured = env.PWNED_PASSWORDS_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  return isDevelopmentMode(env) ? null : DEFAULT_PWNED_PASSWORDS_URL;
}

async function sha1Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-1", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase();
}

/**
 * True when the password appears in Pwned Passwords, false when it does not,
 * null when the service could not answer in time (the caller falls back).
 */
async function isPwnedPassword(baseUrl: string, password: string): Promise<boolean | null> {
  const hash = await sha1Hex(password);
  const prefix = hash.slice(0, 5);
  const suffix = hash.slice(5);
  try {
    const response = await fetch(`${baseUrl}/range/${prefix}`, {
      headers: { "Add-Padding": "true", "User-Agent": "pr-confirmation-portal" },
      signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS),
    });
    if (!response.ok) {
      console.warn("Pwned Passwords answered", response.status, "- using the shipped list only");
      return null;
    }
    const body = await response.text();
    for (const line of body.split("\n")) {
      const [candidate, count] = line.trim().split(":");
      // Padding lines carry a count of 0: they are not breached passwords.
      if (candidate?.toUpperCase() === suffix && Number(count) > 0) return true;
    }
    return false;
  } catch (error) {
    console.warn(
      "Pwned Passwords unreachable or slow - using the shipped list only:",
      error instanceof Error ? error.name : String(error),
    );
    return null;
  }
}

/**
 * Every problem with a new password: the rules that need no network
 * (password-policy.ts, with the shipped blocklist), then, if those pass, the
 * online breach check. Used by every place that accepts a new password.
 */
export async function checkNewPassword(
  env: PwnedEnv,
  password: string,
  context: { username?: string },
  field = "newPassword",
): Promise<FieldProblem[]> {
  const problems = checkPasswordRules(password, { ...context, blocklist: shippedPasswordBlocklist() }, field);
  if (problems.length > 0) return problems;
  const baseUrl = pwnedPasswordsUrl(env);
  if (baseUrl && (await isPwnedPassword(baseUrl, password.normalize("NFKC"))) === true) {
    return [{ field, code: "breached", messageKey: "password.common" }];
  }
  return [];
}
