// background_not_white and too_dark (issue 15): the background measured where background can be,
// beside and above the head, the person's silhouette left out; a clearly coloured or patterned
// background fails and only a borderline one warns; exposure read from the background and from
// clipping, never from the face's own tone. On studio portraits of the real face
// (test/support/tone-portraits.ts); the same face at every tone is photo-tone-fairness.test.ts.

import { describe, expect, it } from "vitest";
import { runPixelChecks } from "../../shared/photo/checks/index.ts";
import { measureBackground } from "../../shared/photo/checks/background-region.ts";
import { labAt } from "../../shared/photo/checks/lab.ts";
import { FALLBACK_FACE, measureFace } from "../../shared/photo/checks/measure.ts";
import { en } from "../../shared/photo/checks/messages.ts";
import { getFaceFinder } from "../../worker/photo/face-mesh.ts";
import { faceSource, realFaces } from "../support/face-source.ts";
import { type StudioOptions, findingFor, studioPortrait, toneChecks } from "../support/tone-portraits.ts";

type Rgb = readonly [number, number, number];
const checked = (options: StudioOptions) => {
  const image = studioPortrait(faceSource, options);
  return { image, results: toneChecks(image, findingFor(image, faceSource)) };
};
const background = (options: StudioOptions) => checked(options).results.background_not_white;

/** A wallpaper: small beige-grey dots and diamonds on an off-white ground (ΔL* ≈ 8). */
const WALLPAPER = (x: number, y: number): Rgb => {
  const u = ((x % 48) - 24) / 24;
  const v = ((y % 64) - 32) / 32;
  return u * u + v * v < 0.3 || Math.abs(u) + Math.abs(v) > 1.7 ? [214, 206, 190] : [244, 242, 236];
};

describe("background_not_white: measured beside and above the head, not on the person", () => {
  it("passes a studio portrait framed at 44.5% whose dark shoulders reach the frame's sides, at every size, with or without a face finding", () => {
    for (const [width, height] of [
      [715, 1001],
      [2000, 2800],
    ] as const) {
      const image = studioPortrait(faceSource, { width, height, seed: 3, tone: 6 });
      // The clothes do reach both sides above 70% of the height, where the old side bands ran.
      const at = (x: number, y: number) => image.data[(Math.round(y * height) * width + x) * 4]!;
      expect(at(2, 0.68)).toBeLessThan(80);
      expect(at(width - 3, 0.68)).toBeLessThan(80);
      const withFinding = toneChecks(image, findingFor(image, faceSource)).background_not_white;
      expect(withFinding.verdict, `${width}×${height}: ${withFinding.message.en} (${withFinding.value})`).toBe("pass");
      const fallback = runPixelChecks(image).find((r) => r.id === "background_not_white")!;
      expect(fallback.verdict, `${width}×${height} without a finding: ${fallback.value}`).toBe("pass");
    }
  });

  it("fails a clearly coloured background: light blue, a grey-blue wall at L* 80, pale blue", () => {
    const walls: [string, Rgb][] = [
      ["light blue", [170, 205, 235]],
      ["grey-blue wall", [190, 200, 212]],
      ["pale blue", [205, 222, 238]],
      ["pale blue, chroma 13", [200, 220, 245]],
    ];
    for (const [label, colour] of walls) {
      const r = background({ background: colour, seed: 4 });
      expect(r.verdict, `${label}: ${r.value}`).toBe("fail");
      expect(r.message.en, label).toBe(en["background_not_white.colour.fail"]);
    }
  });

  it("fails patterned wallpaper whose σ(L*) alone would only warn, as not plain", () => {
    const r = background({ background: WALLPAPER, seed: 5 });
    expect(r).toMatchObject({ verdict: "fail", message: { en: en["background_not_white.texture.fail"] } });
  });

  it("fails a lattice wallpaper whose lines join up across the wall and touch the hair", () => {
    // Beige diagonal lines about 8 px wide, 90 px apart, on a neutral off-white: one connected
    // shape that reaches the hair. Flooded into the silhouette with the hair, it left only the
    // plain ground to measure (L* 94.7, σ 0.7: a pass).
    const lattice = (x: number, y: number): Rgb =>
      Math.abs(((x + y) % 90) - 45) > 40 || Math.abs(((x - y + 9000) % 90) - 45) > 40
        ? [188, 168, 140]
        : [240, 240, 236];
    const r = background({ background: lattice, seed: 13, tone: 5 });
    expect(r.verdict, `${r.message.en} (${r.value})`).toBe("fail");
  });

  it("leaves out every person's silhouette: two people are face_not_visible's to refuse, not the background's", () => {
    const image = realFaces.twoFaces();
    const faces = getFaceFinder().detect(image);
    expect(faces).toHaveLength(2);
    const results = runPixelChecks(image, { faces });
    expect(results.find((r) => r.id === "face_not_visible")?.verdict).toBe("fail");
    const r = results.find((r) => r.id === "background_not_white")!;
    expect(r.verdict, `${r.message.en} (${r.value})`).toBe("pass");
  });

  it("counts a picture on the wall, which does not touch the person, as background", () => {
    const image = studioPortrait(faceSource, { seed: 6 });
    // A dark frame in the top left corner, well away from the head.
    for (let y = 60; y < 200; y++)
      for (let x = 30; x < 150; x++) image.data.set([60, 50, 45], (y * image.width + x) * 4);
    const r = toneChecks(image, findingFor(image, faceSource)).background_not_white;
    expect(r.verdict).toBe("fail");
  });

  it("gives, from its per-cell sums (each pixel converted to CIELAB once), the statistics of the background's own pixels", () => {
    // A plain wall with a soft gradient and noise, no person: every pixel above the fallback chin is
    // background, so the statistics must be those of these pixels, converted one by one here.
    const [width, height] = [300, 420];
    const data = new Uint8ClampedArray(width * height * 4);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const noise = ((x * 7919 + y * 104729) % 13) - 6;
        data.set([236 + noise - y / 40, 238 + noise - x / 60, 232 + noise, 255], (y * width + x) * 4);
      }
    const stats = measureBackground({ width, height, data });
    let n = 0;
    let [sumY, sumL, sumL2, sumC] = [0, 0, 0, 0];
    for (let y = 0; y < Math.round(height * FALLBACK_FACE.bottom); y++)
      for (let x = 0; x < width; x++) {
        const lab = labAt(data, (y * width + x) * 4);
        n++;
        sumY += lab.y;
        sumL += lab.l;
        sumL2 += lab.l * lab.l;
        sumC += Math.hypot(lab.a, lab.b);
      }
    expect(stats.samples).toBe(n);
    expect(stats.meanLuminance).toBeCloseTo(sumY / n, 9);
    expect(stats.meanLightness).toBeCloseTo(sumL / n, 9);
    expect(stats.meanChroma).toBeCloseTo(sumC / n, 9);
    expect(stats.lightnessStdDev).toBeCloseTo(Math.sqrt(sumL2 / n - (sumL / n) ** 2), 6);
  });

  it("only warns on a borderline background: off-white, cream, a white wall in some shadow", () => {
    const borderline: [string, Rgb, string][] = [
      ["off-white", [240, 238, 228], "background_not_white.colour.warn"],
      ["cream", [244, 238, 220], "background_not_white.colour.warn"],
      ["white in shadow (L* 80.6)", [200, 200, 198], "background_not_white.dark.warn"],
    ];
    for (const [label, colour, key] of borderline) {
      const r = background({ background: colour, seed: 7 });
      expect(r.verdict, `${label}: ${r.value}`).toBe("warn");
      expect(r.message.en, label).toBe(en[key as keyof typeof en]);
    }
  });
});

describe("too_dark: exposure from what must be white and from clipping, not from the face's tone", () => {
  it("passes a Monk 9 and 10 face on a white background, though the face is darker than the old warning limit", () => {
    for (const tone of [9, 10]) {
      const { image, results } = checked({ tone, seed: 8 });
      expect(measureFace(image, findingFor(image, faceSource)).meanLuminance).toBeLessThan(0.035);
      expect(results.too_dark.verdict, `Monk ${tone}: ${results.too_dark.value}`).toBe("pass");
    }
  });

  it("fails a photo about two stops under-exposed and warns on one about 1½ stops under, at Monk 1, 5 and 10", () => {
    for (const tone of [1, 5, 10]) {
      const dark = checked({ tone, seed: 9, exposure: 0.45 }).results.too_dark;
      expect(dark.verdict, `Monk ${tone}: background L* ${dark.value}`).toBe("fail");
      expect(dark.message.en).toBe(en["too_dark.fail"]);
      const dim = checked({ tone, seed: 9, exposure: 0.55 }).results.too_dark;
      expect(dim.verdict, `Monk ${tone}: background L* ${dim.value}`).toBe("warn");
    }
  });

  it("reads a plain coloured background's lightness too: an under-exposed photo on light blue fails", () => {
    const r = checked({ tone: 2, seed: 10, background: [170, 205, 235], exposure: 0.45 }).results;
    expect(r.background_not_white.verdict).toBe("fail");
    expect(r.too_dark.verdict).toBe("fail");
    // Correctly exposed, the light blue wall (L* 81) says nothing against the exposure.
    expect(checked({ tone: 2, seed: 10, background: [170, 205, 235] }).results.too_dark.verdict).toBe("pass");
  });

  it("with a patterned background (no reference), judges by the face's share clipped to black", () => {
    const r = checked({ tone: 10, seed: 11, background: WALLPAPER, exposure: 0.3 }).results;
    expect(r.background_not_white.verdict).toBe("fail");
    expect(r.too_dark).toMatchObject({ verdict: "fail", message: { en: en["too_dark.fail"] } });
    expect(r.too_dark.value).toBeGreaterThanOrEqual(0.3);
  });
});
