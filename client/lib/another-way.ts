/*
 * A photo sent with an explanation of a rule it cannot meet (decision 028): a multipart form (the
 * photo and the two text fields), sent with fetch; the answer as the photo upload's (checks with it).
 */
import type { Lang } from "../i18n/index.ts";
import { APPLICANT_POLICY } from "./api.ts";
import { type ApiError, answerOf, networkFailure } from "./request.ts";
import type { PhotoCheck, PhotoExceptionStored } from "../../shared/api/photos.ts";

export type PhotoExceptionResult =
  | { ok: true; data: PhotoExceptionStored }
  | { ok: false; status: number; error: ApiError; checks: PhotoCheck[] };

export async function sendPhotoException(
  personId: number,
  photo: Blob,
  fields: { reason: string; explanation: string },
  lang: Lang,
): Promise<PhotoExceptionResult> {
  const form = new FormData();
  form.set("photo", photo, "photo.jpg");
  form.set("reason", fields.reason);
  form.set("explanation", fields.explanation);
  let response: Response;
  try {
    response = await fetch(`/api/persons/${personId}/photo/exception`, {
      method: "POST",
      body: form,
      headers: { Accept: "application/json", "Accept-Language": lang },
      credentials: "same-origin",
    });
  } catch {
    return { ...networkFailure(lang), checks: [] };
  }
  const { result, payload } = await answerOf<PhotoExceptionStored>(response, lang, APPLICANT_POLICY);
  if (result.ok) return { ok: true, data: result.data };
  const checks = (payload as { checks?: unknown } | undefined)?.checks;
  return { ...result, checks: Array.isArray(checks) ? (checks as PhotoCheck[]) : [] };
}
