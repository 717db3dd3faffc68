import { Hono } from "hono";
import { liveApplicantSession } from "../data/sessions.ts";
import { sessionAndTaskList, taskListFromRows } from "../data/task-list.ts";
import type { AppBindings } from "../lib/hono-types.ts";
import type { PersonWithTasks, TaskList } from "../../shared/api/persons.ts";
import { applicantSessionIdFrom, requireApplicant } from "../middleware/applicant-session.ts";

/**
 * GET /api/persons, the task list: what every signed-in page load waits for. It is mounted before the
 * session middleware and reads the session row and the family's tasks in ONE D1 round trip (a batch of
 * two statements, the list keyed by the session id); the session is then judged by the same rule the
 * middleware uses (liveApplicantSession) and requireApplicant gives the same 401 and 403. Each D1 round
 * trip costs about a whole hello-world request here (docs/performance.md), so this halves the cost.
 */
export const taskListRoutes = new Hono<AppBindings>().get("/", async (c) => {
  const sessionId = await applicantSessionIdFrom(c);
  let listRows: Parameters<typeof taskListFromRows>[0] = [];
  if (sessionId) {
    const db = c.var.db;
    const { session, rows } = await sessionAndTaskList(db, sessionId);
    c.set("applicant", await liveApplicantSession(db, session));
    listRows = rows;
  }
  // No cookie, or a session that is not live: the same 401 (or 403) as every applicant route.
  const applicant = requireApplicant(c);
  const persons = taskListFromRows(listRows).map((p) => ({
    ...p,
    // The column holds only these two (schema/persons.ts).
    role: p.role as PersonWithTasks["role"],
    isSelf: p.id === applicant.personId,
  }));
  // The account holder first, then family members in import order.
  persons.sort((a, b) => Number(b.isSelf) - Number(a.isSelf));
  return c.json({ persons } satisfies TaskList);
});
