/*
 * A Bloom filter: a compact set of words that answers "certainly not listed"
 * or "listed, or a false positive at the rate chosen when it was built". The
 * shipped password blocklist is one (scripts/generate-password-blocklist.mjs
 * builds it, worker/lib/password-blocklist.ts loads it): a few hundred KB of
 * bits read in place from a Data module, instead of a JSON array of ~45,000
 * strings parsed when the worker starts and turned into a Set.
 *
 * File layout (little-endian): "PWBF", version 1, k (hash count), 2 bytes
 * reserved, m (bits) as uint32, n (words added) as uint32, then m bits
 * rounded up to whole bytes. Bit i is byte i >> 3, bit i & 7.
 */

const MAGIC = [0x50, 0x57, 0x42, 0x46]; // "PWBF"
const VERSION = 1;
const HEADER_BYTES = 16;
const encoder = new TextEncoder();

function fmix32(h: number): number {
  // MurmurHash3's finaliser: spreads every input bit over the whole word.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Two independent 32-bit hashes of the word's UTF-8 bytes (FNV-1a with two
 * different primes, each finalised); the k positions are h1 + i·h2 mod m
 * (Kirsch and Mitzenmacher, "Less hashing, same performance", 2006).
 */
function hashPair(word: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (const byte of encoder.encode(word)) {
    a = Math.imul(a ^ byte, 0x01000193);
    b = Math.imul(b ^ byte, 0x5bd1e995);
  }
  return [fmix32(a), (fmix32(b) | 1) >>> 0];
}

/** The parameters for `n` words at false-positive rate `p`: m = −n·ln p / (ln 2)², k = (m/n)·ln 2. */
function bloomParameters(n: number, p: number): { bits: number; hashes: number } {
  const bits = Math.ceil((-n * Math.log(p)) / Math.LN2 ** 2);
  return { bits, hashes: Math.max(1, Math.round((bits / n) * Math.LN2)) };
}

/** The expected false-positive rate of a filter: (1 − e^(−k·n/m))^k. */
export function expectedFalsePositiveRate(bits: number, hashes: number, words: number): number {
  return (1 - Math.exp((-hashes * words) / bits)) ** hashes;
}

export class BloomFilter {
  private constructor(
    private readonly bits: Uint8Array,
    /** m: the number of bits. */
    readonly size: number,
    /** k: the number of hash positions per word. */
    readonly hashes: number,
    /** n: the number of words added. */
    readonly count: number,
  ) {}

  /** An empty filter for `n` words at false-positive rate `p` (the generator). */
  static create(n: number, p: number): BloomFilter {
    const { bits, hashes } = bloomParameters(n, p);
    return new BloomFilter(new Uint8Array(Math.ceil(bits / 8)), bits, hashes, 0);
  }

  /** Reads a filter file; the bits are used where they lie, not copied. */
  static fromBytes(data: ArrayBuffer | Uint8Array): BloomFilter {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    if (bytes.byteLength < HEADER_BYTES || MAGIC.some((v, i) => bytes[i] !== v) || bytes[4] !== VERSION) {
      throw new Error("not a version 1 Bloom filter file");
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const hashes = bytes[5]!;
    const size = view.getUint32(8, true);
    const count = view.getUint32(12, true);
    const body = bytes.subarray(HEADER_BYTES);
    if (hashes < 1 || size < 1 || body.byteLength !== Math.ceil(size / 8))
      throw new Error("Bloom filter file is truncated or damaged");
    return new BloomFilter(body, size, hashes, count);
  }

  add(word: string): void {
    const [h1, h2] = hashPair(word);
    for (let i = 0; i < this.hashes; i++) {
      const bit = (h1 + i * h2) % this.size;
      this.bits[bit >>> 3]! |= 1 << (bit & 7);
    }
    (this as { count: number }).count++;
  }

  has(word: string): boolean {
    const [h1, h2] = hashPair(word);
    for (let i = 0; i < this.hashes; i++) {
      // i·h2 stays below 2^53 for any realistic k, so the sum is exact.
      const bit = (h1 + i * h2) % this.size;
      if ((this.bits[bit >>> 3]! & (1 << (bit & 7))) === 0) return false;
    }
    return true;
  }

  /** The file: header then bits. */
  toBytes(): Uint8Array {
    const out = new Uint8Array(HEADER_BYTES + this.bits.byteLength);
    out.set(MAGIC, 0);
    out[4] = VERSION;
    out[5] = this.hashes;
    const view = new DataView(out.buffer);
    view.setUint32(8, this.size, true);
    view.setUint32(12, this.count, true);
    out.set(this.bits, HEADER_BYTES);
    return out;
  }
}
