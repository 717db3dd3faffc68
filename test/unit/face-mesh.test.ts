// The face mesh inside workerd, with its models as Data modules exactly as the worker loads them
// (worker/photo/face-mesh.ts), on the two real photos (scripts/fixtures/face-mesh-photos.ts)
// decoded by the worker's decoder: the same hand-measured points and the same digest of every value
// as the Node test (test/node/face-mesh.test.ts), so both runtimes give identical numbers.
import { describe, expect, it } from "vitest";
import astronaut from "../fixtures/photos/astronaut.bin";
import graceHopper from "../fixtures/photos/grace-hopper.bin";
import { decodeImage } from "../../worker/photo/decode.ts";
import { getFaceMesh } from "../../worker/photo/face-mesh.ts";
import { blankImage, MESH_EXPECTATIONS, meshDigest, noiseImage, pointErrors } from "../support/face-mesh-expected.ts";
import { realFaces } from "../support/face-source.ts";

const files: Record<string, ArrayBuffer> = { "astronaut.bin": astronaut, "grace-hopper.bin": graceHopper };

describe("face mesh in workerd", () => {
  for (const [name, expected] of Object.entries(MESH_EXPECTATIONS)) {
    it(`finds ${name}'s face with its landmarks where they were measured by hand, with the same values as Node`, async () => {
      const image = await decodeImage(expected.format, new Uint8Array(files[expected.file]!));
      expect([image.width, image.height]).toEqual([expected.width, expected.height]);
      const faces = getFaceMesh().detect(image);
      expect(faces).toHaveLength(1);
      const face = faces[0]!;
      expect(face.score).toBeGreaterThan(expected.minScore);
      expect(face.faceScore).toBeGreaterThan(0.9);
      expect(face.landmarks).toHaveLength(478);
      for (const { name: point, error, allowed } of pointErrors(face, expected))
        expect(error, point).toBeLessThanOrEqual(allowed);
      expect(await meshDigest(faces)).toBe(expected.digest);
    });
  }

  it("finds the real face pasted into a drawn portrait, eyes either side of the middle", () => {
    const portrait = realFaces.valid();
    const faces = getFaceMesh().detect(portrait);
    expect(faces).toHaveLength(1);
    const { keypoints, score } = faces[0]!;
    expect(score).toBeGreaterThan(0.8);
    expect(keypoints.rightEye.x).toBeLessThan(portrait.width / 2);
    expect(keypoints.leftEye.x).toBeGreaterThan(portrait.width / 2);
  });

  it("finds no face on a blank or a noise image", () => {
    expect(getFaceMesh().detect(blankImage(900, 1260))).toEqual([]);
    expect(getFaceMesh().detect(noiseImage(900, 1260, 7))).toEqual([]);
  });
});
