import { and, eq, gt, isNull } from "drizzle-orm";
import { passwordResetTokens, representativeResetTokens } from "../../schema/index.ts";
import type { CredentialKind } from "./credentials.ts";
import { type Database, addMinutes, nowIso } from "./db.ts";

/*
 * Forgot-password links of both kinds of account that choose their own password (decision 026):
 * single use, one hour, stored hashed. Applicants' links name their account, representatives'
 * their own account, each in its table; one hash look-up finds either, so a link never says in its
 * URL whose it is.
 */

/** How long a reset link works. */
export const RESET_LINK_MINUTES = 60;

export function newResetToken(
  db: Database,
  kind: CredentialKind,
  ownerId: number,
  tokenHash: string,
  now = Date.now(),
) {
  const expiresAt = addMinutes(nowIso(now), RESET_LINK_MINUTES);
  return kind === "applicant"
    ? db.insert(passwordResetTokens).values({ accountId: ownerId, tokenHash, expiresAt })
    : db.insert(representativeResetTokens).values({ representativeId: ownerId, tokenHash, expiresAt });
}

/** The unused, unexpired link with this hash, of either kind: whose it is and its row id. */
export async function findUsableResetToken(
  db: Database,
  tokenHash: string,
  now = Date.now(),
): Promise<{ kind: CredentialKind; id: number; ownerId: number } | undefined> {
  const at = nowIso(now);
  const [applicant, representative] = await db.batch([
    db
      .select({ id: passwordResetTokens.id, ownerId: passwordResetTokens.accountId })
      .from(passwordResetTokens)
      .where(
        and(
          eq(passwordResetTokens.tokenHash, tokenHash),
          isNull(passwordResetTokens.usedAt),
          gt(passwordResetTokens.expiresAt, at),
        ),
      ),
    db
      .select({ id: representativeResetTokens.id, ownerId: representativeResetTokens.representativeId })
      .from(representativeResetTokens)
      .where(
        and(
          eq(representativeResetTokens.tokenHash, tokenHash),
          isNull(representativeResetTokens.usedAt),
          gt(representativeResetTokens.expiresAt, at),
        ),
      ),
  ]);
  if (applicant[0]) return { kind: "applicant", ...applicant[0] };
  if (representative[0]) return { kind: "representative", ...representative[0] };
  return undefined;
}

/**
 * Marks a link used, only if it still is unused: the statement is the single-use guard when two
 * requests race with the same link. Returns the row it marked (none: someone else used it first).
 */
export function useResetToken(db: Database, kind: CredentialKind, tokenId: number, now = Date.now()) {
  const table = kind === "applicant" ? passwordResetTokens : representativeResetTokens;
  return db
    .update(table)
    .set({ usedAt: nowIso(now) })
    .where(and(eq(table.id, tokenId), isNull(table.usedAt)))
    .returning({ id: table.id });
}
