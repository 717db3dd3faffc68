// Representatives (issue 17 point 1, decision 026): what the applicant's routes
// (worker/routes/representatives.ts, client/pages/representatives) and the
// representative's own read-only routes (worker/routes/representing.ts,
// client/pages/representing) accept and answer.
import * as v from "valibot";
import { isValidEmail } from "../people/import-records.ts";
import type { Language } from "./messages.ts";
import type { PersonTasks, StatusTimeline } from "./persons.ts";
import { type SchemaProblem, line, required, text, withRules } from "./problems.ts";

export const REPRESENTATIVE_KINDS = ["lawyer", "consultant", "helper"] as const;
export type RepresentativeKind = (typeof REPRESENTATIVE_KINDS)[number];

/**
 * The bodies that licence paid representatives before IRCC: the College of Immigration and
 * Citizenship Consultants for consultants; the law societies (and Quebec's notaries) for lawyers.
 */
export const LICENCE_BODIES = {
  cicc: {
    kind: "consultant",
    en: "College of Immigration and Citizenship Consultants (CICC)",
    fr: "Collège des consultants en immigration et en citoyenneté (CCIC)",
  },
  lsbc: { kind: "lawyer", en: "Law Society of British Columbia", fr: "Law Society of British Columbia" },
  lsa: { kind: "lawyer", en: "Law Society of Alberta", fr: "Law Society of Alberta" },
  lss: { kind: "lawyer", en: "Law Society of Saskatchewan", fr: "Law Society of Saskatchewan" },
  lsm: { kind: "lawyer", en: "Law Society of Manitoba", fr: "Société du Barreau du Manitoba" },
  lso: { kind: "lawyer", en: "Law Society of Ontario", fr: "Barreau de l'Ontario" },
  bq: { kind: "lawyer", en: "Barreau du Québec", fr: "Barreau du Québec" },
  cnq: { kind: "lawyer", en: "Chambre des notaires du Québec", fr: "Chambre des notaires du Québec" },
  lsnb: { kind: "lawyer", en: "Law Society of New Brunswick", fr: "Barreau du Nouveau-Brunswick" },
  nsbs: { kind: "lawyer", en: "Nova Scotia Barristers' Society", fr: "Nova Scotia Barristers' Society" },
  lspei: { kind: "lawyer", en: "Law Society of Prince Edward Island", fr: "Law Society of Prince Edward Island" },
  lsnl: {
    kind: "lawyer",
    en: "Law Society of Newfoundland and Labrador",
    fr: "Law Society of Newfoundland and Labrador",
  },
  lsy: { kind: "lawyer", en: "Law Society of Yukon", fr: "Barreau du Yukon" },
  lsnt: { kind: "lawyer", en: "Law Society of the Northwest Territories", fr: "Barreau des Territoires du Nord-Ouest" },
  lsn: { kind: "lawyer", en: "Law Society of Nunavut", fr: "Barreau du Nunavut" },
} as const satisfies Record<string, { kind: "lawyer" | "consultant"; en: string; fr: string }>;
export type LicenceBody = keyof typeof LICENCE_BODIES;

export const REPRESENTATIVE_NAME_MAX = 100;
/** A licence number as the bodies print them: letters, digits and hyphens (a CICC number is R and 6 digits). */
const LICENCE_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{0,19}$/;
const CICC_NUMBER = /^R\d{6}$/i;

/** Whether a representative is paid, so their licence is recorded and shown to officers. */
export const isPaid = (kind: RepresentativeKind) => kind !== "helper";

/** `POST /api/representatives/invite`: who, at which address, and for a paid one the licence. */
export const InviteRepresentativeBody = withRules(
  v.object({
    name: line(),
    email: v.pipe(text(), v.trim(), v.toLowerCase()),
    kind: text(),
    licenceBody: text(),
    licenceNumber: v.pipe(text(), v.trim(), v.toUpperCase()),
    language: text(),
  }),
  (body) => {
    const problems: SchemaProblem[] = [];
    if (!body.name) problems.push(required("name", "labels.representativeName"));
    else if (body.name.length > REPRESENTATIVE_NAME_MAX)
      problems.push({
        field: "name",
        code: "too_long",
        messageKey: "fields.tooLong",
        params: { label: "$labels.representativeNameText", max: REPRESENTATIVE_NAME_MAX },
      });
    if (!body.email) problems.push(required("email", "labels.email"));
    else if (!isValidEmail(body.email))
      problems.push({ field: "email", code: "invalid", messageKey: "fields.emailInvalid" });
    const kind = (REPRESENTATIVE_KINDS as readonly string[]).includes(body.kind)
      ? (body.kind as RepresentativeKind)
      : null;
    if (!kind)
      problems.push({
        field: "kind",
        code: "required",
        messageKey: "fields.chooseOne",
        params: { label: "$labels.representativeKind" },
      });
    if (kind && isPaid(kind)) {
      const licence = Object.hasOwn(LICENCE_BODIES, body.licenceBody)
        ? LICENCE_BODIES[body.licenceBody as LicenceBody]
        : null;
      if (!licence || licence.kind !== kind)
        problems.push({
          field: "licenceBody",
          code: "required",
          messageKey: "fields.chooseOne",
          params: { label: "$labels.licenceBody" },
        });
      if (!body.licenceNumber) problems.push(required("licenceNumber", "labels.licenceNumber"));
      else if (
        !LICENCE_NUMBER.test(body.licenceNumber) ||
        (body.licenceBody === "cicc" && !CICC_NUMBER.test(body.licenceNumber))
      )
        problems.push({ field: "licenceNumber", code: "invalid", messageKey: "representatives.licenceNumberInvalid" });
    }
    if (body.language !== "en" && body.language !== "fr")
      problems.push({
        field: "language",
        code: "required",
        messageKey: "fields.chooseOne",
        params: { label: "$labels.language" },
      });
    return problems;
  },
);
export type InviteRepresentativeInput = v.InferInput<typeof InviteRepresentativeBody>;

/** `POST /api/representatives/revoke`: the grant to end (ids in the body, never in a path). */
export const RevokeRepresentativeBody = v.object({ grantId: v.pipe(v.number(), v.integer(), v.minValue(1)) });

/** One action in a representative's access: given, address confirmed, signed in, a file read, revoked. */
export interface RepresentativeAction {
  at: string;
  /** `refused`: the representative tried something only the applicant may do (declare, submit, change the address…). */
  action: "granted" | "address_confirmed" | "signed_in" | "viewed_person" | "refused" | "revoked";
  /** For `revoked`: who ended it (the applicant, or the retention purge of the account's data). */
  reason?: GrantEndReason;
}

/** Why a grant ended: the applicant revoked it, or the account's data was erased after retention. */
export type GrantEndReason = "applicant" | "account_purged";

/** A grant as the applicant sees it: who, since when, every action, and whether it still holds. */
export interface RepresentativeGrant {
  grantId: number;
  name: string;
  email: string;
  kind: RepresentativeKind;
  licence: { body: LicenceBody; number: string } | null;
  /** `waiting`: the representative has not yet confirmed their address and chosen a password. */
  state: "waiting" | "active" | "revoked";
  since: string;
  revokedAt: string | null;
  revokedReason: GrantEndReason | null;
  actions: RepresentativeAction[];
}

/** `GET /api/representatives`: every grant the account gave, newest first. */
export interface RepresentativeList {
  representatives: RepresentativeGrant[];
}

/** `POST /api/representatives/invite` 201. */
export interface RepresentativeInvited {
  grantId: number;
  /** `confirmation_sent`: a new representative must confirm their address first; `access_given`: a known one sees it now. */
  outcome: "confirmation_sent" | "access_given";
}

/** A person a representative may see, through one applicant's grant. */
export interface RepresentedPerson {
  id: number;
  givenNames: string;
  familyName: string;
  role: "principal" | "dependant";
  tasks: PersonTasks;
  /** Since when the representative sees this person (the grant's date). */
  since: string;
}

/** `GET /api/representing`: the representative and the persons they may see. */
export interface RepresentingOverview {
  representative: { name: string; username: string; language: Language };
  persons: RepresentedPerson[];
}

/** `GET /api/representing/persons/:personId`: one person's tasks and status, read-only. */
export interface RepresentedPersonStatus extends RepresentedPerson {
  status: StatusTimeline;
}
