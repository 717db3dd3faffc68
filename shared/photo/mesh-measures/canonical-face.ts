// MediaPipe's canonical face model, read from `geometry_pipeline_metadata_landmarks.binarypb`
// (packed in @mediapipe/face_mesh's face_mesh_solution_packed_assets.data at bytes
// [3,737,848, 3,757,224); Apache-2.0). It is a protobuf `GeometryPipelineMetadata`
// (mediapipe/modules/face_geometry/protos/geometry_pipeline_metadata.proto and mesh_3d.proto):
//   1 canonical_mesh: Mesh3d { 1 vertex_type, 2 primitive_type, 3 vertex_buffer (float, 5 per
//     vertex: x, y, z, u, v), 4 index_buffer (uint32, three per triangle) }
//   2 procrustes_landmark_basis: repeated { 1 landmark_id (uint32), 2 weight (float) }
//   3 input_source (enum)
// The model is metric (centimetres), x towards the image's right, y up, z towards the viewer (the
// nose tip, vertex 4, has the largest z). A protobuf reader this small (varints, 32-bit floats,
// length-delimited fields, packed or not) is enough; any other wire type is refused.

export interface CanonicalFace {
  /** 468 × (x, y, z), in the model's centimetres. */
  vertices: Float64Array;
  /** MediaPipe's Procrustes basis: the landmarks its pose fit uses, with their weights. */
  basis: { id: number; weight: number }[];
  /** The mesh's triangles, three vertex ids each (the same ids as the face mesh's landmarks). */
  triangles: Uint32Array;
}

type Field = { field: number; wire: number; value: number; bytes?: Uint8Array; offset: number };

function readFields(bytes: Uint8Array): Field[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fields: Field[] = [];
  let i = 0;
  const varint = (): number => {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (i >= bytes.length) throw new Error("canonical face: truncated varint");
      const byte = bytes[i++]!;
      value += (byte & 127) * scale;
      scale *= 128;
      if (byte < 128) return value;
    }
  };
  while (i < bytes.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    const wire = key % 8;
    const offset = i;
    if (wire === 0) fields.push({ field, wire, value: varint(), offset });
    else if (wire === 5) {
      if (i + 4 > bytes.length) throw new Error("canonical face: truncated float");
      fields.push({ field, wire, value: view.getFloat32(i, true), offset });
      i += 4;
    } else if (wire === 2) {
      const length = varint();
      if (i + length > bytes.length) throw new Error("canonical face: truncated field");
      fields.push({ field, wire, value: length, bytes: bytes.subarray(i, i + length), offset });
      i += length;
    } else throw new Error(`canonical face: unexpected protobuf wire type ${wire}`);
  }
  return fields;
}

/** Unsigned integers of a repeated uint32 field, written packed (varints) or one by one. */
function uints(fields: Field[], field: number): number[] {
  const out: number[] = [];
  for (const f of fields) {
    if (f.field !== field) continue;
    if (f.wire === 0) out.push(f.value);
    else if (f.wire === 2 && f.bytes) {
      let value = 0;
      let scale = 1;
      for (const byte of f.bytes) {
        value += (byte & 127) * scale;
        scale *= 128;
        if (byte < 128) {
          out.push(value);
          value = 0;
          scale = 1;
        }
      }
    }
  }
  return out;
}

/** Floats of a repeated float field, written packed or one by one. */
function floats(fields: Field[], field: number): number[] {
  const out: number[] = [];
  for (const f of fields) {
    if (f.field !== field) continue;
    if (f.wire === 5) out.push(f.value);
    else if (f.wire === 2 && f.bytes) {
      const view = new DataView(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength);
      for (let j = 0; j + 4 <= f.bytes.length; j += 4) out.push(view.getFloat32(j, true));
    }
  }
  return out;
}

export function parseCanonicalFace(bytes: Uint8Array): CanonicalFace {
  const top = readFields(bytes);
  const mesh = top.find((f) => f.field === 1 && f.bytes);
  if (!mesh?.bytes) throw new Error("canonical face: no canonical mesh");
  const meshFields = readFields(mesh.bytes);
  const buffer = floats(meshFields, 3);
  if (buffer.length !== 468 * 5) throw new Error(`canonical face: ${buffer.length} vertex floats, expected ${468 * 5}`);
  const vertices = new Float64Array(468 * 3);
  for (let v = 0; v < 468; v++) for (let c = 0; c < 3; c++) vertices[v * 3 + c] = buffer[v * 5 + c]!;
  const basis = top
    .filter((f) => f.field === 2 && f.bytes)
    .map((f) => {
      const inner = readFields(f.bytes!);
      return {
        id: inner.find((g) => g.field === 1 && g.wire === 0)?.value ?? 0,
        weight: inner.find((g) => g.field === 2 && g.wire === 5)?.value ?? 0,
      };
    });
  if (basis.length === 0 || basis.some((b) => !(b.id >= 0 && b.id < 468 && b.weight > 0)))
    throw new Error("canonical face: bad Procrustes basis");
  const indices = uints(meshFields, 4);
  if (indices.length % 3 !== 0 || indices.some((i) => i >= 468)) throw new Error("canonical face: bad triangles");
  return { vertices, basis, triangles: Uint32Array.from(indices) };
}

/** Where the file sits in @mediapipe/face_mesh@0.4.1657299874's packed data (its loader script). */
export const CANONICAL_FACE_BYTE_RANGE = [3737848, 3757224] as const;
