// The face checks (shared/photo/checks/: eyes_visible, head_size, face_centred, head_tilt and issue
// 15's eyes_open, mouth_closed and head_pose) inside workerd: on portraits with a real face found
// by the worker's own face finder (worker/photo/face-mesh.ts), each reason for return caught by its
// own check and by no other; and each check's limits on findings built by hand.
import { describe, expect, it } from "vitest";
import canonicalFaceBytes from "../../shared/photo/face-mesh/models/canonical_face.bin";
import { type CheckId, type CheckResult, type FaceFinding, runPixelChecks } from "../../shared/photo/checks/index.ts";
import { checkEyesOpen } from "../../shared/photo/checks/eyes-open.ts";
import { checkFaceCentred } from "../../shared/photo/checks/face-centred.ts";
import { checkHeadPose, PITCH_ORIGIN_DEGREES } from "../../shared/photo/checks/head-pose.ts";
import { checkHeadSize } from "../../shared/photo/checks/head-size.ts";
import { checkHeadTilt } from "../../shared/photo/checks/head-tilt.ts";
import { en, fr } from "../../shared/photo/checks/messages.ts";
import { checkMouthClosed } from "../../shared/photo/checks/mouth-closed.ts";
import { MOUTH_CORNERS, NOSE_BRIDGE } from "../../shared/photo/face/mesh-points.ts";
import { parseCanonicalFace } from "../../shared/photo/mesh-measures/canonical-face.ts";
import { getFaceFinder } from "../../worker/photo/face-mesh.ts";
import { realFaces } from "../support/face-source.ts";
import { closedEyePoints, TURNED_HEAD_YAW, turnedHead } from "../support/mesh-warp.ts";
import type { RealPortraitName } from "../support/photo-fixtures.ts";

const byId = (results: CheckResult[]) =>
  Object.fromEntries(results.map((r) => [r.id, r])) as Record<CheckId, CheckResult>;
const PIXEL_CHECKS: CheckId[] = ["too_dark", "overexposed", "background_not_white", "glare", "face_not_visible"];
const FACE_CHECKS: CheckId[] = [
  ...PIXEL_CHECKS,
  "eyes_visible",
  "head_size",
  "face_centred",
  "head_tilt",
  "eyes_open",
  "mouth_closed",
  "head_pose",
];
const triangles = parseCanonicalFace(new Uint8Array(canonicalFaceBytes)).triangles;

type Portrait = RealPortraitName | "turned";
const images: Record<Portrait, () => ReturnType<typeof realFaces.valid>> = {
  ...realFaces,
  turned: () => turnedHead(realFaces.valid(), getFaceFinder(), triangles, TURNED_HEAD_YAW),
};
const detected = new Map<Portrait, { faces: FaceFinding[]; results: Record<CheckId, CheckResult> }>();
/** The finder then the checks, as validate-upload.ts runs them (cached: the mesh takes a while). */
function checked(name: Portrait) {
  let entry = detected.get(name);
  if (!entry) {
    const image = images[name]();
    const faces = getFaceFinder().detect(image);
    entry = { faces, results: byId(runPixelChecks(image, { faces })) };
    detected.set(name, entry);
  }
  return entry.results;
}
const messageOf = (key: keyof typeof en) => en[key].replace(/\{\w+\}/g, "#").replace(/[\d.]+/g, "#");

describe("face checks on real faces (the worker's face finder, inside workerd)", () => {
  for (const name of ["valid", "validDarkHair"] as const) {
    it(`${name}: one face found and every check passes`, () => {
      const results = checked(name);
      expect(Object.keys(results)).toEqual(FACE_CHECKS);
      for (const id of FACE_CHECKS) expect(results[id].verdict, `${id}: ${results[id].message.en}`).toBe("pass");
      expect(results.face_not_visible.message.en).toBe(en["face_not_visible.detected.pass"]);
      expect(results.head_size.value).toBeGreaterThan(31 / 70);
      expect(results.head_size.value).toBeLessThan(36 / 70);
    });
  }

  // Each degraded photo: the check that must catch it, and its verdict.
  const cases: [Portrait, CheckId, "fail" | "warn", keyof typeof en][] = [
    ["offCentre", "face_centred", "fail", "face_centred.right.fail"],
    ["tilted", "head_tilt", "fail", "head_tilt.fail"],
    ["headTooSmall", "head_size", "fail", "head_size.too_small"],
    ["headTooLarge", "head_size", "fail", "head_size.too_large"],
    ["darkGlasses", "eyes_visible", "fail", "eyes_visible.fail"],
    ["glare", "glare", "fail", "glare.fail"],
    ["smiling", "mouth_closed", "fail", "mouth_closed.fail"],
    ["turned", "head_pose", "fail", "head_pose.turned.fail"],
  ];
  for (const [name, id, verdict, key] of cases) {
    it(`${name} is caught by ${id} (${verdict}), and only by it`, () => {
      const results = checked(name);
      expect(results[id].verdict).toBe(verdict);
      expect(results[id].message.en.replace(/[\d.]+/g, "#")).toBe(messageOf(key));
      for (const other of FACE_CHECKS.filter((c) => c !== id && c in results))
        expect(results[other].verdict, `${other}: ${results[other].message.en}`).not.toBe("fail");
    });
  }

  it("the smile is measured as OFIQ's mouth-closed ratio far above the neutral face's", () => {
    expect(checked("smiling").mouth_closed.value).toBeGreaterThan(0.08);
    expect(checked("valid").mouth_closed.value).toBeLessThan(0.025);
  });

  it("two people: face_not_visible fails, naming the count; no single face to measure", () => {
    const results = checked("twoFaces");
    expect(results.face_not_visible).toMatchObject({
      verdict: "fail",
      message: { en: "2 faces are found in the photo. It must show only you." },
    });
    expect(results.head_size).toBeUndefined();
    expect(results.head_pose).toBeUndefined();
  });

  it("no face (the back of a head): face_not_visible fails and the face checks are left out", () => {
    const results = checked("noFace");
    expect(results.face_not_visible).toMatchObject({
      verdict: "fail",
      message: { en: en["face_not_visible.no_face"] },
    });
    expect(results.eyes_open).toBeUndefined();
    // A dark photo: too_dark fails (the mesh still finds the face in it).
    expect(checked("tooDark").too_dark.verdict).toBe("fail");
  });

  it("a face that cannot be read (too dark, dark glasses): its eyes, mouth and pose are not judged", () => {
    const dark = checked("tooDark");
    expect(dark.too_dark.verdict).toBe("fail");
    expect([dark.eyes_open, dark.mouth_closed, dark.head_pose]).toEqual([undefined, undefined, undefined]);
    // Dark glasses: eyes_visible says so, eyes_open does not call the eyes closed; the rest is judged.
    const glasses = checked("darkGlasses");
    expect(glasses.eyes_visible.verdict).toBe("fail");
    expect(glasses.eyes_open).toBeUndefined();
    expect(glasses.mouth_closed.verdict).toBe("pass");
  });
});

describe("face checks' limits on findings built by hand", () => {
  const at = (x: number, y: number) => ({ x, y, z: 0 });
  /** A finding with its 468 points at the face's centre, but for the ones a check reads. */
  const face = (o: Partial<FaceFinding> = {}, dx = 0): FaceFinding => {
    const landmarks = Array.from({ length: 468 }, () => at(450 + dx, 650));
    landmarks[NOSE_BRIDGE] = at(450 + dx, 540);
    landmarks[MOUTH_CORNERS[0]] = at(410 + dx, 740);
    landmarks[MOUTH_CORNERS[1]] = at(490 + dx, 740);
    return {
      box: { x: 300 + dx, y: 400, width: 300, height: 350 },
      score: 0.9,
      leftEye: at(390 + dx, 520),
      rightEye: at(510 + dx, 520),
      chin: at(450 + dx, 820),
      crown: at(450 + dx, 220),
      roll: 0,
      pose: { yaw: 0, pitch: PITCH_ORIGIN_DEGREES, roll: 0 },
      landmarks,
      ...o,
    };
  };
  const image = { width: 900, height: 1260, data: new Uint8ClampedArray(900 * 1260 * 4) };

  it("head size against 31–36 mm of 70 (44.3–51.4%), warning within 2 mm outside, measured as a person would", () => {
    // The mesh's chin and the crown scan read heads 2.4% short: the share is scaled by 1/0.976.
    const share = (s: number) => face({ crown: at(450, 820 - s * 0.976 * 1260) });
    expect(checkHeadSize(share(0.48), image).value).toBeCloseTo(0.48, 4);
    expect(checkHeadSize(share(0.475), image).verdict).toBe("pass");
    expect(checkHeadSize(share(0.43), image).verdict).toBe("warn");
    expect(checkHeadSize(share(0.525), image).verdict).toBe("warn");
    expect(checkHeadSize(share(0.35), image).verdict).toBe("fail");
    expect(checkHeadSize(face({ crown: at(450, 0) }), image)).toMatchObject({
      verdict: "fail",
      message: { en: en["head_size.cut_off"] },
    });
  });

  it("centring: the nose bridge and mouth centre line within 5% of the middle, eye line 30–50% from the top", () => {
    expect(checkFaceCentred(face(), image).verdict).toBe("pass");
    expect(checkFaceCentred(face({}, -0.07 * 900), image)).toMatchObject({
      verdict: "warn",
      message: { en: en["face_centred.left.warn"] },
    });
    expect(checkFaceCentred(face({}, 0.12 * 900), image).verdict).toBe("fail");
    expect(checkFaceCentred(face({ leftEye: at(390, 700), rightEye: at(510, 700) }), image).message.en).toBe(
      en["face_centred.eyes_low"],
    );
  });

  it("tilt: the pose's roll within 5°, fail beyond 8°", () => {
    expect(checkHeadTilt(face({ roll: 3 }))).toMatchObject({ verdict: "pass", value: 3 });
    expect(checkHeadTilt(face({ roll: -6 })).verdict).toBe("warn");
    expect(checkHeadTilt(face({ roll: 10 }))).toMatchObject({
      verdict: "fail",
      message: { en: "Your head is tilted to one side (about 10°). It must be straight." },
    });
  });

  it("pose: yaw within 5° passes, up to 5° plus the estimator's error warns, beyond fails; pitch from its origin", () => {
    const posed = (yaw: number, pitch: number) =>
      checkHeadPose(face({ pose: { yaw, pitch: PITCH_ORIGIN_DEGREES + pitch, roll: 0 } }));
    expect(posed(4.9, -4.9)).toMatchObject({ verdict: "pass", message: { en: en["head_pose.pass"] } });
    expect(posed(-6, 0)).toMatchObject({
      verdict: "warn",
      value: 6,
      message: { en: "Your head may be turned a little to one side (about 6°)." },
    });
    // Yaw: up to 5 + 1.6° warns.
    expect(posed(6.7, 0).verdict).toBe("fail");
    expect(posed(8, 0)).toMatchObject({
      verdict: "fail",
      value: 8,
      message: {
        en: "Your head is turned to one side (about 8°). You must face the camera.",
        fr: "Votre tête est tournée sur le côté (environ 8°). Vous devez faire face à l’appareil.",
      },
    });
    // Pitch from the calibration split's origin (4.55°): 5° passes, up to 5 + 1.9° warns, beyond fails;
    // the sign names the way.
    expect(posed(0, 4.9).verdict).toBe("pass");
    expect(posed(0, 6.5)).toMatchObject({
      verdict: "warn",
      message: { en: "Your head may be tipped down a little (about 6.5°)." },
    });
    expect(posed(0, 7).verdict).toBe("fail");
    expect(posed(0, 8)).toMatchObject({
      verdict: "fail",
      message: { en: en["head_pose.down.fail"].replace("{degrees}", "8") },
    });
    expect(posed(0, -8)).toMatchObject({
      verdict: "fail",
      message: { en: en["head_pose.up.fail"].replace("{degrees}", "8") },
    });
    // The worse axis decides, and its angle is the value.
    expect(posed(6, -13)).toMatchObject({ verdict: "fail", value: 13 });
    expect(checkHeadPose(face({ pose: null }))).toMatchObject({
      verdict: "fail",
      message: { en: en["head_pose.unknown"] },
    });
  });

  /** A face whose lids and lips are drawn on a grey image, with vertical stripes ± `eyes` levels
   *  between the lids and ± `lips` levels between the lips: a luminance spread of exactly that. The
   *  lids are 20 px apart (0.065 of T = 310 px), the lips 16 px (0.052). */
  function drawnFace(eyes: number, lips: number) {
    const drawn = face();
    const lm = drawn.landmarks;
    const line = (ids: readonly number[], from: number, to: number, y: number, ends: number) =>
      ids.forEach((id, k) => {
        lm[id] = at(from + (k * (to - from)) / (ids.length - 1), k === 0 || k === ids.length - 1 ? ends : y);
      });
    line([33, 246, 161, 160, 159, 158, 157, 173, 133], 300, 380, 500, 510);
    line([33, 7, 163, 144, 145, 153, 154, 155, 133], 300, 380, 520, 510);
    line([263, 466, 388, 387, 386, 385, 384, 398, 362], 600, 520, 500, 510);
    line([263, 249, 390, 373, 374, 380, 381, 382, 362], 600, 520, 520, 510);
    line([78, 191, 80, 81, 82, 13, 312, 311, 310, 415, 308], 400, 500, 732, 740);
    line([78, 95, 88, 178, 87, 14, 317, 402, 318, 324, 308], 400, 500, 748, 740);
    lm[152] = at(450, 820);
    const data = new Uint8ClampedArray(900 * 1260 * 4).fill(128);
    const stripes = (x0: number, x1: number, y0: number, y1: number, d: number) => {
      for (let y = y0; y <= y1; y++)
        for (let x = x0; x <= x1; x++)
          data.fill(x % 2 === 0 ? 128 + d : 128 - d, (y * 900 + x) * 4, (y * 900 + x) * 4 + 3);
    };
    stripes(290, 610, 495, 525, eyes);
    stripes(395, 505, 725, 755, lips);
    return { finding: drawn, image: { width: 900, height: 1260, data } };
  }

  it("eyes open: the lid gap over the eye's width of the less open eye (OFIQ's gap, the eye aspect ratio's scale), fail < 0.19, warn < 0.21", () => {
    // The drawn eyes are 80 px wide, their lids 20 px apart at the middle (0.25); the image's left
    // eye's upper lid lowered by `down` pixels.
    const eyes = (down: number) => {
      const { finding } = drawnFace(20, 0);
      for (const id of [246, 161, 160, 159, 158, 157, 173]) {
        const p = finding.landmarks[id]!;
        finding.landmarks[id] = at(p.x, p.y + down);
      }
      return checkEyesOpen(finding);
    };
    expect(eyes(0)).toMatchObject({ verdict: "pass", value: 0.25 });
    expect(eyes(4)).toMatchObject({ verdict: "warn", value: 0.2, message: { en: en["eyes_open.warn"] } });
    expect(eyes(8)).toMatchObject({
      verdict: "fail",
      value: 0.15,
      message: { en: en["eyes_open.fail"], fr: fr["eyes_open.fail"] },
    });
    // The lids laid shut: no gap, 0.
    const { finding } = drawnFace(20, 0);
    expect(checkEyesOpen({ ...finding, landmarks: closedEyePoints(finding.landmarks, 1) })).toMatchObject({
      verdict: "fail",
      value: 0,
    });
  });

  it("mouth closed: the lips' gap (OFIQ; warn > 0.012, fail > 0.045) and, for teeth, the spread between the lips (fail > 25)", () => {
    // The drawn lips: inner lines 16 px apart, 0.0516 of T (310 px); the lower one moved by dy pixels.
    const lips = (dy: number, spread = 20) => {
      const drawn = drawnFace(20, spread);
      for (const id of [95, 88, 178, 87, 14, 317, 402, 318, 324]) {
        const p = drawn.finding.landmarks[id]!;
        drawn.finding.landmarks[id] = at(p.x, p.y + dy);
      }
      return checkMouthClosed(drawn.finding, drawn.image);
    };
    expect(lips(-13)).toMatchObject({ verdict: "pass", value: 0.0097 });
    expect(lips(-6)).toMatchObject({ verdict: "warn", value: 0.0323, message: { en: en["mouth_closed.warn"] } });
    expect(lips(0)).toMatchObject({ verdict: "fail", value: 0.0516, message: { en: en["mouth_closed.fail"] } });
    expect(lips(-13, 24)).toMatchObject({ verdict: "pass", value: 0.0097 });
    expect(lips(-13, 30)).toMatchObject({ verdict: "fail", value: 30, message: { en: en["mouth_closed.fail"] } });
  });

  it("eyes open and mouth closed from the mesh points' gaps over the eyes-to-chin distance", () => {
    const shut = face();
    shut.landmarks[152] = at(450, 820); // the chin below the eyes: T > 0
    // No eyelid or inner-lip gap at all: eyes shut, mouth closed.
    expect(checkEyesOpen(shut)).toMatchObject({ verdict: "fail", value: 0 });
    expect(checkMouthClosed(shut, image)).toMatchObject({ verdict: "pass", value: 0 });
    // Every point in one place (T = 0, the ratios NaN): nothing can be measured, so both fail.
    expect(checkEyesOpen(face()).verdict).toBe("fail");
    expect(checkMouthClosed(face(), image)).toMatchObject({
      verdict: "fail",
      message: { en: en["mouth_closed.fail"] },
    });
  });
});
