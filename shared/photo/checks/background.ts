// `background_not_white`: the background must be plain and white (product.md §6; a reason for
// return in the seeds). Measured on a band along the top and the sides (measure.ts), in CIELAB:
// lightness (mean L*), neutrality (mean chroma C*) and uniformity (standard deviation of L*).
// The chroma follows OFIQ's use of CIELAB a*, b* for colour (ISO/IEC 29794-5 "natural colour").

import type { BackgroundStats } from "./measure.ts";
import { result, round } from "./result.ts";
import type { CheckResult, Verdict } from "./types.ts";

/** L* 82 ≈ sRGB grey 205: a white wall in slight shadow still passes above it. */
const WARN_LIGHTNESS = 82;
/** L* 70 ≈ sRGB grey 171: clearly grey, not white. */
const FAIL_LIGHTNESS = 70;
/** C* 8: a just-noticeable tint (cream, pale blue) on a light background. */
const WARN_CHROMA = 8;
/** C* 15: clearly coloured (pale blue sky-blue is ≈ 20). */
const FAIL_CHROMA = 15;
/** σ(L*) 5: a soft shadow or gradient; 10: patterns, objects or a hard shadow. */
const WARN_LIGHTNESS_STDDEV = 5;
const FAIL_LIGHTNESS_STDDEV = 10;

const THRESHOLDS = {
  dark: `background mean L* ≥ ${WARN_LIGHTNESS} (fail < ${FAIL_LIGHTNESS})`,
  colour: `background mean chroma C* ≤ ${WARN_CHROMA} (fail > ${FAIL_CHROMA})`,
  texture: `background σ(L*) ≤ ${WARN_LIGHTNESS_STDDEV} (fail > ${FAIL_LIGHTNESS_STDDEV})`,
} as const;
type Reason = keyof typeof THRESHOLDS;

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
      verdict: bg.meanChroma > FAIL_CHROMA ? "fail" : bg.meanChroma > WARN_CHROMA ? "warn" : "pass",
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
  ];
  // Report the most serious finding; among equals, the first (dark, then colour, then texture).
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
    round(worst.value, 2),
    THRESHOLDS[worst.reason],
    `background_not_white.${worst.reason}.${worst.verdict as "warn" | "fail"}`,
  );
}
