// A copy of a TrueType font whose glyph records all have an even length (decision 012).
//
// Why: @pdf-lib/fontkit 1.1.1 subsets a TrueType font by copying each used glyph's bytes and, when
// the subset's glyph data is under 64 KB (always, for a one-page document), writes the short `loca`
// format, which stores offsets halved. Noto Sans, like most fonts built by fontmake, has
// unpadded glyphs (1,323 of 4,503 of odd length, long `loca`), so every glyph after an odd one
// starts at a wrong offset and viewers draw it blank or garbled, while the text still extracts
// correctly through the ToUnicode map. Padding each glyph to an even length in the font given to
// fontkit keeps every subset offset even. Only fontkit reads this copy, and it rebuilds the table
// directory and checksums when it writes the subset, so they are not recomputed here.

const cache = new WeakMap<object, Uint8Array>();

function tableDirectory(view: DataView): Map<string, { offset: number; length: number }> {
  const tables = new Map<string, { offset: number; length: number }>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    const tag = String.fromCharCode(
      view.getUint8(record),
      view.getUint8(record + 1),
      view.getUint8(record + 2),
      view.getUint8(record + 3),
    );
    tables.set(tag, { offset: view.getUint32(record + 8), length: view.getUint32(record + 12) });
  }
  return tables;
}

export function withEvenGlyphs(font: ArrayBuffer | Uint8Array): Uint8Array {
  const cached = cache.get(font);
  if (cached) return cached;
  const bytes = font instanceof Uint8Array ? font : new Uint8Array(font);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = tableDirectory(view);
  const [head, maxp, loca, glyf] = ["head", "maxp", "loca", "glyf"].map((tag) => tables.get(tag));
  if (!head || !maxp || !loca || !glyf) throw new Error("withEvenGlyphs: not a TrueType font with glyf outlines");
  const longOffsets = view.getInt16(head.offset + 50) === 1;
  const glyphCount = view.getUint16(maxp.offset + 4);
  const offsetAt = (i: number) =>
    longOffsets ? view.getUint32(loca.offset + i * 4) : view.getUint16(loca.offset + i * 2) * 2;

  // New glyf (each glyph padded to an even length) and long loca, appended after the original
  // data; the directory records of glyf and loca and head's loca format point to them.
  const glyphs: Uint8Array[] = [];
  const offsets = new Uint32Array(glyphCount + 1);
  let size = 0;
  for (let i = 0; i < glyphCount; i++) {
    const glyph = bytes.subarray(glyf.offset + offsetAt(i), glyf.offset + offsetAt(i + 1));
    offsets[i] = size;
    glyphs.push(glyph);
    size += glyph.length + (glyph.length % 2);
  }
  offsets[glyphCount] = size;
  const base = bytes.length + ((4 - (bytes.length % 4)) % 4);
  const newLoca = base;
  const newGlyf = newLoca + offsets.length * 4;
  const out = new Uint8Array(newGlyf + size);
  out.set(bytes);
  const outView = new DataView(out.buffer);
  offsets.forEach((offset, i) => {
    outView.setUint32(newLoca + i * 4, offset);
  });
  glyphs.forEach((glyph, i) => {
    out.set(glyph, newGlyf + offsets[i]!);
  });
  outView.setInt16(head.offset + 50, 1);
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    const tag = String.fromCharCode(out[record]!, out[record + 1]!, out[record + 2]!, out[record + 3]!);
    if (tag === "loca") {
      outView.setUint32(record + 8, newLoca);
      outView.setUint32(record + 12, offsets.length * 4);
    } else if (tag === "glyf") {
      outView.setUint32(record + 8, newGlyf);
      outView.setUint32(record + 12, size);
    }
  }
  cache.set(font, out);
  return out;
}
