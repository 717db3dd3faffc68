// The benchmark's photos, made the same way on every run (fixed seeds, fixed encoder settings):
// a 2000×2800 portrait, the largest size accepted, with the real face the fixtures use
// (scikit-image's astronaut, test/support/photo-fixtures.ts), drawn at full size with sensor-like
// noise so that the JPEG comes near the 4 MB limit, as a phone photo does; the same portrait at
// 715×1000, the smallest size accepted (what the portal's photo editor sends at its minimum); the
// 2000×2800 portrait as a PNG without noise, as an editor exports it (a PNG of a noisy photo would
// be far over 4 MB); and a hostile file the header gate must refuse without decoding: a
// decompression bomb, a valid 10000×10000 PNG of a few KB that would decode to 400 MB of RGBA.
// The photos are encoded with jsquash's MozJPEG and PNG encoders, like the fixtures.

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import encodeJpeg, { init as initJpegEncode } from "@jsquash/jpeg/encode.js";
import encodePngWasm, { init as initPngEncode } from "@jsquash/png/encode.js";
import {
  decompressionBombPng,
  drawPortrait,
  FACE_SOURCE_FILE,
  parseFaceSource,
  VALID_FIGURE_SCALE,
} from "../../test/support/photo-fixtures.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(import.meta.url);

export const WIDTH = 2000;
export const HEIGHT = 2800;
const SMALL_WIDTH = 715;
const SMALL_HEIGHT = 1000;
/** ± noise per channel and the JPEG quality, chosen once so that the file is just under 4 MB. */
const JPEG_NOISE = 21;
const JPEG_QUALITY = 92; // → 3.94 MB
const PNG_NOISE = 0; // → 0.9 MB (with ±1 it would be 6.9 MB)

export interface BenchInput {
  name: string;
  bytes: Uint8Array;
  /** "photo": validated in full; "hostile": must be refused by the header gate, before decoding. */
  kind: "photo" | "hostile";
}

function faceSource() {
  const file = path.join(root, FACE_SOURCE_FILE);
  if (!existsSync(file))
    execFileSync(process.execPath, ["--import", "tsx", path.join(root, "scripts/fixtures/face-source.ts")], {
      cwd: root,
      stdio: "inherit",
    });
  return parseFaceSource(new Uint8Array(readFileSync(file)));
}

export async function benchInputs(): Promise<BenchInput[]> {
  await initJpegEncode(
    await WebAssembly.compile(readFileSync(require.resolve("@jsquash/jpeg/codec/enc/mozjpeg_enc.wasm"))),
  );
  const face = faceSource();
  const portrait = (seed: number, noise: number, width = WIDTH, height = HEIGHT) =>
    drawPortrait({ width, height, seed, noise, face, figures: [{ scale: VALID_FIGURE_SCALE }] });
  const jpegPixels = portrait(71, JPEG_NOISE);
  const jpeg = new Uint8Array(
    await encodeJpeg(jpegPixels as unknown as ImageData, { quality: JPEG_QUALITY, progressive: false }),
  );
  const small = new Uint8Array(
    await encodeJpeg(portrait(73, JPEG_NOISE, SMALL_WIDTH, SMALL_HEIGHT) as unknown as ImageData, {
      quality: JPEG_QUALITY,
      progressive: false,
    }),
  );
  await initPngEncode(
    await WebAssembly.compile(readFileSync(require.resolve("@jsquash/png/codec/pkg/squoosh_png_bg.wasm"))),
  );
  const png = new Uint8Array(await encodePngWasm(portrait(72, PNG_NOISE) as unknown as ImageData));
  return [
    { name: `JPEG ${WIDTH}×${HEIGHT}`, bytes: jpeg, kind: "photo" },
    { name: `JPEG ${SMALL_WIDTH}×${SMALL_HEIGHT}`, bytes: small, kind: "photo" },
    { name: `PNG ${WIDTH}×${HEIGHT}`, bytes: png, kind: "photo" },
    { name: "PNG decompression bomb 10000×10000", bytes: await decompressionBombPng(), kind: "hostile" },
  ];
}
