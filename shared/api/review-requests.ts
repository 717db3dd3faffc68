// What the officers' routes accept (worker/routes/review-auth.ts, review-queue.ts,
// review-supervisor.ts; client/officer/): bodies and the queue's query.
import * as v from "valibot";
import { type ReturnReason, isReturnReason } from "../photo/return-reasons.ts";
import { type SchemaProblem, required, withRules, text } from "./problems.ts";
import { FOLLOW_UP_STAGES, QUEUE_FILTERS } from "./review.ts";
import { confirmationProblem } from "./passwords.ts";

const trimmed = () => v.pipe(text(), v.trim());
/** A TOTP code as typed: spaces dropped ("123 456"). */
const totpCode = () =>
  v.pipe(
    text(),
    v.transform((code) => code.replace(/\s/g, "")),
  );

/** `POST /review/api/auth/sign-in`: work email, password and a code, all three required. */
export const OfficerSignInBody = withRules(
  v.object({ email: v.pipe(text(), v.trim(), v.toLowerCase()), password: text(), code: totpCode() }),
  ({ email, password, code }) => {
    const problems: SchemaProblem[] = [];
    if (!email) problems.push(required("email", "labels.email"));
    if (!password) problems.push(required("password", "labels.password"));
    if (!code) problems.push(required("code", "labels.totpCode"));
    return problems;
  },
);
export type OfficerSignInInput = v.InferInput<typeof OfficerSignInBody>;

/**
 * `POST /review/api/auth/password`: the current password and a fresh code, then the new password.
 * Its problems come in the form's order; the worker puts the new password's own (the blocklist)
 * between the code's and the confirmation's.
 */
export const OfficerPasswordBody = withRules(
  v.object({ currentPassword: text(), code: totpCode(), newPassword: text(), confirmPassword: text() }),
  ({ currentPassword, code, newPassword, confirmPassword }) => {
    const problems: SchemaProblem[] = [];
    if (!currentPassword) problems.push(required("currentPassword", "labels.password"));
    if (!code) problems.push(required("code", "labels.totpCode"));
    const confirmation = confirmationProblem(newPassword, confirmPassword);
    if (confirmation) problems.push(confirmation);
    return problems;
  },
);
export type OfficerPasswordInput = v.InferInput<typeof OfficerPasswordBody>;

/** The officer's note on a return: at most this many characters are kept. */
export const NOTE_MAX_LENGTH = 1000;

/** `POST /review/api/items/:id/return`: at least one known reason (shared/photo/return-reasons.ts) and a note. */
export const ReturnBody = v.pipe(
  withRules(
    v.object({
      // Anything but a list is no reasons, as the route has always read it.
      reasons: v.pipe(
        v.optional(v.unknown(), []),
        v.transform((reasons) => (Array.isArray(reasons) ? (reasons as unknown[]) : [])),
      ),
      note: v.pipe(
        text(),
        v.transform((note) => note.trim().slice(0, NOTE_MAX_LENGTH) || null),
      ),
    }),
    ({ reasons }) => {
      if (reasons.length === 0) return [{ field: "reasons", code: "required", messageKey: "review.reasonsRequired" }];
      if (!reasons.every(isReturnReason))
        return [{ field: "reasons", code: "unknown", messageKey: "review.reasonUnknown" }];
      return [];
    },
  ),
  // The rules above leave only known reasons.
  v.transform((body) => ({ ...body, reasons: body.reasons as ReturnReason[] })),
);
export type ReturnInput = { reasons: string[]; note: string };

const optionalDate = () =>
  v.pipe(
    text(),
    v.transform((date) => date.trim() || undefined),
  );

/** `POST /review/api/persons/:id/card`: the card's production and mailing dates, `YYYY-MM-DD`, either or both. */
export const CardDatesBody = v.object({ producedOn: optionalDate(), mailedOn: optionalDate() });
export type CardDatesInput = v.InferInput<typeof CardDatesBody>;

/** `POST /review/api/persons/:id/card/mailed-correction`: supervisors correct a recorded mailing date, with a reason. */
export const MailedCorrectionBody = withRules(
  v.object({
    mailedOn: trimmed(),
    reason: v.pipe(
      text(),
      v.transform((reason) => reason.trim().slice(0, NOTE_MAX_LENGTH)),
    ),
  }),
  ({ mailedOn, reason }) => {
    const problems: SchemaProblem[] = [];
    if (!mailedOn) problems.push({ field: "mailedOn", code: "required", messageKey: "review.dateInvalid" });
    if (!reason) problems.push({ field: "reason", code: "required", messageKey: "review.correctionReasonRequired" });
    return problems;
  },
);
export type MailedCorrectionInput = v.InferInput<typeof MailedCorrectionBody>;

/** `GET /review/api/queue?filter=&q=`: a filter from shared/api/review.ts (default all) and a search. */
export const QueueQuery = v.object({
  filter: v.optional(v.picklist(QUEUE_FILTERS), "all"),
  q: v.optional(v.string()),
});

/** `GET /review/api/follow-up?stage=`: a stage from shared/api/review.ts (default confirm). */
export const FollowUpQuery = v.object({
  stage: v.optional(v.picklist(FOLLOW_UP_STAGES), "confirm"),
});
