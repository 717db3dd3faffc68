// Reads a TensorFlow.js weights manifest and its .bin file (as shipped in @vladmandic/face-api's
// model/ folder) into named Float32Arrays. The shipped weights are quantized to uint8: each value
// is min + q · scale, with min and scale per tensor in the manifest.

interface WeightSpec {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype: string; scale: number; min: number };
}

export type WeightManifest = { paths: string[]; weights: WeightSpec[] }[];

export type WeightMap = Map<string, Float32Array>;

const BYTES: Record<string, number> = { uint8: 1, uint16: 2, float32: 4 };

export function readWeights(manifest: WeightManifest, bin: ArrayBuffer): WeightMap {
  const weights: WeightMap = new Map();
  const specs = manifest.flatMap((group) => group.weights);
  let offset = 0;
  for (const spec of specs) {
    const count = spec.shape.reduce((a, b) => a * b, 1);
    const q = spec.quantization;
    const stored = q ? q.dtype : spec.dtype;
    const bytes = BYTES[stored];
    if (!bytes || spec.dtype !== "float32")
      throw new Error(`face model: unsupported weight type ${stored} for ${spec.name}`);
    if (offset + count * bytes > bin.byteLength) throw new Error(`face model: weights file too short at ${spec.name}`);
    let values: Float32Array;
    if (stored === "float32") {
      values = new Float32Array(bin.slice(offset, offset + count * 4));
    } else if (q) {
      const raw =
        stored === "uint8"
          ? new Uint8Array(bin, offset, count)
          : new Uint16Array(bin.slice(offset, offset + count * 2));
      values = new Float32Array(count);
      for (let i = 0; i < count; i++) values[i] = q.min + raw[i]! * q.scale;
    } else {
      throw new Error(`face model: ${spec.name} is ${stored} without quantization`);
    }
    weights.set(spec.name, values);
    offset += count * bytes;
  }
  if (offset !== bin.byteLength)
    throw new Error(`face model: weights file has ${bin.byteLength - offset} unexpected bytes`);
  return weights;
}

/** The named tensor, or an error naming what is missing (a manifest from another model). */
export function take(weights: WeightMap, name: string): Float32Array {
  const value = weights.get(name);
  if (!value) throw new Error(`face model: missing weight ${name}`);
  return value;
}
