// The face mesh in Node, for Node tests and scripts: the model files cut out of
// @mediapipe/face_mesh by scripts/face-mesh-models.mjs (written if missing), and the real photos
// decoded by the worker's own decoder (worker/photo/decode.ts, the same WASM as in workerd, so the
// pixels, and hence the mesh's numbers, are the same as there).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureFaceMeshModels } from "../../../scripts/face-mesh-models.mjs";
import { ensureFaceMeshPhotos } from "../../../scripts/fixtures/face-mesh-photos.ts";
import { registerWorkerModules } from "../../../scripts/lib/worker-modules.mjs";
import { createFaceMesh, type FaceMesh, type RgbaImage } from "../../../shared/photo/face-mesh/face-mesh.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

let faceMesh: FaceMesh | undefined;

export function nodeFaceMesh(): FaceMesh {
  if (!faceMesh) {
    const [detector, mesh] = ensureFaceMeshModels().map((file: string) => readFileSync(file));
    faceMesh = createFaceMesh({ detector: detector!, mesh: mesh! });
  }
  return faceMesh;
}

/** A photo of test/fixtures/photos/, decoded by decode.ts. */
export async function nodeFixturePhoto(file: string, format: "png" | "jpeg"): Promise<RgbaImage> {
  ensureFaceMeshPhotos();
  registerWorkerModules();
  const { decodeImage } = await import("../../../worker/photo/decode.ts");
  return decodeImage(format, new Uint8Array(readFileSync(path.join(root, "test/fixtures/photos", file))));
}
