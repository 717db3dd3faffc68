// Runs a TFLite graph (tflite.ts) with kernels.ts: loaded once into a list of steps with their
// weights bound and every shape checked, then run on one input. Only the operators the two
// MediaPipe graphs use are known (with MediaPipe's custom ones of the attention mesh,
// mediapipe-ops.ts, at the version whose arithmetic is restated there); any other fails at load,
// naming it.
//
// At load: fp16 weights are dequantised to float32 once (the graphs' DEQUANTIZE ops on constants
// disappear), and an activation (RELU, PRELU) that directly follows the only use of a
// convolution's or an addition's output is fused into that kernel.

import {
  type Activation,
  add,
  applyActivation,
  conv,
  depthwise3x3,
  maxPool,
  pad,
  pointwise,
  samePadding,
  type Shape,
} from "./kernels.ts";
import { readFlexMap } from "./flexbuffers.ts";
import {
  cropOptions,
  landmarksToTransformMatrix,
  transformLandmarks,
  transformTensorBilinear,
} from "./mediapipe-ops.ts";
import { type TfliteModel, type TfliteOperator, TensorType, readTflite } from "./tflite.ts";

const Op = {
  ADD: 0,
  CONCATENATION: 2,
  CONV_2D: 3,
  DEPTHWISE_CONV_2D: 4,
  DEQUANTIZE: 6,
  MAX_POOL_2D: 17,
  MUL: 18,
  RELU: 19,
  RESHAPE: 22,
  PAD: 34,
  STRIDED_SLICE: 45,
  PRELU: 54,
} as const;
const OP_NAMES: Record<number, string> = Object.fromEntries(Object.entries(Op).map(([name, code]) => [code, name]));
/** TFLite ActivationFunctionType. */
const FUSED_NONE = 0;
const FUSED_RELU = 1;
/** TFLite Padding. */
const PADDING_SAME = 0;

export interface Graph {
  /** Input shape [height, width, channels] (batch 1). */
  input: Shape;
  /** How many outputs a run gives (the attention mesh 7, the plain mesh 2, BlazeFace 2). */
  outputCount: number;
  /** The output tensors, in the model's output order. */
  run(input: Float32Array): Float32Array[];
  /** Multiply-adds of one run (convolutions), for the decision record and the bench. */
  macs: number;
}

/** IEEE half to float: exact (every fp16 value is a float32 value). */
function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 31) return fraction ? NaN : sign * Infinity;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

function constant(model: TfliteModel, index: number): Float32Array | Int32Array | undefined {
  const t = model.tensors[index]!;
  if (!t.data) return undefined;
  const count = t.shape.reduce((a, b) => a * b, 1);
  const view = new DataView(t.data.buffer, t.data.byteOffset, t.data.byteLength);
  const bytes = t.type === TensorType.FLOAT16 ? 2 : 4;
  if (t.data.byteLength !== count * bytes)
    throw new Error(`face mesh: constant ${t.name} has ${t.data.byteLength} bytes for shape ${t.shape.join("×")}`);
  if (t.type === TensorType.FLOAT16)
    return Float32Array.from({ length: count }, (_, i) => halfToFloat(view.getUint16(2 * i, true)));
  if (t.type === TensorType.FLOAT32)
    return Float32Array.from({ length: count }, (_, i) => view.getFloat32(4 * i, true));
  if (t.type === TensorType.INT32) return Int32Array.from({ length: count }, (_, i) => view.getInt32(4 * i, true));
  throw new Error(`face mesh: constant ${t.name} of unsupported type ${t.type}`);
}

/** [1, h, w, c] → {height, width, channels}; lower ranks (reshape outputs) as 1 × 1 × n. */
function shapeOf(model: TfliteModel, index: number): Shape {
  const s = model.tensors[index]!.shape;
  if (s.length === 0) return { height: 1, width: 1, channels: 1 }; // a scalar
  if (s[0] !== 1) throw new Error(`face mesh: tensor ${model.tensors[index]!.name} has batch ${s[0]}`);
  if (s.length === 4) return { height: s[1]!, width: s[2]!, channels: s[3]! };
  return { height: 1, width: 1, channels: s.slice(1).reduce((a, b) => a * b, 1) };
}

const sameShape = (a: Shape, b: Shape) => a.height === b.height && a.width === b.width && a.channels === b.channels;

type Step = (values: (Float32Array | undefined)[]) => void;

export function loadGraph(file: ArrayBuffer | Uint8Array): Graph {
  const model = readTflite(file);
  const constants = new Map<number, Float32Array | Int32Array>();
  for (let i = 0; i < model.tensors.length; i++) {
    const c = constant(model, i);
    if (c) constants.set(i, c);
  }
  const weight = (index: number, length: number, what: string): Float32Array => {
    const c = constants.get(index);
    if (!(c instanceof Float32Array) || c.length !== length)
      throw new Error(`face mesh: ${what} is not a float constant of ${length} values`);
    return c;
  };
  // DEQUANTIZE of a constant is the constant, already float32.
  const ops: TfliteOperator[] = [];
  for (const op of model.operators) {
    if (op.builtin === Op.DEQUANTIZE && constants.has(op.inputs[0]!))
      constants.set(op.outputs[0]!, constants.get(op.inputs[0]!)!);
    else ops.push(op);
  }
  const uses = new Map<number, number>();
  for (const op of ops) for (const i of op.inputs) uses.set(i, (uses.get(i) ?? 0) + 1);
  for (const o of model.outputs) uses.set(o, (uses.get(o) ?? 0) + 1);

  // A residual block ends in ADD(1×1 conv, shortcut) [→ activation], the shortcut often
  // zero-padded in channels (PAD). The 1×1 conv is run at the ADD, adding the shortcut, unpadded,
  // as it writes: no separate pass, no padded copy, no sum tensor.
  const producer = new Map<number, number>();
  ops.forEach((op, n) => {
    op.outputs.forEach((o) => {
      producer.set(o, n);
    });
  });
  const deferred = new Set<number>();
  const addFusions = new Map<number, { conv: number; shortcut: number }>();
  ops.forEach((op, n) => {
    if (op.builtin !== Op.ADD || (op.options && op.options.int8(0) !== FUSED_NONE)) return;
    for (const [a, b] of [op.inputs, [...op.inputs].reverse()] as [number, number][]) {
      const c = producer.get(a);
      const conv = c === undefined ? undefined : ops[c]!;
      if (!conv || conv.builtin !== Op.CONV_2D || uses.get(a) !== 1 || deferred.has(c!)) continue;
      const filter = model.tensors[conv.inputs[1]!]!.shape;
      if (filter[1] !== 1 || filter[2] !== 1 || conv.options!.int32(1) !== 1 || conv.options!.int8(3) !== FUSED_NONE)
        continue;
      let shortcut = b;
      const pIndex = producer.get(b);
      const padOp = pIndex === undefined ? undefined : ops[pIndex]!;
      const paddings = padOp?.builtin === Op.PAD ? constants.get(padOp.inputs[1]!) : undefined;
      if (
        padOp &&
        paddings instanceof Int32Array &&
        uses.get(b) === 1 &&
        paddings.length === 8 &&
        paddings.every((v, i) => (i === 7 ? v > 0 : v === 0))
      ) {
        deferred.add(pIndex!);
        shortcut = padOp.inputs[0]!;
      }
      deferred.add(c!);
      addFusions.set(n, { conv: c!, shortcut });
      return;
    }
  });

  const steps: Step[] = [];
  const stepInputs: number[][] = [];
  let macs = 0;
  for (let n = 0; n < ops.length; n++) {
    const op = ops[n]!;
    const name = OP_NAMES[op.builtin] ?? op.custom ?? `builtin ${op.builtin}`;
    const [x, second] = op.inputs as [number, number | undefined];
    const y = op.outputs[0]!;
    const inShape = shapeOf(model, x);
    const outShape = shapeOf(model, y);
    const options = op.options;
    // An activation op right after this one, on its only use, is done by this kernel instead.
    const fuseNext = (fused: number): { act: Activation; output: number } => {
      const act: Activation = fused === FUSED_RELU ? { kind: "relu" } : { kind: "none" };
      if (fused !== FUSED_NONE && fused !== FUSED_RELU)
        throw new Error(`face mesh: ${name} with fused activation ${fused}`);
      const next = ops[n + 1];
      if (fused !== FUSED_NONE || !next || next.inputs[0] !== y || uses.get(y) !== 1) return { act, output: y };
      if (next.builtin === Op.RELU) {
        n++;
        return { act: { kind: "relu" }, output: next.outputs[0]! };
      }
      if (next.builtin === Op.PRELU) {
        n++;
        return {
          act: { kind: "prelu", slopes: weight(next.inputs[1]!, outShape.channels, "PRELU slopes") },
          output: next.outputs[0]!,
        };
      }
      return { act, output: y };
    };
    const windowed = (kernel: number, strideW: number, strideH: number, padding: number) => {
      if (strideW !== strideH) throw new Error(`face mesh: ${name} with unequal strides`);
      const out =
        padding === PADDING_SAME
          ? {
              height: Math.ceil(inShape.height / strideH),
              width: Math.ceil(inShape.width / strideW),
              padTop: samePadding(inShape.height, Math.ceil(inShape.height / strideH), kernel, strideH),
              padLeft: samePadding(inShape.width, Math.ceil(inShape.width / strideW), kernel, strideW),
            }
          : {
              height: Math.floor((inShape.height - kernel) / strideH) + 1,
              width: Math.floor((inShape.width - kernel) / strideW) + 1,
              padTop: 0,
              padLeft: 0,
            };
      if (out.height !== outShape.height || out.width !== outShape.width)
        throw new Error(
          `face mesh: ${name} output ${outShape.height}×${outShape.width}, computed ${out.height}×${out.width}`,
        );
      return out;
    };

    if (deferred.has(n)) continue;
    const fusion = addFusions.get(n);
    if (fusion) {
      const conv = ops[fusion.conv]!;
      const cx = conv.inputs[0]!;
      const cs = shapeOf(model, cx);
      const filter = model.tensors[conv.inputs[1]!]!.shape;
      const shortcut = fusion.shortcut;
      const ss = shapeOf(model, shortcut);
      if (
        filter[0] !== outShape.channels ||
        filter[3] !== cs.channels ||
        cs.height !== outShape.height ||
        cs.width !== outShape.width
      )
        throw new Error(`face mesh: CONV_2D filter ${filter.join("×")} before ADD`);
      if (ss.height !== outShape.height || ss.width !== outShape.width || ss.channels > outShape.channels)
        throw new Error("face mesh: ADD shortcut shape");
      const weights = weight(conv.inputs[1]!, outShape.channels * cs.channels, "CONV_2D filter");
      const bias = weight(conv.inputs[2]!, outShape.channels, "CONV_2D bias");
      const { act, output } = fuseNext(FUSED_NONE);
      macs += cs.height * cs.width * cs.channels * outShape.channels;
      stepInputs.push([cx, shortcut]);
      steps.push(
        (v) =>
          (v[output] = pointwise(v[cx]!, cs.height * cs.width, cs.channels, weights, bias, act, {
            data: v[shortcut]!,
            channels: ss.channels,
          })),
      );
      continue;
    }
    stepInputs.push(op.inputs.filter((i) => !constants.has(i)));
    switch (op.builtin) {
      case Op.CONV_2D: {
        const filter = model.tensors[op.inputs[1]!]!.shape; // [out, kh, kw, in]
        const kernel = filter[1]!;
        if (filter[0] !== outShape.channels || filter[2] !== kernel || filter[3] !== inShape.channels)
          throw new Error(`face mesh: CONV_2D filter ${filter.join("×")}`);
        if (options!.int32(4, 1) !== 1 || options!.int32(5, 1) !== 1) throw new Error("face mesh: dilated CONV_2D");
        const weights = weight(
          op.inputs[1]!,
          filter.reduce((a, b) => a * b, 1),
          "CONV_2D filter",
        );
        const bias = weight(op.inputs[2]!, outShape.channels, "CONV_2D bias");
        const out = windowed(kernel, options!.int32(1), options!.int32(2), options!.int8(0));
        const { act, output } = fuseNext(options!.int8(3));
        const s = inShape;
        macs += out.height * out.width * outShape.channels * kernel * kernel * s.channels;
        if (kernel === 1 && options!.int32(1) === 1)
          steps.push((v) => (v[output] = pointwise(v[x]!, s.height * s.width, s.channels, weights, bias, act)));
        else {
          const stride = options!.int32(1);
          steps.push((v) => (v[output] = conv(v[x]!, s, weights, bias, kernel, stride, out, act)));
        }
        break;
      }
      case Op.DEPTHWISE_CONV_2D: {
        const filter = model.tensors[op.inputs[1]!]!.shape; // [1, kh, kw, C]
        const kernel = filter[1]!;
        if (kernel !== 3) throw new Error("face mesh: DEPTHWISE_CONV_2D other than 3×3");
        if (
          filter[0] !== 1 ||
          filter[2] !== kernel ||
          filter[3] !== inShape.channels ||
          outShape.channels !== inShape.channels
        )
          throw new Error(`face mesh: DEPTHWISE_CONV_2D filter ${filter.join("×")}`);
        if (options!.int32(3, 1) !== 1 || options!.int32(5, 1) !== 1 || options!.int32(6, 1) !== 1)
          throw new Error("face mesh: depth multiplier or dilation in DEPTHWISE_CONV_2D");
        const weights = weight(op.inputs[1]!, kernel * kernel * inShape.channels, "DEPTHWISE_CONV_2D filter");
        const bias = weight(op.inputs[2]!, inShape.channels, "DEPTHWISE_CONV_2D bias");
        const stride = options!.int32(1);
        const out = windowed(kernel, stride, options!.int32(2), options!.int8(0));
        const { act, output } = fuseNext(options!.int8(4));
        const s = inShape;
        macs += out.height * out.width * s.channels * kernel * kernel;
        steps.push((v) => (v[output] = depthwise3x3(v[x]!, s, weights, bias, stride, out, act)));
        break;
      }
      case Op.ADD: {
        if (!sameShape(inShape, shapeOf(model, second!)) || !sameShape(inShape, outShape))
          throw new Error("face mesh: ADD of different shapes");
        const { act, output } = fuseNext(options ? options.int8(0) : FUSED_NONE);
        const channels = inShape.channels;
        const b = second!;
        steps.push((v) => (v[output] = add(v[x]!, v[b]!, channels, act)));
        break;
      }
      case Op.RELU:
      case Op.PRELU: {
        const act: Activation =
          op.builtin === Op.RELU
            ? { kind: "relu" }
            : { kind: "prelu", slopes: weight(second!, inShape.channels, "PRELU slopes") };
        const channels = inShape.channels;
        steps.push((v) => {
          const data = Float32Array.from(v[x]!);
          applyActivation(data, channels, act);
          v[y] = data;
        });
        break;
      }
      case Op.MAX_POOL_2D: {
        const kernel = options!.int32(3);
        if (options!.int32(4) !== kernel || options!.int8(5) !== FUSED_NONE)
          throw new Error("face mesh: MAX_POOL_2D options");
        const stride = options!.int32(1);
        const out = windowed(kernel, stride, options!.int32(2), options!.int8(0));
        const s = inShape;
        steps.push((v) => (v[y] = maxPool(v[x]!, s, kernel, stride, out)));
        break;
      }
      case Op.PAD: {
        const p = constants.get(second!);
        if (!(p instanceof Int32Array) || p.length !== 8 || p[0] !== 0 || p[1] !== 0)
          throw new Error("face mesh: PAD paddings");
        const [top, bottom, left, right, front, back] = [p[2]!, p[3]!, p[4]!, p[5]!, p[6]!, p[7]!];
        if (
          inShape.height + top + bottom !== outShape.height ||
          inShape.width + left + right !== outShape.width ||
          inShape.channels + front + back !== outShape.channels
        )
          throw new Error("face mesh: PAD shape");
        const s = inShape;
        steps.push((v) => (v[y] = pad(v[x]!, s, top, bottom, left, right, front, back)));
        break;
      }
      case Op.RESHAPE: {
        if (
          shapeOf(model, x).height * inShape.width * inShape.channels !==
          outShape.height * outShape.width * outShape.channels
        )
          throw new Error("face mesh: RESHAPE size");
        steps.push((v) => (v[y] = v[x]));
        break;
      }
      case Op.CONCATENATION: {
        // The graphs concatenate [1, n_i, k] tensors on axis 1: the flat data one after the other.
        const axis = options!.int32(0);
        const dims = model.tensors[y]!.shape;
        const rank = dims.length;
        if ((axis + rank) % rank !== 1 || rank !== 3 || options!.int8(1) !== FUSED_NONE)
          throw new Error("face mesh: CONCATENATION on an unexpected axis");
        const parts = [...op.inputs];
        steps.push((v) => {
          const out = new Float32Array(outShape.channels);
          let at = 0;
          for (const part of parts) {
            out.set(v[part]!, at);
            at += v[part]!.length;
          }
          v[y] = out;
        });
        break;
      }
      case Op.MUL: {
        // A tensor times a constant of its size or a scalar one (the attention mesh scales its
        // points and its crop matrices so).
        const [a, b] = constants.has(x) ? [second!, x] : [x, second!];
        const factor = constants.get(b);
        const size = outShape.height * outShape.width * outShape.channels;
        const aShape = shapeOf(model, a);
        if (
          !(factor instanceof Float32Array) ||
          constants.has(a) ||
          aShape.height * aShape.width * aShape.channels !== size ||
          (factor.length !== 1 && factor.length !== size) ||
          (options && options.int8(0) !== FUSED_NONE)
        )
          throw new Error("face mesh: MUL other than a tensor by a constant of its size or a scalar");
        steps.push((v) => {
          const data = v[a]!;
          const out = new Float32Array(size);
          if (factor.length === 1) for (let i = 0; i < size; i++) out[i] = data[i]! * factor[0]!;
          else for (let i = 0; i < size; i++) out[i] = data[i]! * factor[i]!;
          v[y] = out;
        });
        break;
      }
      case Op.STRIDED_SLICE: {
        // Only the copy the attention mesh makes of its mesh output: from 0 to the end, step 1.
        const dims = model.tensors[x]!.shape;
        const [begin, end, strides] = [
          constants.get(op.inputs[1]!),
          constants.get(op.inputs[2]!),
          constants.get(op.inputs[3]!),
        ];
        const masks = [0, 1, 2, 3, 4].map((f) => options?.int32(f) ?? 0);
        if (
          !(begin instanceof Int32Array && end instanceof Int32Array && strides instanceof Int32Array) ||
          !dims.every((d, i) => begin[i] === 0 && end[i] === d && strides[i] === 1) ||
          masks.some((m) => m !== 0) ||
          model.tensors[y]!.shape.join() !== dims.join()
        )
          throw new Error("face mesh: STRIDED_SLICE other than a whole copy");
        steps.push((v) => (v[y] = v[x]));
        break;
      }
      case -1: {
        if (op.version !== 2) throw new Error(`face mesh: ${name} version ${op.version}, only 2 is known`);
        if (op.custom === "Landmarks2TransformMatrix") {
          const dims = model.tensors[x]!.shape;
          if (dims.length !== 3 || dims[2] !== 3 || outShape.channels !== 16)
            throw new Error("face mesh: Landmarks2TransformMatrix shapes");
          if (!op.customOptions) throw new Error("face mesh: Landmarks2TransformMatrix without options");
          const crop = cropOptions(readFlexMap(op.customOptions), dims[1]!);
          steps.push((v) => (v[y] = landmarksToTransformMatrix(v[x]!, crop)));
        } else if (op.custom === "TransformTensorBilinear") {
          const m = second!;
          if (shapeOf(model, m).channels !== 16 || outShape.channels !== inShape.channels)
            throw new Error("face mesh: TransformTensorBilinear shapes");
          const s = inShape;
          const { height, width } = outShape;
          steps.push((v) => (v[y] = transformTensorBilinear(v[x]!, s, v[m]!, height, width)));
        } else if (op.custom === "TransformLandmarks") {
          const m = second!;
          const dims = model.tensors[x]!.shape;
          const dimensions = dims[dims.length - 1]!;
          if (dims.length !== 3 || (dimensions !== 2 && dimensions !== 3) || shapeOf(model, m).channels !== 16)
            throw new Error("face mesh: TransformLandmarks shapes");
          steps.push((v) => (v[y] = transformLandmarks(v[x]!, dimensions, v[m]!)));
        } else throw new Error(`face mesh: unsupported custom operator ${name}`);
        break;
      }
      default:
        throw new Error(`face mesh: unsupported operator ${name}`);
    }
  }

  const [inputIndex] = model.inputs;
  const input = shapeOf(model, inputIndex!);
  const outputs = model.outputs;
  // Each intermediate is dropped after the step that reads it last: a run holds a few maps at
  // a time, not all of them.
  const freeAfter: number[][] = steps.map(() => []);
  const last = new Map<number, number>();
  stepInputs.forEach((inputs, s) => {
    inputs.forEach((i) => {
      last.set(i, s);
    });
  });
  for (const [tensorIndex, s] of last)
    if (!outputs.includes(tensorIndex) && tensorIndex !== inputIndex) freeAfter[s]!.push(tensorIndex);
  return {
    input,
    macs,
    outputCount: outputs.length,
    run(data: Float32Array): Float32Array[] {
      if (data.length !== input.height * input.width * input.channels) throw new RangeError("face mesh: input size");
      const values: (Float32Array | undefined)[] = new Array(model.tensors.length);
      values[inputIndex!] = data;
      for (let s = 0; s < steps.length; s++) {
        steps[s]!(values);
        for (const tensorIndex of freeAfter[s]!) values[tensorIndex] = undefined;
      }
      return outputs.map((o) => {
        const value = values[o];
        if (!value) throw new Error("face mesh: an output was not computed");
        return value;
      });
    },
  };
}
