import { createMiddleware } from "hono/factory";
import { personActedFor } from "../data/journey.ts";
import { AppError } from "../lib/errors.ts";
import type { AppBindings, AppContext } from "../lib/hono-types.ts";
import { requireApplicant } from "../middleware/applicant-session.ts";

/**
 * The `:personId` of the path, if the signed-in account acts for that person; else 404 (never 403),
 * so nobody can learn which person ids exist.
 */
export async function actedForPerson(c: AppContext) {
  const applicant = requireApplicant(c);
  const person = await personActedFor(c.var.db, applicant.accountId, Number(c.req.param("personId")));
  if (!person) throw new AppError(404, "person_not_found", "errors.personNotFound");
  return { applicant, person };
}

/** What `actedFor()` puts on the context: the signed-in applicant and the person of the path. */
export interface ActedFor {
  Variables: Awaited<ReturnType<typeof actedForPerson>>;
}

/**
 * `actedForPerson` as route middleware, placed before the body's `jsonBody(Schema)` so that its
 * 401/403/404 answer before a body's 415/400/422 (decision 022); the handler reads `c.var.person`
 * and `c.var.applicant`.
 */
export const actedFor = () =>
  createMiddleware<AppBindings & ActedFor>(async (c, next) => {
    const { applicant, person } = await actedForPerson(c);
    c.set("applicant", applicant);
    c.set("person", person);
    await next();
  });
