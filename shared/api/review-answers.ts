// What the officers' API (/review/api, worker/routes/review-*.ts) answers: declared once here, the
// routes' answers `satisfies` them and client/officer/ reads them, so a change in a route is a type
// error in the page that reads it (issue 16 point 3).
import type { DayUnit, ServiceStandard, StandardClock, StandardId } from "../service-standards/standards.ts";
import type { MailingAddress } from "./address-change.ts";
import type { PersonTasks } from "./persons.ts";

export type OfficerRole = "officer" | "supervisor";

/** The signed-in officer, from `GET /review/api/session`. */
export interface OfficerSessionInfo {
  id: number;
  name: string;
  email: string;
  role: OfficerRole;
  mustChangePassword: boolean;
}

/** `GET /review/api/session`: 200 either way; signed out is an expected state, not an error. */
export type OfficerSessionAnswer = { signedIn: false } | ({ signedIn: true } & OfficerSessionInfo);

/** One row of `GET /review/api/queue`. */
export interface QueueItem {
  submissionId: number;
  reference: string;
  kind: "initial" | "photo_resubmission";
  submittedAt: string;
  ageHours: number;
  person: { id: number; givenNames: string; familyName: string; uci: string };
  applicationNumber: string;
  /** The stored verdict: "fail" only for a photo sent with an explanation (decision 028). */
  checks: "pass" | "warn" | "fail";
  warningsAcknowledged: boolean;
  /** Why the person says the photo cannot meet a rule, when they sent it with an explanation. */
  exception: "medical" | "religious" | "disability" | null;
  claimedBy: { officerId: number; name: string; until: string } | null;
  /** Against the photo-review standard. */
  clock: { elapsed: number; days: number; unit: DayUnit; dueOn: string; overdue: boolean };
}

/**
 * With a search, `GET /review/api/queue` also names the imported persons it matches who never
 * submitted (decision 028): they have no queue item, but an officer opens their page.
 */
export interface NotSubmittedPerson {
  id: number;
  givenNames: string;
  familyName: string;
  uci: string;
  applicationNumber: string;
}

/** `GET /review/api/queue`. */
export interface QueueAnswer {
  standard: ServiceStandard;
  items: QueueItem[];
  notSubmitted: NotSubmittedPerson[];
}

/** Who a person is, as officers see them (the identity in force, decision 027); `language`: the
 *  language the applicant reads (their account's, else the import's). */
export interface OfficerPersonFacts {
  id: number;
  givenNames: string;
  familyName: string;
  uci: string;
  dateOfBirth: string;
  role: "principal" | "dependant";
  language: "en" | "fr";
}

/**
 * `GET /review/api/persons/:personId`: any imported person, for the page of a person with no
 * submission (decision 028): who they are, their tasks, and their latest submission if any.
 */
export interface OfficerPerson {
  person: OfficerPersonFacts;
  applicationNumber: string;
  tasks: PersonTasks;
  /** The latest submission, whose decision page holds everything else; null when none. */
  submissionId: number | null;
}

export interface FollowUpItem {
  submissionId: number;
  since: string;
  person: { id: number; givenNames: string; familyName: string; uci: string };
  applicationNumber: string;
  cardProducedAt: string | null;
  /** Against the standard the item waits on (the e-CoPR's, the card's production or its mailing). */
  clock: StandardClock;
}

/** One automatic check as stored with the photo: both languages, measured value and rule. */
export interface StoredCheck {
  id: string;
  verdict: "pass" | "warn" | "fail";
  value: number | string | null;
  threshold: string | number | null;
  message: { en: string; fr: string } | string;
  tip: { en: string; fr: string } | string;
}

interface ItemDecision {
  submissionId: number;
  decision: string;
  reasons: string[];
  note: string | null;
  decidedAt: string;
  officer: string;
}

/** `GET /review/api/items/:submissionId`. */
export interface ReviewItem {
  submission: {
    id: number;
    reference: string;
    kind: "initial" | "photo_resubmission";
    submittedAt: string;
    address: Record<string, string | undefined>;
  };
  /** Every mailing address given, newest first (the one the card is mailed to); `since` is when it was given. */
  addressHistory: (MailingAddress & { since: string })[];
  /**
   * The representatives the applicant gave access to, with their licence (decision 026). Absent
   * while REPRESENTATIVE_ACCESS is off.
   */
  representatives?: {
    name: string;
    kind: "lawyer" | "consultant" | "helper";
    /** A key of LICENCE_BODIES (shared/api/representatives.ts). */
    licenceBody: string | null;
    licenceNumber: string | null;
    since: string;
  }[];
  /** The note is sent in whatever language the officer writes it. */
  person: OfficerPersonFacts;
  applicationNumber: string;
  photo: {
    id: number;
    state: "draft" | "submitted" | "accepted" | "returned" | "replaced";
    width: number;
    height: number;
    verdict: "pass" | "warn" | "fail";
    warningsAcknowledged: boolean;
    checks: StoredCheck[];
    /** The person's explanation of a rule the photo cannot meet, shown beside the checks (decision 028). */
    exception: { reason: "medical" | "religious" | "disability"; explanation: string } | null;
    /** An officer put it in from a photo received by mail. */
    uploadedByOfficer: boolean;
  };
  declaration: { declaredOn: string; statementVersion: string; declaredBy: string | null; byThemself: boolean } | null;
  /** A live claim on this item, if any. */
  claim: { officerId: number; name: string; until: string } | null;
  proofIssuedAt: string | null;
  card: { producedOn: string | null; mailedOn: string | null };
  history: {
    submissionId: number;
    reference: string;
    kind: "initial" | "photo_resubmission";
    submittedAt: string;
    photoId: number;
    decisions: ItemDecision[];
  }[];
}

export interface AuditEntry {
  id: number;
  actorKind: "admin" | "officer" | "applicant" | "representative" | "system";
  actorId: string | null;
  action: string;
  subjectKind: string | null;
  subjectId: string | null;
  details: unknown;
  ip: string | null;
  createdAt: string;
}

/** `GET /review/api/metrics`. */
export interface ReviewMetrics {
  counts: {
    submissions: number;
    awaitingDecision: number;
    photosAccepted: number;
    photosReturned: number;
    prConfirmed: number;
    cardsProduced: number;
    cardsMailed: number;
  };
  medianHoursToDecision: number | null;
  returnRate: number | null;
  returnsByReason: Record<string, number>;
  disagreement: { acceptedDespiteWarnings: number; returnedThoughChecksPassed: number; rate: number | null };
  /** Photos submitted with an explanation of a rule they cannot meet, apart from the rest (decision 028). */
  exceptions: { submitted: number; accepted: number; returned: number; byReason: Record<string, number> };
  /** Requests for another way: how many, still open, by kind, and the outcomes recorded. */
  anotherWay: { requests: number; open: number; byKind: Record<string, number>; outcomes: Record<string, number> };
  /** Each service standard: steps judged, met, and the share met (null when none). */
  standards: { standard: StandardId; days: number; unit: DayUnit; met: number; judged: number; share: number | null }[];
}
