// Subjects say what happened (issue 18): the invitation keeps the subject IRCC's public page
// quotes word for word; every other email's subject is one line, English then French, under
// 120 characters, and no two kinds of email share one.
import { describe, expect, it } from "vitest";
import { en } from "../../client/i18n/en.ts";
import { fr } from "../../client/i18n/fr.ts";
import type { RenderedEmail } from "../../worker/email/render.ts";
import * as templates from "../../worker/email/templates.ts";
import * as correctionTemplates from "../../worker/email/correction-templates.ts";
import * as representativeTemplates from "../../worker/email/representative-templates.ts";
import * as anotherWayTemplates from "../../worker/email/another-way-templates.ts";
import { INVITATION_SUBJECT, MAX_SUBJECT_LENGTH, SUBJECT_PREFIX } from "../../shared/email/subjects.ts";

const ctx = { origin: "https://portal.test", helpEmail: "help@portal.test" };
const name = "Amara Okafor";

// Every template, each variant that is a different event.
const emails: Record<string, RenderedEmail> = {
  invitation: templates.invitationEmail(ctx, { applicationNumber: "E000000001", principalName: name, days: 30 }),
  accountCreated: templates.accountCreatedEmail(ctx, { name, username: "PR-ABCDEFGH", days: 30, actsFor: [] }),
  temporaryPasswordReset: templates.temporaryPasswordResetEmail(ctx, { name, username: "PR-ABCDEFGH", days: 30 }),
  passwordResetLink: templates.passwordResetLinkEmail(ctx, { name }),
  emailConfirmation: templates.emailConfirmationEmail(ctx, { name, requestedBy: "Ngozi Okafor", days: 30 }),
  passwordSet: templates.passwordChangedEmail(ctx, { name, how: "set" }),
  passwordReset: templates.passwordChangedEmail(ctx, { name, how: "reset" }),
  passwordChanged: templates.passwordChangedEmail(ctx, { name, how: "changed" }),
  submissionReceived: templates.submissionReceivedEmail(ctx, { name, reference: "PRC-AAAA-BBBB", resubmission: false }),
  resubmissionReceived: templates.submissionReceivedEmail(ctx, {
    name,
    reference: "PRC-AAAA-BBBB",
    resubmission: true,
  }),
  proofOfPrAvailable: templates.proofOfPrAvailableEmail(ctx, { name }),
  photoReturned: templates.photoReturnedEmail(ctx, { name, reasons: ["glare"], note: null }),
  photoAccepted: templates.photoAcceptedEmail(ctx, { name, cardTargetDate: "2026-12-20" }),
  cardMailed: templates.cardMailedEmail(ctx, { name, mailedOn: "2026-12-20" }),
  addressChanged: templates.addressChangedEmail(ctx, {
    name,
    addressLines: ["150 Rue Principale", "Gatineau QC  J8X 1C1"],
    changedOn: "2026-12-20",
  }),
  accountLocked: templates.accountLockedEmail(ctx, { name, minutes: 15, resetLink: true }),
  officerAccountLocked: templates.officerAccountLockedEmail(ctx, { name, minutes: 15 }),
  representativeInvitation: representativeTemplates.representativeInvitationEmail(ctx, {
    name,
    applicantName: "Ngozi Okafor",
    days: 7,
  }),
  representativeAccount: representativeTemplates.representativeAccountEmail(ctx, {
    name,
    username: "RP-ABCDEFGH",
    days: 30,
  }),
  representativeAccessGiven: representativeTemplates.representativeAccessGivenEmail(ctx, {
    name,
    applicantName: "Ngozi Okafor",
  }),
  representativeLocked: representativeTemplates.representativeLockedEmail(ctx, { name, minutes: 15, resetLink: true }),
  correctionReceived: correctionTemplates.correctionReceivedEmail(ctx, {
    name,
    field: "given_names",
    correctValue: "Amarachi",
    withDocument: false,
  }),
  correctionAccepted: correctionTemplates.correctionAcceptedEmail(ctx, {
    name,
    field: "given_names",
    correctValue: "Amarachi",
    issuedOn: "2026-12-20",
  }),
  correctionRefused: correctionTemplates.correctionRefusedEmail(ctx, {
    name,
    field: "given_names",
    correctValue: "Amarachi",
    reason: "Matches the file",
  }),
  // Another way (decision 028): received, and each outcome.
  anotherWayReceived: anotherWayTemplates.anotherWayReceivedEmail(ctx, { name, kind: "paper" }),
  anotherWayContacted: anotherWayTemplates.anotherWayOutcomeEmail(ctx, { name, outcome: "contacted" }),
  anotherWayAppointment: anotherWayTemplates.anotherWayOutcomeEmail(ctx, { name, outcome: "appointment_set" }),
  anotherWayPhotoReceived: anotherWayTemplates.anotherWayOutcomeEmail(ctx, { name, outcome: "photo_received" }),
};

/** The functions templates.ts exports that build an email. */
const templateNames = Object.entries(templates)
  .filter(([key, value]) => typeof value === "function" && key.endsWith("Email"))
  .map(([key]) => key);

describe("email subjects", () => {
  it("covers every template the worker can send", () => {
    const covered = new Set(
      Object.keys(emails).map(
        (k) =>
          `${k.replace(/^(passwordSet|passwordReset|passwordChanged)$/, "passwordChanged").replace(/^resubmissionReceived$/, "submissionReceived")}Email`,
      ),
    );
    for (const template of templateNames) expect(covered, `${template} has a subject test here`).toContain(template);
  });

  it("the invitation's is exactly the subject the seeds give", () => {
    expect(emails.invitation!.subject).toBe(
      "IRCC - Permanent Residence Portal (PR Confirmation) / Portail de résidence permanente (Confirmation de la RP)",
    );
    expect(INVITATION_SUBJECT).toBe(emails.invitation!.subject);
  });

  it("the information page quotes that subject and the later emails' prefixes as the emails use them", () => {
    for (const catalogue of [en, fr])
      expect(`${catalogue.info.genuine.subjectEn} / ${catalogue.info.genuine.subjectFr}`).toBe(INVITATION_SUBJECT);
    // The page renders SUBJECT_PREFIX itself (client/pages/info), so it cannot differ from the subjects.
    expect(emails.photoAccepted!.subject.startsWith(SUBJECT_PREFIX.en)).toBe(true);
  });

  it("the example from the issue is the photo-returned email's subject", () => {
    expect(emails.photoReturned!.subject).toBe(
      "IRCC - PR Confirmation: your photo was returned / Confirmation de la RP : votre photo a été renvoyée",
    );
  });

  it.each(Object.entries(emails).filter(([key]) => key !== "invitation"))(
    "%s: one line, English then French, under 120 characters",
    (_key, email) => {
      const subject = email.subject;
      expect(subject).not.toMatch(/[\r\n]/);
      expect(subject.length).toBeLessThanOrEqual(MAX_SUBJECT_LENGTH);
      const [en, fr, ...rest] = subject.split(" / ");
      expect(rest).toEqual([]);
      expect(en!.startsWith(SUBJECT_PREFIX.en)).toBe(true);
      expect(fr!.startsWith(SUBJECT_PREFIX.fr)).toBe(true);
      const [whatEn, whatFr] = [en!.slice(SUBJECT_PREFIX.en.length), fr!.slice(SUBJECT_PREFIX.fr.length)];
      // Each half says what happened, in its own language.
      expect(whatEn.length).toBeGreaterThan(8);
      expect(whatFr.length).toBeGreaterThan(8);
      expect(whatFr).not.toBe(whatEn);
      expect(whatEn).toMatch(/\b(your|we|reset|confirm)\b/);
      expect(whatFr).toMatch(/\b(votre|vos|nous|réinitialisez|confirmez)\b/);
      // The title of the HTML part is the subject too.
      expect(email.html).toContain(`<title>${subject.replace(/'/g, "&#39;")}</title>`);
    },
  );

  it("no two kinds of email share a subject", () => {
    const subjects = Object.values(emails).map((e) => e.subject);
    expect(new Set(subjects).size).toBe(subjects.length);
  });
});
