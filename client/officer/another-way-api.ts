/*
 * The officers' calls for requests for another way (decision 028): the JSON outcome goes through
 * reviewRequest; the scan of a photo received by mail is a raw file body, sent with fetch.
 */
import { messagesFor, type Lang } from "../i18n/index.ts";
import { type ApiError, errorOf } from "../lib/request.ts";
import { sendToOfficerSignIn } from "./api.ts";
import type { PhotoCheck } from "../../shared/api/photos.ts";

export type MailedPhotoResult = { ok: true } | { ok: false; error: ApiError; checks: PhotoCheck[] };

export async function uploadMailedPhoto(requestId: number, file: File, lang: Lang): Promise<MailedPhotoResult> {
  let response: Response;
  try {
    response = await fetch(`/review/api/another-way/${requestId}/mailed-photo`, {
      method: "POST",
      body: file,
      headers: {
        Accept: "application/json",
        "Accept-Language": lang,
        "Content-Type": file.type || "application/octet-stream",
      },
      credentials: "same-origin",
    });
  } catch {
    return { ok: false, error: { code: "network_error", message: messagesFor(lang).errors.network }, checks: [] };
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (response.ok) return { ok: true };
  const error = errorOf(payload, lang);
  if (response.status === 401) sendToOfficerSignIn("expired");
  const checks = (payload as { checks?: unknown } | undefined)?.checks;
  return { ok: false, error, checks: Array.isArray(checks) ? (checks as PhotoCheck[]) : [] };
}
