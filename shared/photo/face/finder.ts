// The face finder: MediaPipe's BlazeFace and face mesh with attention (478 points) (face-mesh/, our own TFLite
// inference) and what the checks need derived from the mesh: eye centres, chin, the crown
// estimate, head pose against MediaPipe's canonical face and roll. Pure TypeScript: the worker
// (worker/photo/face-mesh.ts), Node (the admin CLI, scripts, tests) and the browser's Web Worker
// (client/lib/face-worker.ts) run this same code, and differ only in how they get the three model
// files. Given the same pixels, all give the same numbers (only + − × ÷, √ and our own exp/atan).

import type { ImageLike } from "../checks/types.ts";
import { createFaceMesh, type FaceMeshFinding } from "../face-mesh/face-mesh.ts";
import { type CanonicalFace, parseCanonicalFace } from "../mesh-measures/canonical-face.ts";
import { eyeCornerRoll, headPose } from "../mesh-measures/head-pose.ts";
import { estimateCrown } from "./crown.ts";
import { CHIN, FOREHEAD_TOP, IMAGE_LEFT_EYE_CORNERS, IMAGE_RIGHT_EYE_CORNERS } from "./mesh-points.ts";
import type { FaceFinding, Point } from "./types.ts";

export type { FaceBox, FaceFinding, HeadAngles, Point, Point3 } from "./types.ts";

/** The three files scripts/face-mesh-models.mjs cuts out of @mediapipe/face_mesh. */
export interface FaceModelFiles {
  detector: ArrayBuffer | Uint8Array;
  mesh: ArrayBuffer | Uint8Array;
  canonicalFace: ArrayBuffer | Uint8Array;
}

export interface FaceFinder {
  /** Every face found, best detection score first; [] when there is none. */
  detect(image: ImageLike): FaceFinding[];
}

const midpoint = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

/** The finding the checks read, from one face's mesh on `image`. */
export function findingFromMesh(face: FaceMeshFinding, image: ImageLike, canonical: CanonicalFace): FaceFinding {
  const lm = face.landmarks;
  const leftEye = midpoint(lm[IMAGE_LEFT_EYE_CORNERS[0]]!, lm[IMAGE_LEFT_EYE_CORNERS[1]]!);
  const rightEye = midpoint(lm[IMAGE_RIGHT_EYE_CORNERS[0]]!, lm[IMAGE_RIGHT_EYE_CORNERS[1]]!);
  const fitted = headPose(lm, canonical);
  const pose = fitted ? { yaw: fitted.yaw, pitch: fitted.pitch, roll: fitted.roll } : null;
  const chin = lm[CHIN]!;
  return {
    box: face.box,
    score: face.score,
    leftEye,
    rightEye,
    chin: { x: chin.x, y: chin.y },
    crown: estimateCrown(image, lm[FOREHEAD_TOP]!, leftEye, rightEye),
    roll: pose ? pose.roll : eyeCornerRoll(lm),
    pose,
    landmarks: lm.map(({ x, y, z }) => ({ x, y, z })),
  };
}

/** Parses the three files (throws if any is not what it should be) and returns a finder. */
export function createFaceFinder(files: FaceModelFiles): FaceFinder {
  const faceMesh = createFaceMesh(files);
  const canonicalBytes =
    files.canonicalFace instanceof Uint8Array ? files.canonicalFace : new Uint8Array(files.canonicalFace);
  const canonical = parseCanonicalFace(canonicalBytes);
  return {
    detect(image: ImageLike): FaceFinding[] {
      return faceMesh.detect(image).map((face) => findingFromMesh(face, image, canonical));
    },
  };
}
