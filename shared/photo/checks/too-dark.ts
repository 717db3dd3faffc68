// `too_dark`: the photo is under-exposed. Judged NOT from the face's own tone, which cannot tell a
// dark face from a dark photo (issue 15 rule (a)): a Monk 10 face correctly lit and a light face
// two stops under-exposed have the same face luminance. Two references instead:
//
// 1. What must be white: the background, measured beside and above the head (background-region.ts).
//    When it is plain (background.ts isPlainBackground) its lightness is the photo's exposure: a
//    white wall correctly exposed is L* 90–96; one stop under it is L* ≈ 72, two stops L* ≈ 54. A
//    plain grey or dark-coloured wall reads as an under-exposed white one: the checker cannot tell
//    them apart, and such a photo is returned for its background anyway. A light-coloured wall
//    (light blue, L* 80) is as light as a white one a little in shadow, and passes here.
// 2. Clipping: the share of the face clipped to black (every channel ≤ 10, measure.ts). A correctly
//    exposed face of any tone has only pupils and nostrils there; a face lost in the dark has much
//    of it there, even in front of a bright background (backlit).
//
// When the background cannot be the reference (patterned or cluttered: background_not_white
// already fails on it), exposure is judged by clipping alone.

import { isPlainBackground } from "./background.ts";
import type { BackgroundStats } from "./background-region.ts";
import type { FaceStats } from "./measure.ts";
import { result, round } from "./result.ts";
import type { CheckResult, Verdict } from "./types.ts";

/** Background L* below this: the photo is about 1½ stops under-exposed (a white wall at L* 95
 *  comes out near L* 65): the face may be too dark to see well. */
const WARN_WHITE_LIGHTNESS = 65;
/** Below this, about two stops or more: clearly too dark, whatever the skin tone. */
const FAIL_WHITE_LIGHTNESS = 55;
/** 15% of the face clipped to black: a part of the face has no detail. A correctly exposed Monk 10
 *  face measures up to 5.4% (pupils, nostrils, the shadows under the brows and glasses). */
const WARN_CRUSHED_SHARE = 0.15;
/** 30%: a large part of the face is lost in the dark. */
const FAIL_CRUSHED_SHARE = 0.3;

const THRESHOLD =
  `plain background (what must be white) L* ≥ ${WARN_WHITE_LIGHTNESS} (fail < ${FAIL_WHITE_LIGHTNESS}); ` +
  `share of the face clipped to black < ${WARN_CRUSHED_SHARE} (fail ≥ ${FAIL_CRUSHED_SHARE}); ` +
  `a patterned background is no reference: clipping alone`;

const ORDER: Record<Verdict, number> = { pass: 0, warn: 1, fail: 2 };

export function checkTooDark(face: FaceStats, background: BackgroundStats): CheckResult {
  const byClipping: Verdict =
    face.crushedFraction >= FAIL_CRUSHED_SHARE ? "fail" : face.crushedFraction >= WARN_CRUSHED_SHARE ? "warn" : "pass";
  const reference = isPlainBackground(background) ? background.meanLightness : undefined;
  const byWhite: Verdict =
    reference === undefined
      ? "pass"
      : reference < FAIL_WHITE_LIGHTNESS
        ? "fail"
        : reference < WARN_WHITE_LIGHTNESS
          ? "warn"
          : "pass";
  // The value is the measure that decided: the background's L*, or the clipped share.
  const verdict = ORDER[byWhite] >= ORDER[byClipping] ? byWhite : byClipping;
  const value =
    reference !== undefined && ORDER[byWhite] >= ORDER[byClipping] ? round(reference, 2) : round(face.crushedFraction);
  return result("too_dark", verdict, value, THRESHOLD, `too_dark.${verdict}`);
}
