import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, invitations, persons } from "../../schema/index.ts";
import { inviteApplications } from "../../worker/data/invitations.ts";
import { PORTAL_SUBJECT } from "../../worker/email/render.ts";
import { Browser, errorOf } from "../support/http.ts";
import { db, invitedFamily, latestMail } from "../support/factories.ts";

const FAMILY = {
  dependants: [
    { givenNames: "Chidi", dateOfBirth: "1986-09-03" }, // spouse, adult
    { givenNames: "Ada", dateOfBirth: "2016-02-20" }, // minor child
  ],
};

describe("invitation email", () => {
  it("is bilingual, from the configured cic.gc.ca sender, with the exact subject", async () => {
    const family = await invitedFamily();
    const mail = family.invitationMail;
    expect(mail.subject).toBe(
      "IRCC - Permanent Residence Portal (PR Confirmation) / Portail de résidence permanente (Confirmation de la RP)",
    );
    expect(mail.subject).toBe(PORTAL_SUBJECT);
    expect(mail.fromAddress).toBe(env.EMAIL_FROM);
    expect(mail.fromAddress).toMatch(/@cic\.gc\.ca$/);
    // English first, then French, in both the text and the HTML part.
    expect(mail.textBody.indexOf("Confirm your permanent residence online")).toBeLessThan(
      mail.textBody.indexOf("Confirmez votre résidence permanente en ligne"),
    );
    expect(mail.htmlBody).toContain('<div lang="en">');
    expect(mail.htmlBody).toContain('<div lang="fr">');
    // Links to the public information page and to the single-use invitation.
    expect(mail.textBody).toContain(`${env.PUBLIC_ORIGIN}/?lang=en`);
    // The token in the fragment, never in the path or query (request logs keep those).
    expect(mail.textBody).toContain(`${env.PUBLIC_ORIGIN}/invitation?lang=en#token=⟦token⟧`);
    // The token itself is never in the stored body, and only its hash is in the database.
    expect(mail.textBody).not.toContain(family.token);
    const row = await db().select().from(invitations).where(eq(invitations.applicationId, family.application.id)).get();
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.tokenHash).not.toBe(family.token);
  });
});

describe("answering an invitation", () => {
  it("shows the application's persons to the link holder", async () => {
    const family = await invitedFamily(FAMILY);
    const response = await new Browser().post("/api/invitations/open", { token: family.token });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { persons: { role: string; isAdult: boolean; givenNames: string }[] };
    expect(body.persons.map((p) => [p.givenNames, p.role, p.isAdult])).toEqual([
      ["Amara", "principal", true],
      ["Chidi", "dependant", true],
      ["Ada", "dependant", false],
    ]);
  });

  it("accept: creates the principal's account acting for the whole family and emails the credentials", async () => {
    const family = await invitedFamily(FAMILY);
    const [principal, spouse, child] = family.persons;
    const response = await new Browser().post("/api/invitations/answer", {
      token: family.token,
      usePortal: true,
      inCanada: true,
      emails: { [principal!.id]: "amara.new@example.com" },
      separateAccounts: [],
    });
    expect(response.status).toBe(200);
    // The principal typed a new address for themselves: it is not the one
    // the invitation went to, so it is confirmed before any password goes there.
    expect(await response.json()).toEqual({ outcome: "accepted", accounts: 1, awaitingConfirmation: 1 });
    await expect(latestMail("amara.new@example.com", "account_created")).rejects.toThrow();
    const confirmation = await latestMail("amara.new@example.com", "email_confirmation");
    expect(
      (await new Browser().post("/api/email-confirmations/confirm", { token: confirmation.secrets.token })).status,
    ).toBe(200);

    const created = await db().select().from(accounts).where(eq(accounts.personId, principal!.id)).get();
    expect(created).toMatchObject({ email: "amara.new@example.com", passwordIsTemporary: 1 });
    expect(created!.username).toMatch(/^PR-[A-Z2-9]{8}$/);
    expect(created!.passwordHash).toMatch(/^pbkdf2-sha256\$/);
    const days = (Date.parse(created!.temporaryPasswordExpiresAt!) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    for (const p of [principal!, spouse!, child!]) {
      const row = await db().select().from(persons).where(eq(persons.id, p.id)).get();
      expect(row!.actingAccountId).toBe(created!.id);
    }

    const mail = await latestMail("amara.new@example.com", "account_created");
    // Only the invitation keeps the seeds' subject; this one says what happened (issue 18).
    expect(mail.subject).toBe(
      "IRCC - PR Confirmation: your account was created / Confirmation de la RP : votre compte a été créé",
    );
    expect(mail.textBody).toContain(`Username: ${created!.username}`);
    expect(mail.textBody).toContain(`Nom d'utilisateur : ${created!.username}`);
    expect(mail.textBody).toContain("Temporary password: ⟦password⟧");
    expect(mail.textBody).toContain("Chidi");
    expect(mail.secrets.password).toMatch(/^([A-Z2-9]{4}-){4}[A-Z2-9]{4}$/);
    expect(mail.htmlBody).toContain('lang="fr"');
  });

  it("accept with a separate account for an adult dependant; a minor cannot have one", async () => {
    const family = await invitedFamily(FAMILY);
    const [principal, spouse, child] = family.persons;
    const refused = await new Browser().post("/api/invitations/answer", {
      token: family.token,
      usePortal: true,
      inCanada: true,
      emails: {},
      separateAccounts: [child!.id],
    });
    expect(refused.status).toBe(422);
    expect((await errorOf(refused)).fields?.[0]).toMatchObject({ field: "separateAccounts", code: "not_allowed" });

    const ok = await new Browser().post("/api/invitations/answer", {
      token: family.token,
      usePortal: true,
      inCanada: true,
      emails: { [spouse!.id]: "chidi@example.com" },
      separateAccounts: [spouse!.id],
    });
    expect(await ok.json()).toEqual({ outcome: "accepted", accounts: 2, awaitingConfirmation: 1 });
    // Chidi's address was typed by the principal: a confirmation link first, the password after.
    await expect(latestMail("chidi@example.com", "account_created")).rejects.toThrow();
    const confirmation = await latestMail("chidi@example.com", "email_confirmation");
    expect(
      (await new Browser().post("/api/email-confirmations/confirm", { token: confirmation.secrets.token })).status,
    ).toBe(200);
    const principalAccount = await db().select().from(accounts).where(eq(accounts.personId, principal!.id)).get();
    const spouseAccount = await db().select().from(accounts).where(eq(accounts.personId, spouse!.id)).get();
    const rows = await db().select().from(persons).where(eq(persons.applicationId, family.application.id)).all();
    expect(rows.map((r) => r.actingAccountId)).toEqual([principalAccount!.id, spouseAccount!.id, principalAccount!.id]);
    expect((await latestMail("chidi@example.com", "account_created")).textBody).toContain(spouseAccount!.username);
  });

  it("decline ends the online path and creates no account", async () => {
    const family = await invitedFamily();
    const response = await new Browser().post("/api/invitations/answer", { token: family.token, usePortal: false });
    expect(await response.json()).toEqual({ outcome: "declined", accounts: 0 });
    expect(
      await db().select().from(accounts).where(eq(accounts.personId, family.persons[0]!.id)).get(),
    ).toBeUndefined();
    const row = await db().select().from(invitations).where(eq(invitations.applicationId, family.application.id)).get();
    expect(row!.response).toBe("declined");
  });

  it("not in Canada ends the online path and creates no account", async () => {
    const family = await invitedFamily();
    const response = await new Browser().post("/api/invitations/answer", {
      token: family.token,
      usePortal: true,
      inCanada: false,
    });
    expect(await response.json()).toEqual({ outcome: "not_in_canada", accounts: 0 });
    expect(
      await db().select().from(accounts).where(eq(accounts.personId, family.persons[0]!.id)).get(),
    ).toBeUndefined();
  });

  it("a used link is refused (410) and creates nothing more", async () => {
    const family = await invitedFamily();
    const browser = new Browser();
    expect(
      (await browser.post("/api/invitations/answer", { token: family.token, usePortal: true, inCanada: true })).status,
    ).toBe(200);
    const again = await browser.post("/api/invitations/answer", {
      token: family.token,
      usePortal: true,
      inCanada: true,
    });
    expect(again.status).toBe(410);
    expect((await errorOf(again)).code).toBe("invitation_used");
    expect((await browser.post("/api/invitations/open", { token: family.token })).status).toBe(410);
    expect(await db().select().from(accounts).where(eq(accounts.personId, family.persons[0]!.id)).all()).toHaveLength(
      1,
    );
  });

  it("two simultaneous acceptances create exactly one account", async () => {
    const family = await invitedFamily();
    const answers = await Promise.all(
      [0, 1, 2].map(() =>
        new Browser().post("/api/invitations/answer", { token: family.token, usePortal: true, inCanada: true }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 410, 410]);
    expect(await db().select().from(accounts).where(eq(accounts.personId, family.persons[0]!.id)).all()).toHaveLength(
      1,
    );
  });

  it("an expired link is refused with 410, and a re-sent invitation replaces the old link", async () => {
    const family = await invitedFamily();
    await db()
      .update(invitations)
      .set({ expiresAt: "2000-01-01T00:00:00.000Z" })
      .where(eq(invitations.applicationId, family.application.id));
    const expired = await new Browser().post("/api/invitations/open", { token: family.token });
    expect(expired.status).toBe(410);
    expect((await errorOf(expired)).code).toBe("invitation_expired");

    await inviteApplications(db(), env, [family.application.id], { kind: "admin", id: "test" });
    const fresh = (await latestMail(family.principalEmail, "invitation")).secrets.token!;
    expect(fresh).not.toBe(family.token);
    expect((await new Browser().post("/api/invitations/open", { token: fresh })).status).toBe(200);
  });

  it("an unknown or malformed link is 404", async () => {
    expect(
      (await new Browser().post("/api/invitations/open", { token: "abcdefghijklmnopqrstuvwxyz012345" })).status,
    ).toBe(404);
    expect((await new Browser().post("/api/invitations/open", { token: "%27%20or%201%3D1" })).status).toBe(404);
  });

  it("bad answers are field errors in the request's language, and nothing is created", async () => {
    const family = await invitedFamily();
    const browser = new Browser();
    const missing = await browser.post(
      "/api/invitations/answer",
      { token: family.token },
      { "Accept-Language": "fr-CA,fr;q=0.9" },
    );
    expect(missing.status).toBe(422);
    const error = await errorOf(missing);
    expect(error.fields?.[0]).toMatchObject({ field: "usePortal", code: "required" });
    expect(error.fields?.[0]?.message).toBe("Indiquez si vous voulez utiliser le portail.");

    const badEmail = await browser.post("/api/invitations/answer", {
      token: family.token,
      usePortal: true,
      inCanada: true,
      emails: { [family.persons[0]!.id]: "nope", "999999": "x@example.com" },
    });
    expect(badEmail.status).toBe(422);
    expect((await errorOf(badEmail)).fields?.map((f) => f.code).sort()).toEqual(["invalid", "unknown_person"]);
    // The link still works after a validation error.
    expect((await browser.post("/api/invitations/open", { token: family.token })).status).toBe(200);
  });
});
