import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox, passwordResetTokens } from "../../schema/index.ts";
import { Browser, errorOf } from "../support/http.ts";
import { GOOD_PASSWORD, acceptedFamily, db, eventuallyMail, latestMail, signedInApplicant } from "../support/factories.ts";

describe("forgot password", () => {
  it("gives the same answer for an unknown email, and sends nothing", async () => {
    const before = (await db().select().from(outbox).all()).length;
    const unknown = await new Browser().post("/api/auth/forgot-password", { email: "nobody-at-all@example.com" });
    const applicant = await signedInApplicant();
    const known = await new Browser().post("/api/auth/forgot-password", { email: applicant.principalEmail });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(await unknown.text()).toBe(await known.text());
    await eventuallyMail(applicant.principalEmail, "password_reset_link");
    const mails = await db().select().from(outbox).where(eq(outbox.toAddress, "nobody-at-all@example.com")).all();
    expect(mails).toHaveLength(0);
    expect((await db().select().from(outbox).all()).length).toBeGreaterThan(before);
  });

  it("resets with a single-use emailed link, ends all sessions and emails a notice", async () => {
    const applicant = await signedInApplicant();
    await new Browser().post("/api/auth/forgot-password", { email: applicant.principalEmail.toUpperCase() });
    const mail = await eventuallyMail(applicant.principalEmail, "password_reset_link");
    expect(mail.textBody).toContain("/reset-password/⟦token⟧?lang=en");
    const token = mail.secrets.token!;
    const stored = await db().select().from(passwordResetTokens).where(eq(passwordResetTokens.tokenHash, token)).get();
    expect(stored).toBeUndefined(); // only the hash is stored

    const weak = await new Browser().post("/api/auth/reset-password", { token, newPassword: "passwordpassword", confirmPassword: "passwordpassword" });
    expect(weak.status).toBe(422);
    const newPassword = "fresh snow on the rideau canal";
    const reset = await new Browser().post("/api/auth/reset-password", { token, newPassword, confirmPassword: newPassword });
    expect(reset.status).toBe(200);
    expect(((await (await applicant.browser.get("/api/session")).json()) as { signedIn: boolean }).signedIn).toBe(false);
    expect((await latestMail(applicant.principalEmail, "password_changed")).textBody).toContain("reset");
    expect((await new Browser().post("/api/auth/sign-in", { username: applicant.username, password: GOOD_PASSWORD })).status).toBe(401);
    expect((await new Browser().post("/api/auth/sign-in", { username: applicant.username, password: newPassword })).status).toBe(200);

    const reused = await new Browser().post("/api/auth/reset-password", { token, newPassword: "another one entirely new", confirmPassword: "another one entirely new" });
    expect(reused.status).toBe(400);
    expect((await errorOf(reused)).code).toBe("reset_link_invalid");
  });

  it("an expired link does not work", async () => {
    const applicant = await signedInApplicant();
    await new Browser().post("/api/auth/forgot-password", { email: applicant.principalEmail });
    const token = (await eventuallyMail(applicant.principalEmail, "password_reset_link")).secrets.token!;
    await db().update(passwordResetTokens).set({ expiresAt: "2000-01-01T00:00:00.000Z" });
    const response = await new Browser().post("/api/auth/reset-password", { token, newPassword: "fresh snow on the rideau canal", confirmPassword: "fresh snow on the rideau canal" });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe("reset_link_invalid");
  });

  it("sends no link for an account still on its temporary password (an admin re-issues those)", async () => {
    const family = await acceptedFamily();
    await new Browser().post("/api/auth/forgot-password", { email: family.principalEmail });
    await expect(eventuallyMail(family.principalEmail, "password_reset_link", 500)).rejects.toThrow();
  });

  it("a malformed email is a field error", async () => {
    const response = await new Browser().post("/api/auth/forgot-password", { email: "not an email" }, { "Accept-Language": "fr" });
    expect(response.status).toBe(422);
    expect((await errorOf(response)).fields?.[0]?.message).toContain("adresse courriel");
  });
});
