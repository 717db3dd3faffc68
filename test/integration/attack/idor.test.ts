// Needs its own workerd and storage: it reads every R2 object key to look for them in the answers.
// Defences: personActedFor() (worker/data/journey.ts), called by every
// applicant route that takes :personId (actedForOr404 in routes/persons.ts,
// personForPhoto in routes/photos.ts); personRepresentedBy() and
// revokeRepresentative()'s owner check (worker/data/representatives.ts) for
// representatives' routes; requireOfficer() on every /review/api route; R2
// keys kept server-side (no route takes a key, none returns one).
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { APPLICANT_COOKIE } from "../../../worker/middleware/applicant-session.ts";
import { OFFICER_COOKIE } from "../../../worker/middleware/officer-session.ts";
import { REPRESENTATIVE_COOKIE } from "../../../worker/middleware/representative-session.ts";
import { Browser, errorOf } from "../../support/http.ts";
import { invitedFamily, signedInApplicant } from "../../support/factories.ts";
import { validPhoto } from "../../support/journey.ts";
import { signedInOfficer } from "../../support/officers.ts";
import { signedInRepresentative } from "../../support/representatives.ts";
import { ALL_ROUTES, fill } from "./routes.ts";
import { type Applicant, type Officer, confirmedFamily, fingerprint } from "./world.ts";

/** A body each POST would accept from the right person. */
const FIELDS = {
  confirm: true,
  streetNumber: "9",
  streetName: "Guessing Street",
  city: "Toronto",
  province: "ON",
  postalCode: "M5V 2T6",
  declarationConfirmed: true,
  acknowledge: true,
};

/** The same id written the ways Number() still reads it, so ownership must be checked on the parsed value. */
function spellings(id: number): string[] {
  return [String(id), `0x${id.toString(16)}`, `${id}.0`, `0${id}`, `+${id}`, `%20${id}`, `${id / 10}e1`];
}

let officer: Officer;
let attacker: Applicant;
let victim: Awaited<ReturnType<typeof confirmedFamily>>;

beforeAll(async () => {
  officer = await signedInOfficer("Olu Reviewer", "supervisor");
  attacker = await signedInApplicant({ dependants: [{ givenNames: "Kemi", dateOfBirth: "2014-03-03" }] });
  victim = await confirmedFamily(officer);
});

async function request(browser: Browser, method: string, path: string) {
  if (method === "GET") return browser.get(path);
  if (path.endsWith("/photo"))
    return browser.request(path, {
      method: "POST",
      headers: { "Content-Type": "image/jpeg" },
      body: await validPhoto(),
    });
  return browser.post(path, FIELDS);
}

describe("applicant A guessing applicant B's ids", () => {
  const personRoutes = ALL_ROUTES.filter(
    (r) => r.path.startsWith("/api/") && r.path.includes(":personId") && r.audience === "applicant",
  );

  it("every :personId route answers 404 person_not_found for B's person and its neighbours, however the id is written, and B's rows stay as they were", async () => {
    const own = new Set(attacker.persons.map((p) => p.id));
    const target = victim.person.id;
    const neighbours = [target - 2, target - 1, target + 1, target + 2].filter((id) => id > 0 && !own.has(id));
    const before = await fingerprint({ personIds: [target], officerIds: [officer.id] });
    // Read, status, presence, address, submit, photo upload/read/image/acknowledge, e-CoPR: taken from the checked route list.
    expect(personRoutes.length).toBeGreaterThanOrEqual(10);
    for (const route of personRoutes) {
      for (const spelled of [...spellings(target), ...neighbours.map(String)]) {
        const path = route.path.replace(":personId", spelled);
        const response = await request(attacker.browser, route.method, path);
        const label = `${route.method} ${path}`;
        expect(response.status, label).toBe(404);
        const text = await response.text();
        expect(JSON.parse(text).error.code, label).toBe("person_not_found");
        expect(text, label).not.toContain(victim.person.familyName);
      }
    }
    expect(await fingerprint({ personIds: [target], officerIds: [officer.id] })).toBe(before);
  });

  it("the same routes work for B itself (the 404s above were the ownership check, not a broken route)", async () => {
    for (const route of personRoutes.filter((r) => r.method === "GET")) {
      const response = await victim.browser.get(fill(route.path, { personId: victim.person.id }));
      expect(response.status, route.path).toBe(200);
      await response.body?.cancel();
    }
  });

  it("every officer route refuses an applicant's session, in the applicant cookie or copied into the officer cookie", async () => {
    const token = attacker.browser.cookies.get(APPLICANT_COOKIE)!;
    const copied = new Browser();
    copied.cookies.set(OFFICER_COOKIE, token);
    // Sign-out without an officer session is a harmless 204 (nothing to end), so it is not in this list.
    const officerRoutes = ALL_ROUTES.filter(
      (r) => r.path.startsWith("/review/api/") && r.audience !== "public" && !r.path.endsWith("/sign-out"),
    );
    expect(officerRoutes.length).toBeGreaterThan(10);
    for (const route of officerRoutes) {
      const path = fill(route.path, {
        personId: victim.person.id,
        submissionId: victim.submissionId,
        requestId: victim.requestId,
      });
      for (const browser of [attacker.browser, copied]) {
        const response = await request(browser, route.method, path);
        const label = `${route.method} ${path}`;
        const text = await response.text();
        if (path === "/review/api/session") {
          // Who is signed in answers 200 either way (issue 18 point 9): here, nobody.
          expect(response.status, label).toBe(200);
          expect(JSON.parse(text), label).toEqual({ signedIn: false });
          continue;
        }
        expect(response.status, label).toBe(401);
        expect(JSON.parse(text).error.code, label).toBe("not_signed_in");
        expect(text, label).not.toContain(victim.person.familyName);
      }
    }
  });

  it("an invitation link one character away from a real one opens nothing", async () => {
    const invited = await invitedFamily();
    const flip = (c: string) => (c === "A" ? "B" : "A");
    for (const guess of [
      invited.token.slice(0, -1) + flip(invited.token.at(-1)!),
      flip(invited.token[0]!) + invited.token.slice(1),
      invited.token.toUpperCase() === invited.token ? invited.token.toLowerCase() : invited.token.toUpperCase(),
    ]) {
      const read = await attacker.browser.post("/api/invitations/open", { token: guess });
      expect(read.status).toBe(404);
      expect((await errorOf(read)).code).toBe("invitation_not_found");
      const accept = await attacker.browser.post("/api/invitations/answer", { token: guess, usePortal: false });
      expect(accept.status).toBe(404);
    }
    expect((await attacker.browser.post("/api/invitations/open", { token: invited.token })).status).toBe(200);
  });
});

describe("a representative guessing the ids of persons nobody gave them (decision 026)", () => {
  const representativeRoutes = ALL_ROUTES.filter(
    (r) => r.audience === "representative" && r.path.includes(":personId"),
  );

  it("every representative route answers 404 person_not_found for another family's person and its neighbours, however the id is written; the represented person itself answers", async () => {
    const represented = await signedInApplicant();
    const representative = await signedInRepresentative(represented.browser);
    const own = new Set(represented.persons.map((p) => p.id));
    const target = victim.person.id;
    const neighbours = [target - 1, target + 1].filter((id) => id > 0 && !own.has(id));
    expect(representativeRoutes.length).toBeGreaterThanOrEqual(1);
    for (const route of representativeRoutes) {
      for (const spelled of [...spellings(target), ...neighbours.map(String)]) {
        const path = route.path.replace(":personId", spelled);
        const response = await representative.browser.get(path);
        const text = await response.text();
        expect(response.status, path).toBe(404);
        expect(JSON.parse(text).error.code, path).toBe("person_not_found");
        expect(text, path).not.toContain(victim.person.familyName);
      }
      const mine = await representative.browser.get(fill(route.path, { personId: represented.persons[0]!.id }));
      expect(mine.status, route.path).toBe(200);
    }
  });

  it("an applicant's session never opens a representative route, and a representative's never opens an officer's or another applicant's grant", async () => {
    for (const route of representativeRoutes) {
      const response = await attacker.browser.get(fill(route.path, { personId: attacker.persons[0]!.id }));
      expect(response.status, route.path).toBe(401);
    }
    const representative = await signedInRepresentative(attacker.browser);
    const copied = new Browser();
    copied.cookies.set(OFFICER_COOKIE, representative.browser.cookies.get(REPRESENTATIVE_COOKIE)!);
    for (const browser of [representative.browser, copied]) {
      const queue = await browser.get("/review/api/queue");
      expect(queue.status).toBe(401);
      const item = await browser.get(`/review/api/items/${victim.submissionId}`);
      expect(item.status).toBe(401);
    }
    const victimsGrant = await signedInRepresentative(victim.browser);
    const revoke = await attacker.browser.post("/api/representatives/revoke", { grantId: victimsGrant.grantId });
    expect(revoke.status).toBe(404);
    expect((await errorOf(revoke)).code).toBe("representative_not_found");
    expect((await victimsGrant.browser.get("/api/representing")).status).toBe(200);
  });
});

describe("R2 object keys", () => {
  it("never appear in any answer the applicant or the officers get, so they cannot be guessed or replayed", async () => {
    const photoKeys = await env.DB.prepare("SELECT object_key FROM photos WHERE person_id = ?")
      .bind(victim.person.id)
      .all<{ object_key: string }>();
    const documentKeys = await env.DB.prepare("SELECT object_key FROM documents WHERE person_id = ?")
      .bind(victim.person.id)
      .all<{ object_key: string }>();
    const keys = [...photoKeys.results, ...documentKeys.results].map((r) => r.object_key);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    // The random part alone must not leak either.
    const secrets = keys.flatMap((k) => [
      k,
      k
        .split("/")
        .at(-1)!
        .replace(/\.\w+$/, ""),
    ]);
    const id = victim.person.id;
    const answers = [
      await victim.browser.get("/api/session"),
      await victim.browser.get("/api/persons"),
      await victim.browser.get(`/api/persons/${id}`),
      await victim.browser.get(`/api/persons/${id}/status`),
      await victim.browser.get(`/api/persons/${id}/photo`),
      await officer.browser.get(`/review/api/items/${victim.submissionId}`),
      await officer.browser.get(`/review/api/queue?filter=all&q=${encodeURIComponent(victim.person.familyName)}`),
      await officer.browser.get("/review/api/follow-up?stage=confirm"),
      await officer.browser.get("/review/api/follow-up?stage=card"),
      await officer.browser.get("/review/api/audit"),
      await officer.browser.get("/review/api/metrics"),
    ];
    for (const answer of answers) {
      expect(answer.status, answer.url).toBe(200);
      const text = await answer.text();
      for (const secret of secrets) expect(text, answer.url).not.toContain(secret);
      for (const [, header] of answer.headers as unknown as Iterable<[string, string]>)
        for (const secret of secrets) expect(header).not.toContain(secret);
    }
    // The files themselves still come through their routes, and only there.
    expect((await victim.browser.get(`/api/persons/${id}/photo/image`)).status).toBe(200);
    expect((await victim.browser.get(`/api/persons/${id}/documents/ecopr`)).status).toBe(200);
  });
});
