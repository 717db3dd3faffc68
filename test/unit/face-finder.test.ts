// The face finder inside workerd (shared/photo/face/finder.ts: the face mesh, with its three files
// bundled as Data modules exactly as the deployed worker loads them, worker/photo/face-mesh.ts),
// on portraits with a real face (test/support/face-source.ts). What the checks read from it: box,
// eyes, chin, crown estimate, roll, pose and the 468 points.
import { describe, expect, it } from "vitest";
import type { FaceFinding } from "../../shared/photo/face/types.ts";
import { getFaceFinder } from "../../worker/photo/face-mesh.ts";
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

describe("the face finder in workerd", () => {
  it("finds the one real face, with eyes, chin and crown where the portrait put them, facing the camera", () => {
    const faces = getFaceFinder().detect(realFaces.valid());
    expect(faces).toHaveLength(1);
    const face = faces[0]!;
    expect(face.score).toBeGreaterThan(0.8);
    expect(face.landmarks).toHaveLength(478);
    // Eyes: left of centre and right of centre, above the face centre.
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
    // The face looks at the camera: small yaw and roll, and the roll is the pose's.
    expect(face.pose).not.toBeNull();
    expect(Math.abs(face.pose!.yaw)).toBeLessThan(3);
    expect(Math.abs(face.roll)).toBeLessThan(5);
    expect(face.roll).toBe(face.pose!.roll);
    // The box contains the eyes.
    const { box } = face;
    for (const p of [face.leftEye, face.rightEye]) {
      expect(p.x).toBeGreaterThan(box.x);
      expect(p.x).toBeLessThan(box.x + box.width);
      expect(p.y).toBeGreaterThan(box.y);
    }
  });

  it("finds no face on a blank white photo, nor on the back of a head", () => {
    expect(getFaceFinder().detect(blank())).toEqual([]);
    expect(getFaceFinder().detect(realFaces.noFace())).toEqual([]);
  });

  it("finds both faces on the two-person photo, one on each side", () => {
    const faces = getFaceFinder().detect(realFaces.twoFaces());
    expect(faces).toHaveLength(2);
    const xs = faces.map((f: FaceFinding) => (f.leftEye.x + f.rightEye.x) / 2 / W).sort();
    expect(xs[0]).toBeLessThan(0.4);
    expect(xs[1]).toBeGreaterThan(0.6);
  });

  it("gives the same numbers every time, built once per isolate", () => {
    const finder = getFaceFinder();
    const image = realFaces.valid();
    const first = finder.detect(image);
    expect(finder.detect(image)).toEqual(first);
    expect(getFaceFinder()).toBe(finder);
  });

  it("returns no face for images too small to hold one, without throwing", () => {
    expect(getFaceFinder().detect(blank(8, 8))).toEqual([]);
    expect(getFaceFinder().detect({ width: 100, height: 140, data: new Uint8ClampedArray(10) })).toEqual([]);
  });

  it("in the upload pipeline, a finder that throws counts as no face found, never a 500", async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const broken = {
        detect: (): FaceFinding[] => {
          throw new Error("model exploded");
        },
      };
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
    // The worker's own finder, in the same isolate: the same photo passes.
    const good = await validateUpload(await validPhoto());
    expect(good.ok && good.verdict).toBe("pass");
  });
});
