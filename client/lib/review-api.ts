/*
 * The officers' calls to /review/api. Separate from api.ts because officers
 * have their own session rules: a 401 sends them to the officers' sign-in
 * (with a message and a way back to the page they were on), and a 403
 * "password_change_required" to the page where they choose their password.
 * Like api.ts, every failure comes back as a value, never a thrown error.
 */
import { messagesFor, type Lang } from "../i18n/index.ts";
import type { ApiError, ApiResult } from "./api.ts";
import { navigate } from "./router.ts";
import { safeReturnPath } from "../pages/officer-area/routes.ts";

/** Officer sessions end after 15 minutes without a request (worker/data/officer-sessions.ts). */
export const OFFICER_IDLE_MINUTES = 15;

export type OfficerRole = "officer" | "supervisor";

/** The signed-in officer, from `GET /review/api/session`. */
export interface OfficerSessionInfo {
  id: number;
  name: string;
  email: string;
  role: OfficerRole;
  mustChangePassword: boolean;
}

/** `GET /review/api/session`: 200 either way; signed out is an expected state, not an error. */
export type OfficerSessionAnswer = { signedIn: false } | ({ signedIn: true } & OfficerSessionInfo);

export type QueueFilter = "all" | "new" | "resubmitted" | "acknowledged_warnings" | "warnings";
export const QUEUE_FILTERS: readonly QueueFilter[] = ["all", "new", "resubmitted", "acknowledged_warnings", "warnings"];

/** One row of `GET /review/api/queue`. */
export interface QueueItem {
  submissionId: number;
  reference: string;
  kind: "initial" | "photo_resubmission";
  submittedAt: string;
  ageHours: number;
  person: { id: number; givenNames: string; familyName: string; uci: string };
  applicationNumber: string;
  checks: "pass" | "warn";
  warningsAcknowledged: boolean;
  claimedBy: { officerId: number; name: string; until: string } | null;
}

/** After the photo decision: accepted photos waiting for PR confirmation, confirmed persons waiting for their card. */
export type FollowUpStage = "confirm" | "card";
export const FOLLOW_UP_STAGES: readonly FollowUpStage[] = ["confirm", "card"];
export interface FollowUpItem {
  submissionId: number;
  since: string;
  person: { id: number; givenNames: string; familyName: string; uci: string };
  applicationNumber: string;
  cardProducedAt: string | null;
}

/** Why an officer returns a photo: the list the automatic checks use. */
export type ReturnReason = "too_dark" | "background_not_white" | "face_not_visible" | "glare" | "dimensions" | "file_size" | "other";
export const RETURN_REASONS: readonly ReturnReason[] = ["too_dark", "background_not_white", "face_not_visible", "glare", "dimensions", "file_size", "other"];

/** One automatic check as stored with the photo: both languages, measured value and rule. */
export interface StoredCheck {
  id: string;
  verdict: "pass" | "warn" | "fail";
  value: number | string | null;
  threshold: string | number | null;
  message: { en: string; fr: string } | string;
  tip: { en: string; fr: string } | string;
}

export interface ItemDecision {
  submissionId: number;
  decision: string;
  reasons: string[];
  note: string | null;
  decidedAt: string;
  officer: string;
}

/** `GET /review/api/items/:submissionId`. */
export interface ReviewItem {
  submission: { id: number; reference: string; kind: "initial" | "photo_resubmission"; submittedAt: string; address: Record<string, string | undefined> };
  /** `language`: the language the applicant reads (their account's, else the import's); the note is sent in whatever language the officer writes it. */
  person: { id: number; givenNames: string; familyName: string; uci: string; dateOfBirth: string; role: "principal" | "dependant"; language: "en" | "fr" };
  applicationNumber: string;
  photo: { id: number; state: "draft" | "submitted" | "accepted" | "returned"; width: number; height: number; verdict: "pass" | "warn"; warningsAcknowledged: boolean; checks: StoredCheck[] };
  declaration: { declaredOn: string; statementVersion: string; declaredBy: string | null; byThemself: boolean } | null;
  /** A live claim on this item, if any. */
  claim: { officerId: number; name: string; until: string } | null;
  proofIssuedAt: string | null;
  card: { producedOn: string | null; mailedOn: string | null };
  history: { submissionId: number; reference: string; kind: "initial" | "photo_resubmission"; submittedAt: string; photoId: number; decisions: ItemDecision[] }[];
}

export interface AuditEntry {
  id: number;
  actorKind: "admin" | "officer" | "applicant" | "system";
  actorId: string | null;
  action: string;
  subjectKind: string | null;
  subjectId: string | null;
  details: unknown;
  ip: string | null;
  createdAt: string;
}

/** `GET /review/api/metrics`. */
export interface ReviewMetrics {
  counts: { submissions: number; awaitingDecision: number; photosAccepted: number; photosReturned: number; prConfirmed: number; cardsProduced: number; cardsMailed: number };
  medianHoursToDecision: number | null;
  returnRate: number | null;
  returnsByReason: Record<string, number>;
  disagreement: { acceptedDespiteWarnings: number; returnedThoughChecksPassed: number; rate: number | null };
}

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

/**
 * Calls the officers' API. POST bodies are JSON.
 *
 * @example const result = await reviewRequest<QueueItem[]>("/review/api/queue", { lang });
 */
export async function reviewRequest<T>(
  path: string,
  options: { lang: Lang; method?: "GET" | "POST"; body?: unknown; /** False where no session is not an expiry (the first visit). */ redirectWhenSignedOut?: boolean },
): Promise<ApiResult<T>> {
  const method = options.method ?? (options.body === undefined ? "GET" : "POST");
  const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": options.lang };
  if (method === "POST") headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: "same-origin", body: method === "POST" ? JSON.stringify(options.body ?? {}) : undefined });
  } catch {
    return { ok: false, status: 0, error: { code: "network_error", message: messagesFor(options.lang).errors.network } };
  }
  const text = await response.text().catch(() => "");
  let payload: unknown;
  try {
    payload = text === "" ? undefined : JSON.parse(text);
  } catch {
    payload = undefined;
  }
  if (response.ok) {
    lastActivity = Date.now();
    return { ok: true, status: response.status, data: payload as T };
  }
  const candidate = (payload as { error?: Partial<ApiError> } | undefined)?.error;
  const error: ApiError =
    typeof candidate?.code === "string" && typeof candidate.message === "string"
      ? (candidate as ApiError)
      : { code: "unexpected_response", message: messagesFor(options.lang).errors.unexpected };
  if (response.status !== 401) lastActivity = Date.now();
  // Signing in answers 401 for a wrong password: that is not an expired session.
  if (response.status === 401 && error.code === "not_signed_in" && options.redirectWhenSignedOut !== false) sendToOfficerSignIn("expired");
  else if (response.status === 403 && error.code === "password_change_required") navigate("/review/change-password", { replace: true });
  return { ok: false, status: response.status, error };
}

/** The photo of an item, for <img src>; the browser sends the officer cookie. */
export function itemPhotoUrl(submissionId: number): string {
  return `/review/api/items/${submissionId}/photo`;
}
