// The few neural-network operations the two face models need, in plain TypeScript on
// Float32Arrays (height × width × channels, channels last, as TensorFlow lays them out).
//
// Why not TensorFlow.js: the browser and the worker must reach the same verdict on the same photo
// (issue 4), and plain JavaScript arithmetic on Float32Arrays gives bit-identical results in
// Chromium and workerd (both V8, no fused multiply-add in JS, the same libm). It also needs no
// WASM module, no tensor bookkeeping (nothing to dispose), and adds ~20 kB to the bundle instead
// of ~1 MB. docs/decisions/008-face-detection.md has the measurements.
//
// Padding follows TensorFlow's rules, which the weights were trained with: "same" pads
// max((out − 1)·stride + k − in, 0) in total, the smaller half before and the larger after;
// "valid" pads nothing.

export interface Tensor {
  height: number;
  width: number;
  channels: number;
  data: Float32Array;
}

export function tensor(height: number, width: number, channels: number): Tensor {
  return { height, width, channels, data: new Float32Array(height * width * channels) };
}

export type Padding = "same" | "valid";

interface Geometry {
  outHeight: number;
  outWidth: number;
  padTop: number;
  padLeft: number;
}

function geometry(x: Tensor, kernel: number, stride: number, padding: Padding): Geometry {
  if (padding === "valid") {
    return {
      outHeight: Math.floor((x.height - kernel) / stride) + 1,
      outWidth: Math.floor((x.width - kernel) / stride) + 1,
      padTop: 0,
      padLeft: 0,
    };
  }
  const outHeight = Math.ceil(x.height / stride);
  const outWidth = Math.ceil(x.width / stride);
  const padHeight = Math.max((outHeight - 1) * stride + kernel - x.height, 0);
  const padWidth = Math.max((outWidth - 1) * stride + kernel - x.width, 0);
  return { outHeight, outWidth, padTop: Math.floor(padHeight / 2), padLeft: Math.floor(padWidth / 2) };
}

/** Filters [k, k, in, out] (HWIO) re-laid as [out][k·k·in], so that each output channel is one
 *  contiguous dot product. Computed once per weight array. */
const byOutput = new WeakMap<Float32Array, Float32Array>();
function transposed(filters: Float32Array, outC: number): Float32Array {
  let t = byOutput.get(filters);
  if (!t) {
    const perOutput = filters.length / outC;
    t = new Float32Array(filters.length);
    for (let k = 0; k < perOutput; k++)
      for (let oc = 0; oc < outC; oc++) t[oc * perOutput + k] = filters[k * outC + oc]!;
    byOutput.set(filters, t);
  }
  return t;
}

/** Full convolution. `filters` is [k, k, in, out] (HWIO), `bias` [out]. */
export function conv2d(
  x: Tensor,
  filters: Float32Array,
  bias: Float32Array,
  kernel: number,
  stride: number,
  padding: Padding,
): Tensor {
  const inC = x.channels;
  const outC = bias.length;
  const patchSize = kernel * kernel * inC;
  if (filters.length !== patchSize * outC) throw new RangeError("conv2d: filter shape does not match");
  const weights = transposed(filters, outC);
  const g = geometry(x, kernel, stride, padding);
  const out = tensor(g.outHeight, g.outWidth, outC);
  const src = x.data;
  const dst = out.data;
  const patch = new Float32Array(patchSize);
  for (let oy = 0; oy < g.outHeight; oy++) {
    for (let ox = 0; ox < g.outWidth; ox++) {
      // Gather the receptive field (zeros where it overhangs the padding).
      let p = 0;
      for (let ky = 0; ky < kernel; ky++) {
        const iy = oy * stride + ky - g.padTop;
        for (let kx = 0; kx < kernel; kx++) {
          const ix = ox * stride + kx - g.padLeft;
          const inside = iy >= 0 && iy < x.height && ix >= 0 && ix < x.width;
          const i = (iy * x.width + ix) * inC;
          for (let ic = 0; ic < inC; ic++) patch[p++] = inside ? src[i + ic]! : 0;
        }
      }
      const o = (oy * g.outWidth + ox) * outC;
      let oc = 0;
      // Four output channels per pass, as in pointwiseConv2d.
      for (; oc + 4 <= outC; oc += 4) {
        const w0 = oc * patchSize;
        const w1 = w0 + patchSize;
        const w2 = w1 + patchSize;
        const w3 = w2 + patchSize;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let k = 0; k < patchSize; k++) {
          const v = patch[k]!;
          s0 += v * weights[w0 + k]!;
          s1 += v * weights[w1 + k]!;
          s2 += v * weights[w2 + k]!;
          s3 += v * weights[w3 + k]!;
        }
        dst[o + oc] = s0 + bias[oc]!;
        dst[o + oc + 1] = s1 + bias[oc + 1]!;
        dst[o + oc + 2] = s2 + bias[oc + 2]!;
        dst[o + oc + 3] = s3 + bias[oc + 3]!;
      }
      for (; oc < outC; oc++) {
        const w = oc * patchSize;
        let sum = 0;
        for (let k = 0; k < patchSize; k++) sum += patch[k]! * weights[w + k]!;
        dst[o + oc] = sum + bias[oc]!;
      }
    }
  }
  return out;
}

/** Depthwise 3×3 (or k×k) convolution: `filters` is [k, k, channels, 1]; no bias. */
function depthwiseConv2d(x: Tensor, filters: Float32Array, kernel: number, stride: number, padding: Padding): Tensor {
  const c = x.channels;
  if (filters.length !== kernel * kernel * c) throw new RangeError("depthwiseConv2d: filter shape does not match");
  const g = geometry(x, kernel, stride, padding);
  const out = tensor(g.outHeight, g.outWidth, c);
  const src = x.data;
  const dst = out.data;
  for (let oy = 0; oy < g.outHeight; oy++) {
    for (let ox = 0; ox < g.outWidth; ox++) {
      const o = (oy * g.outWidth + ox) * c;
      for (let ky = 0; ky < kernel; ky++) {
        const iy = oy * stride + ky - g.padTop;
        if (iy < 0 || iy >= x.height) continue;
        for (let kx = 0; kx < kernel; kx++) {
          const ix = ox * stride + kx - g.padLeft;
          if (ix < 0 || ix >= x.width) continue;
          const i = (iy * x.width + ix) * c;
          const f = (ky * kernel + kx) * c;
          for (let ch = 0; ch < c; ch++) dst[o + ch]! += src[i + ch]! * filters[f + ch]!;
        }
      }
    }
  }
  return out;
}

/** 1×1 convolution plus bias: `filters` is [1, 1, in, out]. */
export function pointwiseConv2d(x: Tensor, filters: Float32Array, bias: Float32Array): Tensor {
  const inC = x.channels;
  const outC = bias.length;
  if (filters.length !== inC * outC) throw new RangeError("pointwiseConv2d: filter shape does not match");
  const weights = transposed(filters, outC);
  const out = tensor(x.height, x.width, outC);
  const src = x.data;
  const dst = out.data;
  const pixels = x.height * x.width;
  for (let p = 0; p < pixels; p++) {
    const i = p * inC;
    const o = p * outC;
    let oc = 0;
    // Four output channels per pass: each input value is loaded once for four products.
    for (; oc + 4 <= outC; oc += 4) {
      const w0 = oc * inC;
      const w1 = w0 + inC;
      const w2 = w1 + inC;
      const w3 = w2 + inC;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let ic = 0; ic < inC; ic++) {
        const v = src[i + ic]!;
        s0 += v * weights[w0 + ic]!;
        s1 += v * weights[w1 + ic]!;
        s2 += v * weights[w2 + ic]!;
        s3 += v * weights[w3 + ic]!;
      }
      dst[o + oc] = s0 + bias[oc]!;
      dst[o + oc + 1] = s1 + bias[oc + 1]!;
      dst[o + oc + 2] = s2 + bias[oc + 2]!;
      dst[o + oc + 3] = s3 + bias[oc + 3]!;
    }
    for (; oc < outC; oc++) {
      const w = oc * inC;
      let sum = 0;
      for (let ic = 0; ic < inC; ic++) sum += src[i + ic]! * weights[w + ic]!;
      dst[o + oc] = sum + bias[oc]!;
    }
  }
  return out;
}

/** TensorFlow's separableConv2d (depthwise then pointwise) plus bias. */
export function separableConv2d(
  x: Tensor,
  depthwise: Float32Array,
  pointwise: Float32Array,
  bias: Float32Array,
  stride: number,
  padding: Padding,
): Tensor {
  return pointwiseConv2d(depthwiseConv2d(x, depthwise, 3, stride, padding), pointwise, bias);
}

/** 2×2 max pooling, "same" padding (padded cells never win). */
export function maxPool2x2(x: Tensor, stride: number): Tensor {
  const g = geometry(x, 2, stride, "same");
  const c = x.channels;
  const out = tensor(g.outHeight, g.outWidth, c);
  for (let oy = 0; oy < g.outHeight; oy++) {
    for (let ox = 0; ox < g.outWidth; ox++) {
      const o = (oy * g.outWidth + ox) * c;
      for (let ch = 0; ch < c; ch++) {
        let best = -Infinity;
        for (let ky = 0; ky < 2; ky++) {
          const iy = oy * stride + ky - g.padTop;
          if (iy < 0 || iy >= x.height) continue;
          for (let kx = 0; kx < 2; kx++) {
            const ix = ox * stride + kx - g.padLeft;
            if (ix < 0 || ix >= x.width) continue;
            const v = x.data[(iy * x.width + ix) * c + ch]!;
            if (v > best) best = v;
          }
        }
        out.data[o + ch] = best;
      }
    }
  }
  return out;
}

/** Mean over all positions: the models' final average pool covers the whole map. */
export function globalAveragePool(x: Tensor): Float32Array {
  const c = x.channels;
  const sums = new Float64Array(c);
  const pixels = x.height * x.width;
  for (let p = 0; p < pixels; p++) for (let ch = 0; ch < c; ch++) sums[ch]! += x.data[p * c + ch]!;
  return Float32Array.from(sums, (s) => s / pixels);
}

/** In place: max(x, 0). */
export function relu(x: Tensor): Tensor {
  const d = x.data;
  for (let i = 0; i < d.length; i++) if (d[i]! < 0) d[i] = 0;
  return x;
}

/** In place: leaky ReLU with slope 0.1 below zero (TinyYOLOv2). */
export function leakyRelu(x: Tensor): Tensor {
  const d = x.data;
  for (let i = 0; i < d.length; i++) if (d[i]! < 0) d[i] = d[i]! * 0.1;
  return x;
}

/** Element-wise sum of same-shaped tensors, into a new tensor. */
export function add(...xs: Tensor[]): Tensor {
  const first = xs[0]!;
  const out = tensor(first.height, first.width, first.channels);
  for (const x of xs) {
    if (x.data.length !== out.data.length) throw new RangeError("add: shapes differ");
    for (let i = 0; i < out.data.length; i++) out.data[i]! += x.data[i]!;
  }
  return out;
}

/** Fully connected layer: `weights` is [in, out]. */
export function dense(x: Float32Array, weights: Float32Array, bias: Float32Array): Float32Array {
  const outN = bias.length;
  if (weights.length !== x.length * outN) throw new RangeError("dense: weight shape does not match");
  const out = Float32Array.from(bias);
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    const w = i * outN;
    for (let j = 0; j < outN; j++) out[j]! += v * weights[w + j]!;
  }
  return out;
}
