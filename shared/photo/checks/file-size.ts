// `file_size`: at most 4 MB (product.md §6, MAX_PHOTO_BYTES in ../size-limit.ts). The worker's body
// limit enforces the same number while reading the stream; this check gives the applicant the reason
// in their language.

import { MAX_PHOTO_BYTES, MAX_PHOTO_MEGABYTES } from "../size-limit.ts";
import { result } from "./result.ts";
import type { CheckResult } from "./types.ts";

const THRESHOLD = `≤ ${MAX_PHOTO_BYTES} bytes (${MAX_PHOTO_MEGABYTES} MB)`;

export function checkFileSize(byteLength: number): CheckResult {
  // Shown in MB with one decimal; never round a file over the limit down to "4 MB".
  const mb =
    byteLength > MAX_PHOTO_BYTES
      ? Math.max(MAX_PHOTO_MEGABYTES + 0.1, Math.ceil((byteLength / 1024 / 1024) * 10) / 10)
      : Math.round((byteLength / 1024 / 1024) * 10) / 10;
  // Under 1 MB, "0 MB" would say nothing: give whole kilobytes instead.
  if (byteLength < 1024 * 1024)
    return result("file_size", "pass", byteLength, THRESHOLD, "file_size.kb.pass", {
      size: Math.ceil(byteLength / 1024),
    });
  return byteLength <= MAX_PHOTO_BYTES
    ? result("file_size", "pass", byteLength, THRESHOLD, "file_size.pass", { size: mb })
    : result("file_size", "fail", byteLength, THRESHOLD, "file_size.fail", { size: mb });
}
