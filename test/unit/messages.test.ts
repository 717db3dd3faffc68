import { describe, expect, it } from "vitest";
import { en, fr } from "../../shared/api/messages.ts";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("server messages", () => {
  it("exist in English and French with the same keys", () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it("use the same placeholders in both languages", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it("are never left untranslated (identical English and French)", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(fr[key], key).not.toBe(en[key]);
  });
});
