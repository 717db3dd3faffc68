/*
 * The applicants' API: what the worker's /api answers, and `apiRequest`, the
 * one request function (lib/request.ts) with the applicants' policy bound.
 */
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
import type { PhotoCheck, PhotoUploaded } from "../../shared/api/photos.ts";

/** An applicant without a session signs in again; one with a temporary password chooses their own first. */
export const APPLICANT_POLICY: RequestPolicy = {
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

// What the API answers and accepts is declared once, in shared/api/, beside the schemas the worker
// checks bodies with; the pages import it from here.
export type {
  Person,
  PersonDetail,
  PersonTasks,
  PersonWithTasks,
  PresenceDeclaration,
  StatusTimeline,
  SubmissionReceipt,
  TaskStatus,
  VerificationFound,
} from "../../shared/api/persons.ts";
export type { Address } from "../../shared/address/address.ts";
export type { Session } from "../../shared/api/auth.ts";
export type { AccountDetails } from "../../shared/api/accounts.ts";
export type { Invitation, InvitationAnswer, InvitationOutcome, InvitationPerson } from "../../shared/api/invitation.ts";
export type { PhotoCheck, PhotoRecord } from "../../shared/api/photos.ts";

type PhotoUploadResult =
  | { ok: true; data: PhotoUploaded }
  /** `checks` only when the checks ran and failed (422 photo_checks_failed). */
  | { ok: false; status: number; error: ApiError; checks: PhotoCheck[] };

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

/** One step of a person's file. */
export type { TimelineEvent as StatusEvent } from "../../shared/api/persons.ts";
