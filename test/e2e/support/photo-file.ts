// A prepared valid photo for browser tests, encoded in Node with the same
// WASM encoder the worker tests use (Node may compile WASM from bytes).
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import encodeJpeg, { init as initJpegEncoder } from "@jsquash/jpeg/encode";
import { nodeRealFaces } from "../../support/face-source-node.ts";
import { type PortraitName, portraits } from "../../support/photo-fixtures.ts";

const require = createRequire(import.meta.url);

export async function writeValidPhoto(): Promise<string> {
  return writePhoto("valid");
}

/** One of the prepared portraits (e.g. "tooDark", which fails the checks) as a JPEG file. */
export async function writePhoto(name: PortraitName): Promise<string> {
  const wasm = readFileSync(require.resolve("@jsquash/jpeg/codec/enc/mozjpeg_enc.wasm"));
  await initJpegEncoder(await WebAssembly.compile(wasm));
  // The valid photo carries a real face: the upload route runs face detection (face-source-node.ts).
  const image = name === "valid" ? nodeRealFaces().valid() : portraits[name]();
  const jpeg = await encodeJpeg({ ...image, colorSpace: "srgb" } as ImageData, { quality: 88 });
  const file = path.join(tmpdir(), `pr-portal-${name}-${process.pid}.jpg`);
  writeFileSync(file, new Uint8Array(jpeg));
  return file;
}
