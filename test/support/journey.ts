// Test helpers for the applicant's journey through the real routes: encode
// photos with the same WASM encoder a browser would use, and complete every
// task up to `Submit documents`.
import encodeJpeg, { init as initJpegEncoder } from "@jsquash/jpeg/encode";
import jpegEncoderWasm from "@jsquash/jpeg/codec/enc/mozjpeg_enc.wasm";
import { expect } from "vitest";
import type { Browser } from "./http.ts";
import { realFaces } from "./face-source.ts";

let encoderReady: Promise<void> | undefined;

/** A JPEG of drawn pixels (quality 88). */
export async function jpegOf(image: {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}): Promise<Uint8Array<ArrayBuffer>> {
  encoderReady ??= initJpegEncoder(jpegEncoderWasm);
  await encoderReady;
  return new Uint8Array(await encodeJpeg({ ...image, colorSpace: "srgb" } as ImageData, { quality: 88 }));
}

let valid: Promise<Uint8Array<ArrayBuffer>> | undefined;
/** A photo that passes every check, face detection included (a real face: face-source.ts). */
export function validPhoto(): Promise<Uint8Array<ArrayBuffer>> {
  valid ??= jpegOf(realFaces.valid());
  return valid;
}

export function uploadPhoto(
  browser: Browser,
  personId: number,
  bytes: Uint8Array<ArrayBuffer> | ReadableStream,
  contentType = "image/jpeg",
) {
  return browser.request(`/api/persons/${personId}/photo`, {
    method: "POST",
    headers: { "Content-Type": contentType },
    body: bytes,
  });
}

export const TEST_ADDRESS = {
  streetNumber: "24",
  streetName: "Sussex Drive",
  city: "Ottawa",
  province: "ON",
  postalCode: "K1M 1M4",
};

/** Declares presence, gives an address and uploads a photo for a person. */
export async function completeTasks(browser: Browser, personId: number, photo?: Uint8Array<ArrayBuffer>) {
  expect((await browser.post(`/api/persons/${personId}/presence`, { confirm: true })).status).toBe(200);
  expect((await browser.post(`/api/persons/${personId}/address`, TEST_ADDRESS)).status).toBe(200);
  const upload = await uploadPhoto(browser, personId, photo ?? (await validPhoto()));
  expect(upload.status).toBe(201);
  return (await upload.json()) as { photoId: number; verdict: string };
}

/** Completes every task and submits; returns the reference. */
export async function submitAll(browser: Browser, personId: number): Promise<string> {
  await completeTasks(browser, personId);
  const response = await browser.post(`/api/persons/${personId}/submit`, { declarationConfirmed: true });
  expect(response.status).toBe(201);
  return ((await response.json()) as { reference: string }).reference;
}
