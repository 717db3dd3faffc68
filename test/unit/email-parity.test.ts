// Every email is one bilingual message: English, then French. Each template must carry the same
// facts in both halves (names, numbers, dates, secrets, links), so a value added to one language
// and forgotten in the other fails here, as does a half left in the wrong language.
import { describe, expect, it } from "vitest";
import { type RenderedEmail, VERBATIM_RULE } from "../../worker/email/render.ts";
import { anotherWayOutcomeEmail, anotherWayReceivedEmail } from "../../worker/email/another-way-templates.ts";
import {
  representativeAccessGivenEmail,
  representativeAccountEmail,
  representativeInvitationEmail,
  representativeLockedEmail,
} from "../../worker/email/representative-templates.ts";
import {
  accountCreatedEmail,
  accountLockedEmail,
  addressChangedEmail,
  cardMailedEmail,
  emailConfirmationEmail,
  invitationEmail,
  officerAccountLockedEmail,
  passwordChangedEmail,
  passwordResetLinkEmail,
  photoAcceptedEmail,
  photoReturnedEmail,
  proofOfPrAvailableEmail,
  submissionReceivedEmail,
  temporaryPasswordResetEmail,
} from "../../worker/email/templates.ts";
import {
  correctionAcceptedEmail,
  correctionReceivedEmail,
  correctionRefusedEmail,
} from "../../worker/email/correction-templates.ts";

const ctx = { origin: "https://portal.test", helpEmail: "help@portal.test" };
// Values no sentence would contain by chance, so each occurrence is the template's placeholder.
const NAME = "Zyxa Qorvell";
const V = {
  name: NAME,
  principalName: NAME,
  username: "zqorvell-7781",
  applicationNumber: "E000777123",
  reference: "PRC-QZ7X-K4M9",
  days: 29,
  date: "2031-07-19",
};

const emails: Record<string, RenderedEmail> = {
  invitation: invitationEmail(ctx, {
    applicationNumber: V.applicationNumber,
    principalName: V.principalName,
    days: V.days,
  }),
  accountCreated: accountCreatedEmail(ctx, {
    name: V.name,
    username: V.username,
    days: V.days,
    actsFor: ["Ilvo Qorvell"],
  }),
  temporaryPasswordReset: temporaryPasswordResetEmail(ctx, { name: V.name, username: V.username, days: V.days }),
  passwordResetLink: passwordResetLinkEmail(ctx, { name: V.name }),
  emailConfirmation: emailConfirmationEmail(ctx, { name: V.name, requestedBy: "Ilvo Qorvell", days: V.days }),
  passwordSet: passwordChangedEmail(ctx, { name: V.name, how: "set" }),
  passwordReset: passwordChangedEmail(ctx, { name: V.name, how: "reset" }),
  passwordChanged: passwordChangedEmail(ctx, { name: V.name, how: "changed" }),
  submissionReceived: submissionReceivedEmail(ctx, { name: V.name, reference: V.reference, resubmission: false }),
  resubmissionReceived: submissionReceivedEmail(ctx, { name: V.name, reference: V.reference, resubmission: true }),
  proofOfPrAvailable: proofOfPrAvailableEmail(ctx, { name: V.name }),
  photoReturned: photoReturnedEmail(ctx, { name: V.name, reasons: ["glare", "too_dark"], note: "Qorvell-note-51" }),
  photoAccepted: photoAcceptedEmail(ctx, { name: V.name, cardTargetDate: V.date }),
  cardMailed: cardMailedEmail(ctx, { name: V.name, mailedOn: V.date }),
  addressChanged: addressChangedEmail(ctx, {
    name: V.name,
    addressLines: [V.reference, V.applicationNumber],
    changedOn: V.date,
  }),
  // A family member's own copy at their confirmed address (issue 17 point 6): addressed to them by name.
  proofOfPrAvailableOwnCopy: proofOfPrAvailableEmail(ctx, { name: V.name, member: true }),
  photoReturnedOwnCopy: photoReturnedEmail(ctx, { name: V.name, reasons: ["glare"], note: null, member: true }),
  photoAcceptedOwnCopy: photoAcceptedEmail(ctx, { name: V.name, cardTargetDate: V.date, member: true }),
  cardMailedOwnCopy: cardMailedEmail(ctx, { name: V.name, mailedOn: V.date, member: true }),
  addressChangedOwnCopy: addressChangedEmail(ctx, {
    name: V.name,
    addressLines: [V.reference, V.applicationNumber],
    changedOn: V.date,
    member: true,
  }),
  // An e-CoPR correction (decision 027): the value asked for in both halves; the refusal's reason once, as written.
  correctionReceived: correctionReceivedEmail(ctx, {
    name: V.name,
    field: "family_name",
    correctValue: V.reference,
    withDocument: true,
  }),
  correctionAccepted: correctionAcceptedEmail(ctx, {
    name: V.name,
    field: "date_of_birth",
    correctValue: V.reference,
    issuedOn: V.date,
  }),
  correctionRefusedOwnCopy: correctionRefusedEmail(ctx, {
    name: V.name,
    field: "uci",
    correctValue: V.reference,
    reason: "Qorvell-note-51",
    member: true,
  }),
  // Representatives (decision 026): their own emails, and a status email's copy addressed to them.
  representativeInvitation: representativeInvitationEmail(ctx, {
    name: V.name,
    applicantName: "Ilvo Qorvell",
    days: V.days,
  }),
  representativeAccount: representativeAccountEmail(ctx, { name: V.name, username: V.username, days: V.days }),
  representativeAccessGiven: representativeAccessGivenEmail(ctx, { name: V.name, applicantName: "Ilvo Qorvell" }),
  representativeLockedWithLink: representativeLockedEmail(ctx, { name: V.name, minutes: V.days, resetLink: true }),
  representativeLockedTemporary: representativeLockedEmail(ctx, { name: V.name, minutes: V.days, resetLink: false }),
  correctionAcceptedRepresentativeCopy: correctionAcceptedEmail(ctx, {
    name: "Ilvo Qorvell",
    field: "given_names",
    correctValue: V.reference,
    issuedOn: "2026-12-20",
    representative: V.name,
  }),
  anotherWayContactedRepresentativeCopy: anotherWayOutcomeEmail(ctx, {
    name: "Ilvo Qorvell",
    outcome: "contacted",
    representative: V.name,
  }),
  submissionReceivedRepresentativeCopy: submissionReceivedEmail(ctx, {
    name: "Ilvo Qorvell",
    reference: V.reference,
    resubmission: false,
    representative: V.name,
  }),
  photoReturnedRepresentativeCopy: photoReturnedEmail(ctx, {
    name: "Ilvo Qorvell",
    reasons: ["glare"],
    note: null,
    representative: V.name,
  }),
  accountLockedWithLink: accountLockedEmail(ctx, { name: V.name, minutes: V.days, resetLink: true }),
  accountLockedTemporary: accountLockedEmail(ctx, { name: V.name, minutes: V.days, resetLink: false }),
  officerAccountLocked: officerAccountLockedEmail(ctx, { name: V.name, minutes: V.days }),
  // Another way (decision 028): received (each kind), and each outcome.
  anotherWayReceivedPaper: anotherWayReceivedEmail(ctx, { name: V.name, kind: "paper" }),
  anotherWayReceivedPhoto: anotherWayReceivedEmail(ctx, { name: V.name, kind: "mailed_photo" }),
  anotherWayReceivedAccommodation: anotherWayReceivedEmail(ctx, { name: V.name, kind: "accommodation" }),
  anotherWayContacted: anotherWayOutcomeEmail(ctx, { name: V.name, outcome: "contacted" }),
  anotherWayAppointment: anotherWayOutcomeEmail(ctx, { name: V.name, outcome: "appointment_set" }),
  anotherWayPhotoReceived: anotherWayOutcomeEmail(ctx, { name: V.name, outcome: "photo_received" }),
};

const SEPARATOR = "\n----------------------------------------\n";
const count = (text: string, value: string) => text.split(value).length - 1;
/** Links, with the language parameter and the language segment of canada.ca paths taken out. */
const links = (text: string) =>
  (text.match(/https?:\/\/\S+/g) ?? []).map((l) =>
    l.replace(/lang=(en|fr)/, "lang=").replace(/canada\.ca\/(en|fr)\/.*/, "canada.ca/"),
  );

describe.each(Object.entries(emails))("email %s", (_name, email) => {
  // An officer's note is the officer's own words, not part of either language's half: it follows
  // both halves once (VERBATIM_RULE), so the halves are compared without it.
  const [en, frWithNote] = email.text.split(SEPARATOR) as [string, string];
  const fr = frWithNote.split(`\n${VERBATIM_RULE}\n`)[0]!;

  it("has an English half and a French half, in that order, that differ", () => {
    expect(email.text.split(SEPARATOR)).toHaveLength(2);
    expect(en).not.toBe(fr);
    expect(email.html.indexOf('<div lang="en">')).toBeGreaterThan(-1);
    expect(email.html.indexOf('<div lang="fr">')).toBeGreaterThan(email.html.indexOf('<div lang="en">'));
  });

  it("carries every value, secret and link in both languages", () => {
    for (const value of [
      V.name,
      V.username,
      V.applicationNumber,
      V.reference,
      String(V.days),
      V.date,
      "Qorvell-note-51",
      "Ilvo Qorvell",
      ctx.helpEmail,
    ]) {
      expect(count(fr, value), `"${value}" in French as often as in English`).toBe(count(en, value));
    }
    expect(count(en, NAME) + count(en, "Ilvo")).toBeGreaterThan(0);
    const secrets = (half: string) => (half.match(/⟦\w+⟧/g) ?? []).sort();
    expect(secrets(fr)).toEqual(secrets(en));
    expect(links(fr)).toEqual(links(en));
    // Each half links in its own language.
    expect(en).not.toMatch(/lang=fr|canada\.ca\/fr\//);
    expect(fr).not.toMatch(/lang=en|canada\.ca\/en\//);
  });
});

describe("the officer's note in the photo-returned email", () => {
  const email = emails.photoReturned!;
  const [en, frWithNote] = email.text.split(SEPARATOR) as [string, string];
  const [fr, note] = frWithNote.split(`\n${VERBATIM_RULE}\n`) as [string, string];

  it("is shown once, after both halves, labelled as the officer's own words in both languages", () => {
    expect(count(email.text, "Qorvell-note-51")).toBe(1);
    expect(count(en, "Qorvell-note-51") + count(fr, "Qorvell-note-51")).toBe(0);
    expect(note).toContain(
      "Officer's note (as written by the officer) / Note de l'agent (telle qu'écrite)\n\nQorvell-note-51",
    );
    // Never presented as French: no "Note de l'agent : <English words>" inside the French half.
    expect(fr).not.toMatch(/Note de l'agent :/);
    expect(en).toMatch(/exactly as the officer wrote it/);
    expect(fr).toMatch(/telle que l'agent l'a écrite/);
  });

  it("in HTML, sits after the French half with no language claimed for the words", () => {
    expect(count(email.html, "Qorvell-note-51")).toBe(1);
    expect(email.html.indexOf("Qorvell-note-51")).toBeGreaterThan(email.html.indexOf('<div lang="fr">'));
    expect(email.html).toContain('<blockquote lang=""');
  });

  it("is left out entirely when there is no note", () => {
    const none = photoReturnedEmail(ctx, { name: V.name, reasons: ["glare"], note: null });
    expect(none.text).not.toContain(VERBATIM_RULE);
    expect(none.text).not.toMatch(/officer added a note|Officer's note/);
  });
});
