// The face finder in Node (admin-free scripts and Node tests): the three files
// scripts/face-mesh-models.mjs cuts out of @mediapipe/face_mesh, read from disk (written first if
// missing). The same code and files as the worker's (worker/photo/face-mesh.ts), so the same numbers.
import { readFileSync } from "node:fs";
import { ensureFaceMeshModels } from "../face-mesh-models.mjs";
import { createFaceFinder, type FaceFinder } from "../../shared/photo/face/finder.ts";

let finder: FaceFinder | undefined;

export function nodeFaceFinder(): FaceFinder {
  if (!finder) {
    const [detector, mesh, canonicalFace] = ensureFaceMeshModels().map((file: string) => readFileSync(file));
    finder = createFaceFinder({ detector: detector!, mesh: mesh!, canonicalFace: canonicalFace! });
  }
  return finder;
}
