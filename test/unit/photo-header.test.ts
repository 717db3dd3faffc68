import { describe, expect, it } from "vitest";
import {
  MAX_JPEG_SCANS,
  checkDeclaredDimensions,
  crc32,
  orientedSize,
  parseJpegHeader,
  parsePngHeader,
  sniffImageType,
  type HeaderResult,
} from "../../shared/photo/header.ts";
import { orientationOnlyExif, stripMetadata } from "../../worker/photo/strip-metadata.ts";
import {
  PNG_SIGNATURE,
  buildJpeg,
  concatBytes,
  corruptPngCrc,
  decompressionBombPng,
  drawPortrait,
  encodePng,
  findAscii,
  heicLike,
  hugeDeclaredPng,
  ihdr,
  pngChunk,
  prng,
  segment,
  smallPng,
  tEXt,
  tIME,
  zlib,
} from "../support/photo-fixtures.ts";
import { encodeFourComponentJpeg } from "../support/cmyk-jpeg.ts";
import { avifFile, ftypFile, heicFile, heifFile } from "../support/isobmff.ts";

function ok<T>(result: HeaderResult<T>): T {
  if (!result.ok) throw new Error(`expected a header, got ${result.error.code}: ${result.error.detail}`);
  return result.header;
}
function errorOf<T>(result: HeaderResult<T>) {
  if (result.ok) throw new Error("expected an error, got a header");
  return result.error;
}
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe("sniffImageType", () => {
  it("reads the type from the bytes, not the name", async () => {
    expect(sniffImageType(buildJpeg())).toBe("jpeg");
    expect(sniffImageType(await smallPng(8, 8))).toBe("png");
    expect(sniffImageType(heicLike())).toBe("heic");
    expect(sniffImageType(concatBytes([ascii("GIF89a"), [1, 0, 1, 0, 0, 0, 0]]))).toBe("gif");
    expect(sniffImageType(concatBytes([ascii("RIFF"), [0, 0, 0, 0], ascii("WEBPVP8 ")]))).toBe("webp");
    expect(sniffImageType(ascii("%PDF-1.7\n"))).toBe("unknown");
    expect(sniffImageType(new Uint8Array(0))).toBe("unknown");
    expect(sniffImageType(Uint8Array.of(0xff, 0xd8))).toBe("unknown");
  });

  it("finds HEIF in the compatible brands too", () => {
    const mif1 = concatBytes([[0, 0, 0, 24], ascii("ftypXXXX"), [0, 0, 0, 0], ascii("isommif1")]);
    expect(sniffImageType(mif1)).toBe("heif");
    const mp4 = concatBytes([[0, 0, 0, 24], ascii("ftypisom"), [0, 0, 0, 0], ascii("isomavc1")]);
    expect(sniffImageType(mp4)).toBe("unknown");
  });

  it("tells HEIC, AVIF and other HEIF files apart by their ftyp brands", () => {
    expect(sniffImageType(heicFile())).toBe("heic");
    expect(sniffImageType(avifFile())).toBe("avif");
    expect(sniffImageType(heifFile())).toBe("heif");
    // Every HEVC brand makes a HEIC, as the major brand or only among the compatible ones.
    for (const brand of ["heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs"]) {
      expect(sniffImageType(ftypFile(brand, [])), brand).toBe("heic");
      expect(sniffImageType(ftypFile("mif1", ["mif1", "miaf", brand])), `mif1 + ${brand}`).toBe("heic");
    }
    // AVIF still pictures and sequences, whatever the major brand.
    expect(sniffImageType(ftypFile("avis", ["avis", "msf1", "miaf"]))).toBe("avif");
    expect(sniffImageType(ftypFile("mif1", ["mif1", "avif"]))).toBe("avif");
    // HEIF structure brands alone (image or sequence) are a generic HEIF.
    expect(sniffImageType(ftypFile("msf1", ["msf1", "iso8"]))).toBe("heif");
    expect(sniffImageType(ftypFile("mif2", []))).toBe("heif");
    // A HEVC brand wins over an AV1 one (the file holds HEVC pictures).
    expect(sniffImageType(ftypFile("avif", ["mif1", "heic"]))).toBe("heic");
    // Video and QuickTime files are not photos of any kind.
    expect(sniffImageType(ftypFile("isom", ["isom", "avc1", "mp41"]))).toBe("unknown");
    expect(sniffImageType(ftypFile("qt  ", ["qt  "]))).toBe("unknown");
  });

  it("reads brands only inside the ftyp box", () => {
    // The box says 20 bytes (major, minor, one compatible brand): "avif" right after it is mdat data.
    const file = concatBytes([
      [0, 0, 0, 20],
      ascii("ftypmif1"),
      [0, 0, 0, 0],
      ascii("mif1"),
      ascii("avif"),
      new Uint8Array(16),
    ]);
    expect(sniffImageType(file)).toBe("heif");
  });
});

describe("parseJpegHeader", () => {
  it("reads a baseline colour JPEG", () => {
    const h = ok(parseJpegHeader(buildJpeg({ width: 900, height: 1260 })));
    expect(h).toMatchObject({
      width: 900,
      height: 1260,
      components: 3,
      colorSpace: "ycbcr",
      process: "baseline",
      precision: 8,
      scans: 1,
      orientation: 1,
      trailingBytes: 0,
      metadata: [],
      hasIccProfile: false,
    });
  });

  it("accepts extended and progressive JPEGs and counts scans", () => {
    expect(ok(parseJpegHeader(buildJpeg({ sof: 0xc1 }))).process).toBe("extended");
    const p = ok(parseJpegHeader(buildJpeg({ sof: 0xc2, scans: 10 })));
    expect(p).toMatchObject({ process: "progressive", scans: 10 });
  });

  it("refuses arithmetic, lossless and hierarchical JPEGs, 12-bit samples and too many scans", () => {
    for (const sof of [0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]) {
      expect(errorOf(parseJpegHeader(buildJpeg({ sof }))).code, sof.toString(16)).toBe("unsupported");
    }
    expect(errorOf(parseJpegHeader(buildJpeg({ sof: 0xc1, precision: 12 }))).code).toBe("unsupported");
    expect(ok(parseJpegHeader(buildJpeg({ sof: 0xc2, scans: MAX_JPEG_SCANS }))).scans).toBe(MAX_JPEG_SCANS);
    const tooMany = errorOf(parseJpegHeader(buildJpeg({ sof: 0xc2, scans: MAX_JPEG_SCANS + 1 })));
    expect(tooMany).toMatchObject({ code: "unsupported" });
    expect(tooMany.detail).toMatch(/scans/);
  });

  it("reports CMYK and YCCK for four-component files written as Photoshop does (Adobe APP14, transform 0 or 2)", () => {
    const portrait = drawPortrait({ width: 64, height: 88 });
    expect(ok(parseJpegHeader(encodeFourComponentJpeg(portrait, "cmyk")))).toMatchObject({
      components: 4,
      colorSpace: "cmyk",
      process: "baseline",
    });
    expect(ok(parseJpegHeader(encodeFourComponentJpeg(portrait, "ycck")))).toMatchObject({
      components: 4,
      colorSpace: "ycck",
      process: "baseline",
    });
  });

  it("reports grey, RGB, CMYK and YCCK colour", () => {
    expect(ok(parseJpegHeader(buildJpeg({ components: 1 }))).colorSpace).toBe("grey");
    expect(ok(parseJpegHeader(buildJpeg({ components: 3, adobeTransform: 0 }))).colorSpace).toBe("rgb");
    expect(ok(parseJpegHeader(buildJpeg({ components: 4 }))).colorSpace).toBe("cmyk");
    expect(ok(parseJpegHeader(buildJpeg({ components: 4, adobeTransform: 0 }))).colorSpace).toBe("cmyk");
    expect(ok(parseJpegHeader(buildJpeg({ components: 4, adobeTransform: 2 }))).colorSpace).toBe("ycck");
    expect(errorOf(parseJpegHeader(buildJpeg({ components: 2 }))).code).toBe("unsupported");
  });

  it("reads the EXIF orientation in both byte orders", () => {
    expect(ok(parseJpegHeader(buildJpeg({ orientation: 6 }))).orientation).toBe(6);
    expect(ok(parseJpegHeader(buildJpeg({ orientation: 8, byteOrder: "MM" }))).orientation).toBe(8);
    expect(ok(parseJpegHeader(buildJpeg({ orientation: 3, byteOrder: "MM" }))).orientation).toBe(3);
    // Out of range: ignored, like browsers do.
    expect(ok(parseJpegHeader(buildJpeg({ orientation: 9 }))).orientation).toBe(1);
    expect(ok(parseJpegHeader(buildJpeg({ orientation: 6 }))).metadata).toContain("exif");
  });

  it("survives a malformed EXIF block (orientation 1, still metadata)", () => {
    const broken = segment(0xe1, [...ascii("Exif"), 0, 0, ...ascii("II"), 42, 0, 0xff, 0xff, 0xff, 0x7f]);
    const jpeg = buildJpeg();
    const withBroken = concatBytes([jpeg.subarray(0, 2), broken, jpeg.subarray(2)]);
    const h = ok(parseJpegHeader(withBroken));
    expect(h.orientation).toBe(1);
    expect(h.metadata).toContain("exif");
  });

  it("lists the metadata to strip and notes an ICC profile", () => {
    const h = ok(
      parseJpegHeader(
        buildJpeg({ orientation: 1, xmp: true, app13: true, comment: "hello", icc: true, jfifThumbnail: true }),
      ),
    );
    expect(h.metadata.sort()).toEqual(["app13", "com", "exif", "jfif-thumbnail", "xmp"]);
    expect(h.hasIccProfile).toBe(true);
  });

  it("needs the EOI marker: a truncated file is refused", () => {
    expect(errorOf(parseJpegHeader(buildJpeg({ eoi: false })))).toMatchObject({ code: "truncated" });
    const full = buildJpeg({ orientation: 6 });
    for (const cut of [3, 10, 30, findAscii(full, "Exif") + 10, full.length - 40, full.length - 1]) {
      expect(errorOf(parseJpegHeader(full.subarray(0, cut))).code, `cut at ${cut}`).toBe("truncated");
    }
    expect(errorOf(parseJpegHeader(new Uint8Array(0))).code).toBe("truncated");
  });

  it("accepts and counts trailing bytes after EOI", () => {
    const h = ok(parseJpegHeader(buildJpeg({ trailing: ascii("PK\x03\x04 a zip file appended") })));
    expect(h.trailingBytes).toBe(24);
  });

  it("refuses structural damage as corrupt", () => {
    expect(errorOf(parseJpegHeader(ascii("not a jpeg at all"))).code).toBe("corrupt");
    const jpeg = buildJpeg();
    // A segment length below 2.
    const dqt = findAscii(jpeg, "\xff\xdb");
    const badLength = jpeg.slice();
    badLength[dqt + 2] = 0;
    badLength[dqt + 3] = 1;
    expect(errorOf(parseJpegHeader(badLength)).code).toBe("corrupt");
    // Garbage where a marker should be.
    const garbage = jpeg.slice();
    garbage[dqt] = 0x12;
    expect(errorOf(parseJpegHeader(garbage)).code).toBe("corrupt");
    // A scan before the frame header.
    const sosOnly = concatBytes([[0xff, 0xd8], segment(0xda, [1, 1, 0, 0, 63, 0]), [1, 2, 3, 0xff, 0xd9]]);
    expect(errorOf(parseJpegHeader(sosOnly)).code).toBe("corrupt");
    // No image data at all.
    expect(errorOf(parseJpegHeader(Uint8Array.of(0xff, 0xd8, 0xff, 0xd9))).code).toBe("corrupt");
  });

  it("reads a huge declared size without allocating for it", () => {
    const h = ok(parseJpegHeader(buildJpeg({ width: 30000, height: 30000 })));
    expect([h.width, h.height]).toEqual([30000, 30000]);
    expect(checkDeclaredDimensions(h).decodable).toBe(false);
  });
});

describe("parsePngHeader", () => {
  it("reads a valid PNG and sums IDAT sizes", async () => {
    const png = await smallPng(1000, 1400);
    const h = ok(parsePngHeader(png));
    expect(h).toMatchObject({
      width: 1000,
      height: 1400,
      bitDepth: 8,
      colorType: 0,
      interlaced: false,
      metadata: [],
      trailingBytes: 0,
    });
    expect(h.chunks.map((c) => c.type)).toEqual(["IHDR", "IDAT", "IEND"]);
    expect(h.idatBytes).toBe(h.chunks[1]!.length);
    expect(h.iendEnd).toBe(png.length);
  });

  it("reads real 16-bit and interlaced PNGs", async () => {
    const image = drawPortrait({ width: 50, height: 70 });
    expect(ok(parsePngHeader(await encodePng(image, { bitDepth: 16 })))).toMatchObject({
      bitDepth: 16,
      colorType: 2,
      interlaced: false,
    });
    expect(ok(parsePngHeader(await encodePng(image, { interlace: true, alpha: true })))).toMatchObject({
      bitDepth: 8,
      colorType: 6,
      interlaced: true,
    });
  });

  it("lists text and time chunks as metadata", async () => {
    const png = await smallPng(16, 16, [
      tEXt("Comment", "hello"),
      tIME(),
      pngChunk("eXIf", [0x4d, 0x4d, 0, 42, 0, 0, 0, 8]),
    ]);
    expect(ok(parsePngHeader(png)).metadata).toEqual(["tEXt", "tIME", "eXIf"]);
  });

  it("refuses a bad CRC", async () => {
    expect(errorOf(parsePngHeader(corruptPngCrc(await smallPng(64, 64))))).toMatchObject({ code: "corrupt" });
    const badIhdr = (await smallPng(64, 64)).slice();
    badIhdr[20] = badIhdr[20]! ^ 1; // inside IHDR's data
    expect(errorOf(parsePngHeader(badIhdr)).detail).toMatch(/CRC/);
  });

  it("refuses truncated files", async () => {
    const png = await smallPng(64, 64);
    for (const cut of [4, 8, 20, 33, 50, png.length - 12, png.length - 1]) {
      expect(errorOf(parsePngHeader(png.subarray(0, cut))).code, `cut at ${cut}`).toBe("truncated");
    }
  });

  it("checks the chunk order", async () => {
    const idat = pngChunk("IDAT", await zlib(new Uint8Array(65 * 64)));
    const iend = pngChunk("IEND");
    const head = [PNG_SIGNATURE, ihdr(64, 64, 8, 0)];
    const cases: [string, Uint8Array, string][] = [
      ["IHDR not first", concatBytes([PNG_SIGNATURE, tEXt("a", "b"), ihdr(64, 64, 8, 0), idat, iend]), "corrupt"],
      ["two IHDR", concatBytes([...head, ihdr(64, 64, 8, 0), idat, iend]), "corrupt"],
      ["IHDR too long", concatBytes([PNG_SIGNATURE, pngChunk("IHDR", new Uint8Array(14)), idat, iend]), "corrupt"],
      ["IDAT not consecutive", concatBytes([...head, idat, tEXt("a", "b"), idat, iend]), "corrupt"],
      [
        "PLTE after IDAT",
        concatBytes([PNG_SIGNATURE, ihdr(64, 64, 8, 3), idat, pngChunk("PLTE", [0, 0, 0]), iend]),
        "corrupt",
      ],
      ["indexed without PLTE", concatBytes([PNG_SIGNATURE, ihdr(64, 64, 8, 3), idat, iend]), "corrupt"],
      ["PLTE in greyscale", concatBytes([...head, pngChunk("PLTE", [0, 0, 0]), idat, iend]), "corrupt"],
      ["IEND before IDAT", concatBytes([...head, iend]), "corrupt"],
      ["no IEND", concatBytes([...head, idat]), "truncated"],
      ["bad bit depth", concatBytes([PNG_SIGNATURE, ihdr(64, 64, 16, 3), idat, iend]), "corrupt"],
      ["zero width", concatBytes([PNG_SIGNATURE, ihdr(0, 64, 8, 0), idat, iend]), "corrupt"],
      ["APNG", concatBytes([...head, pngChunk("acTL", [0, 0, 0, 2, 0, 0, 0, 0]), idat, iend]), "unsupported"],
      ["unknown critical chunk", concatBytes([...head, pngChunk("ABCD", [1]), idat, iend]), "unsupported"],
      [
        "bad signature",
        concatBytes([[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x00], ihdr(64, 64), idat, iend]),
        "corrupt",
      ],
    ];
    for (const [name, bytes, code] of cases) expect(errorOf(parsePngHeader(bytes)).code, name).toBe(code);
    // Unknown ancillary chunks are fine (and dropped on storage).
    expect(ok(parsePngHeader(concatBytes([...head, pngChunk("prIv", [1, 2]), idat, iend]))).chunks).toHaveLength(4);
  });

  it("reports trailing bytes after IEND", async () => {
    const png = concatBytes([await smallPng(16, 16), ascii("<script>")]);
    expect(ok(parsePngHeader(png)).trailingBytes).toBe(8);
  });

  it("reads huge declared sizes and bombs without decoding them", async () => {
    const huge = ok(parsePngHeader(await hugeDeclaredPng()));
    expect([huge.width, huge.height]).toEqual([30000, 30000]);
    expect(checkDeclaredDimensions(huge)).toMatchObject({ decodable: false, ok: false });
    const bombBytes = await decompressionBombPng();
    expect(bombBytes.length).toBeLessThan(100_000);
    const bomb = ok(parsePngHeader(bombBytes));
    expect([bomb.width, bomb.height, bomb.bitDepth]).toEqual([10000, 10000, 1]);
    expect(checkDeclaredDimensions(bomb).decodable).toBe(false);
  });

  it("computes the PNG CRC-32", () => {
    expect(crc32(ascii("IEND"))).toBe(0xae426082);
    expect(crc32(ascii("123456789"))).toBe(0xcbf43926);
  });
});

describe("damaged input never throws", () => {
  it("gives a header or a typed error for thousands of mutated and cut files", async () => {
    const random = prng(99);
    const seeds = [
      buildJpeg({ orientation: 6, xmp: true, icc: true, comment: "c", scans: 3, sof: 0xc2, trailing: [1, 2, 3] }),
      buildJpeg({ orientation: 3, byteOrder: "MM", components: 1 }),
      await smallPng(24, 24, [tEXt("a", "b"), tIME()]),
      await encodePng(drawPortrait({ width: 20, height: 28 }), { interlace: true }),
    ];
    const codes = new Set<string>();
    for (let round = 0; round < 2000; round++) {
      const original = seeds[round % seeds.length]!;
      let bytes: Uint8Array = original.slice();
      const edits = 1 + Math.floor(random() * 4);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * bytes.length);
        const kind = random();
        if (kind < 0.5) bytes[at] = Math.floor(random() * 256);
        else if (kind < 0.7) bytes[at] = random() < 0.5 ? 0xff : 0x00;
        else if (kind < 0.85) bytes = bytes.subarray(0, at);
        else
          bytes = concatBytes([
            bytes.subarray(0, at),
            bytes.subarray(Math.min(bytes.length, at + 1 + Math.floor(random() * 8))),
          ]);
      }
      for (const parse of [parseJpegHeader, parsePngHeader]) {
        const result = parse(bytes);
        if (!result.ok) codes.add(result.error.code);
      }
      const stripped = stripMetadata(bytes);
      if (stripped.ok) {
        // Whatever was accepted is still a well-formed file of the same type once stripped.
        const again =
          sniffImageType(bytes) === "jpeg" ? parseJpegHeader(stripped.bytes) : parsePngHeader(stripped.bytes);
        expect(again.ok).toBe(true);
      }
      sniffImageType(bytes);
    }
    expect([...codes].sort()).toEqual(["corrupt", "truncated", "unsupported"]);
  });
});

describe("a JPEG named .png", () => {
  it("is sniffed and parsed as the JPEG it is", () => {
    const bytes = buildJpeg(); // the name or Content-Type is never looked at
    expect(sniffImageType(bytes)).toBe("jpeg");
    expect(errorOf(parsePngHeader(bytes)).code).toBe("corrupt");
  });
});

describe("checkDeclaredDimensions and orientedSize", () => {
  it("applies 715×1000 to 2000×2800 and 5:7 ± 1%", () => {
    for (const [w, h] of [
      [715, 1000],
      [2000, 2800],
      [900, 1260],
      [1000, 1400],
      [1428, 2000],
    ] as const)
      expect(checkDeclaredDimensions({ width: w, height: h }), `${w}×${h}`).toMatchObject({
        ok: true,
        problems: [],
        decodable: true,
      });
    expect(checkDeclaredDimensions({ width: 600, height: 840 }).problems).toEqual(["too_small"]);
    expect(checkDeclaredDimensions({ width: 714, height: 1000 }).problems).toEqual(["too_small"]);
    expect(checkDeclaredDimensions({ width: 2005, height: 2807 })).toMatchObject({
      problems: ["too_large"],
      decodable: false,
    });
    expect(checkDeclaredDimensions({ width: 1000, height: 1000 }).problems).toEqual(["wrong_ratio"]);
    expect(checkDeclaredDimensions({ width: 1400, height: 1000 }).problems).toEqual(["wrong_ratio"]);
    // 5:7 is 0.7143; ±1% is 0.7071–0.7214.
    expect(checkDeclaredDimensions({ width: 1009, height: 1400 }).ok).toBe(true);
    expect(checkDeclaredDimensions({ width: 1011, height: 1400 }).problems).toEqual(["wrong_ratio"]);
    expect(checkDeclaredDimensions({ width: 991, height: 1400 }).ok).toBe(true);
    expect(checkDeclaredDimensions({ width: 989, height: 1400 }).problems).toEqual(["wrong_ratio"]);
    expect(checkDeclaredDimensions({ width: 0, height: 0 })).toMatchObject({ ok: false, decodable: false });
  });

  it("swaps width and height for orientations 5 to 8", () => {
    for (const o of [1, 2, 3, 4]) expect(orientedSize(1260, 900, o)).toEqual({ width: 1260, height: 900 });
    for (const o of [5, 6, 7, 8]) expect(orientedSize(1260, 900, o)).toEqual({ width: 900, height: 1260 });
  });
});

describe("stripMetadata", () => {
  it("drops EXIF, XMP, APP13, COM, JFIF thumbnails and trailing data from a JPEG, keeps ICC and the image", () => {
    const original = buildJpeg({
      orientation: 6,
      xmp: true,
      app13: true,
      comment: "GPS here",
      icc: true,
      jfifThumbnail: true,
      trailing: ascii("motion photo video"),
    });
    const stripped = stripMetadata(original);
    if (!stripped.ok) throw new Error(stripped.error.detail);
    expect(stripped.removed.sort()).toEqual(["app13", "com", "exif", "jfif-thumbnail", "trailing-data", "xmp"]);
    // The orientation survives in a minimal EXIF block (so viewers show the photo upright);
    // everything else in the original EXIF (here the camera make "ACM") is gone.
    expect(stripped.orientation).toBe(6);
    const h = ok(parseJpegHeader(stripped.bytes));
    expect(h).toMatchObject({
      orientation: 6,
      metadata: ["exif"],
      hasIccProfile: true,
      trailingBytes: 0,
      width: 1000,
      height: 1400,
    });
    for (const secret of ["ACM", "GPS", "xmpmeta", "Photoshop", "motion"])
      expect(findAscii(stripped.bytes, secret), secret).toBe(-1);
    const exif = findAscii(stripped.bytes, "Exif");
    expect(Array.from(stripped.bytes.subarray(exif - 4, exif + 32))).toEqual(Array.from(orientationOnlyExif(6)));
    // Tables, frame, scans and EOI are byte-for-byte the same.
    const from = (b: Uint8Array) => b.subarray(findAscii(b, "\xff\xdb"), findAscii(b, "\xff\xd9") + 2);
    expect(from(stripped.bytes)).toEqual(from(original));
  });

  it("keeps the orientation in a minimal EXIF block after APP0 JFIF, in either byte order", () => {
    for (const [orientation, byteOrder] of [
      [8, "MM"],
      [3, "II"],
      [5, "II"],
    ] as const) {
      const stripped = stripMetadata(buildJpeg({ orientation, byteOrder, xmp: true }));
      if (!stripped.ok) throw new Error(stripped.error.detail);
      expect(ok(parseJpegHeader(stripped.bytes)).orientation).toBe(orientation);
      // SOI, then the JFIF APP0 (it must come first), then the rewritten EXIF.
      const afterApp0 = 4 + ((stripped.bytes[4]! << 8) | stripped.bytes[5]!);
      expect(Array.from(stripped.bytes.subarray(afterApp0, afterApp0 + 36))).toEqual(
        Array.from(orientationOnlyExif(orientation)),
      );
      // Stripping what was stored changes nothing: the minimal block is kept as is.
      const again = stripMetadata(stripped.bytes);
      if (!again.ok) throw new Error(again.error.detail);
      expect(again.bytes).toEqual(stripped.bytes);
    }
  });

  it("writes no EXIF at all for orientation 1", () => {
    const stripped = stripMetadata(buildJpeg({ orientation: 1 }));
    if (!stripped.ok) throw new Error(stripped.error.detail);
    expect(stripped.orientation).toBe(1);
    expect(findAscii(stripped.bytes, "Exif")).toBe(-1);
  });

  it("keeps the Adobe segment (it defines the colour transform)", () => {
    const stripped = stripMetadata(buildJpeg({ adobeTransform: 0, comment: "x" }));
    if (!stripped.ok) throw new Error(stripped.error.detail);
    expect(ok(parseJpegHeader(stripped.bytes)).colorSpace).toBe("rgb");
  });

  it("leaves a clean JPEG unchanged", () => {
    const clean = buildJpeg();
    const stripped = stripMetadata(clean);
    expect(stripped.ok && stripped.bytes).toEqual(clean);
  });

  it("drops PNG text, time, EXIF and unknown ancillary chunks, keeps the rest byte for byte", async () => {
    const gama = pngChunk("gAMA", [0, 0, 0xb1, 0x8f]);
    const png = concatBytes([
      await smallPng(32, 32, [
        gama,
        tEXt("GPS", "45.42,-75.69"),
        tIME(),
        pngChunk("eXIf", [0x4d, 0x4d, 0, 42, 0, 0, 0, 8]),
        pngChunk("prIv", [1]),
      ]),
      ascii("trailer"),
    ]);
    const stripped = stripMetadata(png);
    if (!stripped.ok) throw new Error(stripped.error.detail);
    expect(stripped.removed).toEqual(["tEXt", "tIME", "eXIf", "prIv", "trailing-data"]);
    expect(stripped.bytes).toEqual(await smallPng(32, 32, [gama]));
  });

  it("refuses what it cannot parse", async () => {
    expect(stripMetadata(buildJpeg({ eoi: false }))).toMatchObject({ ok: false, error: { code: "truncated" } });
    expect(stripMetadata(corruptPngCrc(await smallPng(16, 16)))).toMatchObject({
      ok: false,
      error: { code: "corrupt" },
    });
    expect(stripMetadata(heicLike())).toMatchObject({ ok: false, error: { code: "unsupported" } });
  });
});
