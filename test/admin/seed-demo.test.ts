import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { DEMO } from "../../scripts/admin/demo-credentials.ts";
import { lookUpInvitation } from "../../worker/data/invitations.ts";
import { verifyPassword } from "../../worker/lib/password-hash.ts";
import { checkPasswordRules } from "../../worker/lib/password-policy.ts";
import { shippedPasswordBlocklistFromDisk } from "../../scripts/admin/password-blocklist.ts";
import { inspect, invitationToken, mailJson, runAdmin, temporaryState } from "./support.ts";

const TABLES = ["applications", "persons", "invitations", "accounts", "officers", "outbox", "audit_log"];

async function rowCounts(stateDir: string): Promise<Record<string, number>> {
  return inspect(stateDir, async ({ env }) => {
    const counts: Record<string, number> = {};
    for (const table of TABLES)
      counts[table] = (await env.DB.prepare(`select count(*) as n from ${table}`).first<{ n: number }>())!.n;
    return counts;
  });
}

describe("admin seed-demo", () => {
  let state: Awaited<ReturnType<typeof temporaryState>>;
  let firstRun: string;
  before(async () => {
    state = await temporaryState();
  });
  after(() => state.remove());

  it("builds the demo and prints the demo accounts", async () => {
    const { code, stdout, stderr } = await runAdmin(["seed-demo", "--state", state.dir]);
    assert.equal(code, 0, stderr);
    firstRun = stdout;
    assert.match(stdout, /^Imported the sample: 2 applications, 4 persons\.$/m);
    assert.match(stdout, /^Invited E000100001 and accepted the invitation: one account acting for 3 persons\.$/m);
    assert.match(stdout, /^ {4}Username: PR-DEMO0001$/m);
    assert.match(stdout, /^ {4}Password: correct maple snowfall lantern$/m);
    assert.match(stdout, /^ {4}Email: {8}officer@demo\.test$/m);
    assert.match(stdout, /^ {4}Invitation link: \S+\/invitation\?lang=fr#token=[A-Za-z0-9_-]+$/m);
  });

  it("made the family account through the real invitation, acting for all three, with the demo password", async () => {
    assert.deepEqual(
      checkPasswordRules(DEMO.password, { username: DEMO.username, blocklist: shippedPasswordBlocklistFromDisk() }),
      [],
    );
    await inspect(state.dir, async ({ db }) => {
      const account = (await db.query.accounts.findFirst({ where: (a, { eq }) => eq(a.username, DEMO.username) }))!;
      assert.equal(account.passwordIsTemporary, 0);
      assert.ok(await verifyPassword(DEMO.password, account.passwordHash));
      const family = await db.query.persons.findMany({ where: (p, { eq }) => eq(p.actingAccountId, account.id) });
      assert.deepEqual(family.map((p) => p.givenNames).sort(), ["Ada", "Amara", "Chidi Emeka"]);
      const invitations = await db.query.invitations.findMany();
      assert.deepEqual(
        invitations.map((i) => i.response),
        ["accepted", null],
      );
      const officer = (await db.query.officers.findFirst({ where: (o, { eq }) => eq(o.email, DEMO.officer.email) }))!;
      assert.ok(await verifyPassword(DEMO.officer.password, officer.passwordHash));
      assert.equal(officer.totpSecret, DEMO.officer.totpSecret);
      // Its password is the documented one, already chosen: no change is asked at sign-in.
      assert.equal(officer.mustChangePassword, 0);
    });
  });

  it("left the single applicant's invitation open, its link in the mailbox", async () => {
    const [invitation] = (await mailJson(state.dir, "--to", "lucia.fernandez@demo.test")).filter(
      (m) => m.kind === "invitation",
    );
    const lookup = await inspect(state.dir, ({ db }) => lookUpInvitation(db, invitationToken(invitation!)));
    assert.equal(lookup.status, "open");
    assert.ok(firstRun.includes(`/invitation?lang=fr#token=${invitationToken(invitation!)}`));
  });

  it("changes nothing when run again", async () => {
    const counts = await rowCounts(state.dir);
    const { code, stdout } = await runAdmin(["seed-demo", "--state", state.dir]);
    assert.equal(code, 0);
    assert.match(stdout, /^Demo data already present; nothing was changed\.$/m);
    assert.match(stdout, /^ {4}Username: PR-DEMO0001$/m);
    assert.deepEqual(await rowCounts(state.dir), counts);
  });
});
