// The photo checks, shared by the browser (instant feedback) and the worker (the authority).
// Pure TypeScript, no runtime-specific imports. Each check is in its own file with its
// thresholds as named constants; docs/decisions/005-photo-checks.md explains them.

import type { HeaderResult, ImageType, JpegHeader, PngHeader } from "../header.ts";
import { orientedSize } from "../header.ts";
import { checkBackground } from "./background.ts";
import { checkDimensions } from "./dimensions.ts";
import { checkEyesVisible } from "./eyes-visible.ts";
import { checkFaceCentred } from "./face-centred.ts";
import { checkFaceVisible } from "./face-not-visible.ts";
import { checkFileSize } from "./file-size.ts";
import { checkFormat } from "./format.ts";
import { checkGlare } from "./glare.ts";
import { checkHeadSize } from "./head-size.ts";
import { checkEyesOpen } from "./eyes-open.ts";
import { checkHeadPose } from "./head-pose.ts";
import { checkHeadTilt } from "./head-tilt.ts";
import { checkMouthClosed } from "./mouth-closed.ts";
import { measureBackground } from "./background-region.ts";
import { measureFace } from "./measure.ts";
import { checkOverexposed } from "./overexposed.ts";
import { checkTooDark } from "./too-dark.ts";
import type { CheckContext, CheckResult, ImageLike } from "./types.ts";

export type { CheckContext, CheckId, CheckResult, FaceBox, FaceFinding, ImageLike, Point, Verdict } from "./types.ts";
export { worstVerdict } from "./types.ts";

/** When one of these fails, the face's features cannot be read (see runPixelChecks). */
const UNREADABLE_WHEN_FAILED: ReadonlySet<CheckResult["id"]> = new Set(["too_dark", "overexposed", "face_not_visible"]);

/**
 * Checks on the decoded pixels: too_dark, overexposed, background_not_white, glare,
 * face_not_visible, and, when the face finder found exactly one face, eyes_visible, head_size,
 * face_centred, head_tilt, eyes_open, mouth_closed and head_pose (these three only when too_dark,
 * overexposed and face_not_visible do not fail; eyes_open only when eyes_visible does not either).
 * `context.faces` is what the face detector found (undefined when it
 * did not run: the exposure checks then use the fallback face region, measure.ts FALLBACK_FACE,
 * and the face-geometry checks are left out; with no face or several, face_not_visible fails and
 * they are left out too, since there is no one face to measure; with no face, glare too).
 */
export function runPixelChecks(image: ImageLike, context: CheckContext = {}): CheckResult[] {
  if (image.width <= 0 || image.height <= 0 || image.data.length < image.width * image.height * 4)
    throw new RangeError("image data does not match its dimensions");
  const { faces } = context;
  const detected = faces?.[0];
  const face = measureFace(image, detected);
  const background = measureBackground(image, faces);
  // Glare is looked for on the face: when the detector found none, the fallback region is mostly
  // white wall, which would read as glare; face_not_visible already fails then.
  const noFaceFound = faces !== undefined && faces.length === 0;
  const results = [
    checkTooDark(face, background),
    checkOverexposed(face),
    checkBackground(background),
    ...(noFaceFound ? [] : [checkGlare(face)]),
    checkFaceVisible(face, faces),
  ];
  if (detected && faces.length === 1) {
    const eyesVisible = checkEyesVisible(detected, image, face);
    results.push(
      eyesVisible,
      checkHeadSize(detected, image),
      checkFaceCentred(detected, image),
      checkHeadTilt(detected),
    );
    // Eyes, mouth and pose are read from the face's features. On a face too dark, washed out or
    // without detail, the checks above already say what is wrong, and a reading there would name
    // the wrong fix (eyes "closed" in a white-out; decision 020); eyes_open also needs the eyes seen.
    const unreadable = results.some((r) => UNREADABLE_WHEN_FAILED.has(r.id) && r.verdict === "fail");
    if (!unreadable) {
      if (eyesVisible.verdict !== "fail") results.push(checkEyesOpen(detected));
      results.push(checkMouthClosed(detected, image), checkHeadPose(detected));
    }
  }
  return results;
}

interface FileFacts {
  byteLength: number;
  type: ImageType;
  header?: HeaderResult<JpegHeader | PngHeader>;
}

/** Checks on the file, before any decode: format, file_size and (when the header could be read)
 *  dimensions, as displayed, i.e. after EXIF orientation. */
export function runFileChecks({ byteLength, type, header }: FileFacts): CheckResult[] {
  const results = [checkFormat({ byteLength, type, ...(header ? { header } : {}) }), checkFileSize(byteLength)];
  if (header?.ok) {
    const h = header.header;
    results.push(checkDimensions(h.type === "jpeg" ? orientedSize(h.width, h.height, h.orientation) : h));
  }
  return results;
}
