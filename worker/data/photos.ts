import { and, eq, ne } from "drizzle-orm";
import { photos } from "../../schema/index.ts";
import type { CheckResult } from "../../shared/photo/checks/index.ts";
import { auditInsert } from "./audit.ts";
import type { Database } from "./db.ts";

interface NewPhoto {
  personId: number;
  objectKey: string;
  sha256: string;
  format: "jpeg" | "png";
  width: number;
  height: number;
  byteSize: number;
  checks: CheckResult[];
  verdict: "pass" | "warn" | "fail";
  uploadedByAccountId: number;
  /** A photo that fails a rule it cannot meet, with the person's explanation (decision 028). */
  exception?: { reason: "medical" | "religious" | "disability"; explanation: string };
}

/**
 * Records a new draft photo and retires the previous drafts, in one batch.
 * Returns the object keys of the retired drafts, for the caller to delete
 * from R2 only now that the new photo is safely stored.
 */
export async function replaceDraftPhoto(db: Database, photo: NewPhoto): Promise<{ id: number; retiredKeys: string[] }> {
  // Every other draft of this person is retired in the same batch (also one
  // written by a concurrent upload), so exactly one draft remains.
  const [inserted, retired] = await db.batch([
    db
      .insert(photos)
      .values({
        personId: photo.personId,
        objectKey: photo.objectKey,
        sha256: photo.sha256,
        format: photo.format,
        width: photo.width,
        height: photo.height,
        byteSize: photo.byteSize,
        checksJson: JSON.stringify(photo.checks),
        verdict: photo.verdict,
        uploadedByAccountId: photo.uploadedByAccountId,
        exceptionReason: photo.exception?.reason ?? null,
        exceptionExplanation: photo.exception?.explanation ?? null,
      })
      .returning({ id: photos.id }),
    db
      .update(photos)
      .set({ state: "replaced" })
      .where(and(eq(photos.personId, photo.personId), eq(photos.state, "draft"), ne(photos.objectKey, photo.objectKey)))
      .returning({ objectKey: photos.objectKey }),
    auditInsert(db, {
      actorKind: "applicant",
      actorId: photo.uploadedByAccountId,
      action: photo.exception ? "photo.uploaded_with_exception" : "photo.uploaded",
      subjectKind: "person",
      subjectId: photo.personId,
      details: photo.exception
        ? { verdict: photo.verdict, reason: photo.exception.reason }
        : { verdict: photo.verdict },
    }),
  ]);
  return { id: inserted[0]!.id, retiredKeys: retired.map((p) => p.objectKey) };
}

export async function findPhoto(db: Database, photoId: number) {
  return db.select().from(photos).where(eq(photos.id, photoId)).get();
}

/** "I want to submit this photo anyway": the draft's warnings acknowledged, and audited, in one batch. */
export async function acknowledgePhotoWarnings(
  db: Database,
  input: { photoId: number; personId: number; accountId: number },
): Promise<void> {
  await db.batch([
    db
      .update(photos)
      .set({ warningsAcknowledged: 1 })
      .where(and(eq(photos.id, input.photoId), eq(photos.state, "draft"))),
    auditInsert(db, {
      actorKind: "applicant",
      actorId: input.accountId,
      action: "photo.warnings_acknowledged",
      subjectKind: "person",
      subjectId: input.personId,
    }),
  ]);
}
