// The portal greets a person by name, never by username (issue 18): the task list's greeting
// (the session API's `account.name`) and the password emails, as every other email does. For a
// family account the holder is the principal.
import { describe, expect, it } from "vitest";
import { GOOD_PASSWORD, latestMail, signedInApplicant } from "../support/factories.ts";

describe("greeting by name", () => {
  it("the session gives the task list the principal's name, for a family account too", async () => {
    const applicant = await signedInApplicant({ dependants: [{ givenNames: "Chidi", dateOfBirth: "2015-06-01" }] });
    const principal = applicant.persons[0]!;
    const session = (await (await applicant.browser.get("/api/session")).json()) as {
      account: { username: string; name: string };
      persons: unknown[];
    };
    expect(session.persons).toHaveLength(2);
    expect(session.account.name).toBe(`Amara ${principal.familyName}`);
    expect(session.account.name).not.toContain(applicant.username);
  });

  it("the password-set and password-changed emails say Hello with the name in both languages, not the username", async () => {
    const applicant = await signedInApplicant();
    const name = `Amara ${applicant.persons[0]!.familyName}`;
    const set = await latestMail(applicant.principalEmail, "password_changed");
    expect(set.textBody).toContain(`Hello ${name},`);
    expect(set.textBody).toContain(`Bonjour ${name},`);
    expect(set.textBody).not.toContain(applicant.username);

    const changed = await applicant.browser.post("/api/account/password", {
      currentPassword: GOOD_PASSWORD,
      newPassword: "copper meadow whistle canyon",
      confirmPassword: "copper meadow whistle canyon",
    });
    expect(changed.status).toBe(200);
    const notice = await latestMail(applicant.principalEmail, "password_changed");
    expect(notice.id).not.toBe(set.id);
    expect(notice.textBody).toContain(`Hello ${name},`);
    expect(notice.textBody).toContain(`Bonjour ${name},`);
    expect(notice.textBody).not.toContain(applicant.username);
  });
});
