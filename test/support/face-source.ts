// The real faces for fixtures inside workerd, which cannot read files: FACE_SOURCE_FILE and
// SMILING_FACE_SOURCE_FILE are imported as Data modules (wrangler.toml [[rules]] "**/*.bin").
// They are generated, not committed: scripts/fixtures/face-source.ts writes them (npm test does so
// when they are missing). Node code reads the same files with fs and parseFaceSource().

import bytes from "../fixtures/photos/face-source.bin";
import smilingBytes from "../fixtures/photos/face-source-smiling.bin";
import { parseFaceSource, realPortraits } from "./photo-fixtures.ts";

export const faceSource = parseFaceSource(bytes);
export const smilingFaceSource = parseFaceSource(smilingBytes);
export const realFaces = realPortraits(faceSource, smilingFaceSource);
