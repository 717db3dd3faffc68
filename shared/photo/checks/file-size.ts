// `file_size`: at most 4 MB (product.md §6). The worker's body limit enforces the same number
// while reading the stream; this check gives the applicant the reason in their language.

import { result } from "./result.ts";
import type { CheckResult } from "./types.ts";

/** 4 MB = 4 × 1024 × 1024 bytes. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
const THRESHOLD = `≤ ${MAX_FILE_BYTES} bytes (4 MB)`;

export function checkFileSize(byteLength: number): CheckResult {
  // Shown in MB with one decimal; never round a file over the limit down to "4 MB".
  const mb = byteLength > MAX_FILE_BYTES ? Math.max(4.1, Math.ceil((byteLength / 1024 / 1024) * 10) / 10) : Math.round((byteLength / 1024 / 1024) * 10) / 10;
  // Under 1 MB, "0 MB" would say nothing: give whole kilobytes instead.
  if (byteLength < 1024 * 1024) return result("file_size", "pass", byteLength, THRESHOLD, "file_size.kb.pass", { size: Math.ceil(byteLength / 1024) });
  return byteLength <= MAX_FILE_BYTES
    ? result("file_size", "pass", byteLength, THRESHOLD, "file_size.pass", { size: mb })
    : result("file_size", "fail", byteLength, THRESHOLD, "file_size.fail", { size: mb });
}
