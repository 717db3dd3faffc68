import data from "./password-blocklist.bin";
import { BloomFilter } from "./bloom-filter.ts";

/*
 * The shipped list of common and breached passwords (built by
 * scripts/generate-password-blocklist.mjs; sources and false-positive rate
 * there). A Data module: workerd hands over the bytes as an ArrayBuffer, so
 * nothing is parsed at start-up; the filter reads its bits in place on first use.
 */
let shipped: BloomFilter | undefined;

export function shippedPasswordBlocklist(): BloomFilter {
  shipped ??= BloomFilter.fromBytes(data);
  return shipped;
}
