// `background_not_white`: the background must be plain and white (product.md §6; a reason for
// return in the seeds). Measured beside and above the head, the person's silhouette left out
// (background-region.ts), in CIELAB: lightness (mean L*), neutrality (mean chroma C*) and
// uniformity (standard deviation of L*). The chroma follows OFIQ's use of CIELAB a*, b* for colour
// (ISO/IEC 29794-5 "natural colour").
//
// Issue 15 rule (b): a clearly coloured or patterned background FAILS; only a borderline one
// (off-white, a slight cast, a white wall in some shadow) warns. Measured on the fixtures
// (docs/decisions/021-background-exposure-glare.md): a white wall L* 95, C* 1, σ ≈ 2; light blue
// C* 19; pale blue C* 10–13; a grey-blue wall L* 80, C* 5–7; cream C* 9.5.

import type { BackgroundStats } from "./background-region.ts";
import { result, round } from "./result.ts";
import type { CheckResult, Verdict } from "./types.ts";

/** L* 82 ≈ sRGB grey 205: a white wall in slight shadow (or a photo ⅔ stop dark) still passes above it. */
const WARN_LIGHTNESS = 82;
/** L* 70 ≈ sRGB grey 171: clearly grey, not white. */
const FAIL_LIGHTNESS = 70;
/** C* 5: a tint just visible next to white paper (off-white, a camera's colour cast); a white
 *  wall photographed measures C* 1–3. */
const WARN_CHROMA = 5;
/** C* 10: a colour with a name (pale blue, cream, beige); the pale blue wall was C* 13. */
const FAIL_CHROMA = 10;
/** Below WARN_LIGHTNESS a background tinted more than this is a coloured wall, not a white one in
 *  shadow (which stays neutral): the grey-blue wall at L* 79–81 (C* 5–7) fails on this. Twice the
 *  just-noticeable difference (≈ 2.3), well above the C* ≈ 1 of a grey or white wall. */
const COLOURED_GREY_CHROMA = 4.5;
/** σ(L*) 4: a soft shadow or gradient (a plain white wall measures about 2); 7: patterns (the
 *  wallpaper fixtures measure 8–12), objects or a hard shadow. */
const WARN_LIGHTNESS_STDDEV = 4;
const FAIL_LIGHTNESS_STDDEV = 7;
/** Share of neighbouring background cells meeting at an edge (background-region.ts): a plain wall
 *  measures 0–0.002, with its shading; one object or a shadow's edge about 0.01–0.03 (warn); a
 *  faint wallpaper pattern whose σ(L*) is only 5–6 measures 0.1–0.2 (fail). */
const WARN_EDGE_SHARE = 0.02;
const FAIL_EDGE_SHARE = 0.05;

/** Whether the background is plain (one colour, no pattern or objects) enough to serve as the
 *  exposure's reference (too-dark.ts): a plain wall's lightness falls with the exposure, whatever
 *  its colour, even when it is too dark or coloured to pass here. */
export function isPlainBackground(bg: BackgroundStats): boolean {
  return bg.samples > 0 && bg.lightnessStdDev <= FAIL_LIGHTNESS_STDDEV && bg.edgeShare <= FAIL_EDGE_SHARE;
}

const THRESHOLDS = {
  dark: `background mean L* ≥ ${WARN_LIGHTNESS} (fail < ${FAIL_LIGHTNESS})`,
  colour: `background mean chroma C* ≤ ${WARN_CHROMA} (fail > ${FAIL_CHROMA}, or > ${COLOURED_GREY_CHROMA} with L* < ${WARN_LIGHTNESS})`,
  texture: `background σ(L*) ≤ ${WARN_LIGHTNESS_STDDEV} (fail > ${FAIL_LIGHTNESS_STDDEV})`,
  pattern: `share of background cells at an edge ≤ ${WARN_EDGE_SHARE} (fail > ${FAIL_EDGE_SHARE})`,
} as const;
type Reason = keyof typeof THRESHOLDS;
/** The message of each reason: a pattern is told as texture ("patterns, objects or shadows"). */
const MESSAGE: Record<Reason, "dark" | "colour" | "texture"> = {
  dark: "dark",
  colour: "colour",
  texture: "texture",
  pattern: "texture",
};

export function checkBackground(bg: BackgroundStats): CheckResult {
  const findings: { reason: Reason; verdict: Verdict; value: number }[] = [
    {
      reason: "dark",
      value: bg.meanLightness,
      verdict: bg.meanLightness < FAIL_LIGHTNESS ? "fail" : bg.meanLightness < WARN_LIGHTNESS ? "warn" : "pass",
    },
    {
      reason: "colour",
      value: bg.meanChroma,
      verdict:
        bg.meanChroma > FAIL_CHROMA || (bg.meanChroma > COLOURED_GREY_CHROMA && bg.meanLightness < WARN_LIGHTNESS)
          ? "fail"
          : bg.meanChroma > WARN_CHROMA
            ? "warn"
            : "pass",
    },
    {
      reason: "texture",
      value: bg.lightnessStdDev,
      verdict:
        bg.lightnessStdDev > FAIL_LIGHTNESS_STDDEV
          ? "fail"
          : bg.lightnessStdDev > WARN_LIGHTNESS_STDDEV
            ? "warn"
            : "pass",
    },
    {
      reason: "pattern",
      value: bg.edgeShare,
      verdict: bg.edgeShare > FAIL_EDGE_SHARE ? "fail" : bg.edgeShare > WARN_EDGE_SHARE ? "warn" : "pass",
    },
  ];
  // Report the most serious finding; among equals, the first (dark, colour, texture, pattern).
  const worst = findings.find((f) => f.verdict === "fail") ?? findings.find((f) => f.verdict === "warn");
  if (!worst)
    return result(
      "background_not_white",
      "pass",
      round(bg.meanLightness, 2),
      THRESHOLDS.dark,
      "background_not_white.pass",
    );
  return result(
    "background_not_white",
    worst.verdict,
    round(worst.value, worst.reason === "pattern" ? 3 : 2),
    THRESHOLDS[worst.reason],
    `background_not_white.${MESSAGE[worst.reason]}.${worst.verdict as "warn" | "fail"}`,
  );
}
