import { and, eq } from "drizzle-orm";
import { persons, photos, submissions } from "../../schema/index.ts";
import { outboxInsert } from "./outbox.ts";
import { submissionReceivedEmail } from "../email/templates.ts";
import type { AppEnv } from "../env.ts";
import { templateContext } from "../lib/config.ts";
import { randomFromAlphabet } from "../lib/crypto.ts";
import { auditInsert } from "./audit.ts";
import { type Database, nowIso } from "./db.ts";
import { personColumns } from "./person-identity.ts";
import { currentPhoto, findAddress, findPresenceDeclaration, latestSubmission } from "./journey.ts";
import { representativeCopyAddresses } from "./representatives.ts";

/** A reference a person can read out on the phone: PRC-7K4M-Q9TX. */
function newSubmissionReference(): string {
  const part = () => randomFromAlphabet(4, "ABCDEFGHJKMNPQRSTUVWXYZ23456789");
  return `PRC-${part()}-${part()}`;
}

type MissingTask = "presence" | "address" | "photo" | "photoAcknowledge";

/** What still blocks `Submit documents` for a person (empty: ready). */
export async function missingTasks(db: Database, personId: number): Promise<MissingTask[]> {
  const [declaration, address, photo] = await Promise.all([
    findPresenceDeclaration(db, personId),
    findAddress(db, personId),
    currentPhoto(db, personId),
  ]);
  const missing: MissingTask[] = [];
  if (!declaration) missing.push("presence");
  if (!address) missing.push("address");
  // A failing photo goes only with an explanation of why it cannot meet the rule (decision 028).
  if (photo?.state !== "draft" || (photo.verdict === "fail" && photo.exceptionReason === null)) missing.push("photo");
  else if (photo.verdict === "warn" && !photo.warningsAcknowledged) missing.push("photoAcknowledge");
  return missing;
}

/**
 * Sends a person's documents: a frozen submission (declaration, address
 * snapshot, photo) and the photo marked submitted, with the confirmation
 * email, in one batch. After a returned photo, the new photo is sent as a
 * `photo_resubmission` with the same declaration and address.
 * Returns null when the same photo was submitted meanwhile (unique index).
 */
export async function submitDocuments(
  db: Database,
  env: Pick<AppEnv, "EMAIL_FROM" | "PUBLIC_ORIGIN" | "HELP_EMAIL"> & Partial<Pick<AppEnv, "REPRESENTATIVE_ACCESS">>,
  input: { personId: number; accountId: number; accountEmail: string },
  now = Date.now(),
): Promise<{
  reference: string;
  submittedAt: string;
  kind: "initial" | "photo_resubmission";
  outboxIds: number[];
} | null> {
  const [declaration, address, photo, earlier, person] = await Promise.all([
    findPresenceDeclaration(db, input.personId),
    findAddress(db, input.personId),
    currentPhoto(db, input.personId),
    latestSubmission(db, input.personId),
    db.select(personColumns).from(persons).where(eq(persons.id, input.personId)).get(),
  ]);
  if (!declaration || !address || !photo || !person) throw new Error("submitDocuments called with tasks incomplete");
  const reference = newSubmissionReference();
  const submittedAt = nowIso(now);
  const kind = earlier ? "photo_resubmission" : "initial";
  const { id: _id, personId: _p, updatedByAccountId: _u, updatedAt: _t, ...addressSnapshot } = address;
  const received = (representative?: string) =>
    submissionReceivedEmail(templateContext(env), {
      name: `${person.givenNames} ${person.familyName}`,
      reference,
      resubmission: kind === "photo_resubmission",
      representative,
    });
  // Each representative's copy, addressed to them as the representative (decision 026).
  const representatives = await representativeCopyAddresses(db, env, person);
  try {
    const results = await db.batch([
      db.insert(submissions).values({
        personId: input.personId,
        reference,
        kind,
        photoId: photo.id,
        declarationId: declaration.id,
        addressJson: JSON.stringify(addressSnapshot),
        submittedByAccountId: input.accountId,
        submittedAt,
      }),
      db
        .update(photos)
        .set({ state: "submitted" })
        .where(and(eq(photos.id, photo.id), eq(photos.state, "draft"))),
      outboxInsert(db, env, { kind: "submission_received", to: input.accountEmail, email: received() }),
      auditInsert(db, {
        actorKind: "applicant",
        actorId: input.accountId,
        action: "documents.submitted",
        subjectKind: "person",
        subjectId: input.personId,
        details: { reference, kind },
      }),
      ...representatives.map((r) =>
        outboxInsert(db, env, { kind: "submission_received", to: r.email, email: received(r.name) }),
      ),
    ]);
    const mails = [results[2], ...results.slice(4)] as { id: number }[][];
    return { reference, submittedAt, kind, outboxIds: mails.flat().map((r) => r.id) };
  } catch (error) {
    if (String(error).includes("UNIQUE constraint failed: submissions.photo_id")) return null;
    throw error;
  }
}

export async function submissionExists(db: Database, submissionId: number): Promise<boolean> {
  return Boolean(
    await db.select({ id: submissions.id }).from(submissions).where(eq(submissions.id, submissionId)).get(),
  );
}
