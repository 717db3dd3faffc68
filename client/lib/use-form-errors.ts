import { useState } from "preact/hooks";
import type { Messages } from "../i18n/index.ts";
import type { ApiError } from "./request.ts";
import { useI18n } from "./use-i18n.ts";

/**
 * A message either from the server (a string, already in the language the
 * request was made in) or from the client (a function of the catalogue, so it
 * follows a language switch).
 */
type ErrorText = string | ((m: Messages) => string);

export interface FormError {
  /** The API field name (`newPassword`, `emails.12`); none for a form-wide error. */
  field?: string;
  message: ErrorText;
}

export interface ShownError {
  field?: string;
  message: string;
}

/** Field errors of a 422, or the error itself when it is not about a field. */
export function errorsFromApi(error: ApiError): FormError[] {
  if (error.fields && error.fields.length > 0) return error.fields.map((f) => ({ field: f.field, message: f.message }));
  return [{ message: error.message }];
}

interface FormErrors {
  errors: ShownError[];
  /** Increments on every `show`, so the summary takes focus again on each failed submit. */
  attempt: number;
  show: (errors: FormError[]) => void;
  clear: () => void;
  /** The first message for `field`, for the inline error. */
  errorFor: (field: string) => string | undefined;
}

/** The errors of one form, in display order. */
export function useFormErrors(): FormErrors {
  const { m } = useI18n();
  const [stored, setStored] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const errors = stored.map((e) => ({
    field: e.field,
    message: typeof e.message === "function" ? e.message(m) : e.message,
  }));
  return {
    errors,
    attempt,
    show: (next) => {
      setStored(next);
      setAttempt((n) => n + 1);
    },
    clear: () => setStored([]),
    errorFor: (field) => errors.find((e) => e.field === field)?.message,
  };
}
