// An accepted photo, its declaration and submission, as the officers' decisions leave them: what the
// card export reads. The routes that write these are tested in workerd; the admin tests only need the
// rows, so they are inserted straight into the local D1 (tests may use schema/ and drizzle-orm).
import { eq } from "drizzle-orm";
import * as schema from "../../schema/index.ts";
import type { Platform } from "../../scripts/admin/platform.ts";

/** A JPEG's first and last markers around three bytes: enough for the export to copy. */
export const PHOTO_BYTES = new Uint8Array([0xff, 0xd8, 0xff, 0xdb, 1, 2, 3, 0xff, 0xd9]);

export interface AcceptedSubmission {
  uci: string;
  reference: string;
  /** The address as submitted (the submission's JSON copy). */
  address: Record<string, string>;
  /** When the officer accepted the photo. */
  decidedAt?: string;
  /** Whose account declared and submitted: the principal's, for a family member (default: the person's own). */
  accountHolderUci?: string;
}

/** Inserts, for the person with this UCI, a stored photo, a declaration, a submission and its acceptance. */
export async function insertAcceptedSubmission({ db, env }: Platform, input: AcceptedSubmission) {
  const { persons, photos, presenceDeclarations, submissions, reviewDecisions, officers, accounts } = schema;
  const person = (await db.select().from(persons).where(eq(persons.uci, input.uci)).get())!;
  const holder = input.accountHolderUci
    ? (await db.select().from(persons).where(eq(persons.uci, input.accountHolderUci)).get())!
    : person;
  const account = (await db.select().from(accounts).where(eq(accounts.personId, holder.id)).get())!;
  const officer = (await db.select().from(officers).get())!;
  const objectKey = `photos/test/${input.uci}.jpg`;
  await env.FILES.put(objectKey, PHOTO_BYTES);
  const [photo] = await db
    .insert(photos)
    .values({
      personId: person.id,
      objectKey,
      sha256: `x${input.reference}`,
      format: "jpeg",
      width: 900,
      height: 1260,
      byteSize: PHOTO_BYTES.length,
      checksJson: "[]",
      verdict: "pass",
      state: "submitted",
    })
    .returning();
  const [declaration] = await db
    .insert(presenceDeclarations)
    .values({
      personId: person.id,
      declaredByAccountId: account.id,
      declaredByPersonId: person.id,
      statementVersion: "v1",
      declaredOn: "2026-11-20",
    })
    .returning();
  const [submission] = await db
    .insert(submissions)
    .values({
      personId: person.id,
      reference: input.reference,
      kind: "initial",
      photoId: photo!.id,
      declarationId: declaration!.id,
      addressJson: JSON.stringify(input.address),
      submittedByAccountId: account.id,
      submittedAt: "2026-11-20T10:00:00.000Z",
    })
    .returning();
  await db.insert(reviewDecisions).values({
    submissionId: submission!.id,
    officerId: officer.id,
    decision: "photo_accepted",
    decidedAt: input.decidedAt ?? "2026-11-21T10:00:00.000Z",
  });
  return { person, account, officer, submission: submission! };
}
