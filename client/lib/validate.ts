/*
 * Client-side checks, for instant feedback only: the server checks again and
 * is the authority (common passwords, username in the password, and so on).
 */
export function isBlank(value: string): boolean {
  return value.trim() === "";
}

/** Loose on purpose: one @, something before it, a dot after it, no spaces. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}
