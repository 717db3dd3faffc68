// The benchmark's two photos, made the same way on every run (fixed seeds, fixed encoder
// settings): a 2000×2800 portrait, the largest size accepted, with the real face the fixtures use
// (scikit-image's astronaut, test/support/photo-fixtures.ts), drawn at full size with sensor-like
// noise so that the JPEG comes near the 4 MB limit, as a phone photo does; and the same portrait
// as a PNG without noise, as an editor exports it (a PNG of a noisy photo would be far over 4 MB).
// Both are encoded with jsquash's MozJPEG and PNG encoders, like the fixtures.

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import encodeJpeg, { init as initJpegEncode } from "@jsquash/jpeg/encode.js";
import encodePngWasm, { init as initPngEncode } from "@jsquash/png/encode.js";
import { drawPortrait, FACE_SOURCE_FILE, parseFaceSource, VALID_FIGURE_SCALE } from "../../test/support/photo-fixtures.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(import.meta.url);

export const WIDTH = 2000;
export const HEIGHT = 2800;
/** ± noise per channel and the JPEG quality, chosen once so that the file is just under 4 MB. */
const JPEG_NOISE = 21;
const JPEG_QUALITY = 92; // → 3.94 MB
const PNG_NOISE = 0; // → 0.9 MB (with ±1 it would be 6.9 MB)

export interface BenchInput {
  name: string;
  bytes: Uint8Array;
}

function faceSource() {
  const file = path.join(root, FACE_SOURCE_FILE);
  if (!existsSync(file)) execFileSync(process.execPath, ["--import", "tsx", path.join(root, "scripts/fixtures/face-source.ts")], { cwd: root, stdio: "inherit" });
  return parseFaceSource(new Uint8Array(readFileSync(file)));
}

export async function benchInputs(): Promise<BenchInput[]> {
  await initJpegEncode(await WebAssembly.compile(readFileSync(require.resolve("@jsquash/jpeg/codec/enc/mozjpeg_enc.wasm"))));
  const face = faceSource();
  const portrait = (seed: number, noise: number) =>
    drawPortrait({ width: WIDTH, height: HEIGHT, seed, noise, face, figures: [{ scale: VALID_FIGURE_SCALE }] });
  const jpegPixels = portrait(71, JPEG_NOISE);
  const jpeg = new Uint8Array(await encodeJpeg(jpegPixels as unknown as ImageData, { quality: JPEG_QUALITY, progressive: false }));
  await initPngEncode(await WebAssembly.compile(readFileSync(require.resolve("@jsquash/png/codec/pkg/squoosh_png_bg.wasm"))));
  const png = new Uint8Array(await encodePngWasm(portrait(72, PNG_NOISE) as unknown as ImageData));
  return [
    { name: `JPEG ${WIDTH}×${HEIGHT}`, bytes: jpeg },
    { name: `PNG ${WIDTH}×${HEIGHT}`, bytes: png },
  ];
}
