// The mesh measures (shared/photo/mesh-measures/) inside workerd, on the two real photos decoded by
// the worker's decoder and run through the worker's face mesh: the neutral mouth well below the
// smile, both pairs of eyes open, and the same bits as in Node (the digest test/node/mesh-measures.test.ts
// also asserts). Head pose needs MediaPipe's canonical face, which the worker does not bundle yet;
// its arithmetic is of the same kind (+ − × ÷, √, atan.ts).
import { describe, expect, it } from "vitest";
import astronaut from "../fixtures/photos/astronaut.bin";
import graceHopper from "../fixtures/photos/grace-hopper.bin";
import { eyesOpenness, mouthOpenness } from "../../shared/photo/mesh-measures/index.ts";
import { decodeImage } from "../../worker/photo/decode.ts";
import { getFaceMesh } from "../../worker/photo/face-mesh.ts";
import { MESH_EXPECTATIONS } from "../support/face-mesh-expected.ts";
import { MEASURES_DIGEST, measuresDigest } from "../support/mesh-measures-expected.ts";

const files: Record<string, ArrayBuffer> = { "astronaut.bin": astronaut, "grace-hopper.bin": graceHopper };

async function landmarksOf(name: "astronaut" | "graceHopper") {
  const expected = MESH_EXPECTATIONS[name];
  const image = await decodeImage(expected.format, new Uint8Array(files[expected.file]!));
  return getFaceMesh().detect(image)[0]!.landmarks;
}

describe("mesh measures in workerd", () => {
  it("measures Hopper's closed mouth well below the astronaut's smile, both pairs of eyes open, with Node's bits", async () => {
    const a = await landmarksOf("astronaut");
    const h = await landmarksOf("graceHopper");
    expect(mouthOpenness(h).gap).toBeLessThan(0.02);
    expect(mouthOpenness(a).gap).toBeGreaterThan(0.07);
    expect(eyesOpenness(a).min).toBeGreaterThan(0.06);
    expect(eyesOpenness(h).min).toBeGreaterThan(0.06);
    expect(await measuresDigest(a)).toBe(MEASURES_DIGEST.astronaut);
    expect(await measuresDigest(h)).toBe(MEASURES_DIGEST.graceHopper);
  });
});
