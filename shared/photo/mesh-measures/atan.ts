// atan and atan2 from + − × ÷ and √ only, so that every engine gives the same bits (Math.atan2 is
// implementation-approximated: V8 and SpiderMonkey may differ in the last place; decisions 008
// and 016). Range reduction: atan(x) = π/2 − atan(1/x) for |x| > 1, then the half-angle identity
// atan(x) = 2·atan(x / (1 + √(1 + x²))) twice, leaving |x| ≤ tan(π/16) ≈ 0.199, where the Taylor
// series x − x³/3 + x⁵/5 − … to x²⁵ has a remainder below 0.2²⁷/27 ≈ 5e-21 (under an ulp).

const HALF_PI = 1.5707963267948966;
const PI = 3.141592653589793;

export function atan(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return -atan(-x);
  if (x > 1) return HALF_PI - atan(1 / x);
  let r = x / (1 + Math.sqrt(1 + x * x));
  r = r / (1 + Math.sqrt(1 + r * r));
  const r2 = r * r;
  // Horner form, highest term first: Σ (−1)^k r^(2k+1) / (2k+1), k = 0…12.
  let p = 1 / 25;
  for (let k = 11; k >= 0; k--) p = (k % 2 === 0 ? 1 : -1) / (2 * k + 1) + r2 * p;
  // Two halvings: atan(x) = 4·atan(r).
  return 4 * r * p;
}

/** The angle of (x, y) from the x axis, in (−π, π], as Math.atan2. */
export function atan2(y: number, x: number): number {
  if (x > 0) return atan(y / x);
  if (x < 0) return y >= 0 ? atan(y / x) + PI : atan(y / x) - PI;
  if (y > 0) return HALF_PI;
  if (y < 0) return -HALF_PI;
  return 0;
}

export const degrees = (radians: number): number => (radians * 180) / PI;
