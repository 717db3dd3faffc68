import { Hono } from "hono";
import { inviteRepresentative, representativeGrantsOf, revokeRepresentative } from "../data/representatives.ts";
import { enqueueAfterResponse } from "../email/enqueue-after-response.ts";
import { AppError, validationError } from "../lib/errors.ts";
import type { AppBindings } from "../lib/hono-types.ts";
import { jsonBody } from "../lib/validate-json.ts";
import { requireApplicant, signedInApplicant } from "../middleware/applicant-session.ts";
import { onlyWithRepresentatives } from "../middleware/representatives-switch.ts";
import {
  InviteRepresentativeBody,
  type LicenceBody,
  type RepresentativeInvited,
  type RepresentativeKind,
  type RepresentativeList,
  RevokeRepresentativeBody,
} from "../../shared/api/representatives.ts";

/*
 * The applicant's side of representatives (issue 17 point 1, decision 026):
 * who has access, since when and every action; invite one; revoke one at
 * once. The grant covers every person the account acts for, so the
 * principal invites for the family. Ids travel in bodies, never in paths.
 */
export const representativeRoutes = new Hono<AppBindings>()
  .use(onlyWithRepresentatives())

  .get("/", async (c) => {
    const applicant = requireApplicant(c);
    return c.json({
      representatives: await representativeGrantsOf(c.var.db, applicant.accountId),
    } satisfies RepresentativeList);
  })

  .post("/invite", signedInApplicant(), jsonBody(InviteRepresentativeBody), async (c) => {
    const { applicant } = c.var;
    const body = c.req.valid("json");
    const outcome = await inviteRepresentative(c.var.db, c.env, {
      accountId: applicant.accountId,
      accountEmail: applicant.email,
      name: body.name,
      email: body.email,
      language: body.language as "en" | "fr",
      kind: body.kind as RepresentativeKind,
      licenceBody: (body.licenceBody || null) as LicenceBody | null,
      licenceNumber: body.licenceNumber || null,
    });
    if (outcome.status === "own_address")
      throw validationError([{ field: "email", code: "own_address", messageKey: "representatives.ownAddress" }]);
    if (outcome.status === "already_given")
      throw new AppError(409, "representative_already_given", "representatives.alreadyGiven");
    enqueueAfterResponse(c, outcome.outboxIds);
    return c.json({ grantId: outcome.grantId, outcome: outcome.outcome } satisfies RepresentativeInvited, 201);
  })

  .post("/revoke", signedInApplicant(), jsonBody(RevokeRepresentativeBody), async (c) => {
    const { applicant } = c.var;
    const { grantId } = c.req.valid("json");
    const outcome = await revokeRepresentative(c.var.db, { accountId: applicant.accountId, grantId });
    // Another account's grant is answered as one that does not exist.
    if (outcome === "not_found") throw new AppError(404, "representative_not_found", "representatives.notFound");
    return c.json({ revoked: true });
  });
