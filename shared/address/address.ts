/**
 * A mailing address in Canada, as the API takes and returns it (shared by the
 * worker and the client). `province` is a code (`ON`), `postalCode` is
 * normalized to `A1A 1A1`.
 */
export interface Address {
  unit: string | null;
  streetNumber: string;
  streetName: string;
  city: string;
  province: string;
  postalCode: string;
}

/** The free-text fields of an address (province is a code from a list, the postal code has its own rule). */
export const ADDRESS_TEXT_FIELDS = ["unit", "streetNumber", "streetName", "city"] as const;

/** The marks real Canadian addresses use besides letters, digits and spaces (shown in the field message). */
export const ADDRESS_MARKS = "- ' . , # / & ( ) !";

/*
 * What a Canada Post address can hold, in English or French: Latin letters
 * with their accents (typed precomposed, or as a letter followed by up to three
 * combining marks), digits, ½, spaces, and the marks above (’ and ʼ count as '; "!" is
 * for Saint-Louis-du-Ha! Ha!). Nothing else: no markup (< > " ;), no formula
 * characters (= + @), no control, invisible or bidirectional characters, no
 * other scripts or emoji. A field starts with a letter, a digit or # ("#4"),
 * so no field can start a spreadsheet formula (= + - @) in cards.csv.
 */
const LATIN_LETTER = String.raw`(?![\uFF00-\uFFEF])\p{Script=Latin}`; // fullwidth forms are not on envelopes
const ADDRESS_TEXT = new RegExp(String.raw`^(?:${LATIN_LETTER}\p{Mn}{0,3}|[0-9½ \-'’ʼ.,#/&()!])*$`, "u");
const ADDRESS_START = new RegExp(`^(?:${LATIN_LETTER}|[0-9#])`, "u");

type AddressTextProblem = "invalid_characters" | "invalid_start";

/** Why a non-empty, trimmed address field cannot be a Canada Post address, or null if it can. */
export function addressTextProblem(value: string): AddressTextProblem | null {
  if (!ADDRESS_TEXT.test(value)) return "invalid_characters";
  if (value !== "" && !ADDRESS_START.test(value)) return "invalid_start";
  return null;
}
