import { personActedFor } from "../data/journey.ts";
import { AppError } from "../lib/errors.ts";
import type { AppContext } from "../lib/hono-types.ts";
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
