// The measures of shared/photo/mesh-measures/ that need no canonical face (eyes open, mouth closed,
// eye-corner roll) on the two real photos' meshes, reduced to one SHA-256 per photo: the Node test
// (test/node/mesh-measures.test.ts) and the workerd test (test/unit/mesh-measures.test.ts) assert
// the same constant, so both runtimes give the same bits (only + − × ÷, √ and atan.ts are used).
// If the mesh's own digest (face-mesh-expected.ts) changes, these change with it.
import type { MeshPoint } from "../../shared/photo/face-mesh/face-mesh.ts";
import { eyeCornerRoll, eyesOpenness, mouthOpenness } from "../../shared/photo/mesh-measures/index.ts";

export const MEASURES_DIGEST: Record<"astronaut" | "graceHopper", string> = {
  astronaut: "bcaadf848cf276bf40154e0e92bac1ad5636bd81171fffe0e82e8c4f8571760a",
  graceHopper: "098660f9226e703f69e4f5b5d6ceaf791d8e273750dcd47ffdc45b221d607661",
};

export async function measuresDigest(landmarks: readonly MeshPoint[]): Promise<string> {
  const eyes = eyesOpenness(landmarks);
  const mouth = mouthOpenness(landmarks);
  const numbers = [eyes.right, eyes.left, eyes.min, eyes.t, mouth.gap, mouth.width, mouth.t, eyeCornerRoll(landmarks)];
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", new Uint8Array(new Float64Array(numbers).buffer)));
  return Array.from(hash, (b) => b.toString(16).padStart(2, "0")).join("");
}
