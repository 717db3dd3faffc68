import { asc, eq } from "drizzle-orm";
import { officers } from "../../schema/index.ts";
import { auditInsert } from "./audit.ts";
import { type Database, nowIso } from "./db.ts";
import { revokeOfficerSessions } from "./officer-sessions.ts";
import type { findOfficerByEmail } from "./officers.ts";

/*
 * The admin CLI's officer commands (disable, enable, reset-password,
 * reset-totp, list). Each change is one batch with its audit row; disable
 * and both resets end the officer's sessions in the same batch, so a stolen
 * session or factor stops working the moment the command returns.
 */

type AdminActor = { kind: "admin"; id: string };
type Officer = NonNullable<Awaited<ReturnType<typeof findOfficerByEmail>>>;

const audit = (
  db: Database,
  actor: AdminActor,
  action: string,
  officer: Officer,
  details: Record<string, unknown> = {},
) =>
  auditInsert(db, {
    actorKind: actor.kind,
    actorId: actor.id,
    action,
    subjectKind: "officer",
    subjectId: officer.email,
    details,
  });

/** Refuses every sign-in and ends every session of the officer now. */
export async function disableOfficer(db: Database, officer: Officer, actor: AdminActor, now = Date.now()) {
  await db.batch([
    db
      .update(officers)
      .set({ disabledAt: nowIso(now) })
      .where(eq(officers.id, officer.id)),
    revokeOfficerSessions(db, officer.id, now),
    audit(db, actor, "officer.disable", officer),
  ]);
}

/** Lets a disabled officer sign in again; also clears a lock. */
export async function enableOfficer(db: Database, officer: Officer, actor: AdminActor) {
  await db.batch([
    db
      .update(officers)
      .set({ disabledAt: null, failedSignIns: 0, lockedUntil: null })
      .where(eq(officers.id, officer.id)),
    audit(db, actor, "officer.enable", officer),
  ]);
}

/**
 * A new one-time initial password (its hash given): the officer must choose
 * their own at the next sign-in, within OFFICER_INITIAL_PASSWORD_HOURS. The
 * lock is cleared and every session ends.
 */
export async function resetOfficerPassword(
  db: Database,
  officer: Officer,
  passwordHash: string,
  actor: AdminActor,
  now = Date.now(),
) {
  await db.batch([
    db
      .update(officers)
      .set({
        passwordHash,
        mustChangePassword: 1,
        initialPasswordIssuedAt: nowIso(now),
        initialPasswordUsedAt: null,
        failedSignIns: 0,
        lockedUntil: null,
      })
      .where(eq(officers.id, officer.id)),
    revokeOfficerSessions(db, officer.id, now),
    audit(db, actor, "officer.reset_password", officer),
  ]);
}

/** A new TOTP secret (the old authenticator entry stops working); lock cleared, every session ended. */
export async function resetOfficerTotp(
  db: Database,
  officer: Officer,
  totpSecret: string,
  actor: AdminActor,
  now = Date.now(),
) {
  await db.batch([
    db
      .update(officers)
      .set({ totpSecret, lastTotpStep: null, failedSignIns: 0, lockedUntil: null })
      .where(eq(officers.id, officer.id)),
    revokeOfficerSessions(db, officer.id, now),
    audit(db, actor, "officer.reset_totp", officer),
  ]);
}

/** Every officer, without secrets or hashes; the listing itself is audited. */
export async function listOfficers(db: Database, actor: AdminActor) {
  const [rows] = await db.batch([
    db
      .select({
        email: officers.email,
        name: officers.name,
        role: officers.role,
        disabledAt: officers.disabledAt,
        lockedUntil: officers.lockedUntil,
        mustChangePassword: officers.mustChangePassword,
        initialPasswordIssuedAt: officers.initialPasswordIssuedAt,
        createdAt: officers.createdAt,
      })
      .from(officers)
      .orderBy(asc(officers.email)),
    auditInsert(db, { actorKind: actor.kind, actorId: actor.id, action: "officer.list" }),
  ]);
  return rows;
}
