// The officer's note is the officer's own words (issue 18): the decision page's API tells the
// officer which language the applicant reads (their account's, which the applicant can change),
// and the photo-returned email carries the note once, after both halves, labelled as written by
// the officer, never inside the French half as if it were French.
import { describe, expect, it } from "vitest";
import { VERBATIM_RULE } from "../../worker/email/render.ts";
import { latestMail, signedInApplicant } from "../support/factories.ts";
import { submitAll } from "../support/journey.ts";
import { signedInOfficer } from "../support/officers.ts";

type Item = { person: { language: "en" | "fr" } };

describe("the officer's note", () => {
  it("the item gives the applicant's language, following the account's choice", async () => {
    const applicant = await signedInApplicant({ language: "fr" });
    const person = applicant.persons[0]!;
    await submitAll(applicant.browser, person.id);
    const officer = await signedInOfficer();
    const found = (
      (await (await officer.browser.get(`/review/api/queue?q=${person.familyName}`)).json()) as {
        items: { submissionId: number }[];
      }
    ).items;
    const item = async () =>
      (await (await officer.browser.get(`/review/api/items/${found[0]!.submissionId}`)).json()) as Item;
    expect((await item()).person.language).toBe("fr");
    // The applicant switches the portal to English: that is the language they now read.
    expect((await applicant.browser.post("/api/account/language", { language: "en" })).status).toBe(200);
    expect((await item()).person.language).toBe("en");
  });

  it("appears once in the email, after both halves, as the officer's own words", async () => {
    const applicant = await signedInApplicant({ language: "fr" });
    const person = applicant.persons[0]!;
    await submitAll(applicant.browser, person.id);
    const officer = await signedInOfficer();
    const [{ submissionId }] = (
      (await (await officer.browser.get(`/review/api/queue?q=${person.familyName}`)).json()) as {
        items: { submissionId: number }[];
      }
    ).items as [{ submissionId: number }];
    expect((await officer.browser.post(`/review/api/items/${submissionId}/claim`, {})).status).toBe(200);
    const note = "Veuillez reprendre la photo sans lunettes.";
    expect(
      (await officer.browser.post(`/review/api/items/${submissionId}/return`, { reasons: ["glare"], note })).status,
    ).toBe(200);

    const mail = await latestMail(applicant.principalEmail, "photo_returned");
    expect(mail.textBody.split(note)).toHaveLength(2);
    const [halves, verbatim] = mail.textBody.split(`\n${VERBATIM_RULE}\n`) as [string, string];
    expect(halves).not.toContain(note);
    expect(halves).not.toContain("Note de l'agent :");
    expect(verbatim).toContain(
      `Officer's note (as written by the officer) / Note de l'agent (telle qu'écrite)\n\n${note}`,
    );
    expect(mail.htmlBody.split(note)).toHaveLength(2);
  });
});
