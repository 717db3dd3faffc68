// The worker's face detector: the weight files are bundled as Data modules (wrangler.toml
// [[rules]] type "Data" for *.bin, which the vitest plugin reads too), so nothing is downloaded
// at run time. The weights are parsed on first use and kept for the isolate's lifetime.

import detectorBin from "@vladmandic/face-api/model/tiny_face_detector_model.bin";
import landmarksBin from "@vladmandic/face-api/model/face_landmark_68_model.bin";
import { createFaceDetector, type FaceDetector } from "../../shared/photo/face/detector.ts";

let detector: FaceDetector | undefined;

export function getFaceDetector(): FaceDetector {
  detector ??= createFaceDetector({ detector: detectorBin, landmarks: landmarksBin });
  return detector;
}
