/**
 * The search key of a name, and the officer's query folded the same way, so
 * "zoe", "ZOË" and "nguyen" all find "Zoë Lefèvre-Nguyễn" (issue 18). One
 * pure function for both sides: a key and a query folded differently would
 * miss each other.
 *
 * NFKD splits accented letters into a base letter and combining marks, which
 * are dropped; then case is folded. A few letters are letters of their own
 * that NFKD leaves whole (ł is not l + a mark): those are mapped by hand to
 * what a person typing on an English or French keyboard would type.
 */
const LETTERS: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
  ħ: "h",
  ŧ: "t",
  ŋ: "n",
  ĸ: "k",
  ƒ: "f",
  ɨ: "i",
  ʉ: "u",
  ς: "σ",
};
const HAND_MAPPED = new RegExp(`[${Object.keys(LETTERS).join("")}]`, "gu");

export function searchFold(text: string): string {
  return (
    text
      .normalize("NFKD")
      // Lower case after NFKD, then NFKD again: "İ" lowers to "i" + a combining dot, which goes too.
      .toLowerCase()
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .replace(HAND_MAPPED, (letter) => LETTERS[letter]!)
  );
}

/** The key stored for a person: given names and family name, as the queue shows them, folded. */
export function personSearchKey(givenNames: string, familyName: string): string {
  return searchFold(`${givenNames} ${familyName}`);
}
