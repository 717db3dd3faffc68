/*
 * The only code that talks to the worker. Every call says which language the
 * page is in (Accept-Language), so error messages come back translated, and
 * every failure comes back as a value, never a thrown error.
 */
import { messagesFor, type Lang } from "../i18n/index.ts";
import { navigate } from "./router.ts";
import type { Address } from "../../shared/address/address.ts";

export interface ApiFieldError {
  field: string;
  code: string;
  message: string;
}

export interface ApiError {
  code: string;
  /** Already in the request's language. */
  message: string;
  fields?: ApiFieldError[];
}

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: ApiError };

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

function isApiError(value: unknown): value is ApiError {
  if (typeof value !== "object" || value === null) return false;
  const { code, message } = value as Record<string, unknown>;
  return typeof code === "string" && typeof message === "string";
}

/**
 * Calls the API. POST bodies are JSON. On `not_signed_in` (401) the person is
 * sent to /sign-in, on `password_change_required` (403) to /set-password; the
 * error is still returned so the caller can stop.
 *
 * @example const result = await apiRequest<Session>("/api/session", { lang });
 */
export async function apiRequest<T>(
  path: string,
  options: { lang: Lang; method?: "GET" | "POST"; body?: unknown },
): Promise<ApiResult<T>> {
  const method = options.method ?? (options.body === undefined ? "GET" : "POST");
  const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": options.lang };
  if (method === "POST") headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: method === "POST" ? JSON.stringify(options.body ?? {}) : undefined,
    });
  } catch {
    return { ok: false, status: 0, error: { code: "network_error", message: messagesFor(options.lang).errors.network } };
  }

  let payload: unknown = undefined;
  const text = await response.text().catch(() => "");
  if (text !== "") {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = undefined;
    }
  }

  if (response.ok) return { ok: true, status: response.status, data: payload as T };

  const candidate = (payload as { error?: unknown } | undefined)?.error;
  const error: ApiError = isApiError(candidate)
    ? candidate
    : { code: "unexpected_response", message: messagesFor(options.lang).errors.unexpected };

  if (response.status === 401 && error.code === "not_signed_in") navigate("/sign-in", { replace: true });
  else if (response.status === 403 && error.code === "password_change_required") navigate("/set-password", { replace: true });

  return { ok: false, status: response.status, error };
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
export interface PhotoUploaded {
  photoId: number;
  verdict: "pass" | "warn";
  width: number;
  height: number;
  checks: PhotoCheck[];
}

export type PhotoUploadResult =
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
export function uploadPhoto(personId: number, file: File, options: { lang: Lang; onProgress: (fraction: number) => void }): Promise<PhotoUploadResult> {
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
    xhr.onerror = () => resolve({ ok: false, status: 0, error: { code: "network_error", message: m.errors.network }, checks: [] });
    xhr.onload = () => {
      let payload: unknown = undefined;
      try {
        payload = xhr.responseText === "" ? undefined : JSON.parse(xhr.responseText);
      } catch {
        payload = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve({ ok: true, data: payload as PhotoUploaded });
        return;
      }
      const body = (payload ?? {}) as { error?: unknown; checks?: unknown };
      const error: ApiError = isApiError(body.error) ? body.error : { code: "unexpected_response", message: m.errors.unexpected };
      if (xhr.status === 401 && error.code === "not_signed_in") navigate("/sign-in", { replace: true });
      else if (xhr.status === 403 && error.code === "password_change_required") navigate("/set-password", { replace: true });
      resolve({ ok: false, status: xhr.status, error, checks: Array.isArray(body.checks) ? (body.checks as PhotoCheck[]) : [] });
    };
    xhr.send(file);
  });
}

/** Why an officer returned a photo; each has a plain-language text in the catalogue. */
export type PhotoReturnReason = "too_dark" | "background_not_white" | "face_not_visible" | "glare" | "dimensions" | "file_size" | "other";

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
}

/** `GET /api/verify/:code` 200. */
export interface VerificationFound {
  genuine: true;
  initials: string;
  /** `YYYY-MM-DD`. */
  issuedOn: string;
  status: "valid" | "revoked";
}
