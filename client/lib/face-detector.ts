// The browser's face detector: the same code as the worker's (shared/photo/face/detector.ts),
// with the weight files served as content-hashed static assets (scripts/build-client.mjs copies
// them with esbuild's `file` loader) and fetched on first use only. The model code itself is a
// separate chunk, loaded with them.

import detectorUrl from "@vladmandic/face-api/model/tiny_face_detector_model.bin";
import landmarksUrl from "@vladmandic/face-api/model/face_landmark_68_model.bin";
import type { FaceDetector } from "../../shared/photo/face/detector.ts";

export type { FaceDetector } from "../../shared/photo/face/detector.ts";
export type { FaceBox, FaceFinding, Point } from "../../shared/photo/face/types.ts";

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`face model: ${url} answered ${response.status}`);
  return response.arrayBuffer();
}

let loading: Promise<FaceDetector> | undefined;

/** The detector, built once per page; a failed load (offline) is retried on the next call. */
export function loadFaceDetector(): Promise<FaceDetector> {
  loading ??= (async () => {
    const [{ createFaceDetector }, detector, landmarks] = await Promise.all([
      import("../../shared/photo/face/detector.ts"),
      fetchBytes(detectorUrl),
      fetchBytes(landmarksUrl),
    ]);
    return createFaceDetector({ detector, landmarks });
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
