import { Hono } from "hono";
import { readAuditLog } from "../data/audit-read.ts";
import { reviewMetrics } from "../data/metrics.ts";
import { requireOfficer } from "../middleware/officer-session.ts";
import type { AppBindings } from "../lib/hono-types.ts";

/** Supervisors only: the audit log and the review metrics. */
export const reviewSupervisorRoutes = new Hono<AppBindings>()
  .get("/audit", async (c) => {
    requireOfficer(c, { supervisor: true });
    const q = (name: string) => c.req.query(name) || undefined;
    return c.json({
      entries: await readAuditLog(c.var.db, {
        actorKind: q("actorKind"),
        actorId: q("actorId"),
        action: q("action"),
        subjectKind: q("subjectKind"),
        subjectId: q("subjectId"),
        from: q("from"),
        to: q("to"),
        limit: Number(q("limit") ?? 200),
      }),
    });
  })
  .get("/metrics", async (c) => {
    requireOfficer(c, { supervisor: true });
    return c.json(await reviewMetrics(c.var.db));
  });
