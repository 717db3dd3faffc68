import { useRef } from "preact/hooks";
import type { Session } from "./api.ts";
import type { Lang } from "../i18n/index.ts";
import { useApi } from "./use-api.ts";

/** Whether an applicant is signed in, for the header and footer ("unknown" until the first answer). */
export type ApplicantAccount =
  | { state: "unknown" }
  | { state: "signedOut" }
  | { state: "signedIn"; mustSetPassword: boolean }
  /** A representative's own account (decision 026): read-only pages, their own links in the header. */
  | { state: "representative"; mustSetPassword: boolean };

/**
 * Asks `GET /api/session` after every navigation (sign-in, sign-out and an
 * expired session all navigate), keeping the last answer meanwhile so the
 * header does not flicker. The session cookie is HttpOnly: the page cannot
 * read it, only ask. The officers' area has its own bar and is not asked for.
 */
export function useApplicantAccount(path: string, navigationId: number, lang: Lang): ApplicantAccount {
  const officerArea = path === "/review" || path.startsWith("/review/");
  const load = useApi<Session>(officerArea ? null : "/api/session", { key: navigationId, lang });
  // A failed request (offline), or one still on its way, leaves what was known.
  const known = useRef<ApplicantAccount>({ state: "unknown" });
  if (load.state === "loaded") {
    const session = load.data;
    known.current = session.signedIn
      ? { state: "signedIn", mustSetPassword: session.account.mustSetPassword }
      : session.representative
        ? { state: "representative", mustSetPassword: session.representative.mustSetPassword }
        : { state: "signedOut" };
  }
  return officerArea ? { state: "unknown" } : known.current;
}
