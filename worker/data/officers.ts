import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { officers } from "../../schema/index.ts";
import { auditInsert } from "./audit.ts";
import { type Database, nowIso } from "./db.ts";

export type OfficerRole = (typeof officers.$inferSelect)["role"];

export async function findOfficerByEmail(db: Database, email: string) {
  return db
    .select()
    .from(officers)
    .where(eq(sql`lower(${officers.email})`, email.trim().toLowerCase()))
    .get();
}

export async function findOfficerById(db: Database, id: number) {
  return db.select().from(officers).where(eq(officers.id, id)).get();
}

/**
 * Creates an officer account (admin CLI only: officers never sign up). The
 * password and TOTP secret are made by the caller, which shows them once;
 * only the password's hash is stored. The officer must change that password
 * at first sign-in unless `mustChangePassword` is false (the public demo
 * officer, whose password is documented). Returns null when the email is taken
 * (the unique index decides, so two admins racing cannot both succeed).
 */
export async function createOfficer(
  db: Database,
  officer: {
    email: string;
    name: string;
    role: OfficerRole;
    passwordHash: string;
    totpSecret: string;
    mustChangePassword?: boolean;
  },
  actor: { kind: "admin"; id: string },
): Promise<{ id: number } | null> {
  const email = officer.email.trim().toLowerCase();
  try {
    const [[created]] = await db.batch([
      db
        .insert(officers)
        .values({
          email,
          name: officer.name.trim(),
          role: officer.role,
          passwordHash: officer.passwordHash,
          totpSecret: officer.totpSecret,
          // The admin command's password is one-time: changed at first sign-in,
          // and it expires (OFFICER_INITIAL_PASSWORD_HOURS after this).
          mustChangePassword: officer.mustChangePassword === false ? 0 : 1,
          initialPasswordIssuedAt: officer.mustChangePassword === false ? null : nowIso(),
        })
        .returning({ id: officers.id }),
      auditInsert(db, {
        actorKind: actor.kind,
        actorId: actor.id,
        action: "officer.create",
        subjectKind: "officer",
        subjectId: email,
        details: { role: officer.role },
      }),
    ]);
    return created ?? null;
  } catch (error) {
    if (String(error).includes("UNIQUE constraint failed: officers.email")) return null;
    throw error;
  }
}

/**
 * Records the TOTP step an officer's code matched, only if it is newer than
 * the last one: the statement itself refuses a replay when two sign-ins race
 * with the same code. True when the step was recorded.
 */
export async function useTotpStep(db: Database, officerId: number, step: number): Promise<boolean> {
  const changed = await db
    .update(officers)
    .set({ lastTotpStep: step })
    .where(and(eq(officers.id, officerId), or(isNull(officers.lastTotpStep), lt(officers.lastTotpStep, step))))
    .returning({ id: officers.id });
  return changed.length === 1;
}

/**
 * Marks an officer's current password as their own (no change required at
 * sign-in). Only the demo seed uses it, for the documented demo officer.
 */
export function markPasswordChosen(db: Database, officerId: number) {
  return db
    .update(officers)
    .set({ mustChangePassword: 0, initialPasswordIssuedAt: null })
    .where(eq(officers.id, officerId));
}

/** A successful sign-in: the failure count and lock cleared, and a one-time initial password spent. */
export function recordOfficerSignIn(
  db: Database,
  officerId: number,
  input: { initialPasswordUsed: boolean },
  now = Date.now(),
) {
  return db
    .update(officers)
    .set({
      failedSignIns: 0,
      lockedUntil: null,
      ...(input.initialPasswordUsed ? { initialPasswordUsedAt: nowIso(now) } : {}),
    })
    .where(eq(officers.id, officerId));
}

/** A new password for an officer; `replacesInitial` when it replaces the one-time initial password (no change asked any more). */
export function setOfficerPassword(
  db: Database,
  officerId: number,
  passwordHash: string,
  input: { replacesInitial: boolean },
) {
  return db
    .update(officers)
    .set({ passwordHash, ...(input.replacesInitial ? { mustChangePassword: 0 } : {}) })
    .where(eq(officers.id, officerId));
}
