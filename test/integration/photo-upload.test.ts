import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { photos } from "../../schema/index.ts";
import { MAX_PHOTO_BYTES } from "../../shared/photo/size-limit.ts";
import { Browser, errorOf } from "../support/http.ts";
import { db, signedInApplicant } from "../support/factories.ts";
import {
  corruptPngCrc,
  decompressionBombPng,
  encodePng,
  exifSegment,
  findAscii,
  heicLike,
  hugeDeclaredPng,
  insertAfterSoi,
  portraits,
} from "../support/photo-fixtures.ts";
import { jpegOf, validPhoto } from "../support/journey.ts";
import { encodeFourComponentJpeg } from "../support/cmyk-jpeg.ts";
import { avifFile, heicFile, heifFile } from "../support/isobmff.ts";
import { realFaces } from "../support/face-source.ts";
import { parseJpegHeader } from "../../shared/photo/header.ts";
import { applyOrientation } from "../../worker/photo/orientation.ts";

function upload(browser: Browser, personId: number, bytes: Uint8Array | ReadableStream, contentType = "image/jpeg") {
  const body = bytes instanceof Uint8Array ? new Uint8Array(bytes) : bytes;
  return browser.request(`/api/persons/${personId}/photo`, {
    method: "POST",
    headers: { "Content-Type": contentType },
    body,
  });
}

/** SHA-256 in hex, computed here rather than with the worker's helper. */
async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new Uint8Array(bytes));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

type UploadAnswer = { photoId: number; verdict: string; checks: { id: string; verdict: string; message: string }[] };

describe("photo upload", () => {
  let valid: Uint8Array<ArrayBuffer>;
  beforeAll(async () => {
    valid = await validPhoto();
  });

  it("accepts a valid photo: every check answered, stored privately without its metadata", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    // A GPS-bearing EXIF block, as phones write: it must not be stored.
    const withExif = insertAfterSoi(valid, exifSegment(1));
    expect(findAscii(withExif, "Exif")).toBeGreaterThan(0);
    const response = await upload(applicant.browser, person.id, withExif);
    expect(response.status).toBe(201);
    const body = (await response.json()) as UploadAnswer;
    expect(body.verdict).not.toBe("fail");
    expect(body.checks.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        "format",
        "file_size",
        "dimensions",
        "too_dark",
        "background_not_white",
        "glare",
        "face_not_visible",
      ]),
    );
    const row = await db().select().from(photos).where(eq(photos.id, body.photoId)).get();
    expect(row).toMatchObject({ personId: person.id, state: "draft", format: "jpeg", width: 900, height: 1260 });
    const stored = new Uint8Array(await (await env.FILES.get(row!.objectKey))!.arrayBuffer());
    expect(findAscii(stored, "Exif")).toBe(-1);
    expect(stored.byteLength).toBe(valid.byteLength);
    // The row's hash is the stored object's (metadata stripped), not the upload's: the retry check compares it.
    expect(row!.sha256).toBe(await sha256(stored));
    expect(row!.sha256).not.toBe(await sha256(withExif));

    // The person can read it back; nobody else can.
    const image = await applicant.browser.get(`/api/persons/${person.id}/photo/image`);
    expect(image.headers.get("Content-Type")).toBe("image/jpeg");
    const stranger = await signedInApplicant();
    expect((await stranger.browser.get(`/api/persons/${person.id}/photo/image`)).status).toBe(404);
    expect((await upload(stranger.browser, person.id, valid)).status).toBe(404);
  });

  it("judges a portrait stored sideways with an EXIF orientation tag as a portrait, and stores it with the tag", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    // A phone's portrait: pixels stored 1260×900 (turned 90° anticlockwise), EXIF orientation 6
    // says "turn clockwise to show". applyOrientation(…, 8) turns anticlockwise.
    const sideways = await jpegOf(applyOrientation(realFaces.valid(), 8));
    const tagged = insertAfterSoi(sideways, exifSegment(6));
    const response = await upload(applicant.browser, person.id, tagged);
    expect(response.status).toBe(201);
    const body = (await response.json()) as UploadAnswer;
    for (const check of body.checks) expect(check.verdict, check.id).toBe("pass");
    const row = await db().select().from(photos).where(eq(photos.id, body.photoId)).get();
    expect(row).toMatchObject({ width: 900, height: 1260 });
    // Stored with the same pixels and only the orientation left of the EXIF ("ACM" was the camera make).
    const stored = new Uint8Array(await (await env.FILES.get(row!.objectKey))!.arrayBuffer());
    const header = parseJpegHeader(stored);
    expect(header.ok && header.header.orientation).toBe(6);
    expect(findAscii(stored, "ACM")).toBe(-1);
    expect(stored.byteLength).toBe(sideways.byteLength + 36);

    // The same sideways pixels without the tag are a landscape photo: wrong dimensions.
    const untagged = (await (await upload(applicant.browser, person.id, sideways)).json()) as UploadAnswer;
    expect(untagged.checks.find((c) => c.id === "dimensions")?.verdict).toBe("fail");
  });

  it("a new upload replaces the previous photo, whose object is deleted after the new one is stored", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    const first = (await (await upload(applicant.browser, person.id, valid)).json()) as UploadAnswer;
    const firstKey = (await db().select().from(photos).where(eq(photos.id, first.photoId)).get())!.objectKey;
    const png = await encodePng(realFaces.valid());
    const second = await upload(applicant.browser, person.id, png, "image/png");
    expect(second.status).toBe(201);
    const drafts = await db()
      .select()
      .from(photos)
      .where(and(eq(photos.personId, person.id), eq(photos.state, "draft")))
      .all();
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.format).toBe("png");
    for (let i = 0; i < 50 && (await env.FILES.head(firstKey)); i++) await new Promise((r) => setTimeout(r, 20));
    expect(await env.FILES.head(firstKey)).toBeNull();
  });

  it("a photo that fails a check is explained in the page's language and not stored", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    const response = await applicant.browser.request(`/api/persons/${person.id}/photo`, {
      method: "POST",
      headers: { "Content-Type": "image/jpeg", "Accept-Language": "fr" },
      body: await jpegOf(portraits.tooDark()),
    });
    expect(response.status).toBe(422);
    const body = (await response.json()) as UploadAnswer & { error: { code: string; message: string } };
    expect(body.error.code).toBe("photo_checks_failed");
    expect(body.error.message).toContain("exigences");
    expect(body.checks.find((c) => c.id === "too_dark")?.verdict).toBe("fail");
    expect(await db().select().from(photos).where(eq(photos.personId, person.id)).all()).toHaveLength(0);
  });

  it("refuses malformed and hostile files with a specific 4xx, never a 500, and still accepts a good one afterwards", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    const png = await encodePng(realFaces.valid());
    const cases: [string, Uint8Array, number, string][] = [
      ["empty", new Uint8Array(), 422, "photo_empty"],
      ["heic", heicLike(), 415, "photo_heic"],
      ["heic (iPhone brands)", heicFile(), 415, "photo_heic"],
      ["avif", avifFile(), 415, "photo_avif"],
      ["heif", heifFile(), 415, "photo_heif"],
      ["text", new TextEncoder().encode("hello, this is not a photo"), 415, "photo_type"],
      ["truncated jpeg", valid.slice(0, Math.floor(valid.length / 2)), 422, "photo_corrupt"],
      ["corrupted png", corruptPngCrc(png), 422, "photo_corrupt"],
      ["png declaring 30000×30000", await hugeDeclaredPng(), 422, "photo_too_many_pixels"],
      ["decompression bomb", await decompressionBombPng(), 422, "photo_too_many_pixels"],
    ];
    for (const [name, bytes, status, code] of cases) {
      const response = await upload(applicant.browser, person.id, bytes);
      expect(response.status, name).toBe(status);
      expect((await errorOf(response)).code, name).toBe(code);
    }
    expect((await upload(applicant.browser, person.id, valid)).status).toBe(201);
  });

  it("refuses a CMYK or YCCK JPEG of a valid portrait with its own message (EN/FR), never as damaged, and stores nothing", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    for (const space of ["cmyk", "ycck"] as const) {
      // The valid portrait with the real face, saved as a print shop or Photoshop saves it.
      const bytes = encodeFourComponentJpeg(realFaces.valid(), space);
      expect(parseJpegHeader(bytes)).toMatchObject({ ok: true, header: { colorSpace: space } });
      const response = await upload(applicant.browser, person.id, bytes);
      expect(response.status, space).toBe(415);
      const error = await errorOf(response);
      expect(error.code, space).toBe("photo_cmyk");
      expect(error.message).toMatch(/CMYK/);
      expect(error.message).toMatch(/RGB JPEG \(sRGB\)/);
      const french = await applicant.browser.request(`/api/persons/${person.id}/photo`, {
        method: "POST",
        headers: { "Content-Type": "image/jpeg", "Accept-Language": "fr" },
        body: new Uint8Array(bytes),
      });
      expect((await errorOf(french)).message).toMatch(/CMJN.*JPEG RVB \(sRVB\)/);
    }
    expect(await db().select().from(photos).where(eq(photos.personId, person.id)).all()).toHaveLength(0);
  });

  it("enforces 4 MB while reading the stream, whatever Content-Length says", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    const chunk = new Uint8Array(256 * 1024).fill(0xff);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        if (sent > MAX_PHOTO_BYTES * 3) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await upload(applicant.browser, person.id, endless);
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe("photo_too_large");
    const declared = await applicant.browser.request(`/api/persons/${person.id}/photo`, {
      method: "POST",
      headers: { "Content-Type": "image/jpeg", "Content-Length": String(MAX_PHOTO_BYTES + 1) },
      body: new Uint8Array(MAX_PHOTO_BYTES + 1),
    });
    expect(declared.status).toBe(413);
  });

  it("is refused cross-site and without a session", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    const crossSite = await applicant.browser.request(`/api/persons/${person.id}/photo`, {
      method: "POST",
      headers: { "Content-Type": "image/jpeg", "Sec-Fetch-Site": "cross-site" },
      body: valid,
    });
    expect(crossSite.status).toBe(403);
    expect((await upload(new Browser(), person.id, valid)).status).toBe(401);
  });
});
