import { readFileSync } from "node:fs";
import { BloomFilter } from "../../worker/lib/bloom-filter.ts";

/** The worker's shipped password blocklist, read from disk (Node has no Data modules). */
export function shippedPasswordBlocklistFromDisk(): BloomFilter {
  return BloomFilter.fromBytes(readFileSync(new URL("../../worker/lib/password-blocklist.bin", import.meta.url)));
}
