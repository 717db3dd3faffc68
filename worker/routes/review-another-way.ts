import { Hono } from "hono";
import { officerPersonFacts } from "./officer-person-facts.ts";
import { createMiddleware } from "hono/factory";
import { checkPhotoBody, checksFailedAnswer, storeAndRecord } from "./photo-intake.ts";
import {
  findAnotherWayRequest,
  findPersonById,
  photoOpenFor,
  recordAnotherWayRequest,
  recordMailedPhoto,
  recordOutcome,
} from "../data/another-way.ts";
import { anotherWayFollowUp } from "../data/follow-up.ts";
import { accountLanguage } from "../data/accounts.ts";
import { applicationNumberOf } from "../data/applications.ts";
import { latestSubmission, tasksFor } from "../data/journey.ts";
import { serviceStandards } from "../lib/config.ts";
import { pathId } from "../middleware/path-id.ts";
import { enqueueAfterResponse } from "../email/enqueue-after-response.ts";
import { AppError } from "../lib/errors.ts";
import type { AppBindings, AppContext } from "../lib/hono-types.ts";
import { jsonBody } from "../lib/validate-json.ts";
import { requireOfficer, signedInOfficer } from "../middleware/officer-session.ts";
import {
  type AnotherWayItem,
  type FollowUpOpened,
  OfficerFollowUpBody,
  OutcomeBody,
  type OutcomeRecorded,
} from "../../shared/api/another-way.ts";
import type { OfficerPerson } from "../../shared/api/review-answers.ts";

/** The open request of the path; 404 for an id that is not a request, 409 once it is closed. */
async function openRequest(c: AppContext) {
  const found = await findAnotherWayRequest(c.var.db, Number(c.req.param("requestId")));
  if (!found) throw new AppError(404, "not_found", "errors.notFound");
  if (found.request.closedAt !== null) throw new AppError(409, "request_closed", "review.requestClosed");
  return found;
}

type OpenRequest = Awaited<ReturnType<typeof openRequest>>;

/** openRequest as route middleware, before the body's schema, so its 404/409 still answer first (decision 022). */
const openRequestGuard = () =>
  createMiddleware<AppBindings & { Variables: { found: OpenRequest } }>(async (c, next) => {
    c.set("found", await openRequest(c));
    await next();
  });

type Person = NonNullable<Awaited<ReturnType<typeof findPersonById>>>;

/** The path's person, any person (officers act for everyone); 404 for an id that names none. */
const pathPerson = () =>
  createMiddleware<AppBindings & { Variables: { personId: number; person: Person } }>(async (c, next) => {
    const person = await findPersonById(c.var.db, c.var.personId);
    if (!person) throw new AppError(404, "not_found", "errors.notFound");
    c.set("person", person);
    await next();
  });

/**
 * Officers' outcomes of a request for another way (decision 028): contacted, appointment set, or
 * the photo received by mail, whose scan goes through the same checks as an upload and becomes the
 * person's photo. Each emails the person and is audited. And a follow-up an officer opens for any
 * person from the decision page, for someone who asked outside the portal (a letter, a photo by
 * mail, a call): then the same outcomes, from the same page.
 */
export const reviewAnotherWayRoutes = new Hono<AppBindings>()
  // Any imported person, submitted or not: the page of someone who never submitted (who phoned or
  // mailed a photo) shows who they are and their tasks, and offers the follow-up; never a decision.
  .get("/persons/:personId", signedInOfficer(), pathId("personId"), pathPerson(), async (c) => {
    const { db } = c.var;
    const person = c.var.person;
    const [applicationNumber, tasks, submission, reader] = await Promise.all([
      applicationNumberOf(db, person.applicationId),
      tasksFor(db, person.id),
      latestSubmission(db, person.id),
      person.actingAccountId === null ? undefined : accountLanguage(db, person.actingAccountId),
    ]);
    return c.json({
      person: officerPersonFacts(person, reader),
      applicationNumber,
      tasks,
      submissionId: submission?.id ?? null,
    } satisfies OfficerPerson);
  })

  .get("/persons/:personId/another-way", signedInOfficer(), pathId("personId"), pathPerson(), async (c) => {
    const items = await anotherWayFollowUp(c.var.db, serviceStandards(c.env).another_way, {
      personId: c.var.person.id,
    });
    return c.json({ items: items satisfies AnotherWayItem[] });
  })

  .post(
    "/persons/:personId/another-way/open",
    signedInOfficer(),
    pathId("personId"),
    pathPerson(),
    jsonBody(OfficerFollowUpBody),
    async (c) => {
      const { officer, person } = c.var;
      const { kind, note } = c.req.valid("json");
      const result = await recordAnotherWayRequest(c.var.db, c.env, {
        person,
        kind,
        source: "officer",
        reason: note,
        accountId: null,
        officerId: officer.officerId,
      });
      if (result.created) enqueueAfterResponse(c, result.outboxIds);
      // One open follow-up per person and kind: asking again names the one already open.
      return c.json(
        { requestId: result.requestId, created: result.created } satisfies FollowUpOpened,
        result.created ? 201 : 200,
      );
    },
  )

  .post("/another-way/:requestId/outcome", signedInOfficer(), openRequestGuard(), jsonBody(OutcomeBody), async (c) => {
    const { officer, found } = c.var;
    const { outcome } = c.req.valid("json");
    const result = await recordOutcome(c.var.db, c.env, { found, outcome, officerId: officer.officerId });
    enqueueAfterResponse(c, result.outboxIds);
    return c.json({ outcome, closed: result.closed } satisfies OutcomeRecorded);
  });

/** The scan of a photo received by mail: the raw JPEG or PNG, mounted before the JSON limit, read within the photos' 4 MB. */
export const reviewMailedPhotoRoutes = new Hono<AppBindings>().post(
  "/another-way/:requestId/mailed-photo",
  async (c) => {
    const officer = requireOfficer(c);
    const found = await openRequest(c);
    const db = c.var.db;
    if (!(await photoOpenFor(db, found.person.id))) throw new AppError(409, "photo_locked", "photo.locked");
    const { result, checks } = await checkPhotoBody(c);
    // The same rule as the person's own upload: a failing scan is not stored.
    const verdict = result.verdict;
    if (verdict === "fail") return checksFailedAnswer(c, checks);
    const saved = await storeAndRecord(
      c,
      found.person.id,
      result,
      (stored) =>
        recordMailedPhoto(db, c.env, {
          found,
          officerId: officer.officerId,
          photo: { ...stored, checks: result.checks, verdict },
        }),
      "mailed photo",
    );
    enqueueAfterResponse(c, saved.outboxIds);
    return c.json({ outcome: "photo_received", closed: true, verdict: result.verdict, checks });
  },
);
