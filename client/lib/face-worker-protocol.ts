// The messages between the page (client/lib/face-detector.ts) and the face worker
// (client/lib/face-worker.ts). Pixels travel as a transferred ArrayBuffer (no copy).

import type { CheckResult } from "../../shared/photo/checks/types.ts";
import type { FaceFinding } from "../../shared/photo/face/types.ts";

export type FaceWorkerRequest =
  /** Load the models now (answered once they are ready). */
  | { id: number; kind: "load" }
  /** Find the faces on these pixels. */
  | { id: number; kind: "detect"; width: number; height: number; data: ArrayBuffer }
  /** Find the faces and run the shared pixel checks on these pixels, as the server does. */
  | { id: number; kind: "check"; width: number; height: number; data: ArrayBuffer };

export type FaceWorkerResponse =
  | { id: number; ok: true; faces: FaceFinding[]; results?: CheckResult[] }
  | { id: number; ok: false; error: string };
