import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { accounts, sessions } from "../../schema/index.ts";
import { setChosenPassword } from "../../worker/data/accounts.ts";
import { acceptInvitation, lookUpInvitation } from "../../worker/data/invitations.ts";
import { newApplicantSession } from "../../worker/data/sessions.ts";
import { hashPassword, verifyPassword } from "../../worker/lib/password-hash.ts";
import { SAMPLES, inspect, invitationToken, mailJson, runAdmin, temporaryState } from "./support.ts";

const LUCIA = "lucia.fernandez@demo.test";
const AMARA = "amara.okafor@demo.test";

function temporaryPasswordIn(text: string): string {
  const match = /Temporary password: (\S+)/.exec(text);
  if (!match) throw new Error("no temporary password in the email");
  return match[1]!;
}

/** Answers an application's invitation as the applicant's browser would (the route calls the same functions). */
async function acceptAsApplicant(stateDir: string, to: string): Promise<void> {
  const [invitation] = (await mailJson(stateDir, "--to", to)).filter((m) => m.kind === "invitation");
  await inspect(stateDir, async ({ db, env }) => {
    const lookup = await lookUpInvitation(db, invitationToken(invitation!));
    assert.equal(lookup.status, "open");
    if (lookup.status !== "open") return;
    assert.ok(
      await acceptInvitation(db, env, lookup.invitation, lookup.persons, {
        emails: new Map(),
        separateAccounts: new Set(),
      }),
    );
  });
}

describe("admin reset-temp-password", () => {
  let state: Awaited<ReturnType<typeof temporaryState>>;
  let firstPassword: string;

  before(async () => {
    state = await temporaryState();
    assert.equal(
      (await runAdmin(["import", path.join(SAMPLES, "approved-applications.csv"), "--state", state.dir])).code,
      0,
    );
    assert.equal((await runAdmin(["invite", "--all-pending", "--state", state.dir])).code, 0);
    await acceptAsApplicant(state.dir, LUCIA);
    await acceptAsApplicant(state.dir, AMARA);
    const [created] = (await mailJson(state.dir, "--to", LUCIA)).filter((m) => m.kind === "account_created");
    firstPassword = temporaryPasswordIn(created!.text);
    // Lucía is signed in somewhere; Amara has already chosen her own password.
    await inspect(state.dir, async ({ db }) => {
      const lucia = await db.query.accounts.findFirst({ where: (a, { eq }) => eq(a.email, LUCIA) });
      await newApplicantSession(db, lucia!.id).insert;
      const amara = await db.query.accounts.findFirst({ where: (a, { eq }) => eq(a.email, AMARA) });
      await setChosenPassword(db, amara!.id, await hashPassword("my own chosen passphrase"));
    });
  });
  after(() => state.remove());

  it("gives an account with a temporary password a new one, emails it, signs it out everywhere", async () => {
    const before = Date.now();
    const { code, stdout, stderr } = await runAdmin([
      "reset-temp-password",
      "--email",
      "Lucia.Fernandez@demo.test",
      "--state",
      state.dir,
    ]);
    assert.equal(code, 0, stderr);
    assert.match(
      stdout,
      /^New temporary password for PR-[A-Z0-9]{8} \(lucia\.fernandez@demo\.test\), valid until \S+; its sessions were signed out\.$/m,
    );

    const [mail] = await mailJson(state.dir, "--to", LUCIA, "--limit", "1");
    assert.equal(mail!.kind, "temporary_password_reset");
    assert.equal(mail!.status, "pending");
    // Only the invitation keeps the seeded subject; this one says what happened (issue 18).
    assert.equal(
      mail!.subject,
      "IRCC - PR Confirmation: your new temporary password / Confirmation de la RP : votre nouveau mot de passe temporaire",
    );
    assert.match(mail!.text, /A new temporary password/);
    assert.match(mail!.text, /Un nouveau mot de passe temporaire/);
    const newPassword = temporaryPasswordIn(mail!.text);
    assert.notEqual(newPassword, firstPassword);

    await inspect(state.dir, async ({ db }) => {
      const account = (await db.query.accounts.findFirst({ where: (a, { eq }) => eq(a.email, LUCIA) }))!;
      assert.equal(account.passwordIsTemporary, 1);
      assert.ok(await verifyPassword(newPassword, account.passwordHash));
      assert.equal(await verifyPassword(firstPassword, account.passwordHash), false);
      const days = (Date.parse(account.temporaryPasswordExpiresAt!) - before) / 86_400_000;
      assert.ok(days > 29.9 && days < 30.1, `expires in ${days} days`);
      const open = await db.select().from(sessions).where(eq(sessions.accountId, account.id)).all();
      assert.equal(open.length, 1);
      assert.ok(open[0]!.revokedAt);
      const audit = await db.query.auditLog.findFirst({
        where: (a, { eq }) => eq(a.action, "account.temporary_password_reset"),
      });
      assert.equal(audit?.actorKind, "admin");
      assert.equal(audit?.subjectId, account.username);
    });
  });

  it("resets an expired temporary password too", async () => {
    await inspect(state.dir, ({ db }) =>
      db
        .update(accounts)
        .set({ temporaryPasswordExpiresAt: "2020-01-01T00:00:00.000Z" })
        .where(eq(accounts.email, LUCIA)),
    );
    const { code, stdout } = await runAdmin(["reset-temp-password", "--email", LUCIA, "--state", state.dir]);
    assert.equal(code, 0);
    assert.match(stdout, /^New temporary password for PR-/m);
    const account = await inspect(state.dir, ({ db }) =>
      db.query.accounts.findFirst({ where: (a, { eq }) => eq(a.email, LUCIA) }),
    );
    assert.ok(account!.temporaryPasswordExpiresAt! > new Date().toISOString());
  });

  it("refuses an account whose owner chose a password, pointing to Forgot your password?, exit 1", async () => {
    const mailsBefore = (await mailJson(state.dir, "--to", AMARA)).length;
    const { code, stdout } = await runAdmin(["reset-temp-password", "--email", AMARA, "--state", state.dir]);
    assert.equal(code, 1);
    assert.match(stdout, /^Refused for PR-[A-Z0-9]{8}: its owner has already chosen their own password/m);
    assert.match(stdout, /"Forgot your password\?"/);
    assert.equal((await mailJson(state.dir, "--to", AMARA)).length, mailsBefore);
    const account = await inspect(state.dir, ({ db }) =>
      db.query.accounts.findFirst({ where: (a, { eq }) => eq(a.email, AMARA) }),
    );
    assert.ok(await verifyPassword("my own chosen passphrase", account!.passwordHash));
  });

  it("says so when no account uses the email, exit 1", async () => {
    const { code, stdout } = await runAdmin([
      "reset-temp-password",
      "--email",
      "nobody@demo.test",
      "--state",
      state.dir,
    ]);
    assert.equal(code, 1);
    assert.match(stdout, /^No account uses the email nobody@demo\.test\. Nothing was changed\.$/m);
  });
});
