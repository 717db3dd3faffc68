import fontkit from "@pdf-lib/fontkit";
import { describe, expect, it } from "vitest";
import { ECOPR_FONT } from "../../worker/documents/ecopr-font.ts";
import { ECOPR_FONT_RANGES } from "../../shared/people/ecopr-font-coverage.ts";
import { describeCharacters, printedForm, unprintableCharacters } from "../../shared/people/printable-name.ts";

/** Every assigned code point from `first` to `last`. */
function assigned(first: number, last: number): number[] {
  const points: number[] = [];
  for (let c = first; c <= last; c++) if (!/\p{Cn}/u.test(String.fromCodePoint(c))) points.push(c);
  return points;
}

const printable = (c: number) => unprintableCharacters(String.fromCodePoint(c)).length === 0;

describe("the e-CoPR font's coverage table", () => {
  it("is exactly the embedded font's cmap, less controls, format characters, separators and default-ignorables (regenerate with scripts/generate-ecopr-font-coverage.mjs)", () => {
    const font = fontkit.create(new Uint8Array(ECOPR_FONT));
    const fromFont = [...new Set(font.characterSet)]
      .filter(
        (c) => !/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cs}\p{Default_Ignorable_Code_Point}]/u.test(String.fromCodePoint(c)),
      )
      .sort((a, b) => a - b);
    const fromTable: number[] = [];
    for (let i = 0; i < ECOPR_FONT_RANGES.length; i += 2)
      for (let c = ECOPR_FONT_RANGES[i]!; c <= ECOPR_FONT_RANGES[i + 1]!; c++) fromTable.push(c);
    expect(fromTable).toEqual(fromFont);
    // Every printable code point has a real glyph, not .notdef.
    for (const c of fromTable) expect(font.glyphForCodePoint(c).id, c.toString(16)).toBeGreaterThan(0);
  });

  it("covers Latin with all its extensions, Vietnamese, Greek with Greek Extended, and Cyrillic", () => {
    const blocks: [string, number, number][] = [
      ["Basic Latin", 0x20, 0x7e],
      ["Latin-1 Supplement", 0xa0, 0xff],
      ["Latin Extended-A", 0x100, 0x17f],
      ["Latin Extended-B", 0x180, 0x24f],
      ["Latin Extended Additional (Vietnamese)", 0x1e00, 0x1eff],
      ["Latin Extended-C", 0x2c60, 0x2c7f],
      ["Latin Extended-E", 0xab30, 0xab6f],
      ["Combining Diacritical Marks", 0x300, 0x36f],
      ["Greek Extended", 0x1f00, 0x1fff],
      ["Cyrillic", 0x400, 0x4ff],
      ["Cyrillic Supplement", 0x500, 0x52f],
    ];
    for (const [block, first, last] of blocks) {
      const missing = assigned(first, last).filter(
        (c) => !printable(c) && !/\p{Default_Ignorable_Code_Point}/u.test(String.fromCodePoint(c)),
      );
      expect(
        missing.map((c) => c.toString(16)),
        block,
      ).toEqual([]);
    }
    // The Greek block's Greek letters (its Coptic letters, U+03E2–U+03EF, are another script).
    expect(assigned(0x370, 0x3ff).filter((c) => (c < 0x3e2 || c > 0x3ef) && !printable(c))).toEqual([]);
  });

  it("finds what the font cannot print, once each, in the name's printed (NFC) form", () => {
    expect(unprintableCharacters("Zoë Lefèvre-Nguyễn")).toEqual([]);
    expect(unprintableCharacters("Ἀλέξανδρος Дмитрий Łukasz Żółć")).toEqual([]);
    expect(unprintableCharacters("Zoe\u0308")).toEqual([]);
    expect(unprintableCharacters("李小龍 李")).toEqual(["李", "小", "龍"]);
    expect(unprintableCharacters("محمد")).toEqual(["م", "ح", "د"]);
    expect(unprintableCharacters("👩🏽‍🚀")).toEqual(["👩", "🏽", "\u200D", "🚀"]);
    expect(unprintableCharacters("a\u0000b\u202Ec\u00ADd\u034Fe\uFE00")).toEqual([
      "\u0000",
      "\u202E",
      "\u00AD",
      "\u034F",
      "\uFE00",
    ]);
    expect(printedForm("Nguye\u0302\u0303n")).toBe("Nguyễn");
    expect(describeCharacters(["李", "\u200D", "😀"])).toBe('"李" (U+674E), U+200D, "😀" (U+1F600)');
  });
});
