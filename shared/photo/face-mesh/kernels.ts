// The arithmetic of the two face-mesh graphs, on Float32Arrays laid out height × width ×
// channels (TFLite's NHWC with batch 1). Each kernel adds its bias and applies the fused
// activation as it writes, so no pass over the output is spent on them.
//
// Determinism: only + − × ÷ and comparisons, summed in a fixed order in JS doubles and stored as
// float32. JavaScript has no fused multiply-add, so V8 (Node, workerd, Chromium) and
// SpiderMonkey (Firefox) give bit-identical results (checked by test/e2e/face-mesh-browsers.test.ts).
//
// Speed (docs/decisions/016-face-mesh-model.md): most multiply-adds are in 1×1 convolutions,
// computed 4 pixels × 4 output channels at a time, so each loaded input and weight serves four
// products; k×k convolutions go through the same kernel as rows of patches. Padding follows TensorFlow's "SAME": (out − 1)·stride + k − in in total, the smaller
// half before.

/** Fused activation: none, ReLU, or PReLU with one slope per channel. */
export type Activation = { kind: "none" } | { kind: "relu" } | { kind: "prelu"; slopes: Float32Array };

export interface Shape {
  height: number;
  width: number;
  channels: number;
}

export function samePadding(inSize: number, outSize: number, kernel: number, stride: number): number {
  return Math.floor(Math.max((outSize - 1) * stride + kernel - inSize, 0) / 2);
}

/** In place: the activation over a whole tensor (when it could not be fused into a kernel). */
export function applyActivation(data: Float32Array, channels: number, act: Activation): void {
  if (act.kind === "none") return;
  if (act.kind === "relu") {
    for (let i = 0; i < data.length; i++) if (data[i]! < 0) data[i] = 0;
    return;
  }
  const slopes = act.slopes;
  for (let i = 0, c = 0; i < data.length; i++) {
    const v = data[i]!;
    if (v < 0) data[i] = v * slopes[c]!;
    if (++c === channels) c = 0;
  }
}

/** A residual added to a convolution's output before its activation: the first `channels` of each
 *  pixel (a residual with fewer channels is zero-padded at the end, as the graphs' PAD ops do). */
interface Residual {
  data: Float32Array;
  channels: number;
}

/** Per channel, what a negative value is multiplied by: 0 (ReLU), its slope (PReLU) or 1 (none). */
const negativeFactors = new WeakMap<Activation, Float32Array>();
function negativeFactor(act: Activation, channels: number): Float32Array {
  let f = negativeFactors.get(act);
  if (!f || f.length !== channels) {
    f = act.kind === "prelu" ? act.slopes : new Float32Array(channels).fill(act.kind === "relu" ? 0 : 1);
    negativeFactors.set(act, f);
  }
  return f;
}

/** v for v ≥ 0, n · v below, exactly and without a branch: 0.5 · (v + |v|) and 0.5 · (v − |v|) are
 *  v or 0 with no rounding. A branch on the sign is mispredicted for about half the values, and
 *  this is ≈ 20% faster in the 1×1 kernel (the numbers are the same, bar the sign of a zero). */
function activated(v: number, n: number): number {
  return 0.5 * (v + Math.abs(v)) + n * (0.5 * (v - Math.abs(v)));
}

/** In place, one pixel's channels [from, to): plus the residual, then the activation. */
function finishPixel(
  dst: Float32Array,
  o: number,
  from: number,
  to: number,
  neg: Float32Array,
  res: Float32Array | undefined,
  r: number,
  resC: number,
): void {
  for (let oc = from; oc < to; oc++) {
    let v = dst[o + oc]!;
    if (res && oc < resC) v += res[r + oc]!;
    dst[o + oc] = activated(v, neg[oc]!);
  }
}

/** 1×1 convolution, stride 1: weights [out][in] (TFLite OHWI with h = w = 1), plus bias, plus an
 *  optional residual (the graphs' ADD after it, fused), then the activation, all applied to the
 *  sums while they are still in registers. */
export function pointwise(
  src: Float32Array,
  pixels: number,
  inC: number,
  weights: Float32Array,
  bias: Float32Array,
  act: Activation,
  residual?: Residual,
): Float32Array {
  const outC = bias.length;
  const dst = new Float32Array(pixels * outC);
  const neg = negativeFactor(act, outC);
  const res = residual?.data;
  const resC = residual?.channels ?? 0;
  let p = 0;
  // Four pixels × four output channels: 16 running sums in registers.
  for (; p + 4 <= pixels; p += 4) {
    const i0 = p * inC;
    const i1 = i0 + inC;
    const i2 = i1 + inC;
    const i3 = i2 + inC;
    const o0 = p * outC;
    const o1 = o0 + outC;
    const o2 = o1 + outC;
    const o3 = o2 + outC;
    let oc = 0;
    for (; oc + 4 <= outC; oc += 4) {
      const w0 = oc * inC;
      const w1 = w0 + inC;
      const w2 = w1 + inC;
      const w3 = w2 + inC;
      // The sums start from the bias.
      const c0 = bias[oc]!,
        c1 = bias[oc + 1]!,
        c2 = bias[oc + 2]!,
        c3 = bias[oc + 3]!;
      let s00 = c0,
        s01 = c1,
        s02 = c2,
        s03 = c3;
      let s10 = c0,
        s11 = c1,
        s12 = c2,
        s13 = c3;
      let s20 = c0,
        s21 = c1,
        s22 = c2,
        s23 = c3;
      let s30 = c0,
        s31 = c1,
        s32 = c2,
        s33 = c3;
      for (let ic = 0; ic < inC; ic++) {
        const a0 = src[i0 + ic]!;
        const a1 = src[i1 + ic]!;
        const a2 = src[i2 + ic]!;
        const a3 = src[i3 + ic]!;
        const b0 = weights[w0 + ic]!;
        const b1 = weights[w1 + ic]!;
        const b2 = weights[w2 + ic]!;
        const b3 = weights[w3 + ic]!;
        s00 += a0 * b0;
        s01 += a0 * b1;
        s02 += a0 * b2;
        s03 += a0 * b3;
        s10 += a1 * b0;
        s11 += a1 * b1;
        s12 += a1 * b2;
        s13 += a1 * b3;
        s20 += a2 * b0;
        s21 += a2 * b1;
        s22 += a2 * b2;
        s23 += a2 * b3;
        s30 += a3 * b0;
        s31 += a3 * b1;
        s32 += a3 * b2;
        s33 += a3 * b3;
      }
      if (res && oc + 4 <= resC) {
        const r0 = p * resC + oc;
        const r1 = r0 + resC;
        const r2 = r1 + resC;
        const r3 = r2 + resC;
        s00 += res[r0]!;
        s01 += res[r0 + 1]!;
        s02 += res[r0 + 2]!;
        s03 += res[r0 + 3]!;
        s10 += res[r1]!;
        s11 += res[r1 + 1]!;
        s12 += res[r1 + 2]!;
        s13 += res[r1 + 3]!;
        s20 += res[r2]!;
        s21 += res[r2 + 1]!;
        s22 += res[r2 + 2]!;
        s23 += res[r2 + 3]!;
        s30 += res[r3]!;
        s31 += res[r3 + 1]!;
        s32 += res[r3 + 2]!;
        s33 += res[r3 + 3]!;
      } else if (res && oc < resC) {
        // A residual ending inside this block of four channels (e.g. 42 of 48): the slow way.
        dst[o0 + oc] = s00;
        dst[o0 + oc + 1] = s01;
        dst[o0 + oc + 2] = s02;
        dst[o0 + oc + 3] = s03;
        dst[o1 + oc] = s10;
        dst[o1 + oc + 1] = s11;
        dst[o1 + oc + 2] = s12;
        dst[o1 + oc + 3] = s13;
        dst[o2 + oc] = s20;
        dst[o2 + oc + 1] = s21;
        dst[o2 + oc + 2] = s22;
        dst[o2 + oc + 3] = s23;
        dst[o3 + oc] = s30;
        dst[o3 + oc + 1] = s31;
        dst[o3 + oc + 2] = s32;
        dst[o3 + oc + 3] = s33;
        for (let r = 0; r < 4; r++) finishPixel(dst, o0 + r * outC, oc, oc + 4, neg, res, (p + r) * resC, resC);
        continue;
      }
      const n0 = neg[oc]!,
        n1 = neg[oc + 1]!,
        n2 = neg[oc + 2]!,
        n3 = neg[oc + 3]!;
      dst[o0 + oc] = activated(s00, n0);
      dst[o0 + oc + 1] = activated(s01, n1);
      dst[o0 + oc + 2] = activated(s02, n2);
      dst[o0 + oc + 3] = activated(s03, n3);
      dst[o1 + oc] = activated(s10, n0);
      dst[o1 + oc + 1] = activated(s11, n1);
      dst[o1 + oc + 2] = activated(s12, n2);
      dst[o1 + oc + 3] = activated(s13, n3);
      dst[o2 + oc] = activated(s20, n0);
      dst[o2 + oc + 1] = activated(s21, n1);
      dst[o2 + oc + 2] = activated(s22, n2);
      dst[o2 + oc + 3] = activated(s23, n3);
      dst[o3 + oc] = activated(s30, n0);
      dst[o3 + oc + 1] = activated(s31, n1);
      dst[o3 + oc + 2] = activated(s32, n2);
      dst[o3 + oc + 3] = activated(s33, n3);
    }
    for (; oc < outC; oc++) {
      const w = oc * inC;
      for (let r = 0; r < 4; r++) {
        const i = i0 + r * inC;
        let s = bias[oc]!;
        for (let ic = 0; ic < inC; ic++) s += src[i + ic]! * weights[w + ic]!;
        dst[o0 + r * outC + oc] = s;
        finishPixel(dst, o0 + r * outC, oc, oc + 1, neg, res, (p + r) * resC, resC);
      }
    }
  }
  for (; p < pixels; p++) {
    const i = p * inC;
    for (let oc = 0; oc < outC; oc++) {
      const w = oc * inC;
      let s = bias[oc]!;
      for (let ic = 0; ic < inC; ic++) s += src[i + ic]! * weights[w + ic]!;
      dst[p * outC + oc] = s;
    }
    finishPixel(dst, p * outC, 0, outC, neg, res, p * resC, resC);
  }
  return dst;
}

/** k×k convolution with stride and TFLite padding: weights OHWI [out][k][k][in]. Each output
 *  pixel's receptive field is copied into a row of a patch matrix (zeros where it overhangs the
 *  padding, in the weights' (ky, kx, ic) order), which makes the convolution a 1×1 convolution of
 *  the patches, run by the blocked kernel above. */
export function conv(
  src: Float32Array,
  shape: Shape,
  weights: Float32Array,
  bias: Float32Array,
  kernel: number,
  stride: number,
  out: { height: number; width: number; padTop: number; padLeft: number },
  act: Activation,
): Float32Array {
  const inC = shape.channels;
  const patchSize = kernel * kernel * inC;
  const patches = new Float32Array(out.height * out.width * patchSize);
  let q = 0;
  for (let oy = 0; oy < out.height; oy++) {
    for (let ox = 0; ox < out.width; ox++) {
      for (let ky = 0; ky < kernel; ky++) {
        const iy = oy * stride + ky - out.padTop;
        for (let kx = 0; kx < kernel; kx++) {
          const ix = ox * stride + kx - out.padLeft;
          if (iy < 0 || iy >= shape.height || ix < 0 || ix >= shape.width) {
            q += inC; // already zero
            continue;
          }
          const i = (iy * shape.width + ix) * inC;
          for (let ic = 0; ic < inC; ic++) patches[q++] = src[i + ic]!;
        }
      }
    }
  }
  return pointwise(patches, out.height * out.width, patchSize, weights, bias, act);
}

/** 3×3 depthwise convolution, depth multiplier 1: weights [3][3][C], plus bias. The input is
 *  first copied into a zero border when the padding needs one, so that no pixel needs bounds
 *  checks: at stride 1 each channel's row is swept with a 3 × 3 window of inputs sliding one
 *  column per pixel, at stride 2 each pixel's nine taps are summed directly. */
export function depthwise3x3(
  src: Float32Array,
  shape: Shape,
  weights: Float32Array,
  bias: Float32Array,
  stride: number,
  out: { height: number; width: number; padTop: number; padLeft: number },
  act: Activation,
): Float32Array {
  const c = shape.channels;
  const padBottom = Math.max(0, (out.height - 1) * stride + 3 - shape.height - out.padTop);
  const padRight = Math.max(0, (out.width - 1) * stride + 3 - shape.width - out.padLeft);
  const padded =
    out.padTop || out.padLeft || padBottom || padRight
      ? pad(src, shape, out.padTop, padBottom, out.padLeft, padRight, 0, 0)
      : src;
  const inW = shape.width + out.padLeft + padRight;
  const dst = new Float32Array(out.height * out.width * c);
  const row = inW * c;
  const c2 = 2 * c;
  const neg = negativeFactor(act, c);
  for (let oy = 0; oy < out.height; oy++) {
    let ox = 0;
    if (stride === 1) {
      // One channel at a time along the row, its nine weights in registers and a 3×3 window of
      // inputs sliding one column per pixel: three loads for nine multiply-adds.
      const o0 = oy * out.width * c;
      const r0 = oy * row;
      for (let ch = 0; ch < c; ch++) {
        const w0 = weights[ch]!,
          w1 = weights[c + ch]!,
          w2 = weights[c2 + ch]!;
        const w3 = weights[3 * c + ch]!,
          w4 = weights[4 * c + ch]!,
          w5 = weights[5 * c + ch]!;
        const w6 = weights[6 * c + ch]!,
          w7 = weights[7 * c + ch]!,
          w8 = weights[8 * c + ch]!;
        const n = neg[ch]!;
        let i = r0 + ch;
        let a0 = padded[i]!,
          b0 = padded[i + row]!,
          d0 = padded[i + 2 * row]!;
        i += c;
        let a1 = padded[i]!,
          b1 = padded[i + row]!,
          d1 = padded[i + 2 * row]!;
        let o = o0 + ch;
        for (let x = 0; x < out.width; x++) {
          i += c;
          const a2 = padded[i]!,
            b2 = padded[i + row]!,
            d2 = padded[i + 2 * row]!;
          dst[o] = activated(
            a0 * w0 + a1 * w1 + a2 * w2 + b0 * w3 + b1 * w4 + b2 * w5 + d0 * w6 + d1 * w7 + d2 * w8 + bias[ch]!,
            n,
          );
          o += c;
          a0 = a1;
          a1 = a2;
          b0 = b1;
          b1 = b2;
          d0 = d1;
          d1 = d2;
        }
      }
      ox = out.width;
    }
    for (; ox < out.width; ox++) {
      const i0 = (oy * stride * inW + ox * stride) * c;
      const i1 = i0 + row;
      const i2 = i1 + row;
      const o = (oy * out.width + ox) * c;
      for (let ch = 0; ch < c; ch++) {
        const s =
          padded[i0 + ch]! * weights[ch]! +
          padded[i0 + c + ch]! * weights[c + ch]! +
          padded[i0 + c2 + ch]! * weights[c2 + ch]! +
          padded[i1 + ch]! * weights[3 * c + ch]! +
          padded[i1 + c + ch]! * weights[4 * c + ch]! +
          padded[i1 + c2 + ch]! * weights[5 * c + ch]! +
          padded[i2 + ch]! * weights[6 * c + ch]! +
          padded[i2 + c + ch]! * weights[7 * c + ch]! +
          padded[i2 + c2 + ch]! * weights[8 * c + ch]!;
        dst[o + ch] = activated(s + bias[ch]!, neg[ch]!);
      }
    }
  }
  return dst;
}

/** Max pooling with TFLite padding (padded cells never win). */
export function maxPool(
  src: Float32Array,
  shape: Shape,
  kernel: number,
  stride: number,
  out: { height: number; width: number; padTop: number; padLeft: number },
): Float32Array {
  const c = shape.channels;
  const dst = new Float32Array(out.height * out.width * c).fill(-Infinity);
  for (let oy = 0; oy < out.height; oy++) {
    for (let ox = 0; ox < out.width; ox++) {
      const o = (oy * out.width + ox) * c;
      for (let ky = 0; ky < kernel; ky++) {
        const iy = oy * stride + ky - out.padTop;
        if (iy < 0 || iy >= shape.height) continue;
        for (let kx = 0; kx < kernel; kx++) {
          const ix = ox * stride + kx - out.padLeft;
          if (ix < 0 || ix >= shape.width) continue;
          const i = (iy * shape.width + ix) * c;
          for (let ch = 0; ch < c; ch++) {
            const v = src[i + ch]!;
            if (v > dst[o + ch]!) dst[o + ch] = v;
          }
        }
      }
    }
  }
  return dst;
}

/** Element-wise a + b, then the activation. */
export function add(a: Float32Array, b: Float32Array, channels: number, act: Activation): Float32Array {
  const dst = new Float32Array(a.length);
  if (act.kind === "none") {
    for (let i = 0; i < a.length; i++) dst[i] = a[i]! + b[i]!;
  } else if (act.kind === "relu") {
    for (let i = 0; i < a.length; i++) {
      const v = a[i]! + b[i]!;
      dst[i] = v < 0 ? 0 : v;
    }
  } else {
    const slopes = act.slopes;
    for (let i = 0, c = 0; i < a.length; i++) {
      const v = a[i]! + b[i]!;
      dst[i] = v < 0 ? v * slopes[c]! : v;
      if (++c === channels) c = 0;
    }
  }
  return dst;
}

/** Zero padding of height, width and channels: [before, after] for each. */
export function pad(
  src: Float32Array,
  shape: Shape,
  top: number,
  bottom: number,
  left: number,
  right: number,
  front: number,
  back: number,
): Float32Array {
  const inC = shape.channels;
  const outW = shape.width + left + right;
  const outC = inC + front + back;
  const dst = new Float32Array((shape.height + top + bottom) * outW * outC);
  for (let y = 0; y < shape.height; y++) {
    const i0 = y * shape.width * inC;
    const o0 = ((y + top) * outW + left) * outC;
    if (outC === inC) {
      // Whole rows at once.
      dst.set(src.subarray(i0, i0 + shape.width * inC), o0);
      continue;
    }
    for (let x = 0; x < shape.width; x++) {
      const i = i0 + x * inC;
      const o = o0 + x * outC + front;
      for (let ch = 0; ch < inC; ch++) dst[o + ch] = src[i + ch]!;
    }
  }
  return dst;
}
