/**
 * The secret of an emailed link (invitation, password reset, email
 * confirmation) travels in the URL fragment, `#token=…`: browsers never send
 * the fragment to the server, so it stays out of request logs and Referer
 * headers. The page reads it here and posts it to the API.
 *
 * @example tokenFromFragment("#token=abc") // "abc"
 */
export function tokenFromFragment(hash: string = typeof location === "undefined" ? "" : location.hash): string {
  const token = new URLSearchParams(hash.replace(/^#/, "")).get("token") ?? "";
  return /^[A-Za-z0-9_-]{1,200}$/.test(token) ? token : "";
}
