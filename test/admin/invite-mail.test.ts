import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import {
  INVITATION_SUBJECT,
  SAMPLES,
  inspect,
  invitationToken,
  mailJson,
  runAdmin,
  temporaryState,
} from "./support.ts";
import { lookUpInvitation } from "../../worker/data/invitations.ts";

describe("admin invite and mail", () => {
  let state: Awaited<ReturnType<typeof temporaryState>>;
  before(async () => {
    state = await temporaryState();
    const imported = await runAdmin(["import", path.join(SAMPLES, "approved-applications.csv"), "--state", state.dir]);
    assert.equal(imported.code, 0, imported.stderr);
  });
  after(() => state.remove());

  it("starts with an empty outbox", async () => {
    assert.deepEqual(await mailJson(state.dir), []);
    const { code, stdout } = await runAdmin(["mail", "--state", state.dir]);
    assert.equal(code, 0);
    assert.equal(stdout, "The outbox is empty.\n");
  });

  it("invites one application by number and says who was invited", async () => {
    const { code, stdout } = await runAdmin(["invite", "--application", "e000100001", "--state", state.dir]);
    assert.equal(code, 0);
    assert.match(stdout, /^Invited: E000100001 → amara\.okafor@demo\.test$/m);
  });

  it("lists the invitation with mail --json: exact subject, pending, link filled in, nothing else on stdout", async () => {
    const messages = await mailJson(state.dir);
    assert.equal(messages.length, 1);
    const [mail] = messages;
    assert.deepEqual(Object.keys(mail!).sort(), [
      "createdAt",
      "from",
      "html",
      "id",
      "kind",
      "sentAt",
      "status",
      "subject",
      "text",
      "to",
    ]);
    assert.equal(mail!.subject, INVITATION_SUBJECT);
    assert.equal(mail!.kind, "invitation");
    assert.equal(mail!.to, "amara.okafor@demo.test");
    assert.equal(mail!.status, "pending");
    assert.equal(mail!.sentAt, null);
    assert.doesNotMatch(mail!.text + mail!.html, /⟦|removed after delivery/);
    assert.ok(
      mail!.text.indexOf("Confirm your permanent residence online") <
        mail!.text.indexOf("Confirmez votre résidence permanente en ligne"),
    );
    const token = invitationToken(mail!);
    assert.ok(mail!.html.includes(`/invitation?lang=fr#token=${token}`));
    // The link in the email is the one the portal will accept.
    const lookup = await inspect(state.dir, ({ db }) => lookUpInvitation(db, token));
    assert.equal(lookup.status, "open");
  });

  it("invites every application still waiting with --all-pending, then finds none", async () => {
    const first = await runAdmin(["invite", "--all-pending", "--state", state.dir]);
    assert.equal(first.code, 0);
    assert.equal(first.stdout.split("\n")[0], "Invited: E000100002 → lucia.fernandez@demo.test");
    assert.doesNotMatch(first.stdout, /E000100001/);
    const second = await runAdmin(["invite", "--all-pending", "--state", state.dir]);
    assert.equal(second.code, 0);
    assert.equal(second.stdout, "No applications are waiting for an invitation.\n");
  });

  it("reports unknown application numbers and exits 1, still inviting the others", async () => {
    const { code, stdout } = await runAdmin(["invite", "--application", "E000100002,E999999999", "--state", state.dir]);
    assert.equal(code, 1);
    assert.match(stdout, /^Invited: E000100002 → lucia\.fernandez@demo\.test$/m);
    assert.match(stdout, /^Not invited: E999999999: no such application \(import it first\)$/m);
  });

  it("filters and limits the list, newest first, in text and JSON", async () => {
    const toLucia = await mailJson(state.dir, "--to", "LUCIA.fernandez@demo.test");
    assert.equal(toLucia.length, 2);
    assert.ok(toLucia[0]!.id > toLucia[1]!.id);
    // The re-sent invitation replaced the first: only the newest link works.
    const [newest, older] = await inspect(state.dir, ({ db }) =>
      Promise.all(toLucia.map((m) => lookUpInvitation(db, invitationToken(m)))),
    );
    assert.equal(newest!.status, "open");
    assert.equal(older!.status, "expired");
    assert.equal((await mailJson(state.dir, "--limit", "1")).length, 1);
    const text = await runAdmin(["mail", "--to", "lucia.fernandez@demo.test", "--limit", "1", "--state", state.dir]);
    assert.equal(text.code, 0);
    assert.match(text.stdout, new RegExp(`^#${toLucia[0]!.id}  pending  `, "m"));
    assert.match(text.stdout, /^To: {6}lucia\.fernandez@demo\.test$/m);
    assert.match(text.stdout, new RegExp(`^Subject: ${INVITATION_SUBJECT.replace(/[()]/g, "\\$&")}$`, "m"));
    assert.ok(text.stdout.includes(`/invitation?lang=en#token=${invitationToken(toLucia[0]!)}`));
  });

  it("records every listing in the audit log, since it shows secrets", async () => {
    const reads = await inspect(state.dir, ({ db }) =>
      db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.action, "outbox.read") }),
    );
    assert.ok(reads.length >= 6);
    assert.ok(reads.every((r) => r.actorKind === "admin" && r.actorId === "admin-test"));
    assert.ok(reads.some((r) => r.subjectId === "lucia.fernandez@demo.test"));
  });
});
