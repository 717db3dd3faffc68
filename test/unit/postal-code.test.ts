import { describe, expect, it } from "vitest";
import { checkPostalCode } from "../../shared/address/postal-code.ts";
import { PROVINCES } from "../../shared/address/provinces.ts";

// One real postal code per province and territory.
const SAMPLES: Record<string, string> = {
  AB: "T5J 0N3",
  BC: "V6B 1A1",
  MB: "R3C 4T3",
  NB: "E1C 4M3",
  NL: "A1C 5M2",
  NS: "B3H 4R2",
  NT: "X1A 2L9",
  NU: "X0A 0H0",
  ON: "K1A 0B1",
  PE: "C1A 7N8",
  QC: "H2Y 1C6",
  SK: "S4P 3Y2",
  YT: "Y1A 2C6",
};

describe("postal codes", () => {
  it("covers all 13 provinces and territories", () => {
    expect(PROVINCES.map((p) => p.code).sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  it.each(Object.entries(SAMPLES))(
    "accepts a %s code in its own province, in any case and spacing",
    (province, code) => {
      expect(checkPostalCode(code, province)).toEqual({ ok: true, postalCode: code });
      expect(checkPostalCode(code.toLowerCase().replace(" ", ""), province)).toEqual({ ok: true, postalCode: code });
    },
  );

  it.each(Object.keys(SAMPLES))("refuses, naming both, a code from elsewhere for %s", (province) => {
    const other = Object.entries(SAMPLES).find(([p, code]) => p !== province && code[0] !== SAMPLES[province]![0])!;
    const result = checkPostalCode(other[1], province);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe("province_mismatch");
    if (result.problem.code !== "province_mismatch") return;
    expect(result.problem.chosen.code).toBe(province);
    expect(result.problem.belongsTo.map((p) => p.code)).toContain(other[0]);
  });

  it("tells Nunavut and the Northwest Territories apart within X", () => {
    expect(checkPostalCode("X0A 0H0", "NT").ok).toBe(false);
    expect(checkPostalCode("X1A 2L9", "NU").ok).toBe(false);
  });

  it("refuses the wrong shape and letters Canada Post never uses", () => {
    expect(checkPostalCode("", "ON")).toEqual({ ok: false, problem: { code: "required" } });
    expect(checkPostalCode("K1A 0B", "ON")).toEqual({ ok: false, problem: { code: "format" } });
    expect(checkPostalCode("11A 0B1", "ON")).toEqual({ ok: false, problem: { code: "format" } });
    expect(checkPostalCode("K1A 0B1 2", "ON")).toEqual({ ok: false, problem: { code: "format" } });
    expect(checkPostalCode("K1O 0B1", "ON")).toEqual({ ok: false, problem: { code: "invalid_letters", letters: "O" } });
    expect(checkPostalCode("W1A 0B1", "ON")).toEqual({ ok: false, problem: { code: "invalid_letters", letters: "W" } });
    expect(checkPostalCode("K1D 0U1", "ON")).toEqual({
      ok: false,
      problem: { code: "invalid_letters", letters: "D, U" },
    });
    // W and Z are fine after the first position.
    expect(checkPostalCode("K1W 0Z1", "ON")).toEqual({ ok: true, postalCode: "K1W 0Z1" });
  });
});
