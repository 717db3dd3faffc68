import type { AppEnv } from "../env.ts";
import { randomToken } from "../lib/crypto.ts";

/*
 * The private R2 bucket (FILES), and the only module that calls it. What the
 * portal writes there, and under which keys:
 * - photos/<personId>/<random>.jpg|png: a PR-card photo, metadata stripped
 *   (routes/photos.ts), pointed at by photos.object_key;
 * - documents/<personId>/<random>.pdf: an issued e-CoPR (services/ecopr.ts),
 *   pointed at by documents.object_key;
 * - corrections/<personId>/<random>.jpg|png: a photo of a supporting document sent with an e-CoPR
 *   correction, metadata stripped (routes/ecopr-corrections.ts), pointed at by
 *   ecopr_corrections.evidence_object_key.
 * Keys are random so nobody can guess one; every object is served only
 * through a route that checks who asks. A key no row points at is an orphan
 * the maintenance job deletes (maintenance/orphans.ts).
 */
type Bucket = Pick<AppEnv, "FILES">;

/** The prefixes the portal writes; anything else in the bucket is not ours to judge. */
export const OBJECT_PREFIXES = ["photos/", "documents/", "corrections/"] as const;

const PHOTO_TYPES = {
  jpeg: { extension: "jpg", contentType: "image/jpeg" },
  png: { extension: "png", contentType: "image/png" },
} as const;

/** A new key for a person's photo. */
export function newPhotoKey(personId: number, format: keyof typeof PHOTO_TYPES): string {
  return `photos/${personId}/${randomToken(18)}.${PHOTO_TYPES[format].extension}`;
}

/** A new key for a person's e-CoPR. */
export function newDocumentKey(personId: number): string {
  return `documents/${personId}/${randomToken(18)}.pdf`;
}

/** A new key for the supporting document of a person's e-CoPR correction. */
export function newEvidenceKey(personId: number, format: keyof typeof PHOTO_TYPES): string {
  return `corrections/${personId}/${randomToken(18)}.${PHOTO_TYPES[format].extension}`;
}

export async function putPhoto(
  env: Bucket,
  key: string,
  bytes: Uint8Array,
  format: keyof typeof PHOTO_TYPES,
): Promise<void> {
  await env.FILES.put(key, bytes, { httpMetadata: { contentType: PHOTO_TYPES[format].contentType } });
}

export async function putDocument(env: Bucket, key: string, pdf: Uint8Array): Promise<void> {
  await env.FILES.put(key, pdf, { httpMetadata: { contentType: "application/pdf" } });
}

/** The object's body and metadata, or null when there is none. */
export async function getObject(env: Bucket, key: string): Promise<R2ObjectBody | null> {
  return env.FILES.get(key);
}

/** Deletes these objects (one request for up to 1000 keys); deleting a missing key is not an error. */
export async function deleteObjects(env: Bucket, keys: string | string[]): Promise<void> {
  await env.FILES.delete(keys);
}

/** One page of the objects under a prefix. */
export async function listObjects(
  env: Bucket,
  prefix: (typeof OBJECT_PREFIXES)[number],
  cursor: string | undefined,
): Promise<R2Objects> {
  return env.FILES.list({ prefix, cursor, limit: 1000 });
}
