import { useEffect, useRef, useState } from "preact/hooks";
import { runPixelChecks } from "../../../shared/photo/checks/index.ts";
import type { FaceFinding } from "../../../shared/photo/face/types.ts";
import type { CheckResult } from "./checks.ts";
import { type Crop, type Size, cropHeight, outputSize } from "./crop.ts";
import { cropPixels } from "./render.ts";
import { transformFace } from "./use-face-placement.ts";

/** Checks wait until the crop has been still this long: dragging does not run them on every frame. */
const CHECK_DELAY_MS = 300;

interface LiveChecks {
  /** The latest results, for the crop in `forCrop`; null before the first run. */
  results: CheckResult[] | null;
  forCrop: Crop | null;
  /** A run is pending or in progress for a newer crop. */
  running: boolean;
}

/**
 * The faces found once on the whole photo, in the crop's pixels at `size`. Running the detector
 * again on every crop takes seconds on a phone; moving its findings is instant. A face whose box
 * lies wholly outside the crop is not in the photo; a crown above the crop's top is cut off
 * (y = 0, as the detector reports a head touching the top edge). Apply runs the detector on the
 * final pixels, as the server does.
 */
function facesInCrop(faces: FaceFinding[], crop: Crop, size: Size): FaceFinding[] {
  const factor = size.width / crop.width;
  return faces
    .filter(
      (f) =>
        f.box.x + f.box.width > crop.x &&
        f.box.x < crop.x + crop.width &&
        f.box.y + f.box.height > crop.y &&
        f.box.y < crop.y + cropHeight(crop),
    )
    .map((f) => {
      const moved = transformFace(f, factor, crop.x, crop.y);
      return { ...moved, crown: { x: moved.crown.x, y: Math.max(0, moved.crown.y) } };
    });
}

/**
 * The shared pixel checks on the current crop, at the size the upload will have, debounced.
 * `faces` are the detector's findings on the whole photo (undefined: no detector, so no face
 * checks). Only the latest crop's results are kept.
 */
export function useLiveChecks(
  bitmap: ImageBitmap | null,
  crop: Crop | null,
  faces: FaceFinding[] | undefined,
  facesSettled: boolean,
): LiveChecks {
  const [state, setState] = useState<LiveChecks>({ results: null, forCrop: null, running: false });
  const run = useRef(0);

  // Another photo: the previous one's results say nothing about it.
  useEffect(() => setState({ results: null, forCrop: null, running: false }), [bitmap]);

  useEffect(() => {
    if (!bitmap || !crop || !facesSettled) return;
    const id = ++run.current;
    setState((s) => ({ ...s, running: true }));
    const timer = setTimeout(() => {
      const size = outputSize(crop);
      const pixels = cropPixels(bitmap, crop, size);
      const results = runPixelChecks(pixels, faces ? { faces: facesInCrop(faces, crop, size) } : {});
      if (run.current === id) setState({ results, forCrop: crop, running: false });
    }, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [bitmap, crop, faces, facesSettled]);

  return state;
}
