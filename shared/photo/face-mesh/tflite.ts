// A small reader for TensorFlow Lite model files (a FlatBuffer, schema.fbs of TFLite): the
// tensors, their constant buffers, the operators, their options (a custom operator's as its raw
// FlexBuffers bytes, flexbuffers.ts) and their versions, for the two MediaPipe graphs the face mesh
// runs (face-mesh.ts). Only what those graphs use is read; anything else is refused
// by name (graph.ts), so a different model fails at load, not with wrong numbers.
//
// FlatBuffer layout, in short: every offset is little-endian; a table starts with an int32 that
// points back to its vtable (a list of uint16 field offsets, 0 = field absent, default used); a
// reference field (table, vector, string) holds a uint32 offset relative to where it is stored; a
// vector is a uint32 length then its elements.

class Table {
  constructor(
    private readonly view: DataView,
    readonly pos: number,
  ) {}

  private field(index: number): number {
    const vtable = this.pos - this.view.getInt32(this.pos, true);
    const vtableSize = this.view.getUint16(vtable, true);
    const at = 4 + 2 * index;
    if (at >= vtableSize) return 0;
    const offset = this.view.getUint16(vtable + at, true);
    return offset ? this.pos + offset : 0;
  }

  int32(index: number, fallback = 0): number {
    const at = this.field(index);
    return at ? this.view.getInt32(at, true) : fallback;
  }

  uint32(index: number, fallback = 0): number {
    const at = this.field(index);
    return at ? this.view.getUint32(at, true) : fallback;
  }

  int8(index: number, fallback = 0): number {
    const at = this.field(index);
    return at ? this.view.getInt8(at) : fallback;
  }

  uint8(index: number, fallback = 0): number {
    const at = this.field(index);
    return at ? this.view.getUint8(at) : fallback;
  }

  private target(index: number): number {
    const at = this.field(index);
    return at ? at + this.view.getUint32(at, true) : 0;
  }

  table(index: number): Table | undefined {
    const at = this.target(index);
    return at ? new Table(this.view, at) : undefined;
  }

  tables(index: number): Table[] {
    const at = this.target(index);
    if (!at) return [];
    const length = this.view.getUint32(at, true);
    const out: Table[] = [];
    for (let i = 0; i < length; i++) {
      const element = at + 4 + 4 * i;
      out.push(new Table(this.view, element + this.view.getUint32(element, true)));
    }
    return out;
  }

  int32s(index: number): number[] {
    const at = this.target(index);
    if (!at) return [];
    const length = this.view.getUint32(at, true);
    const out: number[] = [];
    for (let i = 0; i < length; i++) out.push(this.view.getInt32(at + 4 + 4 * i, true));
    return out;
  }

  /** A [ubyte] vector as a view into the file (no copy). */
  bytes(index: number): Uint8Array | undefined {
    const at = this.target(index);
    if (!at) return undefined;
    const length = this.view.getUint32(at, true);
    return new Uint8Array(this.view.buffer, this.view.byteOffset + at + 4, length);
  }

  string(index: number): string {
    const bytes = this.bytes(index);
    // Names and custom op codes are ASCII (and only used in messages): no TextDecoder, which
    // this pure project's ES-only library does not declare.
    return bytes ? String.fromCharCode(...bytes) : "";
  }
}

/** TFLite's TensorType values the graphs use. */
export const TensorType = { FLOAT32: 0, FLOAT16: 1, INT32: 2 } as const;

interface TfliteTensor {
  name: string;
  shape: number[];
  type: number;
  /** The constant contents, when the tensor has a non-empty buffer (weights, shapes, paddings). */
  data?: Uint8Array;
}

export interface TfliteOperator {
  /** TFLite BuiltinOperator code (e.g. 3 = CONV_2D), or -1 for a custom op. */
  builtin: number;
  custom?: string;
  inputs: number[];
  outputs: number[];
  /** The builtin options table, read by the op that knows its fields. */
  options?: Table;
  /** A custom op's options (FlexBuffers, flexbuffers.ts), when it has any. */
  customOptions?: Uint8Array;
  /** The operator code's version: a custom op's arithmetic depends on it (mediapipe-ops.ts). */
  version: number;
}

export interface TfliteModel {
  tensors: TfliteTensor[];
  operators: TfliteOperator[];
  inputs: number[];
  outputs: number[];
}

export type { Table as TfliteOptions };

/** Parses the first subgraph of a .tflite file. Throws on anything that is not one. */
export function readTflite(file: ArrayBuffer | Uint8Array): TfliteModel {
  const bytes = file instanceof Uint8Array ? file : new Uint8Array(file);
  if (bytes.byteLength < 8 || String.fromCharCode(bytes[4]!, bytes[5]!, bytes[6]!, bytes[7]!) !== "TFL3")
    throw new Error("face mesh: not a TFLite (TFL3) file");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const model = new Table(view, view.getUint32(0, true));
  const version = model.uint32(0);
  if (version !== 3) throw new Error(`face mesh: TFLite schema version ${version}, expected 3`);
  const opcodes = model.tables(1).map((code) => {
    // builtin_code (field 3) superseded the int8 deprecated_builtin_code (field 0) at 127.
    const builtin = Math.max(code.int8(0), code.int32(3));
    return { builtin, custom: code.string(1) || undefined, version: code.int32(2, 1) };
  });
  const buffers = model.tables(4).map((buffer) => buffer.bytes(0));
  const [graph] = model.tables(2);
  if (!graph) throw new Error("face mesh: TFLite file has no subgraph");
  const tensors = graph.tables(0).map((t): TfliteTensor => {
    const data = buffers[t.uint32(2)];
    return {
      shape: t.int32s(0),
      type: t.int8(1),
      name: t.string(3),
      data: data && data.byteLength > 0 ? data : undefined,
    };
  });
  const operators = graph.tables(3).map((op): TfliteOperator => {
    const code = opcodes[op.uint32(0)];
    if (!code) throw new Error("face mesh: operator with an unknown opcode index");
    return {
      builtin: code.custom ? -1 : code.builtin,
      custom: code.custom,
      inputs: op.int32s(1),
      outputs: op.int32s(2),
      options: op.table(4),
      customOptions: op.bytes(5),
      version: code.version,
    };
  });
  return { tensors, operators, inputs: graph.int32s(1), outputs: graph.int32s(2) };
}
