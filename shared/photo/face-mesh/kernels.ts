// The arithmetic of the two face-mesh graphs, on Float32Arrays laid out height × width ×
// channels (TFLite's NHWC with batch 1). Each kernel adds its bias and applies the fused
// activation as it writes, so no pass over the output is spent on them.
//
// Determinism: only + − × ÷ and comparisons, summed in a fixed order in JS doubles and stored as
// float32. JavaScript has no fused multiply-add, so V8 (Node, workerd, Chromium) and
// SpiderMonkey (Firefox) give bit-identical results (docs/decisions/008-face-detection.md).
//
// Speed (docs/decisions/014-face-mesh-model.md): most multiply-adds are in 1×1 convolutions,
// computed 4 pixels × 4 output channels at a time, so each loaded input and weight serves four
// products. Padding follows TensorFlow's "SAME": (out − 1)·stride + k − in in total, the smaller
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

/** Writes `value` for channel `c` with the activation applied. */
function activate(value: number, c: number, act: Activation): number {
  if (act.kind === "relu") return value < 0 ? 0 : value;
  if (act.kind === "prelu") return value < 0 ? value * act.slopes[c]! : value;
  return value;
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

/** Four consecutive channels of one pixel, activated. */
function store4(dst: Float32Array, o: number, v0: number, v1: number, v2: number, v3: number, oc: number, relu: boolean, slopes: Float32Array | undefined): void {
  if (relu) {
    if (v0 < 0) v0 = 0;
    if (v1 < 0) v1 = 0;
    if (v2 < 0) v2 = 0;
    if (v3 < 0) v3 = 0;
  } else if (slopes) {
    if (v0 < 0) v0 *= slopes[oc]!;
    if (v1 < 0) v1 *= slopes[oc + 1]!;
    if (v2 < 0) v2 *= slopes[oc + 2]!;
    if (v3 < 0) v3 *= slopes[oc + 3]!;
  }
  dst[o] = v0;
  dst[o + 1] = v1;
  dst[o + 2] = v2;
  dst[o + 3] = v3;
}

/** 1×1 convolution, stride 1: weights [out][in] (TFLite OHWI with h = w = 1). */
export function pointwise(src: Float32Array, pixels: number, inC: number, weights: Float32Array, bias: Float32Array, act: Activation): Float32Array {
  const outC = bias.length;
  const dst = new Float32Array(pixels * outC);
  const relu = act.kind === "relu";
  const slopes = act.kind === "prelu" ? act.slopes : undefined;
  let p = 0;
  // Four pixels × four output channels: 16 running sums in registers.
  for (; p + 4 <= pixels; p += 4) {
    const i0 = p * inC;
    const i1 = i0 + inC;
    const i2 = i1 + inC;
    const i3 = i2 + inC;
    const o0 = p * outC;
    let oc = 0;
    for (; oc + 4 <= outC; oc += 4) {
      const w0 = oc * inC;
      const w1 = w0 + inC;
      const w2 = w1 + inC;
      const w3 = w2 + inC;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0;
      let s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0;
      let s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      for (let ic = 0; ic < inC; ic++) {
        const a0 = src[i0 + ic]!;
        const a1 = src[i1 + ic]!;
        const a2 = src[i2 + ic]!;
        const a3 = src[i3 + ic]!;
        const b0 = weights[w0 + ic]!;
        const b1 = weights[w1 + ic]!;
        const b2 = weights[w2 + ic]!;
        const b3 = weights[w3 + ic]!;
        s00 += a0 * b0; s01 += a0 * b1; s02 += a0 * b2; s03 += a0 * b3;
        s10 += a1 * b0; s11 += a1 * b1; s12 += a1 * b2; s13 += a1 * b3;
        s20 += a2 * b0; s21 += a2 * b1; s22 += a2 * b2; s23 += a2 * b3;
        s30 += a3 * b0; s31 += a3 * b1; s32 += a3 * b2; s33 += a3 * b3;
      }
      const c0 = bias[oc]!, c1 = bias[oc + 1]!, c2 = bias[oc + 2]!, c3 = bias[oc + 3]!;
      store4(dst, o0 + oc, s00 + c0, s01 + c1, s02 + c2, s03 + c3, oc, relu, slopes);
      store4(dst, o0 + outC + oc, s10 + c0, s11 + c1, s12 + c2, s13 + c3, oc, relu, slopes);
      store4(dst, o0 + 2 * outC + oc, s20 + c0, s21 + c1, s22 + c2, s23 + c3, oc, relu, slopes);
      store4(dst, o0 + 3 * outC + oc, s30 + c0, s31 + c1, s32 + c2, s33 + c3, oc, relu, slopes);
    }
    for (; oc < outC; oc++) {
      const w = oc * inC;
      for (let r = 0; r < 4; r++) {
        const i = i0 + r * inC;
        let s = 0;
        for (let ic = 0; ic < inC; ic++) s += src[i + ic]! * weights[w + ic]!;
        dst[o0 + r * outC + oc] = activate(s + bias[oc]!, oc, act);
      }
    }
  }
  for (; p < pixels; p++) {
    const i = p * inC;
    for (let oc = 0; oc < outC; oc++) {
      const w = oc * inC;
      let s = 0;
      for (let ic = 0; ic < inC; ic++) s += src[i + ic]! * weights[w + ic]!;
      dst[p * outC + oc] = activate(s + bias[oc]!, oc, act);
    }
  }
  return dst;
}

/** k×k convolution with stride and TFLite padding: weights OHWI [out][k][k][in]. */
export function conv(src: Float32Array, shape: Shape, weights: Float32Array, bias: Float32Array, kernel: number, stride: number, out: { height: number; width: number; padTop: number; padLeft: number }, act: Activation): Float32Array {
  const inC = shape.channels;
  const outC = bias.length;
  const patchSize = kernel * kernel * inC;
  const dst = new Float32Array(out.height * out.width * outC);
  const patch = new Float32Array(patchSize);
  for (let oy = 0; oy < out.height; oy++) {
    for (let ox = 0; ox < out.width; ox++) {
      // The receptive field, zeros where it overhangs the padding, in the weights' (ky, kx, ic) order.
      let q = 0;
      for (let ky = 0; ky < kernel; ky++) {
        const iy = oy * stride + ky - out.padTop;
        for (let kx = 0; kx < kernel; kx++) {
          const ix = ox * stride + kx - out.padLeft;
          if (iy < 0 || iy >= shape.height || ix < 0 || ix >= shape.width) {
            for (let ic = 0; ic < inC; ic++) patch[q++] = 0;
          } else {
            const i = (iy * shape.width + ix) * inC;
            for (let ic = 0; ic < inC; ic++) patch[q++] = src[i + ic]!;
          }
        }
      }
      const o = (oy * out.width + ox) * outC;
      let oc = 0;
      for (; oc + 4 <= outC; oc += 4) {
        const w0 = oc * patchSize;
        const w1 = w0 + patchSize;
        const w2 = w1 + patchSize;
        const w3 = w2 + patchSize;
        let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (let k = 0; k < patchSize; k++) {
          const v = patch[k]!;
          s0 += v * weights[w0 + k]!;
          s1 += v * weights[w1 + k]!;
          s2 += v * weights[w2 + k]!;
          s3 += v * weights[w3 + k]!;
        }
        dst[o + oc] = activate(s0 + bias[oc]!, oc, act);
        dst[o + oc + 1] = activate(s1 + bias[oc + 1]!, oc + 1, act);
        dst[o + oc + 2] = activate(s2 + bias[oc + 2]!, oc + 2, act);
        dst[o + oc + 3] = activate(s3 + bias[oc + 3]!, oc + 3, act);
      }
      for (; oc < outC; oc++) {
        const w = oc * patchSize;
        let s = 0;
        for (let k = 0; k < patchSize; k++) s += patch[k]! * weights[w + k]!;
        dst[o + oc] = activate(s + bias[oc]!, oc, act);
      }
    }
  }
  return dst;
}

/** 3×3 (k×k) depthwise convolution, depth multiplier 1: weights [k][k][C], plus bias. */
export function depthwise(src: Float32Array, shape: Shape, weights: Float32Array, bias: Float32Array, kernel: number, stride: number, out: { height: number; width: number; padTop: number; padLeft: number }, act: Activation): Float32Array {
  const c = shape.channels;
  const { height: inH, width: inW } = shape;
  const dst = new Float32Array(out.height * out.width * c);
  const acc = new Float64Array(c);
  for (let oy = 0; oy < out.height; oy++) {
    const y0 = oy * stride - out.padTop;
    for (let ox = 0; ox < out.width; ox++) {
      const x0 = ox * stride - out.padLeft;
      for (let ch = 0; ch < c; ch++) acc[ch] = 0;
      // Taps in (ky, kx) order, each over all channels: contiguous reads of input and weights.
      for (let ky = 0; ky < kernel; ky++) {
        const iy = y0 + ky;
        if (iy < 0 || iy >= inH) continue;
        for (let kx = 0; kx < kernel; kx++) {
          const ix = x0 + kx;
          if (ix < 0 || ix >= inW) continue;
          const i = (iy * inW + ix) * c;
          const f = (ky * kernel + kx) * c;
          for (let ch = 0; ch < c; ch++) acc[ch]! += src[i + ch]! * weights[f + ch]!;
        }
      }
      const o = (oy * out.width + ox) * c;
      for (let ch = 0; ch < c; ch++) dst[o + ch] = activate(acc[ch]! + bias[ch]!, ch, act);
    }
  }
  return dst;
}

/** Max pooling with TFLite padding (padded cells never win). */
export function maxPool(src: Float32Array, shape: Shape, kernel: number, stride: number, out: { height: number; width: number; padTop: number; padLeft: number }): Float32Array {
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
export function pad(src: Float32Array, shape: Shape, top: number, bottom: number, left: number, right: number, front: number, back: number): Float32Array {
  const outW = shape.width + left + right;
  const outC = shape.channels + front + back;
  const dst = new Float32Array((shape.height + top + bottom) * outW * outC);
  for (let y = 0; y < shape.height; y++) {
    for (let x = 0; x < shape.width; x++) {
      const i = (y * shape.width + x) * shape.channels;
      const o = ((y + top) * outW + x + left) * outC + front;
      dst.set(src.subarray(i, i + shape.channels), o);
    }
  }
  return dst;
}
