// exp and the logistic function from + − × ÷ only, so that every engine gives the same bits.
// Math.exp is implementation-approximated: V8 and SpiderMonkey may differ in the last place, and
// a detection score or a verdict must not (docs/decisions/016-face-mesh-model.md).
//
// exp(x) = 2^k · exp(r), k = round(x / ln 2), |r| ≤ ln2 / 2, with ln 2 split in two parts so that
// k·ln2 is exact, and exp(r) by its Taylor series to r^13 (error below 1e-16 relative there).

const LN2_HI = 0.6931471803691238; // ln 2 with its low 28 bits cleared: k · LN2_HI is exact
const LN2_LO = 1.9082149292705877e-10;
const INV_LN2 = 1.4426950408889634;

const scratch = new DataView(new ArrayBuffer(8));

/** 2^k for an integer k in the normal range, built from its bits (exact). */
function powerOfTwo(k: number): number {
  scratch.setUint32(0, (k + 1023) << 20);
  scratch.setUint32(4, 0);
  return scratch.getFloat64(0);
}

export function exp(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > 709) return Infinity;
  if (x < -708) return 0;
  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2_HI - k * LN2_LO;
  // Horner form of the Taylor series, highest term first.
  let p = 1 / 6227020800; // 1/13!
  p = p * r + 1 / 479001600;
  p = p * r + 1 / 39916800;
  p = p * r + 1 / 3628800;
  p = p * r + 1 / 362880;
  p = p * r + 1 / 40320;
  p = p * r + 1 / 5040;
  p = p * r + 1 / 720;
  p = p * r + 1 / 120;
  p = p * r + 1 / 24;
  p = p * r + 1 / 6;
  p = p * r + 1 / 2;
  p = p * r + 1;
  p = p * r + 1;
  return p * powerOfTwo(k);
}

export const sigmoid = (x: number): number => 1 / (1 + exp(-x));
