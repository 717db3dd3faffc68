/*
 * The officers' calls to /review/api: what it answers, and `reviewRequest`,
 * the one request function (lib/request.ts) with the officers' own session
 * rules bound: a 401 sends them to the officers' sign-in (with a message and
 * a way back to the page they were on), a 403 "password_change_required" to
 * the page where they choose their password, and every answer but a 401
 * restarts the idle clock their session keeps.
 */
import { request, type ApiResult, type RequestOptions, type RequestPolicy } from "../lib/request.ts";
import { navigate } from "../lib/router.ts";
import { safeReturnPath } from "./routes.ts";

/** Officer sessions end after 15 minutes without a request (worker/data/officer-sessions.ts). */
export const OFFICER_IDLE_MINUTES = 15;

export type {
  AuditEntry,
  FollowUpItem,
  NotSubmittedPerson,
  OfficerPerson,
  QueueAnswer,
  OfficerRole,
  OfficerSessionAnswer,
  OfficerSessionInfo,
  QueueItem,
  ReviewItem,
  ReviewMetrics,
  StoredCheck,
} from "../../shared/api/review-answers.ts";

let lastActivity = Date.now();

/** When the worker last saw this officer (the idle clock of their session). */
export function lastOfficerActivity(): number {
  return lastActivity;
}

/** Sends the officer to sign in again, saying why, and remembering where they were. */
export function sendToOfficerSignIn(reason: "expired" | "signed-out"): void {
  const back = safeReturnPath(location.pathname + location.search);
  const query = new URLSearchParams({ reason });
  if (back && reason === "expired") query.set("next", back);
  navigate(`/review/sign-in?${query}`, { replace: true });
}

const OFFICER_POLICY: RequestPolicy = {
  signedOut: () => sendToOfficerSignIn("expired"),
  passwordChangeRequired: () => navigate("/review/change-password", { replace: true }),
  // A 401 is no sign of a live session; any other answer is (the worker renewed its idle clock).
  answered: (status) => {
    if (status !== 401) lastActivity = Date.now();
  },
};

/**
 * Calls the officers' API. POST bodies are JSON. Signing in answers 401 for a
 * wrong password: that is not an expired session, so the sign-in page passes
 * `redirectWhenSignedOut: false`, as do signing out and the first look at the
 * session.
 *
 * @example const result = await reviewRequest<QueueItem[]>("/review/api/queue", { lang });
 */
export function reviewRequest<T>(path: string, options: RequestOptions): Promise<ApiResult<T>> {
  return request<T>(path, options, OFFICER_POLICY);
}

/** The photo of an item, for <img src>; the browser sends the officer cookie. */
export function itemPhotoUrl(submissionId: number): string {
  return `/review/api/items/${submissionId}/photo`;
}
