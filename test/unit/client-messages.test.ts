import { describe, expect, it } from "vitest";
import { en } from "../../client/i18n/en.ts";
import { fr } from "../../client/i18n/fr.ts";

type Tree = { readonly [key: string]: string | Tree };

/** Every leaf of a catalogue as [dotted key, text]. */
function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

// Strings that are the same in both languages on purpose: proper names,
// codes, formats, addresses and URLs that are not translated.
const SAME_IN_BOTH = new Set([
  "Canada",
  "Photo",
  "Province",
  "Nunavut",
  "Ontario",
  "Manitoba",
  "Saskatchewan",
  "Alberta",
  "Yukon",
  "Canada.ca",
  "Documents",
  "Date",
  "Code",
  "Note",
  "Type",
  "Pass",
  "Email",
]);

// Keys whose text is the same in both languages by design.
const SAME_BY_DESIGN = new Set([
  "info.genuine.subjectEn", // the genuine email's subject, quoted verbatim on both pages
  "info.genuine.subjectFr",
  "photo.dimensions", // "{width} × {height} pixels" is French too
  "info.browsers.names.edge", // product names: "Microsoft Edge", "Samsung Internet"
  "info.browsers.names.samsung",
]);

describe("client catalogues (every string the pages show)", () => {
  const english = new Map(leaves(en as unknown as Tree));
  const french = new Map(leaves(fr as unknown as Tree));

  it("have exactly the same keys in English and French", () => {
    expect([...french.keys()].filter((k) => !english.has(k))).toEqual([]);
    expect([...english.keys()].filter((k) => !french.has(k))).toEqual([]);
  });

  it("use the same placeholders in both languages", () => {
    const differing = [...english].filter(
      ([key, text]) => JSON.stringify(placeholders(text)) !== JSON.stringify(placeholders(french.get(key) ?? "")),
    );
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  it("leave no English text untranslated on French pages", () => {
    const identical = [...english].filter(([key, text]) => {
      if (french.get(key) !== text || SAME_BY_DESIGN.has(key)) return false;
      if (SAME_IN_BOTH.has(text) || /^https?:\/\//.test(text) || /^[A-Z]{2}$|^(en|fr)$/.test(text)) return false;
      // Language-switch labels and wordmarks name the other language on purpose.
      if (/Lang$|languageToggle|wordmark|Href$|href$/i.test(key)) return false;
      // Texts without letters (formats, punctuation) are language-neutral.
      return /\p{L}{3,}/u.test(text) && text.split(/\s+/).length > 1;
    });
    expect(identical.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
  });
});
