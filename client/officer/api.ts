/*
 * The officers' calls to /review/api: what it answers, and `reviewRequest`,
 * the one request function (lib/request.ts) with the officers' own session
 * rules bound: a 401 sends them to the officers' sign-in (with a message and
 * a way back to the page they were on), a 403 "password_change_required" to
 * the page where they choose their password, and every answer but a 401
 * restarts the idle clock their session keeps.
 */
import type { DayUnit, StandardClock, StandardId } from "../../shared/service-standards/standards.ts";
import { request, type ApiResult, type RequestOptions, type RequestPolicy } from "../lib/request.ts";
import { navigate } from "../lib/router.ts";
import { safeReturnPath } from "./routes.ts";
import type { MailingAddress } from "../../shared/api/address-change.ts";

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
  /** Against the photo-review standard. */
  clock: { elapsed: number; days: number; unit: DayUnit; dueOn: string; overdue: boolean };
}

export interface FollowUpItem {
  submissionId: number;
  since: string;
  person: { id: number; givenNames: string; familyName: string; uci: string };
  applicationNumber: string;
  cardProducedAt: string | null;
  /** Against the standard the item waits on (the e-CoPR's, the card's production or its mailing). */
  clock: StandardClock;
}

/** One automatic check as stored with the photo: both languages, measured value and rule. */
export interface StoredCheck {
  id: string;
  verdict: "pass" | "warn" | "fail";
  value: number | string | null;
  threshold: string | number | null;
  message: { en: string; fr: string } | string;
  tip: { en: string; fr: string } | string;
}

interface ItemDecision {
  submissionId: number;
  decision: string;
  reasons: string[];
  note: string | null;
  decidedAt: string;
  officer: string;
}

/** `GET /review/api/items/:submissionId`. */
export interface ReviewItem {
  submission: {
    id: number;
    reference: string;
    kind: "initial" | "photo_resubmission";
    submittedAt: string;
    address: Record<string, string | undefined>;
  };
  /** Every mailing address given, newest first (the one the card is mailed to); `since` is when it was given. */
  addressHistory: (MailingAddress & { since: string })[];
  /** `language`: the language the applicant reads (their account's, else the import's); the note is sent in whatever language the officer writes it. */
  person: {
    id: number;
    givenNames: string;
    familyName: string;
    uci: string;
    dateOfBirth: string;
    role: "principal" | "dependant";
    language: "en" | "fr";
  };
  applicationNumber: string;
  photo: {
    id: number;
    state: "draft" | "submitted" | "accepted" | "returned";
    width: number;
    height: number;
    verdict: "pass" | "warn";
    warningsAcknowledged: boolean;
    checks: StoredCheck[];
  };
  declaration: { declaredOn: string; statementVersion: string; declaredBy: string | null; byThemself: boolean } | null;
  /** A live claim on this item, if any. */
  claim: { officerId: number; name: string; until: string } | null;
  proofIssuedAt: string | null;
  card: { producedOn: string | null; mailedOn: string | null };
  history: {
    submissionId: number;
    reference: string;
    kind: "initial" | "photo_resubmission";
    submittedAt: string;
    photoId: number;
    decisions: ItemDecision[];
  }[];
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
  counts: {
    submissions: number;
    awaitingDecision: number;
    photosAccepted: number;
    photosReturned: number;
    prConfirmed: number;
    cardsProduced: number;
    cardsMailed: number;
  };
  medianHoursToDecision: number | null;
  returnRate: number | null;
  returnsByReason: Record<string, number>;
  disagreement: { acceptedDespiteWarnings: number; returnedThoughChecksPassed: number; rate: number | null };
  /** Each service standard: steps judged, met, and the share met (null when none). */
  standards: { standard: StandardId; days: number; unit: DayUnit; met: number; judged: number; share: number | null }[];
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
