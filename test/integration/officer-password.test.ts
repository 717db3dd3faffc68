// An officer's later password change (POST /review/api/password): the current
// password AND a TOTP code, one answer for either wrong, other sessions ended,
// audited. (The forced first change is in officer-auth.test.ts.)
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { officers } from "../../schema/index.ts";
import { createOfficer } from "../../worker/data/officers.ts";
import { hashPassword } from "../../worker/lib/password-hash.ts";
import { generateTotpSecret, totpCode } from "../../worker/lib/officer-totp.ts";
import { Browser, errorOf } from "../support/http.ts";
import { db, unique } from "../support/factories.ts";

const INITIAL = "officer passphrase for review";
const CHOSEN = "lighthouse orchard violin autumn";
const LATER = "quartz meadow lantern rivers";

/** Codes are single use and only ±1 step is accepted: tests that need more codes forget the last step used. */
const forgetLastStep = (email: string) =>
  db().update(officers).set({ lastTotpStep: null }).where(eq(officers.email, email));

async function signIn(email: string, totpSecret: string, password: string) {
  await forgetLastStep(email);
  const browser = new Browser();
  const response = await browser.post("/review/api/sign-in", {
    email,
    password,
    code: await totpCode(totpSecret, Date.now()),
  });
  return { browser, response };
}

async function officerWithChosenPassword() {
  const email = `officer${unique()}@cic.gc.ca`;
  const totpSecret = generateTotpSecret();
  const created = await createOfficer(
    db(),
    { email, name: "Pat Officer", role: "officer", passwordHash: await hashPassword(INITIAL), totpSecret },
    { kind: "admin", id: "test" },
  );
  const first = await signIn(email, totpSecret, INITIAL);
  expect(
    (await first.browser.post("/review/api/change-password", { newPassword: CHOSEN, confirmPassword: CHOSEN })).status,
  ).toBe(200);
  return { id: created!.id, email, totpSecret, browser: first.browser };
}

describe("an officer changes their password later", () => {
  it("needs the current password and a TOTP code, with one answer for either wrong; then ends the other sessions and is audited", async () => {
    const officer = await officerWithChosenPassword();
    const other = await signIn(officer.email, officer.totpSecret, CHOSEN);
    expect(other.response.status).toBe(200);
    await forgetLastStep(officer.email);
    const code = await totpCode(officer.totpSecret, Date.now());
    const change = (body: object) =>
      officer.browser.post("/review/api/password", { newPassword: LATER, confirmPassword: LATER, ...body });

    const wrongPassword = await change({ currentPassword: "not my current password", code });
    expect(wrongPassword.status).toBe(422);
    const wrongCode = await change({ currentPassword: CHOSEN, code: code === "000000" ? "111111" : "000000" });
    expect(wrongCode.status).toBe(422);
    const answer = await errorOf(wrongCode);
    expect(answer).toEqual(await errorOf(wrongPassword));
    expect(answer.fields).toEqual([
      { field: "currentPassword", code: "wrong", message: expect.stringContaining("code") },
    ]);
    const missing = await change({});
    expect((await errorOf(missing)).fields?.map((f) => `${f.field}:${f.code}`)).toEqual([
      "currentPassword:required",
      "code:required",
    ]);
    const failures = await db().query.auditLog.findMany({
      where: (a, { and, eq: equal }) =>
        and(equal(a.action, "officer.password_change_failed"), equal(a.actorId, String(officer.id))),
    });
    expect(failures).toHaveLength(2);

    const changed = await change({ currentPassword: CHOSEN, code });
    expect(changed.status).toBe(200);
    // The other browser is signed out; this one carries on with a fresh session.
    expect(await (await other.browser.get("/review/api/session")).json()).toEqual({ signedIn: false });
    expect((await other.browser.get("/review/api/queue")).status).toBe(401);
    expect((await officer.browser.get("/review/api/queue")).status).toBe(200);
    const audit = await db().query.auditLog.findFirst({
      where: (a, { and, eq: equal }) =>
        and(equal(a.action, "officer.password_changed"), equal(a.actorId, String(officer.id))),
      orderBy: (a, { desc }) => desc(a.id),
    });
    expect(JSON.parse(audit!.detailsJson)).toEqual({ how: "changed" });

    expect((await signIn(officer.email, officer.totpSecret, CHOSEN)).response.status).toBe(401);
    expect((await signIn(officer.email, officer.totpSecret, LATER)).response.status).toBe(200);
  });

  it("refuses the same password, a code already used, and a session still on the initial password", async () => {
    const officer = await officerWithChosenPassword();
    await forgetLastStep(officer.email);
    const code = await totpCode(officer.totpSecret, Date.now());
    const same = await officer.browser.post("/review/api/password", {
      currentPassword: CHOSEN,
      code,
      newPassword: CHOSEN,
      confirmPassword: CHOSEN,
    });
    expect((await errorOf(same)).fields?.map((f) => f.code)).toEqual(["same_as_current"]);
    // That attempt spent the code: it cannot be replayed.
    const replay = await officer.browser.post("/review/api/password", {
      currentPassword: CHOSEN,
      code,
      newPassword: LATER,
      confirmPassword: LATER,
    });
    expect((await errorOf(replay)).fields?.map((f) => f.code)).toEqual(["wrong"]);

    const email = `officer${unique()}@cic.gc.ca`;
    const totpSecret = generateTotpSecret();
    await createOfficer(
      db(),
      { email, name: "New Officer", role: "officer", passwordHash: await hashPassword(INITIAL), totpSecret },
      { kind: "admin", id: "test" },
    );
    const initial = await signIn(email, totpSecret, INITIAL);
    const refused = await initial.browser.post("/review/api/password", {
      currentPassword: INITIAL,
      code: await totpCode(totpSecret, Date.now() + 30_000),
      newPassword: LATER,
      confirmPassword: LATER,
    });
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).code).toBe("password_change_required");
  });
});
