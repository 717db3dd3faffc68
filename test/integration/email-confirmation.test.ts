// One rule for addresses (worker/data/email-confirmations.ts): no credential,
// invitation link or reset link goes to an address whose owner has not
// confirmed it. The case it closes: an adult family member's separate
// account, whose address the principal types while answering the invitation.
import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, auditLog, confirmedEmailAddresses, emailConfirmations, outbox } from "../../schema/index.ts";
import { resetTemporaryPassword } from "../../worker/data/temporary-passwords.ts";
import { Browser, errorOf } from "../support/http.ts";
import { db, eventuallyMail, invitedFamily, latestMail, signedInApplicant, unique } from "../support/factories.ts";

/** A family whose principal asks for a separate account for the adult spouse, at an address the principal types. */
async function separateAccountAtTypedAddress() {
  const family = await invitedFamily({ dependants: [{ givenNames: "Chidi", dateOfBirth: "1986-09-03" }] });
  const spouse = family.persons[1]!;
  const spouseEmail = `chidi${unique()}@example.com`;
  const response = await new Browser().post("/api/invitations/answer", {
    token: family.token,
    usePortal: true,
    inCanada: true,
    emails: { [spouse.id]: spouseEmail },
    separateAccounts: [spouse.id],
  });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ outcome: "accepted", accounts: 2, awaitingConfirmation: 1 });
  const account = (await db().select().from(accounts).where(eq(accounts.personId, spouse.id)).get())!;
  return { family, spouse, spouseEmail, account };
}

const mailsTo = async (to: string) => db().select().from(outbox).where(eq(outbox.toAddress, to)).all();
const audited = async (action: string) => db().select().from(auditLog).where(eq(auditLog.action, action)).all();

describe("an address the principal typed for a separate account", () => {
  it("gets a confirmation link with no credential; the password is sent there only after its owner confirms", async () => {
    const { spouseEmail, account } = await separateAccountAtTypedAddress();
    // Before: only the confirmation link went there, with no password, and the account opens to nothing.
    const before = await mailsTo(spouseEmail);
    expect(before.map((m) => m.kind)).toEqual(["email_confirmation"]);
    const link = await latestMail(spouseEmail, "email_confirmation");
    expect(Object.keys(link.secrets)).toEqual(["token"]);
    expect(link.textBody).toContain(`${env.PUBLIC_ORIGIN}/confirm-email?lang=en#token=⟦token⟧`);
    expect(link.textBody).toContain(`${env.PUBLIC_ORIGIN}/confirm-email?lang=fr#token=⟦token⟧`);
    expect(link.textBody).not.toMatch(/Temporary password|Username|PR-[A-Z2-9]{8}/);
    expect(link.textBody).toContain("Confirmez votre adresse courriel");
    expect(
      await db().select().from(confirmedEmailAddresses).where(eq(confirmedEmailAddresses.email, spouseEmail)).get(),
    ).toBeUndefined();
    const stored = await db().select().from(emailConfirmations).where(eq(emailConfirmations.email, spouseEmail)).get();
    expect(stored!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.tokenHash).not.toBe(link.secrets.token);
    expect(stored!.accountId).toBe(account.id);
    expect((await audited("email.confirmation_sent")).some((a) => a.subjectId === account.username)).toBe(true);

    // The owner opens the link.
    const confirmed = await new Browser().post("/api/email-confirmations/confirm", { token: link.secrets.token });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.json()).toEqual({ confirmed: true });
    const row = await db()
      .select()
      .from(confirmedEmailAddresses)
      .where(eq(confirmedEmailAddresses.email, spouseEmail))
      .get();
    expect(row?.how).toBe("link");
    const created = await latestMail(spouseEmail, "account_created");
    expect(created.textBody).toContain(`Username: ${account.username}`);
    expect(created.secrets.password).toMatch(/^([A-Z2-9]{4}-){4}[A-Z2-9]{4}$/);
    const signIn = await new Browser().post("/api/auth/sign-in", {
      username: account.username,
      password: created.secrets.password,
    });
    expect(signIn.status).toBe(200);
    expect(await signIn.json()).toEqual({ mustSetPassword: true });
    expect((await audited("email.confirmed")).some((a) => a.actorId === String(account.id))).toBe(true);
    expect((await audited("account.credentials_sent")).some((a) => a.subjectId === account.username)).toBe(true);
  });

  it("answering the invitation confirms the address IRCC has on file, and the principal's credentials go there at once", async () => {
    const { family } = await separateAccountAtTypedAddress();
    const row = await db()
      .select()
      .from(confirmedEmailAddresses)
      .where(eq(confirmedEmailAddresses.email, family.principalEmail.toLowerCase()))
      .get();
    expect(row?.how).toBe("invitation");
    expect((await latestMail(family.principalEmail, "account_created")).secrets.password).toBeTruthy();
  });

  it("a used, unknown, malformed or expired link is refused with its reason, in the person's language, and sends nothing more", async () => {
    const { spouseEmail } = await separateAccountAtTypedAddress();
    const token = (await latestMail(spouseEmail, "email_confirmation")).secrets.token!;
    await db()
      .update(emailConfirmations)
      .set({ expiresAt: "2000-01-01T00:00:00.000Z" })
      .where(eq(emailConfirmations.email, spouseEmail));
    const expired = await new Browser().post(
      "/api/email-confirmations/confirm",
      { token },
      { "Accept-Language": "fr-CA" },
    );
    expect(expired.status).toBe(410);
    const error = await errorOf(expired);
    expect(error.code).toBe("email_confirmation_expired");
    expect(error.message).toContain("expiré");
    await expect(latestMail(spouseEmail, "account_created")).rejects.toThrow();

    await db()
      .update(emailConfirmations)
      .set({ expiresAt: "2999-01-01T00:00:00.000Z" })
      .where(eq(emailConfirmations.email, spouseEmail));
    expect((await new Browser().post("/api/email-confirmations/confirm", { token })).status).toBe(200);
    const again = await new Browser().post("/api/email-confirmations/confirm", { token });
    expect(again.status).toBe(410);
    expect((await errorOf(again)).code).toBe("email_confirmation_used");
    expect((await mailsTo(spouseEmail)).filter((m) => m.kind === "account_created")).toHaveLength(1);

    for (const guess of ["abcdefghijklmnopqrstuvwxyz012345", "' OR '1'='1", ""]) {
      const unknown = await new Browser().post("/api/email-confirmations/confirm", { token: guess });
      expect(unknown.status).toBe(404);
      expect((await errorOf(unknown)).code).toBe("email_confirmation_not_found");
    }
  });

  it("reset-temp-password sends no password to it, only a new confirmation link, and the older link stops working", async () => {
    const { spouseEmail, account } = await separateAccountAtTypedAddress();
    const older = (await latestMail(spouseEmail, "email_confirmation")).secrets.token!;
    const result = await resetTemporaryPassword(db(), env, spouseEmail, { kind: "admin", id: "test" });
    expect(result.reset).toEqual([]);
    expect(result.confirmationSent.map((r) => r.username)).toEqual([account.username]);
    expect((await mailsTo(spouseEmail)).map((m) => m.kind)).toEqual(["email_confirmation", "email_confirmation"]);
    const newer = (await latestMail(spouseEmail, "email_confirmation")).secrets.token!;
    expect(newer).not.toBe(older);
    const stale = await new Browser().post("/api/email-confirmations/confirm", { token: older });
    expect(stale.status).toBe(410);
    expect((await errorOf(stale)).code).toBe("email_confirmation_expired");
    expect((await new Browser().post("/api/email-confirmations/confirm", { token: newer })).status).toBe(200);
    expect((await latestMail(spouseEmail, "account_created")).secrets.password).toBeTruthy();
    // Once confirmed, the admin command re-issues the password itself.
    const again = await resetTemporaryPassword(db(), env, spouseEmail, { kind: "admin", id: "test" });
    expect(again.reset.map((r) => r.username)).toEqual([account.username]);
    expect(again.confirmationSent).toEqual([]);
    const pending = await db()
      .select()
      .from(emailConfirmations)
      .where(and(eq(emailConfirmations.accountId, account.id)))
      .all();
    expect(pending.filter((p) => p.confirmedAt === null && p.supersededAt === null)).toEqual([]);
  });

  it("the lock notice of an account whose address is not confirmed comes without a reset link", async () => {
    const applicant = await signedInApplicant();
    await db()
      .delete(confirmedEmailAddresses)
      .where(eq(confirmedEmailAddresses.email, applicant.principalEmail.toLowerCase()));
    const browser = new Browser();
    for (let i = 0; i < 5; i++)
      expect(
        (await browser.post("/api/auth/sign-in", { username: applicant.username, password: `wrong guess number ${i}` }))
          .status,
      ).toBe(401);
    const notice = await eventuallyMail(applicant.principalEmail, "account_locked");
    expect(notice.secrets).toEqual({});
    expect(notice.textBody).not.toContain("reset-password");
  });
});
