// The face-mesh models (issue 15; docs/decisions/016-face-mesh-model.md), cut out of the file
// @mediapipe/face_mesh ships them in. That package packs four assets into one
// face_mesh_solution_packed_assets.data for its browser loader; we need two of them, as plain
// TFLite files our own inference reads (shared/photo/face-mesh/), and a third: the canonical face
// the head-pose fit needs. Nothing is downloaded and
// nothing generated is committed: this writes them to a git-ignored folder, where the worker
// imports them as Data modules (wrangler.toml [[rules]] *.bin) and Node reads them.
//
// Runs from `npm install` (postinstall), `npm test`, and the photo bench; idempotent and fast
// (three slices of a 4 MB file, checked by SHA-256: another package version fails loudly here).
//
//   node scripts/face-mesh-models.mjs

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

export const FACE_MESH_MODEL_DIR = "shared/photo/face-mesh/models";

/** Byte ranges as listed in face_mesh_solution_packed_assets_loader.js of 0.4.1657299874. */
export const FACE_MESH_MODELS = [
  {
    file: "face_detection_short_range.bin",
    start: 3757224,
    end: 3986256,
    sha256: "3bc182eb9f33925d9e58b5c8d59308a760f4adea8f282370e428c51212c26633",
  },
  // MediaPipe's face mesh with attention (decision 029): besides the 468 points it looks again,
  // at 16 × 16, at the lips and at each eye, and returns their points refined (80 on the lips, 71
  // around each eye) and 5 on each iris: 478 points.
  {
    file: "face_landmark_with_attention.bin",
    start: 0,
    end: 2495952,
    sha256: "883b7411747bac657c30c462d305d312e9dec6adbf8b85e2f5d8d722fca9455d",
  },
  // MediaPipe's canonical face (geometry_pipeline_metadata_landmarks.binarypb), which head_pose
  // fits to the mesh (shared/photo/mesh-measures/canonical-face.ts).
  {
    file: "canonical_face.bin",
    start: 3737848,
    end: 3757224,
    sha256: "bdbcda96dfcb7da883da124aaa2c55dee49770d934f0fcc71747f8c21bdc75b4",
  },
];

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

/** Writes the model files if missing or different; returns their paths. */
export function ensureFaceMeshModels() {
  const dir = path.join(root, FACE_MESH_MODEL_DIR);
  const paths = FACE_MESH_MODELS.map((m) => path.join(dir, m.file));
  if (FACE_MESH_MODELS.every((m, i) => existsSync(paths[i]) && sha256(readFileSync(paths[i])) === m.sha256))
    return paths;
  const packed = readFileSync(require.resolve("@mediapipe/face_mesh/face_mesh_solution_packed_assets.data"));
  mkdirSync(dir, { recursive: true });
  for (const [i, m] of FACE_MESH_MODELS.entries()) {
    const bytes = packed.subarray(m.start, m.end);
    if (sha256(bytes) !== m.sha256)
      throw new Error(
        `face-mesh-models: ${m.file} in @mediapipe/face_mesh differs from the pinned one (another version?)`,
      );
    // Written whole, then renamed: a test or wrangler never reads a half-written file.
    const partial = `${paths[i]}.${process.pid}.partial`;
    writeFileSync(partial, bytes);
    renameSync(partial, paths[i]);
  }
  return paths;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const paths = ensureFaceMeshModels();
  console.log(`face-mesh-models: ${paths.map((p) => path.relative(root, p)).join(", ")}`);
}
