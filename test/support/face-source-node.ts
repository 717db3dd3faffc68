// The real-face portraits for Node code (browser tests, admin tests, scripts): the same
// FACE_SOURCE_FILE the workerd tests import as a Data module, read from disk. Run
// `tsx scripts/fixtures/face-source.ts` (npm test does) if it is missing.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { FACE_SOURCE_FILE, parseFaceSource, realPortraits } from "./photo-fixtures.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

let faces: ReturnType<typeof realPortraits> | undefined;

/** realPortraits() with the face read from disk (once). */
export function nodeRealFaces(): ReturnType<typeof realPortraits> {
  faces ??= realPortraits(parseFaceSource(readFileSync(path.join(root, FACE_SOURCE_FILE))));
  return faces;
}
