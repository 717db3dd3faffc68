import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { verifyPassword } from "../../worker/lib/password-hash.ts";
import { base32Decode, otpauthUri, totpCode, verifyTotp } from "../../worker/lib/totp.ts";
import { inspect, runAdmin, temporaryState } from "./support.ts";

function field(stdout: string, label: string): string {
  const match = new RegExp(`^  ${label}:\\s+(\\S+)$`, "m").exec(stdout);
  if (!match) throw new Error(`no "${label}" in:\n${stdout}`);
  return match[1]!;
}

describe("admin officer create", () => {
  let state: Awaited<ReturnType<typeof temporaryState>>;
  before(async () => {
    state = await temporaryState();
  });
  after(() => state.remove());

  it("creates an officer and prints, once, the initial password, the TOTP secret and its otpauth URI", async () => {
    const { code, stdout, stderr } = await runAdmin(["officer", "create", "--email", "Jane.Doe@cic.gc.ca", "--name", "Jane Doe", "--state", state.dir]);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^Officer created: Jane Doe <jane\.doe@cic\.gc\.ca>, role officer\.$/m);
    assert.equal(field(stdout, "Email"), "jane.doe@cic.gc.ca");
    const password = field(stdout, "Initial password");
    const secret = field(stdout, "TOTP secret");
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.equal(base32Decode(secret).length, 20);
    assert.equal(field(stdout, "otpauth URI"), otpauthUri(secret, "jane.doe@cic.gc.ca"));
    assert.match(field(stdout, "otpauth URI"), /^otpauth:\/\/totp\/IRCC%20PR%20Portal:jane\.doe%40cic\.gc\.ca\?secret=[A-Z2-7]{32}&issuer=IRCC%20PR%20Portal&/);

    await inspect(state.dir, async ({ db }) => {
      const officer = (await db.query.officers.findFirst({ where: (o, { eq }) => eq(o.email, "jane.doe@cic.gc.ca") }))!;
      assert.equal(officer.name, "Jane Doe");
      assert.equal(officer.role, "officer");
      assert.notEqual(officer.passwordHash, password);
      assert.ok(await verifyPassword(password, officer.passwordHash));
      // The printed password is one-time: it must be changed at first sign-in.
      assert.equal(officer.mustChangePassword, 1);
      assert.equal(officer.totpSecret, secret);
      // An authenticator app fed the printed secret produces codes the portal accepts.
      const now = Date.now();
      assert.notEqual(await verifyTotp(officer.totpSecret, await totpCode(secret, now), now, officer.lastTotpStep), null);
      const audit = await db.query.auditLog.findFirst({ where: (a, { eq }) => eq(a.action, "officer.create") });
      assert.equal(audit?.actorKind, "admin");
      assert.equal(audit?.subjectId, "jane.doe@cic.gc.ca");
    });
  });

  it("refuses a second officer with the same email, whatever its case, exit 1", async () => {
    const { code, stdout } = await runAdmin(["officer", "create", "--email", "JANE.DOE@cic.gc.ca", "--name", "Someone Else", "--supervisor", "--state", state.dir]);
    assert.equal(code, 1);
    assert.equal(stdout, "An officer with the email jane.doe@cic.gc.ca already exists. Nothing was changed.\n");
  });

  it("creates supervisors with --supervisor", async () => {
    const { code, stdout } = await runAdmin(["officer", "create", "--email", "sam.lee@cic.gc.ca", "--name", "Sam Lee", "--supervisor", "--state", state.dir]);
    assert.equal(code, 0);
    assert.match(stdout, /role supervisor\./);
    assert.notEqual(field(stdout, "Initial password"), "");
  });
});
