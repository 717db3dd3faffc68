// The people the attack tests attack with and attack: two unrelated families
// and an officer, made through the real routes, plus a fingerprint of every
// row that belongs to them so a test can prove a refused request changed nothing.
import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { Browser } from "../../support/http.ts";
import { db, invitedFamily, signedInApplicant } from "../../support/factories.ts";
import { submitAll } from "../../support/journey.ts";
import { signedInOfficer } from "../../support/officers.ts";
import { signedInRepresentative } from "../../support/representatives.ts";
import { fill } from "./routes.ts";

export type Applicant = Awaited<ReturnType<typeof signedInApplicant>>;
export type Officer = Awaited<ReturnType<typeof signedInOfficer>>;

/** The latest submission id of a person (from D1: the API never gives it to applicants). */
export async function submissionIdOf(personId: number): Promise<number> {
  const row = await db().query.submissions.findFirst({
    where: (s, { eq }) => eq(s.personId, personId),
    orderBy: (s, { desc }) => desc(s.id),
  });
  if (!row) throw new Error(`person ${personId} has not submitted`);
  return row.id;
}

/** A family whose principal has submitted, had the photo accepted and PR confirmed (an e-CoPR exists). */
export async function confirmedFamily(officer: Officer) {
  const family = await signedInApplicant();
  const person = family.persons[0]!;
  await submitAll(family.browser, person.id);
  const submissionId = await submissionIdOf(person.id);
  expect((await officer.browser.post(`/review/api/items/${submissionId}/claim`, {})).status).toBe(200);
  expect((await officer.browser.post(`/review/api/items/${submissionId}/accept`, {})).status).toBe(200);
  expect((await officer.browser.post(`/review/api/persons/${person.id}/confirm-pr`, {})).status).toBe(200);
  // And asked for another way (decision 028): the officers' request routes have a real id to try.
  const requestId = await openAnotherWayRequest(family.browser, person.id);
  return { ...family, person, submissionId, requestId };
}

/** A browser carrying every cookie of the given browsers (applicant and officer at once). */
function withCookiesOf(...browsers: Browser[]): Browser {
  const merged = new Browser();
  for (const b of browsers) for (const [k, v] of b.cookies) merged.cookies.set(k, v);
  return merged;
}

const list = (ids: number[]) => (ids.length ? ids.map((n) => Number(n)).join(",") : "NULL");

/**
 * Every row owned by or about these persons, accounts and officers, as one
 * string. Session activity times (`last_seen_at`) and email delivery status
 * move on their own and are left out; everything a request could change is in.
 */
export async function fingerprint(scope: { personIds: number[]; officerIds?: number[] }): Promise<string> {
  const persons = list(scope.personIds);
  const officers = list(scope.officerIds ?? []);
  const accounts = `(SELECT id FROM accounts WHERE person_id IN (${persons}) UNION SELECT acting_account_id FROM persons WHERE id IN (${persons}))`;
  const submissions = `(SELECT id FROM submissions WHERE person_id IN (${persons}))`;
  const queries: Record<string, string> = {
    persons: `SELECT * FROM persons WHERE id IN (${persons})`,
    applications: `SELECT * FROM applications WHERE id IN (SELECT application_id FROM persons WHERE id IN (${persons}))`,
    invitations: `SELECT * FROM invitations WHERE application_id IN (SELECT application_id FROM persons WHERE id IN (${persons}))`,
    accounts: `SELECT * FROM accounts WHERE id IN ${accounts}`,
    sessions: `SELECT id, kind, account_id, officer_id, expires_at, revoked_at FROM sessions WHERE account_id IN ${accounts} OR officer_id IN (${officers})`,
    passwordResetTokens: `SELECT * FROM password_reset_tokens WHERE account_id IN ${accounts}`,
    officers: `SELECT * FROM officers WHERE id IN (${officers})`,
    presence: `SELECT * FROM presence_declarations WHERE person_id IN (${persons})`,
    addresses: `SELECT * FROM addresses WHERE person_id IN (${persons})`,
    photos: `SELECT * FROM photos WHERE person_id IN (${persons})`,
    submissions: `SELECT * FROM submissions WHERE person_id IN (${persons})`,
    decisions: `SELECT * FROM review_decisions WHERE submission_id IN ${submissions}`,
    claims: `SELECT * FROM review_claims WHERE submission_id IN ${submissions}`,
    documents: `SELECT * FROM documents WHERE person_id IN (${persons})`,
    cards: `SELECT * FROM cards WHERE person_id IN (${persons})`,
    anotherWay: `SELECT * FROM another_way_requests WHERE person_id IN (${persons})`,
    anotherWayOutcomes: `SELECT * FROM another_way_outcomes WHERE request_id IN (SELECT id FROM another_way_requests WHERE person_id IN (${persons}))`,
    representativeGrants: `SELECT * FROM representative_grants WHERE granted_by_account_id IN ${accounts}`,
    corrections: `SELECT * FROM ecopr_corrections WHERE person_id IN (${persons})`,
    identities: `SELECT * FROM person_identities WHERE person_id IN (${persons})`,
    audit: `SELECT * FROM audit_log WHERE (actor_kind = 'applicant' AND actor_id IN (SELECT CAST(id AS TEXT) FROM ${accounts}))
      OR (actor_kind = 'officer' AND actor_id IN (SELECT CAST(id AS TEXT) FROM officers WHERE id IN (${officers})))
      OR (subject_kind = 'person' AND subject_id IN (SELECT CAST(id AS TEXT) FROM persons WHERE id IN (${persons}))
        -- A representative's refused attempt is recorded, for the applicant to see (decision 026): the
        -- record of the attempt, not a change to the file.
        AND action <> 'representative.refused')`,
    outbox: `SELECT count(*) AS n FROM outbox WHERE to_address IN (SELECT email FROM persons WHERE id IN (${persons}) UNION SELECT email FROM officers WHERE id IN (${officers}))`,
  };
  const out: Record<string, unknown> = {};
  for (const [name, sql] of Object.entries(queries)) out[name] = (await env.DB.prepare(sql).all()).results;
  return JSON.stringify(out);
}

/** Asks for another way for a person through the photo page's route; the request's id, from D1. */
export async function openAnotherWayRequest(browser: Browser, personId: number): Promise<number> {
  const asked = await browser.post(`/api/persons/${personId}/another-way`, { kind: "paper", reason: "On paper." });
  expect(asked.status).toBe(202);
  const row = await env.DB.prepare("SELECT id FROM another_way_requests WHERE person_id = ? ORDER BY id DESC")
    .bind(personId)
    .first<{ id: number }>();
  return row!.id;
}

/**
 * A signed-in applicant (with a dependant) who is also signed in as an
 * officer in the same browser, a submitted item in the queue and an open
 * invitation: every state-changing route has a real target and a session
 * that would let it act.
 */
export async function everyRouteHasATarget() {
  const officer = await signedInOfficer();
  const victim = await signedInApplicant({ dependants: [{ givenNames: "Ife", dateOfBirth: "2015-05-05" }] });
  const queued = await signedInApplicant();
  await submitAll(queued.browser, queued.persons[0]!.id);
  const submissionId = await submissionIdOf(queued.persons[0]!.id);
  const invited = await invitedFamily();
  // An open request for another way (decision 028), so the officers' outcome routes have a real target.
  const requestId = await openAnotherWayRequest(queued.browser, queued.persons[0]!.id);
  // The victim gave a representative access (decision 026): the revoke route has a real grant to end,
  // and the representative's own session rides along for the representative's routes.
  const representative = await signedInRepresentative(victim.browser);
  const cookies = withCookiesOf(victim.browser, officer.browser, representative.browser);
  /** The route's path with real ids: the victim's dependant for applicant routes, the queued person for officers'. */
  const pathOf = (template: string) =>
    fill(template, {
      personId: template.startsWith("/review/api/persons") ? queued.persons[0]!.id : victim.persons[1]!.id,
      submissionId,
      token: invited.token,
      requestId,
    });
  const scope = {
    personIds: [...victim.persons, ...queued.persons, ...invited.persons].map((p) => p.id),
    officerIds: [officer.id],
  };
  return {
    officer,
    victim,
    queued,
    invited,
    submissionId,
    requestId,
    cookies,
    pathOf,
    scope,
    grantId: representative.grantId,
  };
}
