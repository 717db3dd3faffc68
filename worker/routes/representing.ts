import { Hono } from "hono";
import { tasksFor } from "../data/journey.ts";
import { personRepresentedBy, personsRepresentedBy, recordRepresentativeView } from "../data/representatives.ts";
import { timelineFor } from "../data/timeline.ts";
import { serviceStandards, settings } from "../lib/config.ts";
import { AppError } from "../lib/errors.ts";
import type { AppBindings } from "../lib/hono-types.ts";
import { requireRepresentative } from "../middleware/representative-session.ts";
import { onlyWithRepresentatives } from "../middleware/representatives-switch.ts";
import type {
  RepresentedPerson,
  RepresentedPersonStatus,
  RepresentingOverview,
} from "../../shared/api/representatives.ts";
import { runningClocks } from "../../shared/service-standards/clocks.ts";
import { dayOfMs } from "../../shared/service-standards/days.ts";

/*
 * The representative's own read-only view (decision 026): the persons whose
 * applicants gave them access, each one's tasks, status, timeline (with
 * return reasons) and whether the e-CoPR is ready. Nothing here writes but
 * the audit row of a view; every applicant route refuses a representative
 * (requireApplicant), so there is no way to act.
 */

type Represented = NonNullable<Awaited<ReturnType<typeof personRepresentedBy>>>;

async function representedPerson(
  db: AppBindings["Variables"]["db"],
  { person, since }: Represented,
): Promise<RepresentedPerson> {
  return {
    id: person.id,
    givenNames: person.givenNames,
    familyName: person.familyName,
    role: person.role,
    tasks: await tasksFor(db, person.id),
    since,
  };
}

export const representingRoutes = new Hono<AppBindings>()
  .use(onlyWithRepresentatives())

  .get("/", async (c) => {
    const representative = requireRepresentative(c);
    const db = c.var.db;
    const represented = await personsRepresentedBy(db, representative.representativeId);
    return c.json({
      representative: {
        name: representative.name,
        username: representative.username,
        language: representative.language,
      },
      persons: await Promise.all(represented.map((r) => representedPerson(db, r))),
    } satisfies RepresentingOverview);
  })

  .get("/persons/:personId", async (c) => {
    const representative = requireRepresentative(c);
    const db = c.var.db;
    const represented = await personRepresentedBy(db, representative.representativeId, Number(c.req.param("personId")));
    // A person nobody gave this representative (or no longer does) is one that does not exist.
    if (!represented) throw new AppError(404, "person_not_found", "errors.personNotFound");
    const timeline = await timelineFor(db, represented.person.id, settings(c.env).cardTargetDays);
    const clocks = runningClocks(timeline.events, serviceStandards(c.env), dayOfMs(Date.now()));
    await db.batch([recordRepresentativeView(db, representative.representativeId, represented.person.id)]);
    return c.json({
      ...(await representedPerson(db, represented)),
      status: { ...timeline, clocks },
    } satisfies RepresentedPersonStatus);
  });
