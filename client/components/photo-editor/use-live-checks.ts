import { useEffect, useRef, useState } from "preact/hooks";
import type { FaceDetector } from "../../lib/face-detector.ts";
import { type CheckResult, checkPixels } from "./checks.ts";
import { type Crop, outputSize } from "./crop.ts";
import { cropPixels } from "./render.ts";

/** Checks wait until the crop has been still this long: dragging does not run them on every frame. */
const CHECK_DELAY_MS = 250;

interface LiveChecks {
  /** The latest results, for the crop in `forCrop`; null before the first run. */
  results: CheckResult[] | null;
  forCrop: Crop | null;
  /** A run is pending or in progress for a newer crop. */
  running: boolean;
}

/**
 * The shared pixel checks on the current crop, at the size the upload will have, once the crop has
 * settled: the face is found again on the crop's own pixels, in the face worker (off the page's
 * thread), exactly as the server will find it. `detector` is null when it could not be loaded
 * (then the checks run without the face checks); `ready` is false while it is still loading.
 * Only the latest crop's results are kept.
 */
export function useLiveChecks(
  bitmap: ImageBitmap | null,
  crop: Crop | null,
  detector: FaceDetector | null,
  ready: boolean,
): LiveChecks {
  const [state, setState] = useState<LiveChecks>({ results: null, forCrop: null, running: false });
  const run = useRef(0);

  // Another photo: the previous one's results say nothing about it.
  useEffect(() => setState({ results: null, forCrop: null, running: false }), [bitmap]);

  useEffect(() => {
    if (!bitmap || !crop || !ready) return;
    const id = ++run.current;
    setState((s) => ({ ...s, running: true }));
    const timer = setTimeout(() => {
      const pixels = cropPixels(bitmap, crop, outputSize(crop));
      void checkPixels(detector, pixels).then((results) => {
        if (run.current === id) setState({ results, forCrop: crop, running: false });
      });
    }, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [bitmap, crop, detector, ready]);

  return state;
}
