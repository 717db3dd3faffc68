// `format`: JPEG or PNG, readable, of a kind we can decode. Decided from the bytes (magic bytes
// and header parse), never from the file name or the declared MIME type.

import type { HeaderResult, ImageType, JpegHeader, PngHeader } from "../header.ts";
import { result } from "./result.ts";
import type { CheckResult } from "./types.ts";

const TYPE_NAMES: Record<ImageType, string> = {
  jpeg: "JPEG",
  png: "PNG",
  heic: "HEIC",
  avif: "AVIF",
  heif: "HEIF",
  gif: "GIF",
  webp: "WebP",
  unknown: "",
};
const THRESHOLD = "JPEG (8-bit baseline/extended/progressive, grey or colour, not CMYK) or PNG (not animated)";

interface FormatInput {
  byteLength: number;
  type: ImageType;
  /** The header parse of a JPEG or PNG; absent for other types. */
  header?: HeaderResult<JpegHeader | PngHeader>;
}

export function checkFormat({ byteLength, type, header }: FormatInput): CheckResult {
  // The measured value is the kind of file found in the bytes ("JPEG", "HEIC"), what an officer
  // compares with the rule; the byte count is file_size's. "" when the bytes name no image type.
  const value = byteLength === 0 ? "" : TYPE_NAMES[type];
  if (byteLength === 0) return result("format", "fail", value, THRESHOLD, "format.empty");
  if (type === "unknown") return result("format", "fail", value, THRESHOLD, "format.unknown");
  const name = TYPE_NAMES[type];
  if (type !== "jpeg" && type !== "png")
    return result("format", "fail", value, THRESHOLD, "format.type", { type: name });
  if (!header) return result("format", "fail", value, THRESHOLD, "format.corrupt");
  if (!header.ok) {
    const key =
      header.error.code === "unsupported"
        ? "format.unsupported"
        : header.error.code === "truncated"
          ? "format.truncated"
          : "format.corrupt";
    return result("format", "fail", value, THRESHOLD, key, { type: name });
  }
  const h = header.header;
  // jsquash's MozJPEG build cannot convert CMYK/YCCK to RGBA (decision 005): refused with its own
  // message (a print file, not a damaged one) and the fix, which the photo editor does for them.
  if (h.type === "jpeg" && (h.colorSpace === "cmyk" || h.colorSpace === "ycck"))
    return result("format", "fail", value, THRESHOLD, "format.cmyk");
  // An EXIF orientation other than 1 is fine: the pixel checks and dimensions are judged on the
  // upright picture, and the stored file keeps the tag (strip-metadata.ts).
  return result("format", "pass", value, THRESHOLD, "format.pass");
}
