import { accountHolderName } from "../data/accounts.ts";
import { newResetToken } from "../data/reset-tokens.ts";
import { auditInsert } from "../data/audit.ts";
import { isAddressConfirmed } from "../data/email-confirmations.ts";
import type { Database } from "../data/db.ts";
import type { AppEnv } from "../env.ts";
import { templateContext } from "../lib/config.ts";
import { randomToken, sha256Hex } from "../lib/crypto.ts";
import { outboxInsert } from "../data/outbox.ts";
import { enqueueOutbox } from "./outbox.ts";
import { representativeLockedEmail } from "./representative-templates.ts";
import { accountLockedEmail, officerAccountLockedEmail } from "./templates.ts";

/*
 * A locked account answers sign-in exactly like a wrong password (decision
 * 011), so its owner learns of the lock here, by email, once per lock
 * episode (when the failures first reach the lock threshold; the count
 * resets only at a successful sign-in or a new password). The callers run
 * this after the response (waitUntil): the answer and its timing stay those
 * of a wrong password.
 */

type Env = Pick<AppEnv, "DB" | "EMAIL_QUEUE" | "EMAIL_FROM" | "PUBLIC_ORIGIN" | "HELP_EMAIL">;

interface LockedAccount {
  id: number;
  username: string;
  email: string;
  passwordIsTemporary: number;
}
/** An applicant's account, or a representative's (the same lockout: decision 026). */
export type LockedHolder =
  | { kind: "applicant"; row: LockedAccount & { personId: number } }
  | { kind: "representative"; row: LockedAccount & { name: string } };

/**
 * The lock email of an applicant's or a representative's account. A chosen password gets a reset link (the
 * forgot-password token: single use, one hour, stored hashed), which also
 * unlocks; a temporary password is re-issued by IRCC, as everywhere else.
 * The link, like every reset link, goes only to an address its owner
 * confirmed (worker/data/email-confirmations.ts); otherwise the notice
 * comes without it.
 */
export async function notifyApplicantLocked(
  env: Env,
  db: Database,
  holder: LockedHolder,
  minutes: number,
): Promise<void> {
  const account = holder.row;
  // A representative's account gets the same link, of its own kind (decision 026).
  const withLink = account.passwordIsTemporary === 0 && (await isAddressConfirmed(db, account.email));
  const token = withLink ? randomToken(32) : null;
  const statements = [
    ...(token ? [newResetToken(db, holder.kind, account.id, await sha256Hex(token))] : []),
    auditInsert(db, {
      actorKind: "system",
      action: "account.locked_notified",
      subjectKind: holder.kind === "applicant" ? "account" : "representative",
      subjectId: account.id,
      details: { minutes, resetLink: withLink },
    }),
  ] as const;
  const mail = outboxInsert(db, env, {
    kind: "account_locked",
    to: account.email,
    // Each in its own words: the representative's speaks of their representative account.
    email:
      holder.kind === "applicant"
        ? accountLockedEmail(templateContext(env), {
            name: await accountHolderName(db, holder.row),
            minutes,
            resetLink: withLink,
          })
        : representativeLockedEmail(templateContext(env), { name: holder.row.name, minutes, resetLink: withLink }),
    ...(token ? { secrets: { token } } : {}),
  });
  const results = await db.batch([mail, ...statements]);
  await enqueueOutbox(
    env,
    db,
    results[0].map((m) => m.id),
  );
}

/** The officer's lock email: what to do, no self-service reset (decision 011). */
export async function notifyOfficerLocked(
  env: Env,
  db: Database,
  officer: { id: number; name: string; email: string },
  minutes: number,
): Promise<void> {
  const [mail] = await db.batch([
    outboxInsert(db, env, {
      kind: "officer_locked",
      to: officer.email,
      email: officerAccountLockedEmail(templateContext(env), { name: officer.name, minutes }),
    }),
    auditInsert(db, {
      actorKind: "system",
      action: "officer.locked_notified",
      subjectKind: "officer",
      subjectId: officer.email,
      details: { minutes },
    }),
  ]);
  await enqueueOutbox(
    env,
    db,
    mail.map((m) => m.id),
  );
}
