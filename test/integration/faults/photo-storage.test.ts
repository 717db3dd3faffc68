// Needs its own workerd and storage: the maintenance job's sweep removes every orphaned R2 object, other files' too.
// R2 failing around a photo upload: after the checks pass the put fails, the
// D1 batch fails after the put, or the delete of the replaced photo fails.
// No row may point at a missing object, nothing the person sees breaks, the
// person can retry, and whatever is left over the maintenance job removes.
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { photos } from "../../../schema/index.ts";
import { runMaintenance } from "../../../worker/maintenance/index.ts";
import { ORPHAN_GRACE_MINUTES } from "../../../worker/maintenance/orphans.ts";
import { db, signedInApplicant } from "../../support/factories.ts";
import { type FaultLog, batchFailingHalfway, failingBucket, useBindings } from "../../support/faults.ts";
import { errorOf } from "../../support/http.ts";
import { jpegOf, uploadPhoto, validPhoto } from "../../support/journey.ts";
import { realFaces } from "../../support/face-source.ts";

const afterGrace = () => Date.now() + (ORPHAN_GRACE_MINUTES + 1) * 60_000;

async function objectKeysOf(personId: number): Promise<string[]> {
  return (await env.FILES.list({ prefix: `photos/${personId}/` })).objects.map((o) => o.key).sort();
}

async function photoRows(personId: number) {
  return db().select().from(photos).where(eq(photos.personId, personId)).all();
}

/** Every row that is not a replaced draft has its object in R2. */
async function everyLiveRowHasItsObject(personId: number) {
  for (const row of await photoRows(personId)) {
    if (row.state !== "replaced") expect(await env.FILES.head(row.objectKey), row.objectKey).not.toBeNull();
  }
}

describe("faults: R2 and D1 around a photo upload", () => {
  it("R2 put fails after the checks pass: a translated 503, no row, the earlier photo kept, and a retry works", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    const b = applicant.browser;
    const first = await uploadPhoto(b, person.id, await validPhoto());
    expect(first.status).toBe(201);
    const firstId = ((await first.json()) as { photoId: number }).photoId;

    const log: FaultLog = { puts: 0, deletes: 0, batches: 0 };
    useBindings(b, { FILES: failingBucket(env.FILES, { put: true }, log) });
    const other = await jpegOf(realFaces.validDarkHair());
    const failed = await uploadPhoto(b, person.id, other);
    expect(log.puts).toBe(1);
    expect(failed.status).toBe(503);
    expect(failed.headers.get("Retry-After")).toBe("30");
    const error = await errorOf(failed);
    expect(error.code).toBe("photo_store_failed");
    expect(error.message).toMatch(/could not save|earlier photo/);
    expect(JSON.stringify(error)).not.toMatch(/R2|injected|Error:|at \w+ \(/);
    // French too, like every error.
    const frenchFailed = await b.request(`/api/persons/${person.id}/photo`, {
      method: "POST",
      headers: { "Content-Type": "image/jpeg", "Accept-Language": "fr-CA" },
      body: other,
    });
    expect((await errorOf(frenchFailed)).message).toMatch(/n'avons pas pu l'enregistrer/);

    // Nothing recorded: the first photo is still the current draft, with its object.
    const rows = await photoRows(person.id);
    expect(rows.map((r) => [r.id, r.state])).toEqual([[firstId, "draft"]]);
    await everyLiveRowHasItsObject(person.id);
    const current = (await (await b.get(`/api/persons/${person.id}/photo`)).json()) as { photoId: number };
    expect(current.photoId).toBe(firstId);

    // R2 is back: the same upload succeeds and replaces the first photo.
    useBindings(b);
    const retried = await uploadPhoto(b, person.id, other);
    expect(retried.status).toBe(201);
    expect((await photoRows(person.id)).filter((r) => r.state === "draft")).toHaveLength(1);
    await everyLiveRowHasItsObject(person.id);
    expect(await objectKeysOf(person.id)).toHaveLength(1);
  });

  it("the D1 batch fails after the put: nothing half-written, the new object is removed at once, the person can retry", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    const b = applicant.browser;
    const log: FaultLog = { puts: 0, deletes: 0, batches: 0 };
    useBindings(b, { DB: batchFailingHalfway(env.DB, log), FILES: failingBucket(env.FILES, {}, log) });
    const failed = await uploadPhoto(b, person.id, await validPhoto());
    expect(log).toMatchObject({ puts: 1, batches: 1, deletes: 1 });
    expect(failed.status).toBe(503);
    expect((await errorOf(failed)).code).toBe("photo_store_failed");
    // The batch inserted the row and an audit entry before failing: both rolled back.
    expect(await photoRows(person.id)).toEqual([]);
    expect(await objectKeysOf(person.id)).toEqual([]);

    useBindings(b);
    expect((await uploadPhoto(b, person.id, await validPhoto())).status).toBe(201);
    await everyLiveRowHasItsObject(person.id);
  });

  it("the D1 batch and the cleanup delete both fail: the orphan is left for the maintenance job, which removes it and nothing else", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    const b = applicant.browser;
    useBindings(b, { DB: batchFailingHalfway(env.DB), FILES: failingBucket(env.FILES, { delete: true }) });
    expect((await uploadPhoto(b, person.id, await validPhoto())).status).toBe(503);
    const [orphan] = await objectKeysOf(person.id);
    expect(orphan).toBeDefined();
    expect(await photoRows(person.id)).toEqual([]);

    useBindings(b);
    const good = await uploadPhoto(b, person.id, await validPhoto());
    expect(good.status).toBe(201);
    const [kept] = (await photoRows(person.id)).map((r) => r.objectKey);

    // Within the grace period the sweep leaves it (it could be an upload in flight)...
    await runMaintenance(env, Date.now());
    expect(await objectKeysOf(person.id)).toContain(orphan);
    // ...after it, the orphan goes, the live photo stays, and a second run does nothing.
    const first = await runMaintenance(env, afterGrace());
    expect(first.orphans.deleted).toBeGreaterThanOrEqual(1);
    expect(await objectKeysOf(person.id)).toEqual([kept]);
    const second = await runMaintenance(env, afterGrace());
    expect(second.orphans.deleted).toBe(0);
    expect(await objectKeysOf(person.id)).toEqual([kept]);
  });

  it("R2 delete of the replaced photo fails: the upload succeeds, the person sees the new photo, and the job removes the old object later", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    const b = applicant.browser;
    expect((await uploadPhoto(b, person.id, await validPhoto())).status).toBe(201);
    const [oldKey] = await objectKeysOf(person.id);

    const log: FaultLog = { puts: 0, deletes: 0, batches: 0 };
    useBindings(b, { FILES: failingBucket(env.FILES, { delete: true }, log) });
    const other = await jpegOf(realFaces.validDarkHair());
    const replaced = await uploadPhoto(b, person.id, other);
    expect(replaced.status).toBe(201);
    expect(log.deletes).toBe(1);
    const newId = ((await replaced.json()) as { photoId: number }).photoId;
    expect(((await (await b.get(`/api/persons/${person.id}/photo`)).json()) as { photoId: number }).photoId).toBe(
      newId,
    );
    const image = await b.get(`/api/persons/${person.id}/photo/image`);
    expect(image.status).toBe(200);
    expect(new Uint8Array(await image.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    expect(await objectKeysOf(person.id)).toHaveLength(2);

    useBindings(b);
    await runMaintenance(env, afterGrace());
    const live = (await photoRows(person.id)).find((r) => r.id === newId)!;
    expect(await objectKeysOf(person.id)).toEqual([live.objectKey]);
    expect(await objectKeysOf(person.id)).not.toContain(oldKey);
    await everyLiveRowHasItsObject(person.id);
  });
});
