import { type Province, PROVINCES, findProvince } from "./provinces.ts";

/*
 * Canadian postal codes: A1A 1A1. Canada Post never uses D, F, I, O, Q or U
 * (they read like digits or each other), and W and Z never begin a code.
 * The first letter names the province or territory; X is shared by Nunavut
 * (X0A, X0B, X0C) and the Northwest Territories (X0E, X0G, X1A).
 */
const SHAPE = /^[A-Z]\d[A-Z]\d[A-Z]\d$/;
const NEVER = /[DFIOQU]/;
const NUNAVUT_AREAS = ["X0A", "X0B", "X0C"];
const NORTHWEST_AREAS = ["X0E", "X0G", "X1A"];

type PostalCodeProblem =
  | { code: "required" }
  | { code: "format" }
  | { code: "invalid_letters"; letters: string }
  | { code: "province_mismatch"; postalCode: string; belongsTo: Province[]; chosen: Province };

/** Upper case, no spaces or dashes: "k1a0b1", "K1A-0B1" → "K1A0B1". */
function compact(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, "");
}

/** "K1A0B1" → "K1A 0B1". */
function formatPostalCode(compactCode: string): string {
  return `${compactCode.slice(0, 3)} ${compactCode.slice(3)}`;
}

/** The provinces or territories whose postal codes can start like this one. */
function provincesForPostalCode(compactCode: string): Province[] {
  const area = compactCode.slice(0, 3);
  if (compactCode[0] === "X") {
    if (NUNAVUT_AREAS.includes(area)) return [findProvince("NU")!];
    if (NORTHWEST_AREAS.includes(area)) return [findProvince("NT")!];
    return [findProvince("NU")!, findProvince("NT")!];
  }
  return PROVINCES.filter((p) => p.letters.includes(compactCode[0]!));
}

/**
 * Checks a postal code for a province or territory code. Returns the
 * normalized code ("K1A 0B1") or the problem.
 */
export function checkPostalCode(
  raw: string,
  provinceCode: string,
): { ok: true; postalCode: string } | { ok: false; problem: PostalCodeProblem } {
  const value = compact(raw);
  if (!value) return { ok: false, problem: { code: "required" } };
  if (!SHAPE.test(value)) return { ok: false, problem: { code: "format" } };
  const bad = [...value].filter((c, i) => NEVER.test(c) || (i === 0 && (c === "W" || c === "Z")));
  if (bad.length) return { ok: false, problem: { code: "invalid_letters", letters: [...new Set(bad)].join(", ") } };
  const chosen = findProvince(provinceCode);
  const belongsTo = provincesForPostalCode(value);
  if (chosen && !belongsTo.some((p) => p.code === chosen.code)) {
    return {
      ok: false,
      problem: { code: "province_mismatch", postalCode: formatPostalCode(value), belongsTo, chosen },
    };
  }
  return { ok: true, postalCode: formatPostalCode(value) };
}
