// Face detection with landmarks, pure TypeScript: the same code runs in the worker
// (worker-detector.ts) and in the browser (client/lib/face-detector.ts), which differ only in how
// they obtain the two weight files. Given the same pixels, both return the same numbers.

import detectorManifest from "@vladmandic/face-api/model/tiny_face_detector_model-weights_manifest.json";
import landmarksManifest from "@vladmandic/face-api/model/face_landmark_68_model-weights_manifest.json";
import type { ImageLike } from "../checks/types.ts";
import { estimateCrown } from "./crown.ts";
import { runLandmarks68 } from "./landmarks-68.ts";
import { runTinyFaceDetector } from "./tiny-face-detector.ts";
import type { FaceFinding, Point } from "./types.ts";
import { readWeights, type WeightManifest } from "./weights.ts";

export type { FaceBox, FaceFinding, Point } from "./types.ts";

export interface FaceDetector {
  /** Every face found, best score first; [] when there is none. */
  detect(image: ImageLike): Promise<FaceFinding[]>;
}

/** The two weight files, as shipped in @vladmandic/face-api/model/ (paths in MODEL_FILES). */
interface FaceModelFiles {
  detector: ArrayBuffer;
  landmarks: ArrayBuffer;
}

/** Where the weight files are, relative to node_modules (for callers that read them from disk). */
export const MODEL_FILES = {
  detector: "@vladmandic/face-api/model/tiny_face_detector_model.bin",
  landmarks: "@vladmandic/face-api/model/face_landmark_68_model.bin",
} as const;

/** At most this many faces get landmarks: a second face already fails face_not_visible. */
const MAX_FACES = 4;

const mean = (points: Point[]): Point => ({
  x: points.reduce((s, p) => s + p.x, 0) / points.length,
  y: points.reduce((s, p) => s + p.y, 0) / points.length,
});

/** Parses the weights (throws if the files do not match the manifests) and returns a detector. */
export function createFaceDetector(files: FaceModelFiles): FaceDetector {
  const detectorWeights = readWeights(detectorManifest as WeightManifest, files.detector);
  const landmarkWeights = readWeights(landmarksManifest as WeightManifest, files.landmarks);
  return {
    async detect(image: ImageLike): Promise<FaceFinding[]> {
      if (image.width < 16 || image.height < 16 || image.data.length < image.width * image.height * 4) return [];
      const detections = runTinyFaceDetector(detectorWeights, image).slice(0, MAX_FACES);
      const findings: FaceFinding[] = [];
      for (const { box, score } of detections) {
        const landmarks = runLandmarks68(landmarkWeights, image, box);
        if (landmarks.length !== 68) continue;
        // iBUG order: 36–41 the eye on the image's left, 42–47 the other; 17–26 the brows; 8 the chin.
        const leftEye = mean(landmarks.slice(36, 42));
        const rightEye = mean(landmarks.slice(42, 48));
        const brows = landmarks.slice(17, 27);
        const brow = brows.reduce((top, p) => (p.y < top.y ? p : top));
        findings.push({
          box,
          score,
          leftEye,
          rightEye,
          chin: landmarks[8]!,
          crown: estimateCrown(image, brow, leftEye, rightEye),
          landmarks,
        });
      }
      return findings;
    },
  };
}
