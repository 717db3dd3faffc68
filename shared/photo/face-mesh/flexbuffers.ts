// A small reader for FlexBuffers, the schema-less format TFLite stores a custom operator's options
// in (Operator.custom_options with custom_options_format FLEXBUFFERS). Only what MediaPipe's
// attention mesh writes there is read: one map whose values are integers, floats and integer
// vectors (mediapipe-ops.ts). Anything else is refused by name, so a different model fails at load.
//
// Layout, in short: the last byte is the root's byte width, the one before it the root's packed
// type (type << 2 | log2 of its children's width); an "offset" value points back (towards the
// start) by its unsigned value. A map's values are a vector of its width, preceded by [offset to
// its keys vector, that vector's width, the length] and followed by one packed type byte per
// value; each key is an offset to a null-terminated string.

const Type = { INT: 1, UINT: 2, FLOAT: 3, KEY: 4, INDIRECT_INT: 6, INDIRECT_UINT: 7, INDIRECT_FLOAT: 8, MAP: 9 };
const VECTOR_INT = 11;
const VECTOR_UINT = 12;

export type FlexValue = number | number[];

function readUint(view: DataView, at: number, width: number): number {
  if (width === 1) return view.getUint8(at);
  if (width === 2) return view.getUint16(at, true);
  if (width === 4) return view.getUint32(at, true);
  throw new Error(`flexbuffers: unsupported width ${width}`);
}

function readInt(view: DataView, at: number, width: number): number {
  if (width === 1) return view.getInt8(at);
  if (width === 2) return view.getInt16(at, true);
  if (width === 4) return view.getInt32(at, true);
  throw new Error(`flexbuffers: unsupported width ${width}`);
}

function readFloat(view: DataView, at: number, width: number): number {
  if (width === 4) return view.getFloat32(at, true);
  if (width === 8) return view.getFloat64(at, true);
  throw new Error(`flexbuffers: a float of width ${width}`);
}

/** One value stored at `at` with the parent's width `width` and its own packed type byte. */
function readValue(view: DataView, at: number, width: number, packed: number): FlexValue {
  const type = packed >> 2;
  const childWidth = 1 << (packed & 3);
  switch (type) {
    case Type.INT:
      return readInt(view, at, width);
    case Type.UINT:
      return readUint(view, at, width);
    case Type.FLOAT:
      return readFloat(view, at, width);
    case Type.INDIRECT_INT:
      return readInt(view, at - readUint(view, at, width), childWidth);
    case Type.INDIRECT_UINT:
      return readUint(view, at - readUint(view, at, width), childWidth);
    case Type.INDIRECT_FLOAT:
      return readFloat(view, at - readUint(view, at, width), childWidth);
    case VECTOR_INT:
    case VECTOR_UINT: {
      const start = at - readUint(view, at, width);
      const length = readUint(view, start - childWidth, childWidth);
      const read = type === VECTOR_INT ? readInt : readUint;
      return Array.from({ length }, (_, i) => read(view, start + i * childWidth, childWidth));
    }
    default:
      throw new Error(`flexbuffers: unsupported value type ${type}`);
  }
}

function readKey(view: DataView, at: number): string {
  let key = "";
  for (let i = at; view.getUint8(i) !== 0; i++) key += String.fromCharCode(view.getUint8(i));
  return key;
}

/** The root map of a FlexBuffer, as a plain object of numbers and number arrays. */
export function readFlexMap(bytes: Uint8Array): Record<string, FlexValue> {
  if (bytes.byteLength < 3) throw new Error("flexbuffers: too short");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rootWidth = view.getUint8(bytes.byteLength - 1);
  const rootPacked = view.getUint8(bytes.byteLength - 2);
  if (rootPacked >> 2 !== Type.MAP) throw new Error(`flexbuffers: the root is of type ${rootPacked >> 2}, not a map`);
  const rootAt = bytes.byteLength - 2 - rootWidth;
  const map = rootAt - readUint(view, rootAt, rootWidth);
  const width = 1 << (rootPacked & 3);
  const length = readUint(view, map - width, width);
  const keysAt = map - 3 * width;
  const keys = keysAt - readUint(view, keysAt, width);
  const keyWidth = readUint(view, map - 2 * width, width);
  const out: Record<string, FlexValue> = {};
  for (let i = 0; i < length; i++) {
    const keyAt = keys + i * keyWidth;
    const key = readKey(view, keyAt - readUint(view, keyAt, keyWidth));
    const packed = view.getUint8(map + length * width + i);
    out[key] = readValue(view, map + i * width, width, packed);
  }
  return out;
}
