// One person's tasks (worker/routes/persons.ts, task-list.ts, verify.ts; client/pages/presence,
// address, check-answers, status): what the routes accept and what they answer.
import * as v from "valibot";
import { ADDRESS_MARKS, ADDRESS_TEXT_FIELDS, type Address, addressTextProblem } from "../address/address.ts";
import { checkPostalCode } from "../address/postal-code.ts";
import { findProvince } from "../address/provinces.ts";
import type { StandardClock } from "../service-standards/standards.ts";
import { type SchemaProblem, line, withRules, anything } from "./problems.ts";

/**
 * `POST /api/persons/:id/presence`: the person (or their principal) declares they are in Canada.
 * `name` is the person's name when someone else declares for them, so the message says whom.
 */
export function presenceBody(name: string | null) {
  return withRules(v.object({ confirm: anything(), localDate: anything() }), ({ confirm }) => {
    if (confirm === true) return [];
    return [
      name === null
        ? { field: "confirm", code: "required", messageKey: "presence.confirmRequired" }
        : { field: "confirm", code: "required", messageKey: "presence.confirmRequiredFor", params: { name } },
    ];
  });
}
/** What the presence page sends; `localDate` is the person's own date, `YYYY-MM-DD`. */
export type PresenceInput = v.InferInput<ReturnType<typeof presenceBody>>;

/** `POST /api/persons/:id/submit`: the Declaration box (checked after the tasks, so only typed here). */
export const SubmitBody = v.object({ declarationConfirmed: anything() });

/** What an address line can hold: Canada Post's lines, with room to spare. */
export const ADDRESS_MAX_LENGTHS = { unit: 20, streetNumber: 20, streetName: 100, city: 60 } as const;

interface AddressFields {
  unit: string;
  streetNumber: string;
  streetName: string;
  city: string;
  province: string;
  postalCode: string;
}

const labelOf = (field: string) => `$labels.${field}`;

/** Every problem of an address, in the order the API has always listed them. */
function addressProblems(address: AddressFields): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (const field of ["streetNumber", "streetName", "city"] as const) {
    if (!address[field])
      problems.push({ field, code: "required", messageKey: "fields.required", params: { label: labelOf(field) } });
  }
  for (const [field, max] of Object.entries(ADDRESS_MAX_LENGTHS)) {
    if (address[field as keyof typeof ADDRESS_MAX_LENGTHS].length > max)
      problems.push({ field, code: "too_long", messageKey: "fields.tooLong", params: { label: labelOf(field), max } });
  }
  // Only what a Canada Post address can hold (shared/address/address.ts).
  for (const field of ADDRESS_TEXT_FIELDS) {
    if (problems.some((p) => p.field === field)) continue;
    const problem = addressTextProblem(address[field]);
    if (!problem) continue;
    const label = field === "unit" ? "$labels.unitText" : labelOf(field);
    if (problem === "invalid_characters")
      problems.push({
        field,
        code: problem,
        messageKey: "address.invalidCharacters",
        params: { label, marks: ADDRESS_MARKS },
      });
    else problems.push({ field, code: problem, messageKey: "address.invalidStart", params: { label } });
  }
  const province = findProvince(address.province);
  if (!address.province)
    problems.push({
      field: "province",
      code: "required",
      messageKey: "fields.chooseOne",
      params: { label: "$labels.province" },
    });
  else if (!province) problems.push({ field: "province", code: "unknown", messageKey: "address.provinceUnknown" });
  const postal = checkPostalCode(address.postalCode, province ? address.province : "");
  if (!postal.ok) {
    const p = postal.problem;
    if (p.code === "required")
      problems.push({
        field: "postalCode",
        code: "required",
        messageKey: "fields.required",
        params: { label: "$labels.postalCode" },
      });
    else if (p.code === "format")
      problems.push({ field: "postalCode", code: "format", messageKey: "address.postalCodeFormat" });
    else if (p.code === "invalid_letters")
      problems.push({
        field: "postalCode",
        code: "invalid_letters",
        messageKey: "address.postalCodeLetters",
        params: { letters: p.letters },
      });
    else
      problems.push({
        field: "postalCode",
        code: "province_mismatch",
        messageKey: "address.postalCodeProvince",
        params: {
          postalCode: p.postalCode,
          belongsTo: { en: p.belongsTo.map((x) => x.en).join(" / "), fr: p.belongsTo.map((x) => x.fr).join(" / ") },
          chosen: { en: p.chosen.en, fr: p.chosen.fr },
        },
      });
  }
  return problems;
}

/**
 * `POST /api/persons/:id/address`: a mailing address in Canada, each line trimmed with runs of
 * spaces made one, the province code upper-cased; `sameForFamily: true` saves it for every person
 * of the account who has not submitted.
 */
export const AddressBody = v.pipe(
  withRules(
    v.object({
      unit: line(),
      streetNumber: line(),
      streetName: line(),
      city: line(),
      province: v.pipe(line(), v.toUpperCase()),
      postalCode: line(),
      sameForFamily: anything(),
    }),
    addressProblems,
  ),
  // Once the rules pass, the postal code in Canada Post's form ("K1A 0B1").
  v.transform((address) => {
    const postal = checkPostalCode(address.postalCode, address.province);
    return { ...address, postalCode: postal.ok ? postal.postalCode : "" };
  }),
);
export type AddressInput = v.InferInput<typeof AddressBody>;

/** Where one task stands for one person; the worker decides. */
export type TaskStatus = "not_started" | "in_progress" | "completed" | "cannot_start" | "returned";

export interface PersonTasks {
  presence: TaskStatus;
  address: TaskStatus;
  photo: TaskStatus;
  submit: TaskStatus;
}

/** A person the account acts for. */
export interface Person {
  id: number;
  givenNames: string;
  familyName: string;
  role: "principal" | "dependant";
  isSelf: boolean;
}

/** `GET /api/persons`: one entry per person the account acts for, the account holder first. */
export interface PersonWithTasks extends Person {
  tasks: PersonTasks;
}

export interface TaskList {
  persons: PersonWithTasks[];
}

/** `POST /api/persons/:id/presence` 200, and the declaration on file. */
export interface PresenceDeclaration {
  /** `YYYY-MM-DD`. */
  declaredOn: string;
  /** True when the person declared it, false when their principal did. */
  byThemself: boolean;
}

/** `GET /api/persons/:id`. */
export interface PersonDetail extends PersonWithTasks {
  presence: PresenceDeclaration | null;
  address: Address | null;
  /** Once submitted, nothing in the submission can change. */
  submitted: boolean;
}

/** `POST /api/persons/:id/address` 200: the address as saved, and every person it was saved for. */
export interface AddressSaved {
  address: Address;
  appliedTo: number[];
}

/** `POST /api/persons/:id/submit` 201 (200 with `alreadySubmitted` for a repeated submit). */
export interface SubmissionReceipt {
  reference: string;
  submittedAt: string;
  kind: "initial" | "photo_resubmission";
  alreadySubmitted?: true;
}

/** One step of a person's file (`GET /api/persons/:id/status`). `at` is an ISO instant or a `YYYY-MM-DD` date. */
export type TimelineEvent =
  | { type: "submitted"; at: string; reference: string; kind: "initial" | "photo_resubmission" }
  | { type: "photo_accepted"; at: string }
  | { type: "photo_returned"; at: string; reasons: string[]; note: string | null }
  | { type: "pr_confirmed"; at: string }
  | { type: "card_produced"; at: string }
  | { type: "card_mailed"; at: string };

/** `GET /api/persons/:id/status`: the steps, oldest first. */
export interface StatusTimeline {
  events: TimelineEvent[];
  proofAvailable: boolean;
  /** The e-CoPR the one in force replaced after an accepted correction (decision 027), else null. */
  ecoprReplaces: { issuedOn: string; verificationCode: string } | null;
  /** `YYYY-MM-DD`, while a card is to be produced. */
  cardTargetDate: string | null;
  /** The service standards' clocks on the steps the portal owes the person now. */
  clocks: StandardClock[];
}

/** `GET /api/verify/:code` 200. */
export interface VerificationFound {
  genuine: true;
  initials: string;
  /** `YYYY-MM-DD`. */
  issuedOn: string;
  status: "valid" | "revoked";
  /** `YYYY-MM-DD` when a correction replaced this e-CoPR with a newer one (decision 027), else null. */
  replacedOn: string | null;
}
