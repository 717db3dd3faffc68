// The real-face portraits for Node code (browser tests, admin tests, scripts): the same
// FACE_SOURCE_FILE and SMILING_FACE_SOURCE_FILE the workerd tests import as a Data module, read from disk. Run
// `tsx scripts/fixtures/face-source.ts` (npm test does) if it is missing.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { FACE_SOURCE_FILE, parseFaceSource, realPortraits, SMILING_FACE_SOURCE_FILE } from "./photo-fixtures.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

let faces: ReturnType<typeof realPortraits> | undefined;

/** realPortraits() with the face read from disk (once). */
export function nodeRealFaces(): ReturnType<typeof realPortraits> {
  const read = (file: string) => parseFaceSource(readFileSync(path.join(root, file)));
  faces ??= realPortraits(read(FACE_SOURCE_FILE), read(SMILING_FACE_SOURCE_FILE));
  return faces;
}
