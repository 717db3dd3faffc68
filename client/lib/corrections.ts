/*
 * The applicant's e-CoPR correction (decision 027): the one call that is not JSON, a multipart form
 * with an optional photo of a document, sent with the applicants' session rules.
 */
import type { Lang } from "../i18n/index.ts";
import { APPLICANT_POLICY } from "./api.ts";
import { type ApiResult, answerOf, networkFailure } from "./request.ts";
import type { CorrectionReceived } from "../../shared/api/corrections.ts";

export type { CorrectionReceived, CorrectionsState, CorrectionSummary } from "../../shared/api/corrections.ts";

/** `POST /api/persons/:id/ecopr-corrections`: the browser writes the form's boundary itself. */
export async function sendCorrection(
  personId: number,
  form: FormData,
  lang: Lang,
): Promise<ApiResult<CorrectionReceived>> {
  let response: Response;
  try {
    response = await fetch(`/api/persons/${personId}/ecopr-corrections`, {
      method: "POST",
      headers: { Accept: "application/json", "Accept-Language": lang },
      body: form,
      credentials: "same-origin",
    });
  } catch {
    return networkFailure(lang);
  }
  return (await answerOf<CorrectionReceived>(response, lang, APPLICANT_POLICY)).result;
}
