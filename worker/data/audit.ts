import { auditLog } from "../../schema/index.ts";
import type { Database } from "./db.ts";

export interface AuditEntry {
  actorKind: "admin" | "officer" | "applicant" | "representative" | "system";
  actorId?: string | number | null;
  action: string;
  subjectKind?: string;
  subjectId?: string | number | null;
  details?: Record<string, unknown>;
  ip?: string | null;
}

/** An INSERT into the append-only audit log, to put in the caller's db.batch. */
export function auditInsert(db: Database, entry: AuditEntry) {
  return db.insert(auditLog).values({
    actorKind: entry.actorKind,
    actorId: entry.actorId == null ? null : String(entry.actorId),
    action: entry.action,
    subjectKind: entry.subjectKind ?? null,
    subjectId: entry.subjectId == null ? null : String(entry.subjectId),
    detailsJson: JSON.stringify(entry.details ?? {}),
    ip: entry.ip ?? null,
  });
}
