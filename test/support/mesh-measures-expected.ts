// The measures of shared/photo/mesh-measures/ that need no canonical face (eyes open by OFIQ's T
// and by the eye's width, mouth closed, eye-corner roll) on the two real photos' meshes, reduced to one SHA-256 per photo: the Node test
// (test/node/mesh-measures.test.ts) and the workerd test (test/unit/mesh-measures.test.ts) assert
// the same constant, so both runtimes give the same bits (only + − × ÷, √ and atan.ts are used).
// If the mesh's own digest (face-mesh-expected.ts) changes, these change with it.
import type { MeshPoint } from "../../shared/photo/face-mesh/face-mesh.ts";
import { eyeCornerRoll, eyesOpenness, mouthOpenness } from "../../shared/photo/mesh-measures/index.ts";

export const MEASURES_DIGEST: Record<"astronaut" | "graceHopper", string> = {
  astronaut: "5c32b3b72086d1db959dcc7ca9e87999c6f76f2b58ad4b4f4788c7ad48f8312d",
  graceHopper: "3ed8876b10b9b9a0079f0de6a77e2a9846b01c7c66ee48738ec4f99588a33d3a",
};

export async function measuresDigest(landmarks: readonly MeshPoint[]): Promise<string> {
  const eyes = eyesOpenness(landmarks);
  const mouth = mouthOpenness(landmarks);
  const numbers = [
    eyes.right,
    eyes.left,
    eyes.min,
    eyes.t,
    eyes.byWidth.right,
    eyes.byWidth.left,
    mouth.gap,
    mouth.width,
    mouth.t,
    eyeCornerRoll(landmarks),
  ];
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", new Uint8Array(new Float64Array(numbers).buffer)));
  return Array.from(hash, (b) => b.toString(16).padStart(2, "0")).join("");
}
