import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { confirmedEmailAddresses, outbox, passwordResetTokens } from "../../schema/index.ts";
import { Browser, errorOf } from "../support/http.ts";
import {
  GOOD_PASSWORD,
  acceptedFamily,
  db,
  eventuallyMail,
  latestMail,
  signedInApplicant,
} from "../support/factories.ts";

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
    expect(mail.textBody).toContain("/reset-password?lang=en#token=⟦token⟧");
    const token = mail.secrets.token!;
    const stored = await db().select().from(passwordResetTokens).where(eq(passwordResetTokens.tokenHash, token)).get();
    expect(stored).toBeUndefined(); // only the hash is stored

    const weak = await new Browser().post("/api/auth/reset-password", {
      token,
      newPassword: "passwordpassword",
      confirmPassword: "passwordpassword",
    });
    expect(weak.status).toBe(422);
    const newPassword = "fresh snow on the rideau canal";
    const reset = await new Browser().post("/api/auth/reset-password", {
      token,
      newPassword,
      confirmPassword: newPassword,
    });
    expect(reset.status).toBe(200);
    expect(((await (await applicant.browser.get("/api/session")).json()) as { signedIn: boolean }).signedIn).toBe(
      false,
    );
    expect((await latestMail(applicant.principalEmail, "password_changed")).textBody).toContain("reset");
    expect(
      (await new Browser().post("/api/auth/sign-in", { username: applicant.username, password: GOOD_PASSWORD })).status,
    ).toBe(401);
    expect(
      (await new Browser().post("/api/auth/sign-in", { username: applicant.username, password: newPassword })).status,
    ).toBe(200);

    const reused = await new Browser().post("/api/auth/reset-password", {
      token,
      newPassword: "another one entirely new",
      confirmPassword: "another one entirely new",
    });
    expect(reused.status).toBe(400);
    expect((await errorOf(reused)).code).toBe("reset_link_invalid");
  });

  it("an expired link does not work", async () => {
    const applicant = await signedInApplicant();
    await new Browser().post("/api/auth/forgot-password", { email: applicant.principalEmail });
    const token = (await eventuallyMail(applicant.principalEmail, "password_reset_link")).secrets.token!;
    await db().update(passwordResetTokens).set({ expiresAt: "2000-01-01T00:00:00.000Z" });
    const response = await new Browser().post("/api/auth/reset-password", {
      token,
      newPassword: "fresh snow on the rideau canal",
      confirmPassword: "fresh snow on the rideau canal",
    });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe("reset_link_invalid");
  });

  it("sends no link for an account still on its temporary password (an admin re-issues those)", async () => {
    const family = await acceptedFamily();
    await new Browser().post("/api/auth/forgot-password", { email: family.principalEmail });
    await expect(eventuallyMail(family.principalEmail, "password_reset_link", 500)).rejects.toThrow();
  });

  it("a reset ends every other unused link of the account: an older link no longer resets after a newer one was used", async () => {
    const applicant = await signedInApplicant();
    const ask = async () => {
      const before = (await db().select().from(passwordResetTokens).all()).length;
      await new Browser().post("/api/auth/forgot-password", { email: applicant.principalEmail });
      for (let i = 0; i < 200 && (await db().select().from(passwordResetTokens).all()).length === before; i++)
        await new Promise((r) => setTimeout(r, 25));
      return (await latestMail(applicant.principalEmail, "password_reset_link")).secrets.token!;
    };
    const older = await ask();
    const newer = await ask();
    expect(newer).not.toBe(older);
    const chosen = "fresh snow on the rideau canal";
    expect(
      (
        await new Browser().post("/api/auth/reset-password", {
          token: newer,
          newPassword: chosen,
          confirmPassword: chosen,
        })
      ).status,
    ).toBe(200);
    const late = await new Browser().post("/api/auth/reset-password", {
      token: older,
      newPassword: "an attacker's passphrase here",
      confirmPassword: "an attacker's passphrase here",
    });
    expect(late.status).toBe(400);
    expect((await errorOf(late)).code).toBe("reset_link_invalid");
    expect(
      (await new Browser().post("/api/auth/sign-in", { username: applicant.username, password: chosen })).status,
    ).toBe(200);
  });

  it("a password changed on the account page ends the unused reset links too", async () => {
    const applicant = await signedInApplicant();
    await new Browser().post("/api/auth/forgot-password", { email: applicant.principalEmail });
    const token = (await eventuallyMail(applicant.principalEmail, "password_reset_link")).secrets.token!;
    const changed = "a second passphrase by the owner";
    expect(
      (
        await applicant.browser.post("/api/account/password", {
          currentPassword: GOOD_PASSWORD,
          newPassword: changed,
          confirmPassword: changed,
        })
      ).status,
    ).toBe(200);
    const late = await new Browser().post("/api/auth/reset-password", {
      token,
      newPassword: "an attacker's passphrase here",
      confirmPassword: "an attacker's passphrase here",
    });
    expect(late.status).toBe(400);
    expect((await errorOf(late)).code).toBe("reset_link_invalid");
  });

  it("sends at most 3 reset emails per account an hour, whatever the IP, with the same answer every time", async () => {
    const applicant = await signedInApplicant();
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await new Browser(`203.0.113.${i + 10}`).post("/api/auth/forgot-password", {
        email: applicant.principalEmail,
      });
      expect(response.status).toBe(202);
      answers.push(await response.text());
      await new Promise((r) => setTimeout(r, 150)); // the background work of this request
    }
    expect(new Set(answers).size).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    const links = (await db().select().from(outbox).where(eq(outbox.toAddress, applicant.principalEmail)).all()).filter(
      (m) => m.kind === "password_reset_link",
    );
    expect(links).toHaveLength(3);
  });

  it("sends no reset link to an address its owner has not confirmed", async () => {
    const applicant = await signedInApplicant();
    await db()
      .delete(confirmedEmailAddresses)
      .where(eq(confirmedEmailAddresses.email, applicant.principalEmail.toLowerCase()));
    const response = await new Browser().post("/api/auth/forgot-password", { email: applicant.principalEmail });
    expect(response.status).toBe(202);
    await expect(eventuallyMail(applicant.principalEmail, "password_reset_link", 800)).rejects.toThrow();
  });

  it("a malformed email is a field error", async () => {
    const response = await new Browser().post(
      "/api/auth/forgot-password",
      { email: "not an email" },
      { "Accept-Language": "fr" },
    );
    expect(response.status).toBe(422);
    expect((await errorOf(response)).fields?.[0]?.message).toContain("adresse courriel");
  });
});
