/*
 * The one function that talks to the worker's JSON APIs, applicants' and
 * officers' alike. Every call says which language the page is in
 * (Accept-Language), so error messages come back translated, and every
 * failure comes back as a value, never a thrown error. What differs between
 * the two areas (where a signed-out or must-change-password answer sends the
 * person, the officers' idle clock) is a `RequestPolicy`, bound once by
 * `apiRequest` (lib/api.ts) and `reviewRequest` (officer/api.ts).
 */
import { messagesFor, type Lang } from "../i18n/index.ts";

interface ApiFieldError {
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

export interface RequestOptions {
  lang: Lang;
  method?: "GET" | "POST";
  body?: unknown;
  /** False where no session is not an expiry (a first visit, a wrong password): the 401 is only returned. */
  redirectWhenSignedOut?: boolean;
}

/** What one area does with the answers every request can get. */
export interface RequestPolicy {
  /** A 401 `not_signed_in`: send the person to sign in. */
  signedOut(): void;
  /** A 403 `password_change_required`: send the person to choose their password. */
  passwordChangeRequired(): void;
  /** Told the status of every answer the worker gave (not of a network failure). */
  answered?(status: number): void;
}

function isApiError(value: unknown): value is ApiError {
  if (typeof value !== "object" || value === null) return false;
  const { code, message } = value as Record<string, unknown>;
  return typeof code === "string" && typeof message === "string";
}

/** The error of a failed answer's body, or a generic one in `lang` when the body is not one. */
export function errorOf(payload: unknown, lang: Lang): ApiError {
  const candidate = (payload as { error?: unknown } | undefined)?.error;
  return isApiError(candidate)
    ? candidate
    : { code: "unexpected_response", message: messagesFor(lang).errors.unexpected };
}

/** Sends the person where `policy` says for a signed-out or must-change-password answer; the caller still gets the error. */
export function followPolicy(
  policy: RequestPolicy,
  status: number,
  error: ApiError,
  redirectWhenSignedOut = true,
): void {
  if (status === 401 && error.code === "not_signed_in" && redirectWhenSignedOut) policy.signedOut();
  else if (status === 403 && error.code === "password_change_required") policy.passwordChangeRequired();
}

/**
 * Calls the API. POST bodies are JSON.
 *
 * @example const result = await request<Session>("/api/session", { lang }, APPLICANT_POLICY);
 */
export async function request<T>(path: string, options: RequestOptions, policy: RequestPolicy): Promise<ApiResult<T>> {
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
    return networkFailure(options.lang);
  }

  return (await answerOf<T>(response, options.lang, policy, options.redirectWhenSignedOut !== false)).result;
}

/** A failure that never reached the worker, or whose answer broke off. */
export const networkFailure = (lang: Lang) => ({
  ok: false as const,
  status: 0,
  error: { code: "network_error", message: messagesFor(lang).errors.network },
});

/**
 * Reads one answer: its result, and its JSON body (`payload`, undefined when there is none) for a
 * caller that reads more of a failure (the photo checks). Applies `policy` as `request` does.
 */
export async function answerOf<T>(
  response: Response,
  lang: Lang,
  policy: RequestPolicy,
  redirectWhenSignedOut = true,
): Promise<{ result: ApiResult<T>; payload: unknown }> {
  // The body can fail after the headers came: Firefox aborts a page's fetches as it leaves the page,
  // and a connection can drop. That answer did not arrive, so it is a network failure; it was once
  // read as an empty 200, and a page read `data.signedIn` of nothing (a TypeError in the keyboard
  // journey's photo page in Firefox, unit/client-request.test.ts).
  let text: string;
  try {
    text = await response.text();
  } catch {
    return { result: networkFailure(lang), payload: undefined };
  }
  let payload: unknown;
  if (text !== "") {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = undefined;
    }
  }

  policy.answered?.(response.status);
  if (response.ok) {
    // Every 2xx but 204 (sign-out: nothing to say) answers JSON; without it, there is no data to give.
    if (payload === undefined && response.status !== 204)
      return { result: { ok: false, status: response.status, error: errorOf(undefined, lang) }, payload };
    return { result: { ok: true, status: response.status, data: payload as T }, payload };
  }
  const error = errorOf(payload, lang);
  followPolicy(policy, response.status, error, redirectWhenSignedOut);
  return { result: { ok: false, status: response.status, error }, payload };
}
