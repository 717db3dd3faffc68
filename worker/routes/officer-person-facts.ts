import type { OfficerPersonFacts } from "../../shared/api/review-answers.ts";

/** The officers' view of who a person is, from the identity in force and the language their reader
 *  chose (the acting account's, when there is one; else the import's). */
export function officerPersonFacts(
  person: OfficerPersonFacts & Record<string, unknown>,
  reader: { language: "en" | "fr" } | undefined,
): OfficerPersonFacts {
  const { id, givenNames, familyName, uci, dateOfBirth, role } = person;
  return { id, givenNames, familyName, uci, dateOfBirth, role, language: reader?.language ?? person.language };
}
