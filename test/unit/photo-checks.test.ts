// The photo checks inside workerd: each pixel and file check on drawn fixtures, their messages in
// English and French. The face checks on real faces are in face-checks.test.ts.
import { describe, expect, it } from "vitest";
import { parseJpegHeader, parsePngHeader, sniffImageType } from "../../shared/photo/header.ts";
import {
  type CheckId,
  type CheckResult,
  type FaceBox,
  type FaceFinding,
  type ImageLike,
  runFileChecks,
  runPixelChecks,
} from "../../shared/photo/checks/index.ts";
import { checkFileSize } from "../../shared/photo/checks/file-size.ts";
import { MAX_PHOTO_BYTES } from "../../shared/photo/size-limit.ts";
import { en, fr } from "../../shared/photo/checks/messages.ts";
import { FALLBACK_FACE } from "../../shared/photo/checks/measure.ts";
import { applyOrientation } from "../../worker/photo/orientation.ts";
import {
  type PortraitName,
  buildJpeg,
  corruptPngCrc,
  drawPortrait,
  heicLike,
  portraits,
  smallPng,
} from "../support/photo-fixtures.ts";
import { avifFile, heifFile } from "../support/isobmff.ts";

const cache = new Map<PortraitName, ImageLike>();
const portrait = (name: PortraitName) => {
  let image = cache.get(name);
  if (!image) {
    image = portraits[name]();
    cache.set(name, image);
  }
  return image;
};
const byId = (results: CheckResult[]) =>
  Object.fromEntries(results.map((r) => [r.id, r])) as Record<CheckId, CheckResult>;
const verdicts = (results: CheckResult[]) => Object.fromEntries(results.map((r) => [r.id, r.verdict]));
const PIXEL_CHECKS: CheckId[] = ["too_dark", "overexposed", "background_not_white", "glare", "face_not_visible"];

describe("pixel checks on valid photos", () => {
  for (const name of ["valid", "validDarkSkin"] as const) {
    it(`${name}: every check passes`, () => {
      const results = runPixelChecks(portrait(name));
      expect(results.map((r) => r.id)).toEqual(PIXEL_CHECKS);
      expect(verdicts(results)).toEqual(Object.fromEntries(PIXEL_CHECKS.map((id) => [id, "pass"])));
      for (const r of results) {
        expect(r.message.en.length).toBeGreaterThan(0);
        expect(r.message.fr.length).toBeGreaterThan(0);
        expect(r.tip).toEqual({ en: "", fr: "" });
        expect(Number.isFinite(r.value)).toBe(true);
      }
    });
  }
});

describe("each reason for return is caught by its own check", () => {
  const cases: [PortraitName, CheckId, Partial<Record<CheckId, string>>][] = [
    ["tooDark", "too_dark", { overexposed: "pass", glare: "pass" }],
    [
      // A plain grey wall at L* 62 is what a white one 1½ stops under-exposed looks like: exposure is
      // read from the background (decision 021), so too_dark warns as well.
      "greyBackground",
      "background_not_white",
      { too_dark: "warn", glare: "pass", face_not_visible: "pass", overexposed: "pass" },
    ],
    [
      "blueBackground",
      "background_not_white",
      { too_dark: "pass", glare: "pass", face_not_visible: "pass", overexposed: "pass" },
    ],
    [
      "texturedBackground",
      "background_not_white",
      { too_dark: "pass", glare: "pass", face_not_visible: "pass", overexposed: "pass" },
    ],
    [
      "glare",
      "glare",
      { too_dark: "pass", background_not_white: "pass", face_not_visible: "pass", overexposed: "pass" },
    ],
    [
      "lowContrastFace",
      "face_not_visible",
      { too_dark: "pass", background_not_white: "pass", glare: "pass", overexposed: "pass" },
    ],
    ["overexposed", "overexposed", { too_dark: "pass", background_not_white: "pass" }],
  ];
  for (const [name, id, others] of cases) {
    it(`${name} fails ${id}`, () => {
      const results = byId(runPixelChecks(portrait(name)));
      const r = results[id];
      expect(r.verdict).toBe("fail");
      expect(r.tip.en).not.toBe("");
      expect(r.tip.fr).not.toBe("");
      for (const [other, verdict] of Object.entries(others))
        expect(results[other as CheckId].verdict, other).toBe(verdict);
    });
  }

  it("says which background problem it found", () => {
    const message = (name: PortraitName) => byId(runPixelChecks(portrait(name))).background_not_white.message;
    expect(message("greyBackground")).toEqual({
      en: en["background_not_white.dark.fail"],
      fr: fr["background_not_white.dark.fail"],
    });
    expect(message("blueBackground").en).toBe(en["background_not_white.colour.fail"]);
    expect(message("texturedBackground").en).toBe(en["background_not_white.texture.fail"]);
  });
});

describe("warnings near the limits", () => {
  it("warns on a light grey background", () => {
    const r = byId(runPixelChecks(drawPortrait({ seed: 20, width: 450, height: 630, background: [200, 200, 198] })));
    expect(r.background_not_white).toMatchObject({
      verdict: "warn",
      message: { en: en["background_not_white.dark.warn"] },
    });
  });

  it("warns on a slightly tinted background", () => {
    const r = byId(runPixelChecks(drawPortrait({ seed: 21, width: 450, height: 630, background: [244, 238, 220] })));
    expect(r.background_not_white.verdict).toBe("warn");
    expect(r.background_not_white.message.en).toBe(en["background_not_white.colour.warn"]);
  });

  it("passes a very dark face in front of a bright background: exposure is not read from the face's tone", () => {
    // Very dark skin, correctly lit, and an under-exposed light face look alike in the face region
    // (mean linear luminance below the old warning limit, 0.035); the bright white background says
    // the photo is correctly exposed, and nothing on the face is clipped to black (decision 021).
    const r = byId(
      runPixelChecks(drawPortrait({ seed: 22, width: 450, height: 630, skin: [45, 30, 22], hair: [20, 16, 16] })),
    );
    expect(r.too_dark.verdict).toBe("pass");
    expect(r.too_dark.value).toBeGreaterThan(90);
  });

  it("warns on a small shiny spot", () => {
    const image = drawPortrait({ seed: 23 });
    // One 20×20 white spot on the cheek.
    for (let y = 640; y < 660; y++)
      for (let x = 520; x < 540; x++) image.data.set([255, 255, 255], (y * image.width + x) * 4);
    expect(byId(runPixelChecks(image)).glare.verdict).toBe("warn");
  });
});

/** A finding in a box (eyes, chin and crown placed where a face's would be; the 468 mesh points
 *  spread over the box, so that they span it). */
function findingAt(box: FaceBox): FaceFinding {
  const at = (fx: number, fy: number) => ({ x: box.x + fx * box.width, y: box.y + fy * box.height });
  const landmarks = Array.from({ length: 468 }, (_, i) => ({ ...at((i % 22) / 21, Math.floor(i / 22) / 21), z: 0 }));
  return {
    box,
    score: 0.9,
    leftEye: at(0.3, 0.35),
    rightEye: at(0.7, 0.35),
    chin: at(0.5, 1),
    crown: at(0.5, -0.25),
    roll: 0,
    pose: { yaw: 0, pitch: 7, roll: 0 },
    landmarks,
  };
}

describe("face region", () => {
  it("uses the detector's face box when given", () => {
    const image = portrait("valid");
    const exposure = (results: CheckResult[]) => verdicts(results.filter((r) => PIXEL_CHECKS.includes(r.id)));
    const faceBox = { x: 0.27 * 900, y: 0.235 * 1260, width: 0.46 * 900, height: 0.42 * 1260 };
    expect(exposure(runPixelChecks(image, { faces: [findingAt(faceBox)] }))).toEqual(exposure(runPixelChecks(image)));
    // A box on the plain background: nothing to see there.
    const onWall = byId(runPixelChecks(image, { faces: [findingAt({ x: 10, y: 10, width: 120, height: 150 })] }));
    expect(onWall.face_not_visible.verdict).toBe("fail");
  });

  it("falls back to the central area of a correctly framed photo", () => {
    expect(FALLBACK_FACE).toEqual({ left: 0.3, right: 0.7, top: 0.25, bottom: 0.65 });
  });

  it("refuses pixel data that does not match the dimensions", () => {
    expect(() => runPixelChecks({ width: 10, height: 10, data: new Uint8ClampedArray(10) })).toThrow(RangeError);
  });
});

describe("file checks: format, file_size, dimensions", () => {
  const facts = (bytes: Uint8Array) => {
    const type = sniffImageType(bytes);
    const header = type === "jpeg" ? parseJpegHeader(bytes) : type === "png" ? parsePngHeader(bytes) : undefined;
    return { byteLength: bytes.length, type, ...(header ? { header } : {}) };
  };

  it("passes a valid JPEG and PNG", async () => {
    for (const bytes of [buildJpeg({ width: 900, height: 1260 }), await smallPng(1000, 1400)]) {
      expect(verdicts(runFileChecks(facts(bytes)))).toEqual({ format: "pass", file_size: "pass", dimensions: "pass" });
    }
  });

  it("measures the file type by name, not the byte count (officers read it as Measured)", async () => {
    const measured = async (bytes: Uint8Array) => byId(runFileChecks(facts(bytes))).format.value;
    expect(await measured(buildJpeg({ width: 900, height: 1260 }))).toBe("JPEG");
    expect(await measured(await smallPng(1000, 1400))).toBe("PNG");
    expect(await measured(heicLike())).toBe("HEIC");
    expect(await measured(Uint8Array.of(1, 2, 3))).toBe("");
    expect(await measured(new Uint8Array(0))).toBe("");
  });

  it("names the wrong format, whatever the file is called", () => {
    const r = byId(runFileChecks(facts(heicLike())));
    expect(r.format.verdict).toBe("fail");
    expect(r.format.message.en).toBe("This file is an image in HEIC format. Only JPEG and PNG photos are accepted.");
    expect(r.format.message.fr).toBe("Ce fichier est une image HEIC. Seules les photos JPEG et PNG sont acceptées.");
    expect(r.dimensions).toBeUndefined();
  });

  it("gives a specific reason for empty, truncated, corrupt and unsupported files", async () => {
    const key = (bytes: Uint8Array) => byId(runFileChecks(facts(bytes))).format.message.en;
    expect(key(new Uint8Array(0))).toBe(en["format.empty"]);
    expect(key(Uint8Array.of(1, 2, 3))).toBe(en["format.unknown"]);
    expect(key(buildJpeg({ eoi: false }))).toBe(en["format.truncated"]);
    expect(key(corruptPngCrc(await smallPng(16, 16)))).toBe(en["format.corrupt"]);
    expect(key(buildJpeg({ sof: 0xc3 }))).toBe(en["format.unsupported"].replace("{type}", "JPEG"));
  });

  it("names CMYK and YCCK JPEGs as print colours with the fix, not as damaged or of an unknown kind", () => {
    for (const adobeTransform of [undefined, 0, 2]) {
      const r = byId(
        runFileChecks(
          facts(
            buildJpeg({
              width: 900,
              height: 1260,
              components: 4,
              ...(adobeTransform === undefined ? {} : { adobeTransform }),
            }),
          ),
        ),
      );
      expect(r.format).toMatchObject({ verdict: "fail", value: "JPEG" });
      expect(r.format.message.en).toBe(
        "This JPEG is saved in CMYK colours, for printing. Photos must be in RGB colours, for screens.",
      );
      expect(r.format.message.fr).toMatch(/CMJN/);
      expect(r.format.tip.en).toMatch(/RGB JPEG \(sRGB\)/);
      expect(r.format.tip.fr).toMatch(/JPEG RVB \(sRVB\)/);
    }
  });

  it("names AVIF and HEIF files by their own kind", () => {
    expect(byId(runFileChecks(facts(avifFile()))).format).toMatchObject({ verdict: "fail", value: "AVIF" });
    expect(byId(runFileChecks(facts(avifFile()))).format.message.en).toBe(
      "This file is an image in AVIF format. Only JPEG and PNG photos are accepted.",
    );
    expect(byId(runFileChecks(facts(heifFile()))).format).toMatchObject({ verdict: "fail", value: "HEIF" });
  });

  it("accepts a JPEG whose EXIF says to rotate it: it is judged upright", () => {
    // Stored landscape, shown portrait: the format passes and the dimensions are the upright ones.
    const r = byId(runFileChecks(facts(buildJpeg({ width: 1260, height: 900, orientation: 6 }))));
    expect(r.format.verdict).toBe("pass");
    expect(r.dimensions.verdict).toBe("pass");
    expect(byId(runFileChecks(facts(buildJpeg({ orientation: 1 })))).format.verdict).toBe("pass");
  });

  it("limits the file to 4 MB", () => {
    expect(checkFileSize(MAX_PHOTO_BYTES)).toMatchObject({ verdict: "pass", value: MAX_PHOTO_BYTES });
    const over = checkFileSize(MAX_PHOTO_BYTES + 1);
    expect(over.verdict).toBe("fail");
    expect(over.message.en).toBe("The file is 4.1 MB. It must be 4 MB or less.");
    expect(over.message.fr).toBe("Le fichier fait 4,1 Mo. Il ne doit pas dépasser 4 Mo.");
    expect(checkFileSize(9.46 * 1024 * 1024).message.en).toContain("9.5 MB");
    // A small file is not "0 MB": under 1 MB the size is in whole kilobytes, rounded up.
    expect(checkFileSize(14_500).message).toEqual({
      en: "The file is 15 KB, within the 4 MB limit.",
      fr: "Le fichier fait 15 Ko, sous la limite de 4 Mo.",
    });
    expect(checkFileSize(2.04 * 1024 * 1024).message.fr).toBe("Le fichier fait 2 Mo, sous la limite de 4 Mo.");
  });

  it("checks dimensions as displayed (after EXIF orientation)", () => {
    const dims = (o: Parameters<typeof buildJpeg>[0]) => byId(runFileChecks(facts(buildJpeg(o)))).dimensions;
    expect(dims({ width: 600, height: 840 })).toMatchObject({
      verdict: "fail",
      message: { en: "The photo is 600 × 840 pixels. It must be at least 715 × 1000 pixels." },
    });
    expect(dims({ width: 1000, height: 1000 }).message.en).toContain("not the 5:7 proportion");
    expect(dims({ width: 30000, height: 30000 }).verdict).toBe("fail");
    // Stored landscape, shown portrait: orientation 6 rotates it.
    expect(dims({ width: 1260, height: 900, orientation: 6 }).verdict).toBe("pass");
    expect(dims({ width: 900, height: 1260, orientation: 1 }).verdict).toBe("pass");
    expect(dims({ width: 1260, height: 900 }).verdict).toBe("fail");
  });
});

describe("applyOrientation", () => {
  // A 3×2 image whose pixels are numbered 0…5 in the red channel.
  const stored = {
    width: 3,
    height: 2,
    data: new Uint8ClampedArray([0, 1, 2, 3, 4, 5].flatMap((v) => [v, 0, 0, 255])),
  };
  const reds = (image: ImageLike) => [...image.data].filter((_, i) => i % 4 === 0);
  it("turns the stored pixels the way a viewer displays them", () => {
    expect(reds(applyOrientation(stored, 1))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(reds(applyOrientation(stored, 2))).toEqual([2, 1, 0, 5, 4, 3]);
    expect(reds(applyOrientation(stored, 3))).toEqual([5, 4, 3, 2, 1, 0]);
    expect(reds(applyOrientation(stored, 4))).toEqual([3, 4, 5, 0, 1, 2]);
    // 6: rotate 90° clockwise: 2 wide, 3 high, the bottom row becomes the left column.
    const six = applyOrientation(stored, 6);
    expect([six.width, six.height]).toEqual([2, 3]);
    expect(reds(six)).toEqual([3, 0, 4, 1, 5, 2]);
    expect(reds(applyOrientation(stored, 8))).toEqual([2, 5, 1, 4, 0, 3]);
    expect(reds(applyOrientation(stored, 5))).toEqual([0, 3, 1, 4, 2, 5]);
    expect(reds(applyOrientation(stored, 7))).toEqual([5, 2, 4, 1, 3, 0]);
  });
});

describe("check messages", () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  const keys = Object.keys(en) as (keyof typeof en)[];

  it("exist in English and French with the same keys and placeholders", () => {
    expect(Object.keys(fr).sort()).toEqual([...keys].sort());
    for (const key of keys) expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
  });

  it("are translated, and every problem has a tip", () => {
    for (const key of keys) expect(fr[key], key).not.toBe(en[key]);
    for (const key of keys) {
      if (key.endsWith(".tip") || key.endsWith(".pass")) continue;
      expect(keys, key).toContain(`${key}.tip`);
    }
  });
});
