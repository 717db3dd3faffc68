import { Hono } from "hono";
import { enqueueAfterResponse } from "../email/enqueue-after-response.ts";
import { acceptInvitation, closeInvitation, isAdult, lookUpInvitation } from "../data/invitations.ts";
import { throttleByIp } from "../middleware/rate-limit.ts";
import { AppError, type FieldProblem, validationError } from "../lib/errors.ts";
import type { AppBindings, AppContext } from "../lib/hono-types.ts";
import { jsonBody, validPart } from "../lib/validate-json.ts";
import {
  type Invitation,
  InvitationAccountsPart,
  InvitationAnswerBody,
  type InvitationOutcome,
  TokenBody,
} from "../../shared/api/invitation.ts";
import { isValidEmail } from "../../shared/people/import-records.ts";

async function openInvitation(c: AppContext, token: string) {
  const found = await lookUpInvitation(c.var.db, token);
  if (found.status === "not_found") throw new AppError(404, "invitation_not_found", "errors.invitationNotFound");
  if (found.status === "used")
    throw new AppError(410, "invitation_used", "errors.invitationUsed", { params: { helpEmail: c.env.HELP_EMAIL } });
  if (found.status !== "open")
    throw new AppError(410, "invitation_expired", "errors.invitationExpired", {
      params: { helpEmail: c.env.HELP_EMAIL },
    });
  return found;
}

/**
 * The invitation link: no sign-in; the token is the credential, once. The
 * link carries it in the URL fragment (/invitation#token=…), which browsers
 * never send, and the page posts it here: a token never sits in a path or a
 * query string that request logs keep. Reading it is a POST for that reason.
 */
export const invitationRoutes = new Hono<AppBindings>()
  // The token is the credential: the link is judged (404, 410) only once the body is read.
  .post(
    "/open",
    throttleByIp("invitation-open", { limit: 60, windowSeconds: 15 * 60 }),
    jsonBody(TokenBody),
    async (c) => {
      const found = await openInvitation(c, c.req.valid("json").token);
      return c.json({
        applicationNumber: found.applicationNumber,
        expiresAt: found.invitation.expiresAt,
        persons: found.persons.map((p) => ({
          id: p.id,
          givenNames: p.givenNames,
          familyName: p.familyName,
          role: p.role,
          email: p.email,
          isAdult: isAdult(p),
        })),
      } satisfies Invitation);
    },
  )
  .post(
    "/answer",
    throttleByIp("invitation", { limit: 20, windowSeconds: 15 * 60 }),
    jsonBody(InvitationAnswerBody),
    async (c) => {
      const body = c.req.valid("json");
      const found = await openInvitation(c, body.token);
      const db = c.var.db;
      if (typeof body.usePortal !== "boolean") {
        throw validationError([
          {
            field: "usePortal",
            code: "required",
            messageKey: "fields.chooseOne",
            params: { label: "$labels.usePortal" },
          },
        ]);
      }
      if (!body.usePortal) {
        if (!(await closeInvitation(db, found.invitation.id, "declined")))
          throw new AppError(410, "invitation_used", "errors.invitationUsed", {
            params: { helpEmail: c.env.HELP_EMAIL },
          });
        return c.json({ outcome: "declined", accounts: 0 } satisfies InvitationOutcome);
      }
      if (typeof body.inCanada !== "boolean") {
        throw validationError([
          {
            field: "inCanada",
            code: "required",
            messageKey: "fields.chooseOne",
            params: { label: "$labels.inCanada" },
          },
        ]);
      }
      if (!body.inCanada) {
        if (!(await closeInvitation(db, found.invitation.id, "not_in_canada")))
          throw new AppError(410, "invitation_used", "errors.invitationUsed", {
            params: { helpEmail: c.env.HELP_EMAIL },
          });
        return c.json({ outcome: "not_in_canada", accounts: 0 } satisfies InvitationOutcome);
      }

      const problems: FieldProblem[] = [];
      const byId = new Map(found.persons.map((p) => [p.id, p]));
      const emails = new Map<number, string>();
      // Read only now, as always: a "no" answer never looks at them.
      const { emails: rawEmails, separateAccounts: rawSeparate } = validPart(c, InvitationAccountsPart, body).body;
      for (const [key, value] of Object.entries(rawEmails)) {
        const id = Number(key);
        const field = `emails.${key}`;
        if (!byId.has(id)) problems.push({ field, code: "unknown_person", messageKey: "fields.unknownPerson" });
        else if (typeof value !== "string" || !value.trim())
          problems.push({ field, code: "required", messageKey: "fields.required", params: { label: "$labels.email" } });
        else if (!isValidEmail(value.trim()))
          problems.push({ field, code: "invalid", messageKey: "fields.emailInvalid" });
        else emails.set(id, value.trim().toLowerCase());
      }
      const separate = new Set<number>();
      for (const value of rawSeparate) {
        const person = byId.get(Number(value));
        if (person?.role !== "dependant" || !isAdult(person)) {
          problems.push({
            field: "separateAccounts",
            code: "not_allowed",
            messageKey: "fields.separateAccountNotAllowed",
          });
        } else separate.add(person.id);
      }
      if (problems.length) throw validationError(problems);

      const accepted = await acceptInvitation(db, c.env, found.invitation, found.persons, {
        emails,
        separateAccounts: separate,
      });
      if (!accepted)
        throw new AppError(410, "invitation_used", "errors.invitationUsed", {
          params: { helpEmail: c.env.HELP_EMAIL },
        });
      enqueueAfterResponse(c, accepted.outboxIds);
      return c.json({
        outcome: "accepted",
        accounts: accepted.accounts,
        awaitingConfirmation: accepted.awaitingConfirmation,
      } satisfies InvitationOutcome);
    },
  );
