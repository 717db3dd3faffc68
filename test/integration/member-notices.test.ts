// Every family member hears about their own status (issue 17 point 6): ownNoticeAddress()
// (worker/data/member-notices.ts), used by the photo decisions, the e-CoPR, the card mailing and the
// address change. Only an address its owner confirmed (worker/data/email-confirmations.ts); the
// account acting for the person (the principal) still gets its own email.
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox, submissions } from "../../schema/index.ts";
import { recordConfirmedAddress } from "../../worker/data/email-confirmations.ts";
import { acceptPhoto, recordCard, returnPhoto } from "../../worker/data/photo-decisions.ts";
import { issueProofOfPr } from "../../worker/services/ecopr.ts";
import { db, latestMail, signedInApplicant, unique } from "../support/factories.ts";
import { submitAll, uploadPhoto, validPhoto } from "../support/journey.ts";
import { signedInOfficer } from "../support/officers.ts";

const mailsTo = async (to: string) =>
  (await db().select().from(outbox).where(eq(outbox.toAddress, to)).all()).map((m) => m.kind);

const submissionOf = async (personId: number) =>
  (await db().select().from(submissions).where(eq(submissions.personId, personId)).all()).at(-1)!;

describe("a family member with their own email address", () => {
  it("confirmed: gets their own bilingual email, by name, of every decision about them; the principal still gets theirs", async () => {
    const kemiEmail = `kemi${unique()}@example.com`;
    const family = await signedInApplicant({
      dependants: [{ givenNames: "Kemi", dateOfBirth: "1990-02-02", email: kemiEmail }],
    });
    const kemi = family.persons[1]!;
    // Kemi opened a confirmation link sent to her address (the rule's own record of it).
    await db().batch([recordConfirmedAddress(db(), kemiEmail, "link")]);
    const name = `Kemi ${kemi.familyName}`;
    const officer = await signedInOfficer();

    await submitAll(family.browser, kemi.id);
    expect(
      (
        await returnPhoto(db(), env, {
          submissionId: (await submissionOf(kemi.id)).id,
          officerId: officer.id,
          reasons: ["glare"],
        })
      ).ok,
    ).toBe(true);
    const returned = await latestMail(kemiEmail, "photo_returned");
    expect(returned.textBody).toContain(`Hello ${name},`);
    expect(returned.textBody).toContain(`Bonjour ${name},`);
    expect(returned.textBody).toContain("There is glare on the photo");
    expect(returned.textBody).toContain("at the email address you confirmed");
    expect(returned.textBody).toContain("à l'adresse courriel que vous avez confirmée");
    // The principal's email about Kemi is the family one: no greeting to Kemi, no "you confirmed".
    const principalCopy = await latestMail(family.principalEmail, "photo_returned");
    expect(principalCopy.textBody).toContain(`for ${name}`);
    expect(principalCopy.textBody).not.toContain("you confirmed");

    // A new photo, resubmitted: only the photo reopened after the return.
    expect((await uploadPhoto(family.browser, kemi.id, await validPhoto())).status).toBe(201);
    expect((await family.browser.post(`/api/persons/${kemi.id}/submit`, { declarationConfirmed: true })).status).toBe(
      201,
    );
    expect(
      (await acceptPhoto(db(), env, { submissionId: (await submissionOf(kemi.id)).id, officerId: officer.id })).ok,
    ).toBe(true);
    expect((await latestMail(kemiEmail, "photo_accepted")).textBody).toContain(`Hello ${name},`);
    await issueProofOfPr(db(), env, { personId: kemi.id, officerId: officer.id });
    expect((await latestMail(kemiEmail, "proof_of_pr_available")).textBody).toContain(`Bonjour ${name},`);
    const today = new Date().toISOString().slice(0, 10);
    expect(
      await recordCard(db(), env, {
        personId: kemi.id,
        actor: { kind: "officer", id: officer.id },
        producedOn: today,
        mailedOn: today,
      }),
    ).toMatchObject({ ok: true });
    expect((await latestMail(kemiEmail, "card_mailed")).textBody).toContain(`Hello ${name},`);

    expect((await mailsTo(kemiEmail)).sort()).toEqual(
      ["card_mailed", "photo_accepted", "photo_returned", "proof_of_pr_available"].sort(),
    );
    const principalKinds = await mailsTo(family.principalEmail);
    for (const kind of ["photo_returned", "photo_accepted", "proof_of_pr_available", "card_mailed"])
      expect(principalKinds, kind).toContain(kind);
  });

  it("not confirmed: gets no email at all, while the principal gets every one", async () => {
    const tobiEmail = `tobi${unique()}@example.com`;
    const family = await signedInApplicant({
      dependants: [{ givenNames: "Tobi", dateOfBirth: "1995-06-06", email: tobiEmail }],
    });
    const tobi = family.persons[1]!;
    const officer = await signedInOfficer();
    await submitAll(family.browser, tobi.id);
    expect(
      (await acceptPhoto(db(), env, { submissionId: (await submissionOf(tobi.id)).id, officerId: officer.id })).ok,
    ).toBe(true);
    await issueProofOfPr(db(), env, { personId: tobi.id, officerId: officer.id });
    expect(
      (
        await family.browser.post(`/api/persons/${tobi.id}/address-change`, {
          streetNumber: "7",
          streetName: "Rue Laurier",
          city: "Gatineau",
          province: "QC",
          postalCode: "J8X 3V7",
        })
      ).status,
    ).toBe(201);
    expect(await mailsTo(tobiEmail)).toEqual([]);
    const principalKinds = await mailsTo(family.principalEmail);
    for (const kind of ["photo_accepted", "proof_of_pr_available", "address_changed"])
      expect(principalKinds, kind).toContain(kind);
  });

  it("confirmed: the change of their mailing address is confirmed to them too", async () => {
    const adaEmail = `ada${unique()}@example.com`;
    const family = await signedInApplicant({
      dependants: [{ givenNames: "Ada", dateOfBirth: "1992-09-09", email: adaEmail }],
    });
    const ada = family.persons[1]!;
    await db().batch([recordConfirmedAddress(db(), adaEmail, "link")]);
    await submitAll(family.browser, ada.id);
    expect(
      (
        await family.browser.post(`/api/persons/${ada.id}/address-change`, {
          streetNumber: "7",
          streetName: "Rue Laurier",
          city: "Gatineau",
          province: "QC",
          postalCode: "J8X 3V7",
        })
      ).status,
    ).toBe(201);
    const own = await latestMail(adaEmail, "address_changed");
    expect(own.textBody).toContain(`Hello Ada ${ada.familyName},`);
    expect(own.textBody).toContain("7 Rue Laurier");
    expect((await latestMail(family.principalEmail, "address_changed")).textBody).not.toContain("you confirmed");
  });
});
