// The face detector inside workerd, with the weights bundled as Data modules exactly as the
// deployed worker loads them (worker/photo/face-detector.ts), on portraits with a real face
// (test/support/face-source.ts).
import { describe, expect, it } from "vitest";
import { getFaceDetector } from "../../worker/photo/face-detector.ts";
import type { FaceFinding } from "../../shared/photo/face/types.ts";
import { validateUpload } from "../../worker/photo/validate-upload.ts";
import { realFaces } from "../support/face-source.ts";
import { validPhoto } from "../support/journey.ts";
import { VALID_FIGURE_SCALE, WHITE } from "../support/photo-fixtures.ts";

const W = 900;
const H = 1260;
/** Where drawPortrait puts the figure (before scaling about the face centre u 0.5, v 0.445). */
const FACE_CENTRE_V = 0.445;
const CHIN_V = FACE_CENTRE_V + 0.21 * VALID_FIGURE_SCALE;
const CROWN_V = FACE_CENTRE_V - 0.335 * VALID_FIGURE_SCALE;

function blank(width = W, height = H) {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set([...WHITE, 255], i);
  return { width, height, data };
}

describe("face detection in workerd", () => {
  it("finds the one real face, with eyes, chin and crown where the portrait put them", async () => {
    const faces = await getFaceDetector().detect(realFaces.valid());
    expect(faces).toHaveLength(1);
    const face = faces[0]!;
    expect(face.score).toBeGreaterThan(0.8);
    expect(face.landmarks).toHaveLength(68);
    // Eyes: left of centre and right of centre, level within a few degrees, above the face centre.
    expect(face.leftEye.x).toBeLessThan(W / 2);
    expect(face.rightEye.x).toBeGreaterThan(W / 2);
    for (const eye of [face.leftEye, face.rightEye]) {
      expect(eye.y / H).toBeGreaterThan(0.3);
      expect(eye.y / H).toBeLessThan(FACE_CENTRE_V);
    }
    // The chin at the bottom of the drawn face ellipse, the crown at the top of the drawn hair.
    expect(Math.abs(face.chin.y / H - CHIN_V)).toBeLessThan(0.02);
    expect(Math.abs(face.crown.y / H - CROWN_V)).toBeLessThan(0.02);
    expect(Math.abs(face.crown.x / W - 0.5)).toBeLessThan(0.05);
    // The box contains the eyes and the chin.
    const { box } = face;
    for (const p of [face.leftEye, face.rightEye]) {
      expect(p.x).toBeGreaterThan(box.x);
      expect(p.x).toBeLessThan(box.x + box.width);
      expect(p.y).toBeGreaterThan(box.y);
    }
  });

  it("finds no face on a blank white photo, nor on the back of a head", async () => {
    expect(await getFaceDetector().detect(blank())).toEqual([]);
    expect(await getFaceDetector().detect(realFaces.noFace())).toEqual([]);
  });

  it("finds both faces on the two-person photo, one on each side", async () => {
    const faces = await getFaceDetector().detect(realFaces.twoFaces());
    expect(faces).toHaveLength(2);
    const xs = faces.map((f: FaceFinding) => (f.leftEye.x + f.rightEye.x) / 2 / W).sort();
    expect(xs[0]).toBeLessThan(0.4);
    expect(xs[1]).toBeGreaterThan(0.6);
  });

  it("gives the same numbers every time, and its memory does not grow across calls", async () => {
    const detector = getFaceDetector();
    const image = realFaces.valid();
    const first = await detector.detect(image);
    // No TensorFlow: every intermediate is a plain Float32Array, so nothing can be left undisposed;
    // measured here as: the same result each time, and no retained state between calls.
    expect(await detector.detect(image)).toEqual(first);
    expect(getFaceDetector()).toBe(detector); // built once per isolate
  });

  it("returns no face for images too small to hold one, without throwing", async () => {
    expect(await getFaceDetector().detect(blank(8, 8))).toEqual([]);
    expect(await getFaceDetector().detect({ width: 100, height: 140, data: new Uint8ClampedArray(10) })).toEqual([]);
  });

  it("in the upload pipeline, a detector that throws counts as no face found, never a 500", async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const broken = { detect: () => Promise.reject(new Error("model exploded")) };
      const result = await validateUpload(await validPhoto(), { detector: broken });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.checks.find((c) => c.id === "face_not_visible")).toMatchObject({
        verdict: "fail",
        message: { en: "No face can be found in the photo." },
      });
      expect(result.verdict).toBe("fail");
      expect(errors).toHaveLength(1);
    } finally {
      console.error = original;
    }
    // The worker's own detector, in the same isolate: the same photo passes.
    const good = await validateUpload(await validPhoto());
    expect(good.ok && good.verdict).toBe("pass");
  });
});
