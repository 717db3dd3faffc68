// Another way, and photo exceptions (decision 028): what the routes accept and answer
// (worker/routes/another-way.ts, photo-exception.ts, review-another-way.ts; client/components/another-way,
// client/pages/another-way, client/officer/pages/follow-up).
import * as v from "valibot";
import { isValidEmail } from "../people/import-records.ts";
import { EXCEPTION_REASONS, type ExceptionReason, isExceptionReason } from "../photo/exceptions.ts";
import { type SchemaProblem, required, text, withRules } from "./problems.ts";
import type { StandardClock } from "../service-standards/standards.ts";

export const ANOTHER_WAY_KINDS = ["paper", "mailed_photo", "accommodation"] as const;
export type AnotherWayKind = (typeof ANOTHER_WAY_KINDS)[number];

/**
 * Where the person asked from: tied to them by the invitation token, their account's email, or their
 * session; or "officer": a follow-up an officer opened for them, after a letter or a call.
 */
export type AnotherWaySource = "invitation" | "sign_in_help" | "photo_page" | "officer";

/** A short reason: long enough to say what is needed, short enough to stay a note, not a file. */
export const REASON_MAX_LENGTH = 500;
/** The photo exception's explanation. */
export const EXPLANATION_MAX_LENGTH = 1000;

const trimmedText = () =>
  v.pipe(
    text(),
    v.transform((value) => value.trim()),
  );

function kindAndReasonProblems(kind: string, reason: string): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  if (!ANOTHER_WAY_KINDS.includes(kind as AnotherWayKind))
    problems.push({ field: "kind", code: "required", messageKey: "anotherWay.kindRequired" });
  if (!reason) problems.push({ field: "reason", code: "required", messageKey: "anotherWay.reasonRequired" });
  else if (reason.length > REASON_MAX_LENGTH)
    problems.push({
      field: "reason",
      code: "too_long",
      messageKey: "anotherWay.reasonTooLong",
      params: { max: REASON_MAX_LENGTH },
    });
  return problems;
}

/** The rules leave only a known kind. */
const typedKind = <T extends { kind: string }>(body: T) => ({ ...body, kind: body.kind as AnotherWayKind });

/** `POST /api/persons/:id/another-way` (signed in, from the photo page). */
export const AnotherWayBody = v.pipe(
  withRules(v.object({ kind: trimmedText(), reason: trimmedText() }), ({ kind, reason }) =>
    kindAndReasonProblems(kind, reason),
  ),
  v.transform(typedKind),
);
export type AnotherWayInput = v.InferInput<typeof AnotherWayBody>;

/** `POST /api/another-way/invitation`: the invitation's token (from the link's fragment) ties it to the person. */
export const InvitationAnotherWayBody = v.pipe(
  withRules(v.object({ token: text(), kind: trimmedText(), reason: trimmedText() }), ({ kind, reason }) =>
    kindAndReasonProblems(kind, reason),
  ),
  v.transform(typedKind),
);
export type InvitationAnotherWayInput = v.InferInput<typeof InvitationAnotherWayBody>;

/** `POST /api/another-way/sign-in-help`: the account's email; the same 202 whether or not an account uses it. */
export const SignInHelpAnotherWayBody = v.pipe(
  withRules(
    v.object({
      email: v.pipe(text(), v.trim(), v.toLowerCase()),
      kind: trimmedText(),
      reason: trimmedText(),
    }),
    ({ email, kind, reason }) => {
      const problems: SchemaProblem[] = [];
      if (!email) problems.push(required("email", "labels.email"));
      else if (!isValidEmail(email))
        problems.push({ field: "email", code: "invalid", messageKey: "fields.emailInvalid" });
      return [...problems, ...kindAndReasonProblems(kind, reason)];
    },
  ),
  v.transform(typedKind),
);
export type SignInHelpAnotherWayInput = v.InferInput<typeof SignInHelpAnotherWayBody>;

/** The photo exception's text fields (sent with the photo as multipart/form-data). */
export const PhotoExceptionFields = v.pipe(
  withRules(v.object({ reason: trimmedText(), explanation: trimmedText() }), ({ reason, explanation }) => {
    const problems: SchemaProblem[] = [];
    if (!isExceptionReason(reason))
      problems.push({ field: "reason", code: "required", messageKey: "photoException.reasonRequired" });
    if (!explanation)
      problems.push({ field: "explanation", code: "required", messageKey: "photoException.explanationRequired" });
    else if (explanation.length > EXPLANATION_MAX_LENGTH)
      problems.push({
        field: "explanation",
        code: "too_long",
        messageKey: "photoException.explanationTooLong",
        params: { max: EXPLANATION_MAX_LENGTH },
      });
    return problems;
  }),
  v.transform((body) => ({ ...body, reason: body.reason as ExceptionReason })),
);
export type PhotoExceptionInput = v.InferInput<typeof PhotoExceptionFields>;
export { EXCEPTION_REASONS, type ExceptionReason };

/**
 * `POST /review/api/persons/:personId/another-way/open`: an officer opens a follow-up for a person who asked
 * outside the portal (a photo or a letter by mail, a call), with what they asked, in the officer's words.
 */
export const OfficerFollowUpBody = v.pipe(
  withRules(v.object({ kind: trimmedText(), note: trimmedText() }), ({ kind, note }) =>
    kindAndReasonProblems(kind, note).map((p) => (p.field === "reason" ? { ...p, field: "note" } : p)),
  ),
  v.transform(typedKind),
);
export type OfficerFollowUpInput = v.InferInput<typeof OfficerFollowUpBody>;

/** `POST /review/api/persons/:personId/another-way/open` 201 (or 200 when one of that kind is already open). */
export interface FollowUpOpened {
  requestId: number;
  created: boolean;
}

/** What an officer records; "photo_received" comes only with the uploaded scan (its own route). */
export const OUTCOMES = ["contacted", "appointment_set", "photo_received"] as const;
export type AnotherWayOutcome = (typeof OUTCOMES)[number];

/** `POST /review/api/another-way/:requestId/outcome`. */
export const OutcomeBody = v.pipe(
  withRules(v.object({ outcome: trimmedText() }), ({ outcome }) =>
    outcome === "contacted" || outcome === "appointment_set"
      ? []
      : [{ field: "outcome", code: "required", messageKey: "review.outcomeRequired" }],
  ),
  v.transform((body) => ({ outcome: body.outcome as "contacted" | "appointment_set" })),
);
export type OutcomeInput = v.InferInput<typeof OutcomeBody>;

/** Every request answers the same: received (also when it was already open, or nobody matched the email). */
export interface AnotherWayReceived {
  received: true;
}

/** One request on the officers' follow-up list (`GET /review/api/follow-up?stage=another_way`). */
export interface AnotherWayItem {
  requestId: number;
  kind: AnotherWayKind;
  source: AnotherWaySource;
  reason: string;
  createdAt: string;
  person: { id: number; givenNames: string; familyName: string; uci: string };
  applicationNumber: string;
  /** The person's latest submission, for the decision page link, if they submitted. */
  submissionId: number | null;
  outcomes: { outcome: AnotherWayOutcome; recordedAt: string; officer: string }[];
  /** Whether a photo can be uploaded for them now (none submitted and waiting, none accepted). */
  photoOpen: boolean;
  /** The request's service standard until its first answer (decision 025); null once answered. */
  clock: StandardClock | null;
}

/** `POST /review/api/another-way/:requestId/...` 200. */
export interface OutcomeRecorded {
  outcome: AnotherWayOutcome;
  closed: boolean;
}
