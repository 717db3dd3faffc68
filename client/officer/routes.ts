/** The officers' pages under /review, and which one a path shows. */
export type OfficerRoute =
  | { name: "signIn" }
  | { name: "changePassword" }
  | { name: "password" }
  | { name: "queue" }
  | { name: "followUp" }
  /** e-CoPR corrections (decision 027): the list, and one person's reports with the decision. */
  | { name: "corrections" }
  | { name: "correction"; personId: number }
  | { name: "item"; submissionId: number }
  /** Any imported person, for one who never submitted (decision 028): their tasks and the follow-up. */
  | { name: "person"; personId: number }
  | { name: "audit" }
  | { name: "metrics" }
  | { name: "notFound" };

/**
 * @example matchOfficerRoute("/review") // { name: "queue" }
 * @example matchOfficerRoute("/review/items/12") // { name: "item", submissionId: 12 }
 */
export function matchOfficerRoute(path: string): OfficerRoute {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, "") : path;
  switch (trimmed) {
    case "/review":
      return { name: "queue" };
    case "/review/sign-in":
      return { name: "signIn" };
    case "/review/change-password":
      return { name: "changePassword" };
    case "/review/password":
      return { name: "password" };
    case "/review/follow-up":
      return { name: "followUp" };
    case "/review/corrections":
      return { name: "corrections" };
    case "/review/audit":
      return { name: "audit" };
    case "/review/metrics":
      return { name: "metrics" };
  }
  const item = /^\/review\/items\/([1-9]\d{0,14})$/.exec(trimmed);
  if (item) return { name: "item", submissionId: Number(item[1]) };
  const person = /^\/review\/persons\/([1-9]\d{0,14})$/.exec(trimmed);
  if (person) return { name: "person", personId: Number(person[1]) };
  const correction = /^\/review\/corrections\/([1-9]\d{0,14})$/.exec(trimmed);
  if (correction) return { name: "correction", personId: Number(correction[1]) };
  return { name: "notFound" };
}

/** A path inside /review worth coming back to after signing in again (never another site, the sign-in itself or the API). */
export function safeReturnPath(path: string | null): string | null {
  if (
    !path?.startsWith("/review") ||
    path.startsWith("//") ||
    /^\/review\/(sign-in|change-password|api)(\/|$|\?)/.test(path)
  )
    return null;
  return path;
}
