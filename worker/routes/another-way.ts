import { Hono } from "hono";
import { actedFor } from "./acted-for-person.ts";
import { forConfirmedHoldersAfterResponse } from "./confirmed-holders.ts";
import { findPersonById, principalOfApplication, recordAnotherWayRequest } from "../data/another-way.ts";
import { lookUpInvitation } from "../data/invitations.ts";
import { enqueueAfterResponse } from "../email/enqueue-after-response.ts";
import { AppError } from "../lib/errors.ts";
import type { AppBindings } from "../lib/hono-types.ts";
import { jsonBody } from "../lib/validate-json.ts";
import { throttleByIp } from "../middleware/rate-limit.ts";
import {
  AnotherWayBody,
  type AnotherWayReceived,
  InvitationAnotherWayBody,
  SignInHelpAnotherWayBody,
} from "../../shared/api/another-way.ts";

/** How many requests one account can cause from the sign-in help in a day, whoever sends them. */
const SIGN_IN_HELP_PER_ACCOUNT = { limit: 3, windowSeconds: 24 * 60 * 60 };

const RECEIVED: AnotherWayReceived = { received: true };

/**
 * Asking for another way without signing in (decision 028). Who the request is for comes from a
 * secret only that person holds, never from an id in the request: the invitation's token (in the
 * body, as the invitation page sends it), or the email address of an account, which is only where
 * the "we got your request" email goes. Both are throttled by IP like the other public routes.
 */
export const anotherWayRoutes = new Hono<AppBindings>()
  .post(
    "/invitation",
    throttleByIp("another-way", { limit: 10, windowSeconds: 15 * 60 }),
    jsonBody(InvitationAnotherWayBody),
    async (c) => {
      const body = c.req.valid("json");
      const db = c.var.db;
      // Any invitation the link belongs to, also one answered or expired: a person who said "no" to the
      // portal, or whose link ran out, is exactly who needs another way.
      const found = await lookUpInvitation(db, body.token);
      if (found.status === "not_found") throw new AppError(404, "invitation_not_found", "errors.invitationNotFound");
      const person = await principalOfApplication(db, found.invitation.applicationId);
      if (!person) throw new AppError(404, "invitation_not_found", "errors.invitationNotFound");
      const result = await recordAnotherWayRequest(db, c.env, {
        person,
        kind: body.kind,
        source: "invitation",
        reason: body.reason,
        accountId: null,
      });
      if (result.created) enqueueAfterResponse(c, result.outboxIds);
      return c.json(RECEIVED, 202);
    },
  )

  .post(
    "/sign-in-help",
    throttleByIp("another-way", { limit: 10, windowSeconds: 15 * 60 }),
    jsonBody(SignInHelpAnotherWayBody),
    async (c) => {
      const body = c.req.valid("json");
      const db = c.var.db;
      // As the forgot-password route: the same answer whether or not an account uses this email, and
      // a request only for an address its owner confirmed, so one made in their name is seen by them.
      forConfirmedHoldersAfterResponse(
        c,
        {
          email: body.email,
          capName: "another-way",
          perAccount: SIGN_IN_HELP_PER_ACCOUNT,
          whenItFails: "another-way sign-in help background work failed",
        },
        async (account) => {
          const person = await findPersonById(db, account.personId);
          if (!person) return [];
          const result = await recordAnotherWayRequest(db, c.env, {
            person,
            kind: body.kind,
            source: "sign_in_help",
            reason: body.reason,
            accountId: null,
          });
          return result.created ? result.outboxIds : [];
        },
      );
      return c.json(RECEIVED, 202);
    },
  );

/** Asking for another way from the photo page, signed in: for a person the account acts for. */
export const personAnotherWayRoutes = new Hono<AppBindings>().post(
  "/:personId/another-way",
  actedFor(),
  jsonBody(AnotherWayBody),
  async (c) => {
    const { applicant, person } = c.var;
    const body = c.req.valid("json");
    const result = await recordAnotherWayRequest(c.var.db, c.env, {
      person,
      kind: body.kind,
      source: "photo_page",
      reason: body.reason,
      accountId: applicant.accountId,
    });
    if (result.created) enqueueAfterResponse(c, result.outboxIds);
    return c.json(RECEIVED, 202);
  },
);
