import { Hono } from "hono";
import { readAuditLog } from "../data/audit-read.ts";
import { reviewMetrics } from "../data/metrics.ts";
import { correctMailedDate } from "../data/photo-decisions.ts";
import { requireOfficer, signedInOfficer } from "../middleware/officer-session.ts";
import { pathId } from "../middleware/path-id.ts";
import { cardDateFieldProblem } from "../lib/card-date-messages.ts";
import { AppError, validationError } from "../lib/errors.ts";
import type { AppBindings } from "../lib/hono-types.ts";
import { jsonBody } from "../lib/validate-json.ts";
import { MailedCorrectionBody } from "../../shared/api/review-requests.ts";
import { clientIp } from "../lib/request-language.ts";
import { serviceStandards } from "../lib/config.ts";
import type { AuditEntry, ReviewMetrics } from "../../shared/api/review-answers.ts";

/** Supervisors only: the audit log, the review metrics, and corrections of a recorded card mailing date. */
export const reviewSupervisorRoutes = new Hono<AppBindings>()
  .get("/audit", async (c) => {
    requireOfficer(c, { supervisor: true });
    const q = (name: string) => c.req.query(name) || undefined;
    return c.json({
      entries: (await readAuditLog(c.var.db, {
        actorKind: q("actorKind"),
        actorId: q("actorId"),
        action: q("action"),
        subjectKind: q("subjectKind"),
        subjectId: q("subjectId"),
        from: q("from"),
        to: q("to"),
        limit: Number(q("limit") ?? 200),
      })) satisfies AuditEntry[],
    });
  })
  .get("/metrics", async (c) => {
    requireOfficer(c, { supervisor: true });
    return c.json((await reviewMetrics(c.var.db, serviceStandards(c.env))) satisfies ReviewMetrics);
  })

  // A recorded mailed date changes only here: a supervisor, a reason, an audit row with both dates.
  .post(
    "/persons/:personId/card/mailed-correction",
    signedInOfficer({ supervisor: true }),
    pathId("personId"),
    jsonBody(MailedCorrectionBody),
    async (c) => {
      const { officer: supervisor, personId } = c.var;
      const { mailedOn, reason } = c.req.valid("json");
      const result = await correctMailedDate(c.var.db, {
        personId,
        supervisorId: supervisor.officerId,
        mailedOn,
        reason,
        ip: clientIp(c.req.raw.headers),
      });
      if (result.ok) return c.json({ ok: true });
      if (result.reason === "invalid") throw validationError(result.problems.map(cardDateFieldProblem));
      if (result.reason === "not_mailed") throw new AppError(409, "card_not_mailed", "review.cardNotMailed");
      throw validationError([{ field: "mailedOn", code: "same_date", messageKey: "review.correctionSameDate" }]);
    },
  );
