/**
 * A request path as it may appear in a log line. `/verify` codes are meant
 * to be shared and may stay in paths, but a log keeps only their first
 * group: a log reader cannot replay them. No other route carries a secret in
 * its path (invitation, reset and confirmation tokens come in POST bodies).
 *
 * @example loggablePath("/api/verify/ABCD-EFGH-JKLM-NPQR") // "/api/verify/ABCD…"
 */
export function loggablePath(path: string): string {
  return path.replace(/^(\/api\/verify\/)([^/]{0,4})[^/]*/, (_, prefix: string, head: string) => `${prefix}${head}…`);
}
