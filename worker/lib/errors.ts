import type { MessageKey } from "../../shared/api/messages.ts";

/** A field-level problem, reported in the error summary and beside the field. */
export interface FieldProblem {
  field: string;
  /** Stable machine code, e.g. `too_short`. */
  code: string;
  /** Message key; translated when the response is written. */
  messageKey: MessageKey;
  params?: Record<string, string | number>;
}

/**
 * An error the portal expects and explains. `app.onError` turns it into its
 * status and `{ error: { code, message, fields? } }` in the request's language.
 *
 * @example throw new AppError(409, "submission_locked", "errors.submissionLocked")
 */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 422 | 429 | 503,
    readonly code: string,
    readonly messageKey: MessageKey,
    readonly options: {
      params?: Record<string, string | number>;
      fields?: FieldProblem[];
      headers?: Record<string, string>;
    } = {},
  ) {
    super(code);
    this.name = "AppError";
  }
}

/** 422 with one or more field problems. */
export function validationError(fields: FieldProblem[]): AppError {
  return new AppError(422, "validation_failed", "errors.validationFailed", { fields });
}
