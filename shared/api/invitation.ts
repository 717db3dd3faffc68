// The invitation link and the email confirmation link (worker/routes/invitation.ts,
// email-confirmation.ts; client/pages/invitation, confirm-email): what the routes accept.
import * as v from "valibot";
import { text, anything } from "./problems.ts";

/** `POST /api/invitations/open`, `POST /api/email-confirmations/confirm`: the link's token, from its URL fragment. */
export const TokenBody = v.object({ token: text() });

/**
 * `POST /api/invitations/answer`. Whether the person uses the portal and is in Canada are checked
 * in the route, after the token (a used link says so first); the emails and separate accounts need
 * the invitation's persons, so only their shape is checked here, once the answer is "yes, yes".
 */
export const InvitationAnswerBody = v.object({
  token: text(),
  usePortal: anything(),
  inCanada: anything(),
  emails: anything(),
  separateAccounts: anything(),
});

/** The accepted answer's persons: emails by person id, and who gets an account of their own. */
export const InvitationAccountsPart = v.object({
  emails: v.nullish(
    v.custom<Record<string, unknown>>(
      (value) => typeof value === "object" && value !== null && !Array.isArray(value),
      "an object",
    ),
    {},
  ),
  separateAccounts: v.nullish(v.array(v.unknown()), []),
});

/** What the invitation page answers (sent with the link's token). */
export interface InvitationAnswer {
  usePortal: boolean;
  inCanada: boolean | null;
  emails: Record<string, string>;
  separateAccounts: number[];
}

export interface InvitationPerson {
  id: number;
  givenNames: string;
  familyName: string;
  role: "principal" | "dependant";
  email: string;
  isAdult: boolean;
}

/** `POST /api/invitations/open` 200. */
export interface Invitation {
  applicationNumber: string;
  expiresAt: string;
  persons: InvitationPerson[];
}

/** `POST /api/invitations/answer` 200. */
export type InvitationOutcome =
  | {
      outcome: "accepted";
      accounts: number;
      /** Accounts whose address someone typed: a confirmation link went there first. */
      awaitingConfirmation: number;
    }
  | { outcome: "declined" | "not_in_canada"; accounts: 0 };
