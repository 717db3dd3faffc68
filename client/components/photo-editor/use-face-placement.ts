import { useEffect, useState } from "preact/hooks";
import type { FaceFinding } from "../../../shared/photo/face/types.ts";
import { type FaceDetector, loadFaceDetector } from "../../lib/face-detector.ts";
import { findFaces } from "./checks.ts";
import { type Crop, suggestCrop } from "./crop.ts";

/** The face is looked for on the photo scaled to at most this height (a phone photo is ~4000). */
const DETECT_HEIGHT = 1400;

type Placement =
  | { state: "idle" }
  | { state: "finding" }
  /** `faces` in the source photo's pixels (one face: the crop is placed from it). */
  | { state: "placed"; crop: Crop; faces: FaceFinding[] }
  | { state: "noFace"; faces: FaceFinding[] }
  /** The detector could not be loaded (offline): no placement, and no face checks. */
  | { state: "unavailable" };

/** A finding moved by (-dx, -dy) then scaled by `factor`: into a resized photo's pixels. Angles and
 *  the mesh's proportions do not change; its depth scales with x. */
export function transformFace(face: FaceFinding, factor: number, dx = 0, dy = 0): FaceFinding {
  const p = (point: { x: number; y: number }) => ({ x: (point.x - dx) * factor, y: (point.y - dy) * factor });
  return {
    ...face,
    box: {
      x: (face.box.x - dx) * factor,
      y: (face.box.y - dy) * factor,
      width: face.box.width * factor,
      height: face.box.height * factor,
    },
    leftEye: p(face.leftEye),
    rightEye: p(face.rightEye),
    chin: p(face.chin),
    crown: p(face.crown),
    landmarks: face.landmarks.map((point) => ({ ...p(point), z: point.z * factor })),
  };
}

/**
 * Loads the face worker (client/lib/face-detector.ts: its models fetched on first use) and, for
 * each new photo, finds the face on the whole photo and suggests the crop that fits it to the guide.
 */
export function useFacePlacement(bitmap: ImageBitmap | null): { detector: FaceDetector | null; placement: Placement } {
  const [detector, setDetector] = useState<FaceDetector | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [placement, setPlacement] = useState<Placement>({ state: "idle" });

  useEffect(() => {
    let live = true;
    loadFaceDetector().then(
      (loaded) => live && setDetector(loaded),
      (error: unknown) => {
        // Kept in the console for support: the page carries on without face placement.
        console.warn("face detector unavailable", error);
        if (live) setUnavailable(true);
      },
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!bitmap) return setPlacement({ state: "idle" });
    if (unavailable) return setPlacement({ state: "unavailable" });
    if (!detector) return setPlacement({ state: "finding" });
    let live = true;
    setPlacement({ state: "finding" });
    const factor = Math.min(1, DETECT_HEIGHT / bitmap.height);
    const size = {
      width: Math.max(1, Math.round(bitmap.width * factor)),
      height: Math.max(1, Math.round(bitmap.height * factor)),
    };
    // The whole photo, not a 5:7 window: the face may be anywhere in it.
    const canvas = document.createElement("canvas");
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext("2d", { willReadFrequently: true })!;
    context.imageSmoothingQuality = "high";
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    void findFaces(detector, context.getImageData(0, 0, size.width, size.height)).then((faces) => {
      if (!live) return;
      if (!faces) return setPlacement({ state: "unavailable" });
      const found = faces.map((face) => transformFace(face, 1 / factor));
      const face = found.length === 1 ? found[0] : undefined;
      setPlacement(
        face ? { state: "placed", crop: suggestCrop(face, bitmap), faces: found } : { state: "noFace", faces: found },
      );
    });
    return () => {
      live = false;
    };
  }, [bitmap, detector, unavailable]);

  return { detector, placement };
}
