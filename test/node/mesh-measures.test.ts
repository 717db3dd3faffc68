// The measures for issue 15's new checks (shared/photo/mesh-measures/: eyes open, mouth closed,
// head pose, roll) on the face mesh of the two real photos, on synthetic 3D rotations of landmark
// sets, and on a real photo turned in the image plane and run through the mesh again. The figures
// printed here (t.diagnostic) are the ones in docs/decisions/016-face-mesh-model.md, "Measures for
// the new checks".
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, it } from "node:test";
import type { MeshPoint, RgbaImage } from "../../shared/photo/face-mesh/face-mesh.ts";
import {
  anglesOf,
  atan,
  atan2,
  CANONICAL_FACE_BYTE_RANGE,
  eyeCornerRoll,
  eyesOpenness,
  headPose,
  type Matrix3,
  mouthOpenness,
  parseCanonicalFace,
} from "../../shared/photo/mesh-measures/index.ts";
import { MESH_EXPECTATIONS } from "../support/face-mesh-expected.ts";
import { MEASURES_DIGEST, measuresDigest } from "../support/mesh-measures-expected.ts";
import { nodeFaceMesh, nodeFixturePhoto } from "./support/face-mesh-node.ts";

const packed = readFileSync(
  createRequire(import.meta.url).resolve("@mediapipe/face_mesh/face_mesh_solution_packed_assets.data"),
);
const canonical = parseCanonicalFace(new Uint8Array(packed.subarray(...CANONICAL_FACE_BYTE_RANGE)));

const RAD = Math.PI / 180;

/** R = Rz(γ)·Ry(β)·Rx(α) with yaw = β, pitch = α, roll = −γ (head-pose.ts's conventions), built
 *  here with Math.sin/cos: test input, not a verdict. */
function rotationOf(yaw: number, pitch: number, roll: number): Matrix3 {
  const [ca, sa] = [Math.cos(pitch * RAD), Math.sin(pitch * RAD)];
  const [cb, sb] = [Math.cos(yaw * RAD), Math.sin(yaw * RAD)];
  const [cg, sg] = [Math.cos(-roll * RAD), Math.sin(-roll * RAD)];
  const rz: Matrix3 = [cg, -sg, 0, sg, cg, 0, 0, 0, 1];
  const ry: Matrix3 = [cb, 0, sb, 0, 1, 0, -sb, 0, cb];
  const rx: Matrix3 = [1, 0, 0, 0, ca, -sa, 0, sa, ca];
  return multiply(rz, multiply(ry, rx));
}

function multiply(a: Matrix3, b: Matrix3): Matrix3 {
  const out = new Array<number>(9).fill(0) as Matrix3;
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++)
      for (let k = 0; k < 3; k++) out[i * 3 + j] = out[i * 3 + j]! + a[i * 3 + k]! * b[k * 3 + j]!;
  return out;
}

/** Rotates mesh points (image pixels, y down, z away from the camera) by R in the canonical frame
 *  (y up, z towards the camera) about their centroid. */
function rotatePoints(points: readonly MeshPoint[], r: Matrix3): MeshPoint[] {
  const n = points.length;
  const centre = points.reduce((s, p) => ({ x: s.x + p.x / n, y: s.y + p.y / n, z: s.z + p.z / n }), {
    x: 0,
    y: 0,
    z: 0,
  });
  return points.map((p) => {
    const v = [p.x - centre.x, -(p.y - centre.y), -(p.z - centre.z)];
    const w = [0, 1, 2].map((i) => r[i * 3]! * v[0]! + r[i * 3 + 1]! * v[1]! + r[i * 3 + 2]! * v[2]!);
    return { x: centre.x + w[0]!, y: centre.y - w[1]!, z: centre.z - w[2]! };
  });
}

/** The canonical face drawn as a mesh would give it: 12 px per centimetre, centred at (256, 256). */
function canonicalAsLandmarks(): MeshPoint[] {
  const v = canonical.vertices;
  return Array.from({ length: 468 }, (_, i) => ({
    x: 256 + 12 * v[i * 3]!,
    y: 256 - 12 * v[i * 3 + 1]!,
    z: -12 * v[i * 3 + 2]!,
  }));
}

/** The image turned clockwise (as seen) by `degrees` about (cx, cy), bilinear, grey outside. */
function rotateImage(image: RgbaImage, degrees: number, cx: number, cy: number): RgbaImage {
  const { width, height, data } = image;
  const out = new Uint8ClampedArray(width * height * 4);
  const [c, s] = [Math.cos(degrees * RAD), Math.sin(degrees * RAD)];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Inverse map: the source point turned back by −degrees.
      const sx = cx + (x - cx) * c + (y - cy) * s;
      const sy = cy - (x - cx) * s + (y - cy) * c;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const o = (y * width + x) * 4;
      if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) {
        out.fill(128, o, o + 3);
        out[o + 3] = 255;
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      for (let ch = 0; ch < 4; ch++) {
        const at = (xx: number, yy: number) => data[(yy * width + xx) * 4 + ch]!;
        out[o + ch] =
          (at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx) * (1 - fy) +
          (at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx) * fy;
      }
    }
  }
  return { width, height, data: out };
}

const faces = {
  astronaut: async () => nodeFaceMesh().detect(await nodeFixturePhoto(MESH_EXPECTATIONS.astronaut.file, "png"))[0]!,
  graceHopper: async () =>
    nodeFaceMesh().detect(await nodeFixturePhoto(MESH_EXPECTATIONS.graceHopper.file, "jpeg"))[0]!,
};

const fixed = (v: number, digits = 3) => v.toFixed(digits);

describe("mesh measures", () => {
  it("reads MediaPipe's canonical face: 468 vertices, nose tip forward, mirror-symmetric eyes, 33 weighted basis points", () => {
    const v = canonical.vertices;
    assert.equal(v.length, 468 * 3);
    assert.equal(canonical.basis.length, 33);
    // Nose tip (4) nearest the viewer; the person's right outer eye corner (33) on the image's left, mirrored by 263.
    for (let i = 0; i < 468; i++) assert.ok(v[i * 3 + 2]! <= v[4 * 3 + 2]!, `vertex ${i} in front of the nose tip`);
    assert.ok(v[33 * 3]! < 0 && v[263 * 3]! > 0);
    assert.equal(v[33 * 3]!, -v[263 * 3]!);
    assert.equal(v[33 * 3 + 1]!, v[263 * 3 + 1]!);
    assert.ok(v[10 * 3 + 1]! > 0 && v[152 * 3 + 1]! < 0, "forehead up, chin down");
    assert.throws(
      () =>
        parseCanonicalFace(
          new Uint8Array(packed.subarray(CANONICAL_FACE_BYTE_RANGE[0], CANONICAL_FACE_BYTE_RANGE[0] + 1000)),
        ),
      /canonical face/,
    );
  });

  it("atan and atan2 from + − × ÷ and √ agree with Math's to 2 ulps, in every quadrant", () => {
    let worst = 0;
    for (let i = -4000; i <= 4000; i++) {
      const x = i / 37;
      worst = Math.max(worst, Math.abs(atan(x) - Math.atan(x)));
      for (const [yy, xx] of [
        [x, 1],
        [x, -1],
        [1, x],
        [-1, x],
      ] as const)
        worst = Math.max(worst, Math.abs(atan2(yy, xx) - Math.atan2(yy, xx)));
    }
    assert.ok(worst <= 4.5e-16, `largest difference ${worst}`);
    assert.equal(atan2(0, 0), 0);
    assert.equal(atan2(0, -1), Math.PI);
  });

  it("on the two real faces: the neutral mouth well below the smile, both pairs of eyes open, both heads near frontal", async (t) => {
    const rows: string[] = [];
    const measured: Record<
      string,
      {
        eyes: ReturnType<typeof eyesOpenness>;
        mouth: ReturnType<typeof mouthOpenness>;
        pose: NonNullable<ReturnType<typeof headPose>>;
        corner: number;
      }
    > = {};
    for (const [name, find] of Object.entries(faces)) {
      const { landmarks } = await find();
      const pose = headPose(landmarks, canonical);
      assert.ok(pose, `${name}: no pose`);
      measured[name] = {
        eyes: eyesOpenness(landmarks),
        mouth: mouthOpenness(landmarks),
        pose,
        corner: eyeCornerRoll(landmarks),
      };
      const m = measured[name]!;
      rows.push(
        `${name}: eyes R ${fixed(m.eyes.right)} L ${fixed(m.eyes.left)}; inner-lip gap ${fixed(m.mouth.gap)}, width ${fixed(m.mouth.width)} (T ${fixed(m.eyes.t, 1)} px); yaw ${fixed(pose.yaw, 2)}° pitch ${fixed(pose.pitch, 2)}° roll ${fixed(pose.roll, 2)}° (eye corners ${fixed(m.corner, 2)}°), fit residual ${fixed(pose.residual)} cm`,
      );
    }
    for (const row of rows) t.diagnostic(row);
    const { astronaut, graceHopper } = measured as Record<"astronaut" | "graceHopper", (typeof measured)[string]>;
    // The research note measured 0.009 (Hopper) against 0.104 (astronaut) with its throw-away run.
    assert.ok(graceHopper.mouth.gap < 0.02, `Hopper's mouth ${graceHopper.mouth.gap}`);
    assert.ok(astronaut.mouth.gap > 0.07, `astronaut's mouth ${astronaut.mouth.gap}`);
    assert.ok(astronaut.mouth.gap > 5 * graceHopper.mouth.gap);
    assert.ok(astronaut.mouth.width > graceHopper.mouth.width, "the smile is wider");
    // Open eyes on both: OFIQ's sigmoid is at 0.5 at 0.02 and ≈ 0.99 at 0.06.
    for (const m of [astronaut, graceHopper]) {
      assert.ok(m.eyes.min > 0.06, `eyes ${m.eyes.min}`);
      assert.equal(m.eyes.min, Math.min(m.eyes.left, m.eyes.right));
      // Yaw near zero on both frontal portraits; the fitted roll within 0.5° of the eye corners' line.
      assert.ok(Math.abs(m.pose.yaw) < 2, `yaw ${m.pose.yaw}`);
      assert.ok(Math.abs(m.pose.roll - m.corner) < 0.5, `roll ${m.pose.roll} against ${m.corner}`);
      // Pitch reads 3.8° (Hopper) and 6.5° (astronaut) "nose down" on photos that look frontal (7.6°
      // and 10.0° when the fit used the jaw points too): a bias of the mesh against the canonical
      // model (or a camera above eye level), which head_pose's origin takes out; asserted as the band
      // it was measured in, so a change shows.
      assert.ok(m.pose.pitch > 3 && m.pose.pitch < 8, `pitch ${m.pose.pitch}`);
      assert.ok(m.pose.residual < 1, `fit residual ${m.pose.residual} cm`);
    }
    // The roll signs: the astronaut's eye on the image's right is lower, Hopper's higher (the mesh ROI's rotation says the same).
    assert.ok(astronaut.pose.roll > 2 && graceHopper.pose.roll < -2);
  });

  it("reads the pose from the face's rigid points: the jaw line and lower cheeks moved as low contrast moves them change nothing", async () => {
    // The calibration set's darker recolourings read the chin up to 7 % of the face's length
    // deeper, and its lighter ones moved the jaw line up by up to 4 % (decision 020): here both at
    // once, on the jaw and lower-cheek points, and the fit must not move.
    const { landmarks } = await faces.graceHopper();
    const length = Math.hypot(landmarks[152]!.x - landmarks[10]!.x, landmarks[152]!.y - landmarks[10]!.y);
    const moved = landmarks.map((p, id) =>
      [132, 136, 147, 205, 361, 365, 376, 425].includes(id)
        ? { ...p, y: p.y - 0.04 * length, z: p.z + 0.07 * length }
        : p,
    );
    const before = headPose(landmarks, canonical)!;
    const after = headPose(moved, canonical)!;
    assert.equal(after.pitch, before.pitch);
    assert.equal(after.yaw, before.yaw);
  });

  it("recovers known 3D rotations of the canonical face and of the real faces' landmarks (the solver's error)", async (t) => {
    const angles = [-20, -10, -5, 0, 5, 10, 20];
    let worst = 0;
    const model = canonicalAsLandmarks();
    const start = headPose(model, canonical)!;
    assert.ok(Math.abs(start.yaw) < 1e-9 && Math.abs(start.pitch) < 1e-9 && Math.abs(start.roll) < 1e-9);
    assert.ok(Math.abs(start.scale - 12) < 1e-9 && start.residual < 1e-9);
    for (const yaw of angles) {
      for (const pitch of angles) {
        for (const roll of [-8, 0, 8, 20]) {
          const pose = headPose(rotatePoints(model, rotationOf(yaw, pitch, roll)), canonical)!;
          worst = Math.max(worst, Math.abs(pose.yaw - yaw), Math.abs(pose.pitch - pitch), Math.abs(pose.roll - roll));
        }
      }
    }
    // The real faces: their fitted rotation R0 turned by a known R gives R·R0.
    let worstReal = 0;
    for (const find of Object.values(faces)) {
      const { landmarks } = await find();
      const r0 = headPose(landmarks, canonical)!.rotation;
      for (const yaw of angles) {
        for (const pitch of angles) {
          const r = rotationOf(yaw, pitch, 5);
          const expected = anglesOf(multiply(r, r0));
          const pose = headPose(rotatePoints(landmarks, r), canonical)!;
          worstReal = Math.max(
            worstReal,
            Math.abs(pose.yaw - expected.yaw),
            Math.abs(pose.pitch - expected.pitch),
            Math.abs(pose.roll - expected.roll),
          );
        }
      }
    }
    t.diagnostic(
      `largest angle error: canonical face ${worst.toExponential(1)}°, real landmark sets ${worstReal.toExponential(1)}°`,
    );
    assert.ok(worst < 1e-9, `canonical: ${worst}°`);
    assert.ok(worstReal < 1e-9, `real: ${worstReal}°`);
  });

  it("follows a real photo turned by ±4°, ±8° and ±15° in the image plane through the mesh (roll), with yaw and pitch kept", async (t) => {
    const rows: string[] = [];
    const checks: (() => void)[] = [];
    for (const [name, expected] of Object.entries(MESH_EXPECTATIONS)) {
      const image = await nodeFixturePhoto(expected.file, expected.format);
      const base = nodeFaceMesh().detect(image)[0]!;
      const pose0 = headPose(base.landmarks, canonical)!;
      const corner0 = eyeCornerRoll(base.landmarks);
      const eyes0 = eyesOpenness(base.landmarks).min;
      const mouth0 = mouthOpenness(base.landmarks).gap;
      for (const turn of [-15, -8, -4, 4, 8, 15]) {
        const turned = nodeFaceMesh().detect(rotateImage(image, turn, base.region.cx, base.region.cy));
        assert.equal(turned.length, 1, `${name} turned ${turn}°`);
        const lm = turned[0]!.landmarks;
        const pose = headPose(lm, canonical)!;
        const dRoll = pose.roll - pose0.roll;
        const dCorner = eyeCornerRoll(lm) - corner0;
        // Eyes and mouth are ratios of image-plane distances: a turn changes them only through the
        // mesh's own response to the turned pixels, i.e. their measurement noise.
        const dEyes = eyesOpenness(lm).min - eyes0;
        const dMouth = mouthOpenness(lm).gap - mouth0;
        rows.push(
          `${name} turned ${turn}°: roll change ${fixed(dRoll, 2)}° (eye corners ${fixed(dCorner, 2)}°), yaw change ${fixed(pose.yaw - pose0.yaw, 2)}°, pitch change ${fixed(pose.pitch - pose0.pitch, 2)}°; eyes ${fixed(dEyes, 4)}, mouth ${fixed(dMouth, 4)}`,
        );
        checks.push(() => {
          assert.ok(Math.abs(dRoll - turn) < 1, `${name} ${turn}°: fitted roll changed ${dRoll}°`);
          assert.ok(Math.abs(dCorner - turn) < 1, `${name} ${turn}°: eye-corner roll changed ${dCorner}°`);
          assert.ok(
            Math.abs(pose.yaw - pose0.yaw) < 3 && Math.abs(pose.pitch - pose0.pitch) < 3,
            `${name} ${turn}°: yaw or pitch moved`,
          );
          assert.ok(
            Math.abs(dEyes) < 0.015 && Math.abs(dMouth) < 0.01,
            `${name} ${turn}°: eyes ${dEyes}, mouth ${dMouth}`,
          );
        });
      }
    }
    for (const row of rows) t.diagnostic(row);
    for (const check of checks) check();
  });

  it("gives the same values, to the bit, on a re-run, and workerd's digest of them", async () => {
    for (const [name, find] of Object.entries(faces) as [
      keyof typeof faces,
      () => Promise<{ landmarks: MeshPoint[] }>,
    ][]) {
      assert.equal(await measuresDigest((await find()).landmarks), MEASURES_DIGEST[name]);
      const a = (await find()).landmarks;
      const b = (await find()).landmarks;
      assert.deepEqual(
        [eyesOpenness(a), mouthOpenness(a), headPose(a, canonical), eyeCornerRoll(a)],
        [eyesOpenness(b), mouthOpenness(b), headPose(b, canonical), eyeCornerRoll(b)],
      );
    }
  });
});
