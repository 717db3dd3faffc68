import { useEffect, useState } from "preact/hooks";
import { apiRequest, type Session } from "./api.ts";
import type { Lang } from "../i18n/index.ts";

/** Whether an applicant is signed in, for the header and footer ("unknown" until the first answer). */
export type ApplicantAccount = { state: "unknown" } | { state: "signedOut" } | { state: "signedIn"; mustSetPassword: boolean };

/**
 * Asks `GET /api/session` after every navigation (sign-in, sign-out and an
 * expired session all navigate), keeping the last answer meanwhile so the
 * header does not flicker. The session cookie is HttpOnly: the page cannot
 * read it, only ask. The officers' area has its own bar and is not asked for.
 */
export function useApplicantAccount(path: string, navigationId: number, lang: Lang): ApplicantAccount {
  const [account, setAccount] = useState<ApplicantAccount>({ state: "unknown" });
  const officerArea = path === "/review" || path.startsWith("/review/");
  useEffect(() => {
    if (officerArea) return;
    let live = true;
    void apiRequest<Session>("/api/session", { lang }).then((result) => {
      // A failed request (offline) leaves what was known.
      if (!live || !result.ok) return;
      const session = result.data;
      setAccount(session.signedIn ? { state: "signedIn", mustSetPassword: session.account.mustSetPassword } : { state: "signedOut" });
    });
    return () => {
      live = false;
    };
  }, [navigationId, officerArea]);
  return officerArea ? { state: "unknown" } : account;
}
