import { Hono } from "hono";
import * as v from "valibot";
import { accountLanguage } from "../data/accounts.ts";
import {
  correctionList,
  correctionPerson,
  correctionSummary,
  correctionsForOfficer,
  currentIdentity,
  documentsOf,
  findCorrection,
  identityOfDocument,
  identityValue,
  recordEvidenceViewed,
} from "../data/corrections.ts";
import { latestProofOfPr } from "../data/documents.ts";
import { getObject } from "../data/objects.ts";
import { enqueueAfterResponse } from "../email/enqueue-after-response.ts";
import { requireOfficer, signedInOfficer } from "../middleware/officer-session.ts";
import { type DecideResult, acceptCorrection, refuseCorrection } from "../services/ecopr-correction.ts";
import { AppError } from "../lib/errors.ts";
import type { AppBindings, AppContext } from "../lib/hono-types.ts";
import { serviceStandards } from "../lib/config.ts";
import { jsonBody } from "../lib/validate-json.ts";
import { pathId } from "../middleware/path-id.ts";
import {
  AcceptCorrectionBody,
  CorrectionListQuery,
  type CorrectionListItem,
  type PersonCorrections,
  RefuseCorrectionBody,
} from "../../shared/api/corrections.ts";

/*
 * The officers' corrections list and decisions (issue 17 point 3, decision 027). Every route needs
 * an officer's session; a decision names the report the officer read, so a newer report of the
 * same person is never decided unseen.
 */

function answer(c: AppContext, result: DecideResult, decision: "accepted" | "refused") {
  if (!result.ok) {
    if ("reason" in result && result.reason === "not_found") throw new AppError(404, "not_found", "errors.notFound");
    throw new AppError(409, "correction_decided", "corrections.notPending");
  }
  enqueueAfterResponse(c, result.outboxIds);
  return c.json({ decision, ...(result.documentId ? { documentId: result.documentId } : {}) });
}

export const reviewCorrectionRoutes = new Hono<AppBindings>()
  // Reports waiting for an officer (oldest first), or decided (newest first).
  .get("/corrections", async (c) => {
    requireOfficer(c);
    const query = v.safeParse(CorrectionListQuery, c.req.query());
    if (!query.success) throw new AppError(400, "bad_filter", "errors.notFound");
    const standard = serviceStandards(c.env).correction;
    return c.json({
      items: (await correctionList(c.var.db, query.output.status, standard)) satisfies CorrectionListItem[],
    });
  })

  .get("/persons/:personId/corrections", signedInOfficer(), pathId("personId"), async (c) => {
    const db = c.var.db;
    const found = await correctionPerson(db, c.var.personId);
    if (!found) throw new AppError(404, "not_found", "errors.notFound");
    const { person, applicationNumber } = found;
    const [rows, identity, latest, issued] = await Promise.all([
      correctionsForOfficer(db, person.id),
      currentIdentity(db, person),
      latestProofOfPr(db, person.id),
      documentsOf(db, person.id),
    ]);
    // The language the person reads (their acting account's), since the reason is sent as written.
    const reader = person.actingAccountId === null ? undefined : await accountLanguage(db, person.actingAccountId);
    const printed = new Map<number, Awaited<ReturnType<typeof identityOfDocument>>>();
    for (const document of issued) printed.set(document.id, await identityOfDocument(db, document, person));
    return c.json({
      person: {
        id: person.id,
        name: `${identity.givenNames} ${identity.familyName}`,
        applicationNumber,
        language: reader?.language ?? person.language,
      },
      current: latest
        ? {
            givenNames: identity.givenNames,
            familyName: identity.familyName,
            dateOfBirth: identity.dateOfBirth,
            uci: identity.uci,
            issuedOn: latest.issuedAt.slice(0, 10),
          }
        : null,
      corrections: rows.map(({ row, requesterGiven, requesterFamily, officerName }) => ({
        ...correctionSummary(row),
        requestedBy: `${requesterGiven} ${requesterFamily}`,
        decidedBy: officerName,
        printedValue: identityValue(printed.get(row.documentId) ?? identity, row.field),
      })),
    } satisfies PersonCorrections);
  })

  // The report's supporting document, for the officer's eyes only; each opening is audited.
  .get("/persons/:personId/corrections/evidence", signedInOfficer(), pathId("personId"), async (c) => {
    const { officer, personId } = c.var;
    const correctionId = Number(c.req.query("correction"));
    const correction = Number.isSafeInteger(correctionId)
      ? await findCorrection(c.var.db, personId, correctionId)
      : undefined;
    const object = correction?.evidenceObjectKey ? await getObject(c.env, correction.evidenceObjectKey) : null;
    if (!correction || !object) throw new AppError(404, "not_found", "errors.notFound");
    await recordEvidenceViewed(c.var.db, { officerId: officer.officerId, personId, correctionId: correction.id });
    return new Response(object.body, {
      headers: {
        "Content-Type": object.httpMetadata?.contentType ?? "image/jpeg",
        "Cache-Control": "private, no-store",
      },
    });
  })

  .post(
    "/persons/:personId/corrections/accept",
    signedInOfficer(),
    pathId("personId"),
    jsonBody(AcceptCorrectionBody),
    async (c) => {
      const { officer, personId } = c.var;
      const { correctionId } = c.req.valid("json");
      const result = await acceptCorrection(c.var.db, c.env, { personId, correctionId, officerId: officer.officerId });
      return answer(c, result, "accepted");
    },
  )

  .post(
    "/persons/:personId/corrections/refuse",
    signedInOfficer(),
    pathId("personId"),
    jsonBody(RefuseCorrectionBody),
    async (c) => {
      const { officer, personId } = c.var;
      const { correctionId, reason } = c.req.valid("json");
      const result = await refuseCorrection(c.var.db, c.env, {
        personId,
        correctionId,
        officerId: officer.officerId,
        reason,
      });
      return answer(c, result, "refused");
    },
  );
