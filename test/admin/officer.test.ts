import assert from "node:assert/strict";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { newOfficerSession } from "../../worker/data/officer-sessions.ts";
import { verifyPassword } from "../../worker/lib/password-hash.ts";
import { Secret, TOTP, URI } from "otpauth";
import { otpauthUri, totpCode, verifyTotp } from "../../worker/lib/officer-totp.ts";
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

  it("prints the TOTP enrolment (secret, otpauth URI, QR code) and writes the initial password to a 0600 file, never beside it", async () => {
    const file = path.join(state.dir, "jane-password.txt");
    const { code, stdout, stderr } = await runAdmin([
      "officer",
      "create",
      "--email",
      "Jane.Doe@cic.gc.ca",
      "--name",
      "Jane Doe",
      "--password-file",
      file,
      "--state",
      state.dir,
    ]);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^Officer created: Jane Doe <jane\.doe@cic\.gc\.ca>, role officer\.$/m);
    assert.equal(field(stdout, "Email"), "jane.doe@cic.gc.ca");
    const secret = field(stdout, "TOTP secret");
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.equal(Secret.fromBase32(secret).bytes.length, 20);
    assert.equal(field(stdout, "otpauth URI"), otpauthUri(secret, "jane.doe@cic.gc.ca"));
    assert.match(field(stdout, "otpauth URI"), /^otpauth:\/\/totp\/IRCC%20PR%20Portal:jane\.doe%40cic\.gc\.ca\?/);
    // What an authenticator app reads from it (parsed by otpauth, as an app would).
    const enrolled = URI.parse(field(stdout, "otpauth URI"));
    assert.ok(enrolled instanceof TOTP);
    assert.deepEqual(
      [enrolled.issuer, enrolled.label, enrolled.secret.base32, enrolled.algorithm, enrolled.digits, enrolled.period],
      ["IRCC PR Portal", "jane.doe@cic.gc.ca", secret, "SHA1", 6, 30],
    );
    // A terminal QR code: rows of block characters.
    assert.ok(stdout.split("\n").filter((line) => /^[█▀▄ ]{20,}$/.test(line)).length >= 10, stdout);
    assert.match(
      stdout,
      /Initial password written to .*jane-password\.txt \(mode 0600\)\. It works for one sign-in, within 72 hours\./,
    );

    const password = (await readFile(file, "utf8")).trim();
    assert.match(password, /^[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$/);
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    assert.ok(!stdout.includes(password), "the password is not on the screen with the enrolment");
    assert.ok(!stdout.includes("Initial password:"));

    await inspect(state.dir, async ({ db }) => {
      const officer = (await db.query.officers.findFirst({ where: (o, { eq }) => eq(o.email, "jane.doe@cic.gc.ca") }))!;
      assert.equal(officer.name, "Jane Doe");
      assert.equal(officer.role, "officer");
      assert.ok(await verifyPassword(password, officer.passwordHash));
      // The password is one-time and expires: changed at first sign-in, issued now.
      assert.equal(officer.mustChangePassword, 1);
      assert.ok(Date.now() - Date.parse(officer.initialPasswordIssuedAt!) < 5 * 60_000);
      assert.equal(officer.totpSecret, secret);
      const now = Date.now();
      assert.notEqual(verifyTotp(officer.totpSecret, totpCode(secret, now), now, officer.lastTotpStep), null);
      const audit = await db.query.auditLog.findFirst({ where: (a, { eq }) => eq(a.action, "officer.create") });
      assert.equal(audit?.actorKind, "admin");
      assert.equal(audit?.subjectId, "jane.doe@cic.gc.ca");
    });
  });

  it("refuses a second officer with the same email, whatever its case, exit 1, and leaves no password file", async () => {
    const file = path.join(state.dir, "unused-password.txt");
    const { code, stdout } = await runAdmin([
      "officer",
      "create",
      "--email",
      "JANE.DOE@cic.gc.ca",
      "--name",
      "Someone Else",
      "--supervisor",
      "--password-file",
      file,
      "--state",
      state.dir,
    ]);
    assert.equal(code, 1);
    assert.equal(stdout, "An officer with the email jane.doe@cic.gc.ca already exists. Nothing was changed.\n");
    await assert.rejects(stat(file));
  });

  it("outside a terminal refuses to run without --password-file (exit 2), before creating anyone", async () => {
    const { code, stdout, stderr } = await runAdmin([
      "officer",
      "create",
      "--email",
      "sam.lee@cic.gc.ca",
      "--name",
      "Sam Lee",
      "--supervisor",
      "--state",
      state.dir,
    ]);
    assert.equal(code, 2);
    assert.equal(stdout, "");
    assert.match(stderr, /--password-file PATH is required when not run in a terminal/);
  });
});

describe("admin officer disable, enable, reset-password, reset-totp, list", () => {
  let state: Awaited<ReturnType<typeof temporaryState>>;
  before(async () => {
    state = await temporaryState();
  });
  after(() => state.remove());

  const EMAIL = "kim.tran@cic.gc.ca";
  /** Opens two live sessions for the officer, as two sign-ins would. */
  const openSessions = () =>
    inspect(state.dir, async ({ db }) => {
      const officer = (await db.query.officers.findFirst({ where: (o, { eq }) => eq(o.email, EMAIL) }))!;
      const sessions = [newOfficerSession(db, officer.id), newOfficerSession(db, officer.id)];
      await db.batch([sessions[0]!.insert, sessions[1]!.insert]);
    });
  const officerNow = () =>
    inspect(state.dir, async ({ db }) => {
      const officer = (await db.query.officers.findFirst({ where: (o, { eq }) => eq(o.email, EMAIL) }))!;
      const live = (
        await db.query.sessions.findMany({
          where: (s, { and, eq, isNull }) => and(eq(s.officerId, officer.id), isNull(s.revokedAt)),
        })
      ).length;
      const audit = (await db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.subjectId, EMAIL) })).map(
        (a) => a.action,
      );
      return { officer, live, audit };
    });

  it("each is audited; disable, reset-password and reset-totp end the officer's sessions at once", async () => {
    const created = await runAdmin([
      "officer",
      "create",
      "--email",
      EMAIL,
      "--name",
      "Kim Tran",
      "--password-file",
      path.join(state.dir, "kim-1.txt"),
      "--state",
      state.dir,
    ]);
    assert.equal(created.code, 0, created.stderr);
    const oldSecret = field(created.stdout, "TOTP secret");

    await openSessions();
    const disabled = await runAdmin(["officer", "disable", "--email", EMAIL, "--state", state.dir]);
    assert.equal(disabled.code, 0, disabled.stderr);
    let now = await officerNow();
    assert.notEqual(now.officer.disabledAt, null);
    assert.equal(now.live, 0);

    // enable also clears a lock; reset-password writes a new one-time password and ends the sessions.
    await inspect(state.dir, ({ db }) =>
      db.run(
        `UPDATE officers SET locked_until = '2999-01-01T00:00:00.000Z', failed_sign_ins = 7 WHERE email = '${EMAIL}'`,
      ),
    );
    assert.equal((await runAdmin(["officer", "enable", "--email", EMAIL, "--state", state.dir])).code, 0);
    now = await officerNow();
    assert.deepEqual([now.officer.disabledAt, now.officer.lockedUntil, now.officer.failedSignIns], [null, null, 0]);
    await inspect(state.dir, ({ db }) =>
      db.run(
        `UPDATE officers SET must_change_password = 0, initial_password_used_at = '2026-01-01T00:00:00.000Z' WHERE email = '${EMAIL}'`,
      ),
    );
    await openSessions();
    const file = path.join(state.dir, "kim-2.txt");
    const reset = await runAdmin([
      "officer",
      "reset-password",
      "--email",
      EMAIL,
      "--password-file",
      file,
      "--state",
      state.dir,
    ]);
    assert.equal(reset.code, 0, reset.stderr);
    now = await officerNow();
    assert.ok(await verifyPassword((await readFile(file, "utf8")).trim(), now.officer.passwordHash));
    assert.equal(now.officer.mustChangePassword, 1);
    assert.equal(now.officer.initialPasswordUsedAt, null);
    assert.equal(now.live, 0);

    await openSessions();
    const totp = await runAdmin(["officer", "reset-totp", "--email", EMAIL, "--state", state.dir]);
    assert.equal(totp.code, 0, totp.stderr);
    const secret = field(totp.stdout, "TOTP secret");
    assert.notEqual(secret, oldSecret);
    assert.equal(field(totp.stdout, "otpauth URI"), otpauthUri(secret, EMAIL));
    now = await officerNow();
    assert.equal(now.officer.totpSecret, secret);
    assert.equal(now.officer.lastTotpStep, null);
    assert.equal(now.live, 0);

    const list = await runAdmin(["officer", "list", "--json", "--state", state.dir]);
    assert.equal(list.code, 0, list.stderr);
    assert.deepEqual(JSON.parse(list.stdout), [
      {
        email: EMAIL,
        name: "Kim Tran",
        role: "officer",
        state: "initial password not changed",
        createdAt: now.officer.createdAt,
      },
    ]);
    assert.ok(!list.stdout.includes(secret) && !list.stdout.includes("pbkdf2"));

    assert.deepEqual(now.audit, [
      "officer.create",
      "officer.disable",
      "officer.enable",
      "officer.reset_password",
      "officer.reset_totp",
    ]);
    await inspect(state.dir, async ({ db }) => {
      assert.equal(
        (await db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.action, "officer.list") })).length,
        1,
      );
    });
  });

  it("an unknown email is refused, exit 1; `officer --help` lists every subcommand and each has its own --help", async () => {
    const unknown = await runAdmin(["officer", "disable", "--email", "nobody@cic.gc.ca", "--state", state.dir]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stdout, /No officer has the email nobody@cic\.gc\.ca/);
    const group = await runAdmin(["officer", "--help"]);
    for (const name of ["create", "disable", "enable", "reset-password", "reset-totp", "list"])
      assert.match(group.stdout, new RegExp(`^  ${name} `, "m"));
    for (const name of ["disable", "enable", "reset-password", "reset-totp", "list"]) {
      const help = await runAdmin(["officer", name, "--help"]);
      assert.equal(help.code, 0);
      assert.match(help.stdout, new RegExp(`Usage: npm run admin -- officer ${name}`));
    }
  });
});
