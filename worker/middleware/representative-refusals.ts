import { createMiddleware } from "hono/factory";
import { auditInsert } from "../data/audit.ts";
import { AppError } from "../lib/errors.ts";
import type { AppBindings } from "../lib/hono-types.ts";
import { clientIp } from "../lib/request-language.ts";

/** The person a refused applicant route names in its path, if any: `/api/persons/:id/…`. */
const PERSON_IN_PATH = /^\/api\/persons\/(\d{1,15})(?:\/|$)/;

/**
 * Audits every refusal of a representative on an applicant's route (decision 026): declaring,
 * submitting, an address, a photo, the e-CoPR… each 403 `representative_read_only` that
 * `requireApplicant()` answers becomes an audit row naming the representative and, when the path
 * names one, the person, so the applicant's list of the representative's actions shows the attempt.
 * One place after the route, like the refusal itself, not a list of routes to keep up to date.
 */
export function auditRepresentativeRefusals() {
  return createMiddleware<AppBindings>(async (c, next) => {
    await next();
    const { representative, applicant } = c.var;
    if (!representative || applicant) return;
    if (!(c.error instanceof AppError) || c.error.code !== "representative_read_only") return;
    const personId = PERSON_IN_PATH.exec(c.req.path)?.[1];
    await c.var.db.batch([
      auditInsert(c.var.db, {
        actorKind: "representative",
        actorId: representative.representativeId,
        action: "representative.refused",
        ...(personId ? { subjectKind: "person", subjectId: Number(personId) } : {}),
        // The route's shape, never its query or ids beyond the person's: what was tried.
        details: { method: c.req.method, route: c.req.path.replace(/\/\d+(?=\/|$)/g, "/:id") },
        ip: clientIp(c.req.raw.headers),
      }),
    ]);
  });
}
