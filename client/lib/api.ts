/*
 * The applicants' API: what the worker's /api answers, and `apiRequest`, the
 * one request function (lib/request.ts) with the applicants' policy bound.
 */
import type { StandardClock } from "../../shared/service-standards/standards.ts";
import { messagesFor, type Lang } from "../i18n/index.ts";
import { navigate } from "./router.ts";
import {
  errorOf,
  followPolicy,
  request,
  type ApiError,
  type ApiResult,
  type RequestOptions,
  type RequestPolicy,
} from "./request.ts";
import type { Address } from "../../shared/address/address.ts";

/** An applicant without a session signs in again; one with a temporary password chooses their own first. */
const APPLICANT_POLICY: RequestPolicy = {
  signedOut: () => navigate("/sign-in", { replace: true }),
  passwordChangeRequired: () => navigate("/set-password", { replace: true }),
};

/**
 * Calls the applicants' API. POST bodies are JSON. On `not_signed_in` (401)
 * the person is sent to /sign-in, on `password_change_required` (403) to
 * /set-password; the error is still returned so the caller can stop.
 *
 * @example const result = await apiRequest<Session>("/api/session", { lang });
 */
export function apiRequest<T>(path: string, options: RequestOptions): Promise<ApiResult<T>> {
  return request<T>(path, options, APPLICANT_POLICY);
}

export interface Person {
  id: number;
  givenNames: string;
  familyName: string;
  role: "principal" | "dependant";
  isSelf: boolean;
}

/** Where one task stands for one person; the worker decides. */
export type TaskStatus = "not_started" | "in_progress" | "completed" | "cannot_start" | "returned";

export interface PersonTasks {
  presence: TaskStatus;
  address: TaskStatus;
  photo: TaskStatus;
  submit: TaskStatus;
}

/** `GET /api/persons`: one entry per person the account acts for, the account holder first. */
export interface PersonWithTasks extends Person {
  tasks: PersonTasks;
}

export type { Address };

export interface PresenceDeclaration {
  /** `YYYY-MM-DD`. */
  declaredOn: string;
  /** True when the person declared it, false when their principal did. */
  byThemself: boolean;
}

/** `GET /api/persons/:id`. */
export interface PersonDetail extends PersonWithTasks {
  presence: PresenceDeclaration | null;
  address: Address | null;
  /** Once submitted, nothing in the submission can change. */
  submitted: boolean;
}

export type Session =
  | { signedIn: false }
  | {
      signedIn: true;
      account: { username: string; name: string; language: Lang; mustSetPassword: boolean };
      persons: Person[];
    };

export interface InvitationPerson {
  id: number;
  givenNames: string;
  familyName: string;
  role: "principal" | "dependant";
  email: string;
  isAdult: boolean;
}

export interface Invitation {
  applicationNumber: string;
  expiresAt: string;
  persons: InvitationPerson[];
}

export interface InvitationAnswer {
  usePortal: boolean;
  inCanada: boolean | null;
  emails: Record<string, string>;
  separateAccounts: number[];
}

export interface InvitationOutcome {
  outcome: "accepted" | "declined" | "not_in_canada";
  accounts: number;
  /** Accounts whose address someone typed: a confirmation link went there first. */
  awaitingConfirmation: number;
}

/** One automatic photo check, its message and tip already in the request's language. */
export interface PhotoCheck {
  id: string;
  verdict: "pass" | "warn" | "fail";
  value: number | string | null;
  threshold: number | string | null;
  message: string;
  tip: string;
}

/** `GET /api/persons/:id/photo`: the person's current photo. */
export interface PhotoRecord {
  photoId: number;
  state: "draft" | "submitted" | "accepted" | "returned";
  verdict: "pass" | "warn";
  warningsAcknowledged: boolean;
  width: number;
  height: number;
  checks: PhotoCheck[];
}

/** `POST /api/persons/:id/photo` 201. */
interface PhotoUploaded {
  photoId: number;
  verdict: "pass" | "warn";
  width: number;
  height: number;
  checks: PhotoCheck[];
}

type PhotoUploadResult =
  | { ok: true; data: PhotoUploaded }
  /** `checks` only when the checks ran and failed (422 photo_checks_failed). */
  | { ok: false; status: number; error: ApiError; checks: PhotoCheck[] };

/** `POST /api/persons/:id/submit` 201. */
export interface SubmissionReceipt {
  reference: string;
  submittedAt: string;
  kind: "initial" | "photo_resubmission";
}

/** `GET /api/account`. */
export interface AccountDetails {
  username: string;
  email: string;
  language: Lang;
}

/**
 * Sends a photo file as the raw request body. XMLHttpRequest, not fetch, so
 * the upload's progress can be shown (`onProgress` gets 0 to 1).
 */
export function uploadPhoto(
  personId: number,
  file: File,
  options: { lang: Lang; onProgress: (fraction: number) => void },
): Promise<PhotoUploadResult> {
  const m = messagesFor(options.lang);
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/persons/${personId}/photo`);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("Accept-Language", options.lang);
    xhr.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress(event.loaded / event.total);
    };
    xhr.onerror = () =>
      resolve({ ok: false, status: 0, error: { code: "network_error", message: m.errors.network }, checks: [] });
    xhr.onload = () => {
      let payload: unknown;
      try {
        payload = xhr.responseText === "" ? undefined : JSON.parse(xhr.responseText);
      } catch {
        payload = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve({ ok: true, data: payload as PhotoUploaded });
        return;
      }
      const body = (payload ?? {}) as { checks?: unknown };
      const error = errorOf(payload, options.lang);
      followPolicy(APPLICANT_POLICY, xhr.status, error);
      resolve({
        ok: false,
        status: xhr.status,
        error,
        checks: Array.isArray(body.checks) ? (body.checks as PhotoCheck[]) : [],
      });
    };
    xhr.send(file);
  });
}

/** One step of a person's file. `at` is an ISO instant or a `YYYY-MM-DD` date. */
export type StatusEvent =
  | { type: "submitted"; at: string; reference: string; kind: "initial" | "photo_resubmission" }
  | { type: "photo_accepted"; at: string }
  | { type: "photo_returned"; at: string; reasons: string[]; note: string | null }
  | { type: "pr_confirmed"; at: string }
  | { type: "card_produced"; at: string }
  | { type: "card_mailed"; at: string };

/** `GET /api/persons/:id/status`: the steps, oldest first. */
export interface StatusTimeline {
  events: StatusEvent[];
  proofAvailable: boolean;
  /** `YYYY-MM-DD`, while a card is to be produced. */
  cardTargetDate: string | null;
  /** The service standards' clocks on the steps the portal owes the person now. */
  clocks: StandardClock[];
}

/** `GET /api/verify/:code` 200. */
export interface VerificationFound {
  genuine: true;
  initials: string;
  /** `YYYY-MM-DD`. */
  issuedOn: string;
  status: "valid" | "revoked";
}
