/** The app's pages, and which one a path shows. */
export type Route =
  | { name: "info" }
  | { name: "signIn" }
  | { name: "setPassword" }
  | { name: "forgotPassword" }
  /** The token is in the URL fragment (lib/fragment-token.ts), never in the path. */
  | { name: "resetPassword" }
  | { name: "invitation" }
  | { name: "confirmEmail" }
  /** An old emailed link with its token in the path: a clear message, nothing sent to the API. */
  | { name: "outdatedLink"; kind: "invitation" | "resetPassword" }
  | { name: "home" }
  | { name: "presence"; personId: number }
  | { name: "address"; personId: number }
  | { name: "photo"; personId: number }
  /** Check your answers, declare, submit (the applicant's; "review" is the officers' area). */
  | { name: "checkAnswers"; personId: number }
  | { name: "submitted"; personId: number }
  | { name: "status"; personId: number }
  | { name: "verify" }
  /** The public photo check: the editor and the checks, nothing uploaded. */
  | { name: "photoCheck" }
  | { name: "account" }
  /** An old address of a page that moved: the page at `to` replaces it, so a bookmark is not a dead end. */
  | { name: "moved"; to: string }
  /** Everything under /review: the officers' area, which matches its own pages. */
  | { name: "officer"; path: string }
  | { name: "notFound" };

/**
 * @example matchRoute("/reset-password") // { name: "resetPassword" } (token in #token=…)
 * @example matchRoute("/reset-password/abc") // { name: "outdatedLink", kind: "resetPassword" }
 * @example matchRoute("/persons/12/address") // { name: "address", personId: 12 }
 * @example matchRoute("/persons/12/review") // { name: "moved", to: "/persons/12/check-answers" }
 */
export function matchRoute(path: string): Route {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, "") : path;
  switch (trimmed) {
    case "/":
      return { name: "info" };
    case "/sign-in":
      return { name: "signIn" };
    case "/set-password":
      return { name: "setPassword" };
    case "/forgot-password":
      return { name: "forgotPassword" };
    case "/reset-password":
      return { name: "resetPassword" };
    case "/invitation":
      return { name: "invitation" };
    case "/confirm-email":
      return { name: "confirmEmail" };
    case "/home":
      return { name: "home" };
    case "/account":
      return { name: "account" };
    case "/verify":
      return { name: "verify" };
    case "/photo-check":
      return { name: "photoCheck" };
  }
  if (trimmed === "/review" || trimmed.startsWith("/review/")) return { name: "officer", path: trimmed };
  const oldLink = /^\/(reset-password|invitation)\/[^/]+$/.exec(trimmed);
  if (oldLink) return { name: "outdatedLink", kind: oldLink[1] === "invitation" ? "invitation" : "resetPassword" };
  // Person ids are positive integers; anything else is not a page (not a 404 from the API).
  const personTask =
    /^\/persons\/([1-9]\d{0,14})\/(presence|address|photo|check-answers|review|submitted|status)$/.exec(trimmed);
  if (personTask) {
    const personId = Number(personTask[1]);
    const page = personTask[2] as
      | "presence"
      | "address"
      | "photo"
      | "check-answers"
      | "review"
      | "submitted"
      | "status";
    // The check-answers page was /persons/:id/review until "review" came to mean the officers' area only.
    if (page === "review") return { name: "moved", to: `/persons/${personId}/check-answers` };
    return page === "check-answers" ? { name: "checkAnswers", personId } : { name: page, personId };
  }
  return { name: "notFound" };
}
