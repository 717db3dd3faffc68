// Correcting an e-CoPR (issue 17 point 3, decision 027): what the applicant's and the officers'
// correction routes accept and answer (worker/routes/ecopr-corrections.ts, review-corrections.ts;
// client/pages/ecopr-correction, client/officer/pages/corrections).
import * as v from "valibot";
import { isValidIsoDate, normalizeUci } from "../people/import-records.ts";
import { unprintableCharacters, describeCharacters } from "../people/printable-name.ts";
import { type SchemaProblem, line, text, withRules } from "./problems.ts";
import type { StandardClock } from "../service-standards/standards.ts";

/** The e-CoPR's fields a person can report as wrong, in the form's order (schema/corrections.ts has the same list). */
export const CORRECTION_FIELDS = ["given_names", "family_name", "date_of_birth", "uci"] as const;
export type CorrectionField = (typeof CORRECTION_FIELDS)[number];

/** Each field's name in both languages: the forms, the officers' pages and the emails say it the same way. */
export const CORRECTION_FIELD_LABELS: Readonly<Record<CorrectionField, { en: string; fr: string }>> = {
  given_names: { en: "Given names", fr: "Prénoms" },
  family_name: { en: "Family name", fr: "Nom de famille" },
  date_of_birth: { en: "Date of birth", fr: "Date de naissance" },
  uci: { en: "UCI (client number)", fr: "IUC (numéro de client)" },
};

export function isCorrectionField(value: unknown): value is CorrectionField {
  return typeof value === "string" && (CORRECTION_FIELDS as readonly string[]).includes(value);
}

/** A name on the e-CoPR holds at most this many characters (the import's rule). */
export const NAME_MAX_LENGTH = 100;
/** The officer's reason for a refusal: at most this many characters are kept. */
export const REFUSAL_MAX_LENGTH = 1000;
/** The supporting document's form field (multipart), a JPEG or PNG photo of it. */
export const EVIDENCE_FIELD = "document";

/**
 * The value as it will be stored and printed: a name trimmed with runs of spaces made one, a UCI
 * as its digits, a date as typed (trimmed).
 */
export function normalizedValue(field: CorrectionField, value: string): string {
  if (field === "uci") return normalizeUci(value) ?? value.trim();
  return value.trim().replace(/\s+/g, " ");
}

/** What is wrong with a value for a field, or null; `today` is `YYYY-MM-DD`. */
export function valueProblem(field: CorrectionField, value: string, today: string): SchemaProblem | null {
  const at = (code: string, messageKey: SchemaProblem["messageKey"], params?: SchemaProblem["params"]) => ({
    field: "correctValue",
    code,
    messageKey,
    ...(params ? { params } : {}),
  });
  if (!value) return at("required", "corrections.valueRequired");
  if (field === "date_of_birth") {
    if (!isValidIsoDate(value) || value > today || value < "1900-01-01") return at("date", "corrections.dateInvalid");
    return null;
  }
  if (field === "uci") return normalizeUci(value) ? null : at("uci", "corrections.uciInvalid");
  if (value.length > NAME_MAX_LENGTH) return at("too_long", "corrections.nameTooLong", { max: NAME_MAX_LENGTH });
  // The e-CoPR prints the name exactly, in one font: a name it cannot print is refused here, not misprinted later.
  const unprintable = unprintableCharacters(value);
  if (unprintable.length > 0)
    return at("unprintable", "corrections.nameNotPrintable", { characters: describeCharacters(unprintable) });
  return null;
}

/**
 * `POST /api/persons/:id/ecopr-corrections` (multipart/form-data): the field, the value it should
 * have, and optionally the supporting document in the `document` part (read apart by the route).
 * `today` is the date the rules judge a date of birth against.
 */
export function correctionBody(today: string) {
  return v.pipe(
    withRules(v.object({ field: text(), correctValue: line() }), ({ field, correctValue }) => {
      if (!isCorrectionField(field))
        return [{ field: "field", code: "required", messageKey: "corrections.fieldRequired" } satisfies SchemaProblem];
      const problem = valueProblem(field, normalizedValue(field, correctValue), today);
      return problem ? [problem] : [];
    }),
    v.transform(({ field, correctValue }) => ({
      field: field as CorrectionField,
      correctValue: normalizedValue(field as CorrectionField, correctValue),
    })),
  );
}
export type CorrectionInput = { field: string; correctValue: string };

/** `POST /review/api/persons/:id/corrections/accept`: which report (the one the officer read). */
export const AcceptCorrectionBody = v.object({ correctionId: v.pipe(v.number(), v.integer()) });

/** `POST /review/api/persons/:id/corrections/refuse`: which report, and why (required; sent to the person as written). */
export const RefuseCorrectionBody = withRules(
  v.object({
    correctionId: v.pipe(v.number(), v.integer()),
    reason: v.pipe(
      text(),
      v.transform((reason) => reason.trim().slice(0, REFUSAL_MAX_LENGTH)),
    ),
  }),
  ({ reason }) =>
    reason
      ? []
      : [{ field: "reason", code: "required", messageKey: "corrections.reasonRequired" } satisfies SchemaProblem],
);
export type RefuseCorrectionInput = { correctionId: number; reason: string };

export type CorrectionStatus = "pending" | "accepted" | "refused";

/** One report as the person sees it on their correction page. */
export interface CorrectionSummary {
  id: number;
  field: CorrectionField;
  correctValue: string;
  hasDocument: boolean;
  requestedAt: string;
  status: CorrectionStatus;
  decidedAt: string | null;
  refusalReason: string | null;
}

/** `GET /api/persons/:id/ecopr-corrections`: the e-CoPR in force (what it prints) and the person's reports, newest first. */
export interface CorrectionsState {
  /** Null when no e-CoPR was issued yet: nothing to correct. */
  ecopr: null | {
    issuedOn: string;
    givenNames: string;
    familyName: string;
    dateOfBirth: string;
    uci: string;
  };
  /** True while a report waits for an officer: a second one waits until it is decided. */
  pending: boolean;
  corrections: CorrectionSummary[];
}

/** `POST /api/persons/:id/ecopr-corrections`: the report recorded. */
export interface CorrectionReceived {
  correction: CorrectionSummary;
}

/** One row of the officers' corrections list (`GET /review/api/corrections`). */
export interface CorrectionListItem {
  id: number;
  personId: number;
  name: string;
  uci: string;
  applicationNumber: string;
  field: CorrectionField;
  requestedAt: string;
  status: CorrectionStatus;
  decidedAt: string | null;
  /** A waiting report's clock against the corrections' standard (decision 025); null once decided. */
  clock: StandardClock | null;
}

/** `GET /review/api/persons/:id/corrections`: a person's reports, newest first, beside what the e-CoPR prints. */
export interface PersonCorrections {
  person: { id: number; name: string; applicationNumber: string; language: "en" | "fr" };
  /** What the e-CoPR in force prints. */
  current: { givenNames: string; familyName: string; dateOfBirth: string; uci: string; issuedOn: string } | null;
  corrections: (CorrectionSummary & {
    requestedBy: string;
    decidedBy: string | null;
    /** What the field printed when the person wrote. */
    printedValue: string;
  })[];
}

/** The filters of the officers' list. */
export const CORRECTION_LIST_STATUSES = ["pending", "decided"] as const;
export const CorrectionListQuery = v.object({
  status: v.optional(v.picklist(CORRECTION_LIST_STATUSES), "pending"),
});
