// Representatives (issue 17 point 1, decision 026): their own account through the invitation,
// temporary password and first password; a read-only view of the persons whose applicant consented;
// refused by name on every applicant route; revoked at once with their sessions; a copy of each
// status email; the licence on the officer's decision page; and nothing at all with the setting off.
import { env } from "cloudflare:workers";
import { SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { APPLICANT_COOKIE } from "../../worker/middleware/applicant-session.ts";
import { REPRESENTATIVE_COOKIE } from "../../worker/middleware/representative-session.ts";
import { Browser, errorOf } from "../support/http.ts";
import { latestMail, signedInApplicant } from "../support/factories.ts";
import { useBindings } from "../support/faults.ts";
import { TEST_ADDRESS, completeTasks, submitAll, validPhoto, uploadPhoto } from "../support/journey.ts";
import { signedInOfficer } from "../support/officers.ts";
import { REPRESENTATIVE_PASSWORD, confirmAddress, invite, signedInRepresentative } from "../support/representatives.ts";
import { fingerprint, submissionIdOf } from "./attack/world.ts";

type Applicant = Awaited<ReturnType<typeof signedInApplicant>>;
type Representative = Awaited<ReturnType<typeof signedInRepresentative>>;

const outboxTo = async (to: string) =>
  (
    await env.DB.prepare("SELECT kind, text_body FROM outbox WHERE to_address = ? ORDER BY id").bind(to).all<{
      kind: string;
      text_body: string;
    }>()
  ).results;

let family: Applicant;
let representative: Representative;

beforeAll(async () => {
  family = await signedInApplicant({ dependants: [{ givenNames: "Ife", dateOfBirth: "2015-05-05" }] });
  representative = await signedInRepresentative(family.browser);
});

describe("a representative's own account", () => {
  it("comes through a confirmation link with no password in it, then a username RP-… and a single-use temporary password, at the address the representative confirmed", async () => {
    const applicant = await signedInApplicant();
    const { response, email } = await invite(applicant.browser, { kind: "helper", licenceBody: "", licenceNumber: "" });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ outcome: "confirmation_sent" });
    // Only the link so far: the credential waits for the owner of the address.
    expect((await outboxTo(email)).map((m) => m.kind)).toEqual(["representative_invitation"]);
    const { username, temporaryPassword, invitationMail } = await confirmAddress(email);
    expect(invitationMail.textBody).not.toContain("RP-");
    expect(invitationMail.textBody).toContain("You cannot declare that they are in Canada");
    expect(invitationMail.textBody).toContain("Vous ne pouvez pas déclarer");
    expect(username).toMatch(/^RP-[A-Z2-9]{8}$/);
    // Never the applicant's account: its own row, its own cookie, its own audience.
    const browser = new Browser();
    const signIn = await browser.post("/api/auth/sign-in", { username, password: temporaryPassword });
    expect(signIn.status).toBe(200);
    expect(browser.cookies.has(REPRESENTATIVE_COOKIE)).toBe(true);
    expect(browser.cookies.has(APPLICANT_COOKIE)).toBe(false);
    // Until the first password is chosen nothing else opens, and the temporary password worked once.
    expect((await browser.get("/api/representing")).status).toBe(403);
    const again = await new Browser().post("/api/auth/sign-in", { username, password: temporaryPassword });
    expect((await errorOf(again)).code).toBe("temporary_password_used");
    const weak = await browser.post("/api/auth/set-password", { newPassword: "short", confirmPassword: "short" });
    expect(weak.status).toBe(422);
    const set = await browser.post("/api/auth/set-password", {
      newPassword: REPRESENTATIVE_PASSWORD,
      confirmPassword: REPRESENTATIVE_PASSWORD,
    });
    expect(set.status).toBe(200);
    expect((await browser.get("/api/representing")).status).toBe(200);
    expect((await latestMail(email, "password_changed")).textBody).toContain("Hello Morgan Avocat");
  });

  it("is locked after 5 wrong passwords like an applicant's, answers like a wrong password while locked, and its owner is told by email", async () => {
    const applicant = await signedInApplicant();
    const rep = await signedInRepresentative(applicant.browser);
    const stranger = new Browser();
    for (let i = 0; i < 5; i++) {
      const wrong = await stranger.post("/api/auth/sign-in", { username: rep.username, password: "not the password" });
      expect((await errorOf(wrong)).code).toBe("invalid_credentials");
    }
    const locked = await new Browser().post("/api/auth/sign-in", { username: rep.username, password: rep.password });
    expect(locked.status).toBe(401);
    expect((await errorOf(locked)).code).toBe("invalid_credentials");
    await expect.poll(async () => (await outboxTo(rep.email)).some((m) => m.kind === "account_locked")).toBe(true);
  });

  it("an applicant cannot invite their own address, nor the same representative twice, and a paid representative needs a licence (EN/FR messages)", async () => {
    const applicant = await signedInApplicant();
    const own = await invite(applicant.browser, { email: applicant.principalEmail });
    expect(own.response.status).toBe(422);
    expect((await errorOf(own.response)).fields?.[0]).toMatchObject({ field: "email", code: "own_address" });
    const noLicence = await invite(applicant.browser, {
      kind: "consultant",
      licenceBody: "lso",
      licenceNumber: "12 34!",
    });
    expect(noLicence.response.status).toBe(422);
    const fields = (await errorOf(noLicence.response)).fields!.map((f) => `${f.field}:${f.code}`);
    expect(fields).toEqual(["licenceBody:required", "licenceNumber:invalid"]);
    const french = await applicant.browser.post("/api/representatives/invite?lang=fr", {
      name: "",
      email: "x@law.example",
      kind: "lawyer",
      licenceBody: "",
      licenceNumber: "",
      language: "fr",
    });
    expect((await errorOf(french)).fields?.map((f) => f.message)).toContain("Entrez le nom de votre représentant.");
    const first = await invite(applicant.browser);
    expect(first.response.status).toBe(201);
    const second = await invite(applicant.browser, { email: first.email });
    expect(second.response.status).toBe(409);
    expect((await errorOf(second.response)).code).toBe("representative_already_given");
  });
});

describe("what a representative sees", () => {
  it("the family the principal acts for, each person's tasks, status, timeline with return reasons and e-CoPR availability, read-only", async () => {
    // On, the applicant's account answer offers the representatives page (the account page links it).
    expect(await (await family.browser.get("/api/account")).json()).toMatchObject({ representatives: true });
    // The header asks /api/session: no applicant, but a representative, so it offers their files and sign-out.
    const session = await (await representative.browser.get("/api/session")).json();
    expect(session).toEqual({ signedIn: false, representative: { mustSetPassword: false } });
    const overview = await representative.browser.get("/api/representing");
    expect(overview.status).toBe(200);
    const body = (await overview.json()) as { persons: { id: number; givenNames: string }[] };
    expect(body.persons.map((p) => p.id)).toEqual(family.persons.map((p) => p.id));

    const principal = family.persons[0]!;
    await submitAll(family.browser, principal.id);
    const officer = await signedInOfficer();
    const submissionId = await submissionIdOf(principal.id);
    expect((await officer.browser.post(`/review/api/items/${submissionId}/claim`, {})).status).toBe(200);
    const returned = await officer.browser.post(`/review/api/items/${submissionId}/return`, {
      reasons: ["glare"],
      note: "Too much light on the left.",
    });
    expect(returned.status).toBe(200);

    const status = await representative.browser.get(`/api/representing/persons/${principal.id}`);
    expect(status.status).toBe(200);
    const detail = (await status.json()) as {
      tasks: unknown;
      status: { events: { type: string; reasons?: string[] }[]; proofAvailable: boolean };
    };
    expect(detail.status.events.map((e) => e.type)).toEqual(["submitted", "photo_returned"]);
    expect(detail.status.events[1]!.reasons).toEqual(["glare"]);
    expect(detail.status.proofAvailable).toBe(false);

    // The copy of the status email, addressed to the representative as the representative.
    const copy = await latestMail(representative.email, "photo_returned");
    expect(copy.textBody).toContain("Hello Morgan Avocat,");
    expect(copy.textBody).toContain("as the representative of");
    expect(copy.textBody).toContain("en tant que représentant de");
  });

  it("is refused by name on presence, address, photo, submit and the declaration, for every person, and nothing changes", async () => {
    const person = family.persons[1]!;
    const before = await fingerprint({ personIds: family.persons.map((p) => p.id) });
    const attempts = [
      () => representative.browser.post(`/api/persons/${person.id}/presence`, { confirm: true }),
      () => representative.browser.post(`/api/persons/${person.id}/address`, TEST_ADDRESS),
      async () => uploadPhoto(representative.browser, person.id, await validPhoto()),
      () => representative.browser.post(`/api/persons/${person.id}/photo/acknowledge`, { acknowledge: true }),
      () => representative.browser.post(`/api/persons/${person.id}/submit`, { declarationConfirmed: true }),
      () => representative.browser.post(`/api/persons/${person.id}/address-change`, TEST_ADDRESS),
      () => representative.browser.get(`/api/persons/${person.id}`),
      () => representative.browser.post("/api/representatives/invite", { name: "X" }),
    ];
    for (const attempt of attempts) {
      const response = await attempt();
      expect(response.status).toBe(403);
      expect((await errorOf(response)).code).toBe("representative_read_only");
    }
    const french = await representative.browser.post(`/api/persons/${person.id}/submit?lang=fr`, {
      declarationConfirmed: true,
    });
    expect((await errorOf(french)).message).toContain("En tant que représentant");
    expect(await fingerprint({ personIds: family.persons.map((p) => p.id) })).toBe(before);
  });

  it("sees no one else: another family's person is 404, and the representative's token is no applicant's", async () => {
    const other = await signedInApplicant();
    for (const id of [other.persons[0]!.id, 0, -1, 99999999]) {
      const response = await representative.browser.get(`/api/representing/persons/${id}`);
      expect(response.status).toBe(404);
      expect((await errorOf(response)).code).toBe("person_not_found");
    }
    const copied = new Browser();
    copied.cookies.set(APPLICANT_COOKIE, representative.browser.cookies.get(REPRESENTATIVE_COOKIE)!);
    expect((await copied.get("/api/persons")).status).toBe(401);
    // ...and an applicant's token is no representative's.
    const reversed = new Browser();
    reversed.cookies.set(REPRESENTATIVE_COOKIE, other.browser.cookies.get(APPLICANT_COOKIE)!);
    expect((await reversed.get("/api/representing")).status).toBe(401);
    // Another applicant cannot see or revoke this family's grant.
    expect(
      ((await (await other.browser.get("/api/representatives")).json()) as { representatives: [] }).representatives,
    ).toEqual([]);
    const revoke = await other.browser.post("/api/representatives/revoke", { grantId: representative.grantId });
    expect(revoke.status).toBe(404);
    expect((await errorOf(revoke)).code).toBe("representative_not_found");
    expect((await representative.browser.get("/api/representing")).status).toBe(200);
  });
});

describe("the applicant's control", () => {
  it("lists who has access, since when and every action, and revoking ends the access and the representative's sessions at once; the grant can then never change", async () => {
    const applicant = await signedInApplicant();
    const rep = await signedInRepresentative(applicant.browser);
    const second = new Browser();
    expect((await second.post("/api/auth/sign-in", { username: rep.username, password: rep.password })).status).toBe(
      200,
    );
    expect((await rep.browser.get(`/api/representing/persons/${applicant.persons[0]!.id}`)).status).toBe(200);

    const listed = (await (await applicant.browser.get("/api/representatives")).json()) as {
      representatives: {
        grantId: number;
        state: string;
        kind: string;
        licence: unknown;
        actions: { action: string }[];
      }[];
    };
    expect(listed.representatives).toHaveLength(1);
    expect(listed.representatives[0]).toMatchObject({
      grantId: rep.grantId,
      state: "active",
      kind: "lawyer",
      licence: { body: "lso", number: "P12345" },
    });
    expect(listed.representatives[0]!.actions.map((a) => a.action)).toEqual([
      "granted",
      "address_confirmed",
      "signed_in",
      "signed_in",
      "viewed_person",
    ]);

    const revoked = await applicant.browser.post("/api/representatives/revoke", { grantId: rep.grantId });
    expect(revoked.status).toBe(200);
    for (const browser of [rep.browser, second]) {
      const response = await browser.get("/api/representing");
      expect(response.status).toBe(401);
    }
    // Signing in again shows nobody: the consent is gone.
    const back = new Browser();
    await back.post("/api/auth/sign-in", { username: rep.username, password: rep.password });
    expect(((await (await back.get("/api/representing")).json()) as { persons: [] }).persons).toEqual([]);
    expect((await back.get(`/api/representing/persons/${applicant.persons[0]!.id}`)).status).toBe(404);
    const after = (await (await applicant.browser.get("/api/representatives")).json()) as {
      representatives: { state: string; actions: { action: string }[] }[];
    };
    expect(after.representatives[0]!.state).toBe("revoked");
    expect(after.representatives[0]!.actions.at(-1)!.action).toBe("revoked");
    // A second click is harmless.
    expect((await applicant.browser.post("/api/representatives/revoke", { grantId: rep.grantId })).status).toBe(200);

    // The consent's history is kept by the database itself.
    const grant = env.DB.prepare("UPDATE representative_grants SET revoked_at = NULL WHERE id = ?").bind(rep.grantId);
    await expect(grant.run()).rejects.toThrow(/representative_grant_locked/);
    const gone = env.DB.prepare("DELETE FROM representative_grants WHERE id = ?").bind(rep.grantId);
    await expect(gone.run()).rejects.toThrow(/representative_grant_locked/);
  });

  it("no status email copy goes to a representative who has not confirmed, or whose access was revoked", async () => {
    const applicant = await signedInApplicant();
    const waiting = await invite(applicant.browser);
    const rep = await signedInRepresentative(applicant.browser);
    expect((await applicant.browser.post("/api/representatives/revoke", { grantId: rep.grantId })).status).toBe(200);
    const person = applicant.persons[0]!;
    await submitAll(applicant.browser, person.id);
    const officer = await signedInOfficer();
    const submissionId = await submissionIdOf(person.id);
    await officer.browser.post(`/review/api/items/${submissionId}/claim`, {});
    expect((await officer.browser.post(`/review/api/items/${submissionId}/accept`, {})).status).toBe(200);
    expect((await latestMail(applicant.principalEmail, "photo_accepted")).kind).toBe("photo_accepted");
    for (const to of [waiting.email, rep.email])
      expect((await outboxTo(to)).some((m) => m.kind === "photo_accepted")).toBe(false);
  });
});

describe("tokens and bodies", () => {
  it("a representative token bent in any way (audience, issuer, expiry, signature, algorithm) opens nothing, and the genuine one does", async () => {
    const genuine = representative.browser.cookies.get(REPRESENTATIVE_COOKIE)!;
    const [header, payload, signature] = genuine.split(".") as [string, string, string];
    const claims = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))) as Record<string, unknown>;
    const encode = (value: unknown) =>
      btoa(JSON.stringify(value)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    const key = new TextEncoder().encode(env.JWT_SECRET);
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const forgeries = {
      "applicant audience": await new SignJWT({})
        .setProtectedHeader({ alg: "HS256" })
        .setSubject(String(claims.sub))
        .setAudience("pr-portal:applicant")
        .setIssuer(String(claims.iss))
        .setExpirationTime(exp)
        .sign(key),
      "other issuer": await new SignJWT({})
        .setProtectedHeader({ alg: "HS256" })
        .setSubject(String(claims.sub))
        .setAudience("pr-portal:representative")
        .setIssuer("https://evil.example")
        .setExpirationTime(exp)
        .sign(key),
      expired: await new SignJWT({})
        .setProtectedHeader({ alg: "HS256" })
        .setSubject(String(claims.sub))
        .setAudience("pr-portal:representative")
        .setIssuer(String(claims.iss))
        .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
        .sign(key),
      "another key": await new SignJWT({})
        .setProtectedHeader({ alg: "HS256" })
        .setSubject(String(claims.sub))
        .setAudience("pr-portal:representative")
        .setIssuer(String(claims.iss))
        .setExpirationTime(exp)
        .sign(new TextEncoder().encode("another-secret-0123456789abcdef0123456789")),
      "alg none": `${encode({ alg: "none", typ: "JWT" })}.${payload}.`,
      "payload changed": `${header}.${encode({ ...claims, sub: "someone-else" })}.${signature}`,
    };
    for (const [name, token] of Object.entries(forgeries)) {
      const browser = new Browser();
      browser.cookies.set(REPRESENTATIVE_COOKIE, token);
      expect((await browser.get("/api/representing")).status, name).toBe(401);
      // Not even read as a representative: an applicant route answers signed out, not read-only.
      const write = await browser.post(`/api/persons/${family.persons[0]!.id}/presence`, { confirm: true });
      expect((await errorOf(write)).code, name).toBe("not_signed_in");
    }
    const control = new Browser();
    control.cookies.set(REPRESENTATIVE_COOKIE, genuine);
    expect((await control.get("/api/representing")).status).toBe(200);
  });

  it("an invitation's body cannot choose the grant's owner, the representative's account, its password, or a revoked state (mass assignment)", async () => {
    const applicant = await signedInApplicant();
    const other = await signedInApplicant();
    const otherAccount = await env.DB.prepare("SELECT id FROM accounts WHERE username = ?")
      .bind(other.username)
      .first<{ id: number }>();
    const { response, email } = await invite(applicant.browser, {
      id: 1,
      grantId: 1,
      grantedByAccountId: otherAccount!.id,
      accountId: otherAccount!.id,
      representativeId: 1,
      username: "RP-CHOSEN00",
      passwordHash: "x",
      passwordIsTemporary: 0,
      revokedAt: "2000-01-01T00:00:00.000Z",
      grantedAt: "2000-01-01T00:00:00.000Z",
      state: "active",
    });
    expect(response.status).toBe(201);
    const row = await env.DB.prepare(
      `SELECT g.granted_by_account_id AS owner, g.revoked_at, g.granted_at, r.username, r.password_is_temporary, r.email
       FROM representative_grants g JOIN representatives r ON r.id = g.representative_id WHERE r.email = ?`,
    )
      .bind(email)
      .first<{
        owner: number;
        revoked_at: string | null;
        granted_at: string;
        username: string;
        password_is_temporary: number;
      }>();
    const own = await env.DB.prepare("SELECT id FROM accounts WHERE username = ?")
      .bind(applicant.username)
      .first<{ id: number }>();
    expect(row!.owner).toBe(own!.id);
    expect(row!.revoked_at).toBeNull();
    expect(row!.granted_at.startsWith("2000")).toBe(false);
    expect(row!.username).not.toBe("RP-CHOSEN00");
    expect(row!.password_is_temporary).toBe(1);
    expect(
      ((await (await other.browser.get("/api/representatives")).json()) as { representatives: [] }).representatives,
    ).toEqual([]);
  });
});

describe("officers", () => {
  it("see the representative and their licence on the decision page", async () => {
    const applicant = await signedInApplicant();
    await signedInRepresentative(applicant.browser, {
      kind: "consultant",
      licenceBody: "cicc",
      licenceNumber: "R512345",
    });
    const person = applicant.persons[0]!;
    await completeTasks(applicant.browser, person.id);
    expect(
      (await applicant.browser.post(`/api/persons/${person.id}/submit`, { declarationConfirmed: true })).status,
    ).toBe(201);
    const officer = await signedInOfficer();
    const item = (await (await officer.browser.get(`/review/api/items/${await submissionIdOf(person.id)}`)).json()) as {
      representatives: unknown[];
    };
    expect(item.representatives).toEqual([
      expect.objectContaining({
        name: "Morgan Avocat",
        kind: "consultant",
        licenceBody: "cicc",
        licenceNumber: "R512345",
      }),
    ]);
  });
});

describe('REPRESENTATIVE_ACCESS = "off"', () => {
  it("the representatives' pages are served as the not-found page, exactly as an unknown path; on, they are the client's pages", async () => {
    const paths = ["/representatives", "/representing", "/representing/persons/12"];
    const off = new Browser();
    useBindings(off, { REPRESENTATIVE_ACCESS: "off" });
    const unknown = await (await off.get("/page-that-does-not-exist?lang=fr")).text();
    const on = new Browser();
    for (const path of paths) {
      const closed = await off.get(`${path}?lang=fr`);
      expect(await closed.text(), path).toBe(unknown);
      const open = await on.get(`${path}?lang=fr`);
      expect(open.status, path).toBe(200);
      expect(await open.text(), path).not.toBe(unknown);
    }
  });

  it("every representative route answers like an unknown route, a representative cannot sign in or use a session, the officer's page and the status emails say nothing", async () => {
    const applicant = await signedInApplicant();
    const rep = await signedInRepresentative(applicant.browser);
    const off = { REPRESENTATIVE_ACCESS: "off" };
    useBindings(applicant.browser, off);
    useBindings(rep.browser, off);
    const unknown = await applicant.browser.get("/api/no-such-route");
    const unknownBody = await unknown.text();
    const person = applicant.persons[0]!;
    const attempts = [
      () => applicant.browser.get("/api/representatives"),
      () => applicant.browser.post("/api/representatives/invite", { name: "X" }),
      () => applicant.browser.post("/api/representatives/revoke", { grantId: rep.grantId }),
      () => rep.browser.get("/api/representing"),
      () => rep.browser.get(`/api/representing/persons/${person.id}`),
    ];
    for (const attempt of attempts) {
      const response = await attempt();
      expect(response.status).toBe(404);
      expect(await response.text()).toBe(unknownBody);
    }
    // The account page is told nothing of representatives, so it neither links nor asks their list.
    const account = (await (await applicant.browser.get("/api/account")).json()) as Record<string, unknown>;
    expect(account).not.toHaveProperty("representatives");
    // Their session is not read at all: applicant routes answer signed out, as to anyone, and the
    // header's question says nothing of representatives.
    expect(await (await rep.browser.get("/api/session")).json()).toEqual({ signedIn: false });
    expect((await errorOf(await rep.browser.post(`/api/persons/${person.id}/submit`, {}))).code).toBe("not_signed_in");
    const signIn = new Browser();
    useBindings(signIn, off);
    const refused = await signIn.post("/api/auth/sign-in", { username: rep.username, password: rep.password });
    expect((await errorOf(refused)).code).toBe("invalid_credentials");

    await submitAll(applicant.browser, person.id);
    const officer = await signedInOfficer();
    useBindings(officer.browser, off);
    const submissionId = await submissionIdOf(person.id);
    const item = await (await officer.browser.get(`/review/api/items/${submissionId}`)).text();
    expect(item).not.toContain("representative");
    await officer.browser.post(`/review/api/items/${submissionId}/claim`, {});
    expect(
      (await officer.browser.post(`/review/api/items/${submissionId}/return`, { reasons: ["glare"] })).status,
    ).toBe(200);
    expect((await latestMail(applicant.principalEmail, "photo_returned")).textBody).not.toMatch(
      /representative|représentant/i,
    );
    expect((await outboxTo(rep.email)).some((m) => m.kind === "photo_returned")).toBe(false);
  });
});
