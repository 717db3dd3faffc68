import { and, asc, desc, eq, gt, gte, like, lte, type SQL } from "drizzle-orm";
import { auditLog } from "../../schema/index.ts";
import type { Database } from "./db.ts";

interface AuditFilters {
  actorKind?: string;
  actorId?: string;
  action?: string;
  subjectKind?: string;
  subjectId?: string;
  from?: string;
  to?: string;
  limit?: number;
}

/** Audit rows, newest first, filtered (action matches as a prefix: `photo.` finds every photo action). */
export async function readAuditLog(db: Database, filters: AuditFilters = {}) {
  const conditions: SQL[] = [];
  if (filters.actorKind) conditions.push(eq(auditLog.actorKind, filters.actorKind as "admin"));
  if (filters.actorId) conditions.push(eq(auditLog.actorId, filters.actorId));
  if (filters.action) conditions.push(like(auditLog.action, `${filters.action.replace(/[%_]/g, "")}%`));
  if (filters.subjectKind) conditions.push(eq(auditLog.subjectKind, filters.subjectKind));
  if (filters.subjectId) conditions.push(eq(auditLog.subjectId, filters.subjectId));
  if (filters.from) conditions.push(gte(auditLog.createdAt, filters.from));
  if (filters.to) conditions.push(lte(auditLog.createdAt, `${filters.to}\uffff`));
  const rows = await db
    .select()
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(Number.isFinite(filters.limit) ? Math.min(Math.max(Math.trunc(filters.limit!), 1), 1000) : 200)
    .all();
  return rows.map((r) => ({ ...r, details: JSON.parse(r.detailsJson) as unknown }));
}

/** Every audit row in id order, a page at a time (for exports of the whole log). */
export async function* auditLogPages(db: Database, range: { from?: string; to?: string } = {}, pageSize = 500) {
  let afterId = 0;
  for (;;) {
    const conditions: SQL[] = [gt(auditLog.id, afterId)];
    if (range.from) conditions.push(gte(auditLog.createdAt, range.from));
    if (range.to) conditions.push(lte(auditLog.createdAt, `${range.to}\uffff`));
    const page = await db
      .select()
      .from(auditLog)
      .where(and(...conditions))
      .orderBy(asc(auditLog.id))
      .limit(pageSize)
      .all();
    if (page.length === 0) return;
    yield page.map((r) => ({ ...r, details: JSON.parse(r.detailsJson) as unknown }));
    afterId = page.at(-1)!.id;
  }
}
