// The worker's face finder (shared/photo/face/finder.ts: BlazeFace, the face mesh with attention and
// MediaPipe's canonical face for head pose): the three files are bundled as Data modules
// (wrangler.toml [[rules]] *.bin, which the vitest plugin reads too), so nothing is downloaded at
// run time. scripts/face-mesh-models.mjs cuts them out of @mediapipe/face_mesh (npm install's
// postinstall, npm test and the bench run it). Parsed on first use, kept for the isolate's lifetime.

import detectorTflite from "../../shared/photo/face-mesh/models/face_detection_short_range.bin";
import meshTflite from "../../shared/photo/face-mesh/models/face_landmark_with_attention.bin";
import canonicalFace from "../../shared/photo/face-mesh/models/canonical_face.bin";
import { createFaceMesh, type FaceMesh } from "../../shared/photo/face-mesh/face-mesh.ts";
import { createFaceFinder, type FaceFinder } from "../../shared/photo/face/finder.ts";

let faceMesh: FaceMesh | undefined;
let faceFinder: FaceFinder | undefined;

/** The bare mesh (the face-mesh tests and the bench's model-only timing). */
export function getFaceMesh(): FaceMesh {
  faceMesh ??= createFaceMesh({ detector: detectorTflite, mesh: meshTflite });
  return faceMesh;
}

/** What the upload's checks use. */
export function getFaceFinder(): FaceFinder {
  faceFinder ??= createFaceFinder({ detector: detectorTflite, mesh: meshTflite, canonicalFace });
  return faceFinder;
}
