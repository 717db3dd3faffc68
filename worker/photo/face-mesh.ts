// The worker's face mesh (shared/photo/face-mesh/): the two TFLite files are bundled as Data
// modules (wrangler.toml [[rules]] *.bin, which the vitest plugin reads too), so nothing is
// downloaded at run time. scripts/face-mesh-models.mjs cuts them out of @mediapipe/face_mesh
// (npm install's postinstall, npm test and the bench run it). Parsed on first use, kept for the
// isolate's lifetime. Not wired into the photo checks yet (issue 15, next step).

import detectorTflite from "../../shared/photo/face-mesh/models/face_detection_short_range.bin";
import meshTflite from "../../shared/photo/face-mesh/models/face_landmark.bin";
import { createFaceMesh, type FaceMesh } from "../../shared/photo/face-mesh/face-mesh.ts";

let faceMesh: FaceMesh | undefined;

export function getFaceMesh(): FaceMesh {
  faceMesh ??= createFaceMesh({ detector: detectorTflite, mesh: meshTflite });
  return faceMesh;
}
