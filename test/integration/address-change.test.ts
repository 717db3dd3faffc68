// Needs its own workerd and storage: the retention purge runs over every person.
// Changing the mailing address after submitting (issue 17 point 2, decision 024):
// worker/routes/address-change.ts, worker/data/address-changes.ts, the card export's
// latest address (worker/data/cards-export.ts) and the triggers of migration 0011.
import { env } from "cloudflare:workers";
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addresses, auditLog, cards, submissions } from "../../schema/index.ts";
import { cardsToProduce } from "../../worker/data/cards-export.ts";
import { acceptPhoto, recordCard } from "../../worker/data/photo-decisions.ts";
import { db, latestMail, signedInApplicant } from "../support/factories.ts";
import { type Browser, errorOf } from "../support/http.ts";
import { TEST_ADDRESS, completeTasks, submitAll } from "../support/journey.ts";
import { signedInOfficer } from "../support/officers.ts";
import { runMaintenance } from "../../worker/maintenance/index.ts";

const NEW_ADDRESS = {
  unit: "4B",
  streetNumber: "150",
  streetName: "Rue Principale",
  city: "Gatineau",
  province: "QC",
  postalCode: "j8x 1c1",
};

const rowsOf = (personId: number) =>
  db().select().from(addresses).where(eq(addresses.personId, personId)).orderBy(asc(addresses.id)).all();

const change = (
  browser: Browser,
  personId: number,
  body: unknown = NEW_ADDRESS,
  headers: Record<string, string> = {},
) => browser.post(`/api/persons/${personId}/address-change`, body, headers);

async function acceptedSubmission(personId: number) {
  const submission = (await db().select().from(submissions).where(eq(submissions.personId, personId)).get())!;
  const officer = await signedInOfficer();
  expect((await acceptPhoto(db(), env, { submissionId: submission.id, officerId: officer.id })).ok).toBe(true);
  return { submission, officer };
}

describe("changing the mailing address after submitting", () => {
  it("adds a new dated row, keeps the submitted one as it was, emails the person, audits it, and the card export takes the latest", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    await submitAll(applicant.browser, person.id);
    const [submitted] = await rowsOf(person.id);

    const state = await applicant.browser.get(`/api/persons/${person.id}/address-change`);
    expect(await state.json()).toMatchObject({ open: true, closed: null, address: { streetName: "Sussex Drive" } });

    const response = await change(applicant.browser, person.id);
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      changed: true,
      address: { streetName: "Rue Principale", province: "QC", postalCode: "J8X 1C1", unit: "4B" },
    });
    const rows = await rowsOf(person.id);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(submitted);
    expect(rows[1]).toMatchObject({ streetName: "Rue Principale", postalCode: "J8X 1C1" });
    expect(rows[1]!.updatedAt >= submitted!.updatedAt).toBe(true);

    // The person's page and the task list show the latest address; the submission keeps its snapshot.
    const page = (await (await applicant.browser.get(`/api/persons/${person.id}`)).json()) as {
      address: { streetName: string };
      tasks: { address: string };
    };
    expect(page.address.streetName).toBe("Rue Principale");
    expect(page.tasks.address).toBe("completed");
    const submission = (await db().select().from(submissions).where(eq(submissions.personId, person.id)).get())!;
    expect(JSON.parse(submission.addressJson)).toMatchObject({ streetName: "Sussex Drive" });

    const mail = await latestMail(applicant.principalEmail, "address_changed");
    expect(mail.textBody).toContain("4B-150 Rue Principale");
    expect(mail.textBody).toContain("Gatineau QC  J8X 1C1");
    expect(mail.textBody).toContain("The mailing address was changed");
    expect(mail.textBody).toContain("L'adresse postale a été modifiée");
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "address.changed"), eq(auditLog.subjectId, String(person.id))))
      .all();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detailsJson)).toEqual({ previousAddressId: submitted!.id });

    // The same address again (a double click): nothing new.
    const again = await change(applicant.browser, person.id);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ changed: false });
    expect(await rowsOf(person.id)).toHaveLength(2);

    await acceptedSubmission(person.id);
    const batch = (await cardsToProduce(db())).find((r) => r.personId === person.id)!;
    expect(batch.address).toEqual({
      unit: "4B",
      streetNumber: "150",
      streetName: "Rue Principale",
      city: "Gatineau",
      province: "QC",
      postalCode: "J8X 1C1",
    });
  });

  it("is refused once the person is in a cards export batch: 409 with what to do instead, and the page is told why", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    await submitAll(applicant.browser, person.id);
    await acceptedSubmission(person.id);
    expect((await cardsToProduce(db())).some((r) => r.personId === person.id)).toBe(true);
    const card = (await db().select().from(cards).where(eq(cards.personId, person.id)).get())!;
    expect(card.productionStartedAt).not.toBeNull();

    const refused = await change(applicant.browser, person.id);
    expect(refused.status).toBe(409);
    const error = await errorOf(refused);
    expect(error.code).toBe("card_in_production");
    expect(error.message).toContain("Canada Post");
    expect(error.message).toContain(env.HELP_EMAIL);
    const french = await change(applicant.browser, person.id, NEW_ADDRESS, { "Accept-Language": "fr-CA" });
    expect((await errorOf(french)).message).toContain("Postes Canada");
    expect(await rowsOf(person.id)).toHaveLength(1);

    const state = await (await applicant.browser.get(`/api/persons/${person.id}/address-change`)).json();
    expect(state).toMatchObject({ open: false, closed: { code: "card_in_production" } });

    // A second export keeps the first start: production never restarts later.
    await cardsToProduce(db(), Date.now() + 86_400_000);
    const after = (await db().select().from(cards).where(eq(cards.personId, person.id)).get())!;
    expect(after.productionStartedAt).toBe(card.productionStartedAt);
  });

  it("is refused once an officer recorded the card as produced, even without an export", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    await submitAll(applicant.browser, person.id);
    const { officer } = await acceptedSubmission(person.id);
    const today = new Date().toISOString().slice(0, 10);
    expect(
      await recordCard(db(), env, {
        personId: person.id,
        actor: { kind: "officer", id: officer.id },
        producedOn: today,
      }),
    ).toMatchObject({ ok: true });
    const refused = await change(applicant.browser, person.id);
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).code).toBe("card_in_production");
  });

  it("before submitting, sends the person to the address page instead (409 not_submitted), writing nothing", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    await completeTasks(applicant.browser, person.id);
    const refused = await change(applicant.browser, person.id);
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).code).toBe("not_submitted");
    expect(await rowsOf(person.id)).toHaveLength(1);
    expect(await (await applicant.browser.get(`/api/persons/${person.id}/address-change`)).json()).toMatchObject({
      open: false,
      closed: { code: "not_submitted" },
    });
  });

  it("the principal changes a family member's address; the address rules apply to every change", async () => {
    const family = await signedInApplicant({ dependants: [{ givenNames: "Kemi", dateOfBirth: "2014-03-03" }] });
    const child = family.persons[1]!;
    await submitAll(family.browser, child.id);
    const invalid = await change(family.browser, child.id, { ...NEW_ADDRESS, postalCode: "K1A 0B1", city: "=1+1" });
    expect(invalid.status).toBe(422);
    expect((await errorOf(invalid)).fields?.map((f) => f.field)).toEqual(["city", "postalCode"]);
    expect(await rowsOf(child.id)).toHaveLength(1);
    // Extra fields name nobody else and change nothing else: the row is the path's person's, by the signed-in account.
    const extras = { personId: family.persons[0]!.id, updatedByAccountId: 1, updatedAt: "2000-01-01", id: 1 };
    expect((await change(family.browser, child.id, { ...NEW_ADDRESS, ...extras })).status).toBe(201);
    const rows = await rowsOf(child.id);
    expect(rows).toHaveLength(2);
    expect(rows[1]!.updatedAt > "2001").toBe(true);
    expect(rows[1]!.updatedByAccountId).toBe(rows[0]!.updatedByAccountId);
    expect(await rowsOf(family.persons[0]!.id)).toHaveLength(0);
  });

  it("another family's person: 404 person_not_found, as every person route, and nothing written", async () => {
    const victim = await signedInApplicant();
    const stranger = await signedInApplicant();
    const target = victim.persons[0]!;
    await submitAll(victim.browser, target.id);
    for (const response of [
      await change(stranger.browser, target.id),
      await stranger.browser.get(`/api/persons/${target.id}/address-change`),
    ]) {
      expect(response.status).toBe(404);
      expect((await errorOf(response)).code).toBe("person_not_found");
    }
    expect(await rowsOf(target.id)).toHaveLength(1);
  });

  it("a cross-site request is refused before anything is written", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    await submitAll(applicant.browser, person.id);
    const refused = await change(applicant.browser, person.id, NEW_ADDRESS, {
      Origin: "https://evil.example",
      "Sec-Fetch-Site": "cross-site",
    });
    expect(refused.status).toBe(403);
    expect(await rowsOf(person.id)).toHaveLength(1);
  });
});

describe("the address triggers of migration 0011", () => {
  it("no row of a submitted person is updated or deleted, the changed ones included; no row is added once production started, and the start never moves", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    await submitAll(applicant.browser, person.id);
    expect((await change(applicant.browser, person.id)).status).toBe(201);
    const [first, second] = await rowsOf(person.id);
    for (const id of [first!.id, second!.id]) {
      await expect(env.DB.prepare("update addresses set city = 'Hull' where id = ?").bind(id).run()).rejects.toThrow(
        /submitted_locked/,
      );
      await expect(env.DB.prepare("delete from addresses where id = ?").bind(id).run()).rejects.toThrow(
        /submitted_locked/,
      );
    }
    await acceptedSubmission(person.id);
    await cardsToProduce(db());
    const insert = env.DB.prepare(
      "insert into addresses (person_id, street_number, street_name, city, province, postal_code, updated_at) values (?, '1', 'Main St', 'Ottawa', 'ON', 'K1A 0B1', ?)",
    ).bind(person.id, new Date().toISOString());
    await expect(insert.run()).rejects.toThrow(/card_production_started/);
    for (const value of ["NULL", "'2000-01-01T00:00:00.000Z'"])
      await expect(
        env.DB.prepare(`update cards set production_started_at = ${value} where person_id = ?`).bind(person.id).run(),
      ).rejects.toThrow(/card_production_started/);
    expect(await rowsOf(person.id)).toHaveLength(2);
  });

  it("the retention purge removes every address row of the person, the changed ones included", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    await submitAll(applicant.browser, person.id);
    expect((await change(applicant.browser, person.id)).status).toBe(201);
    expect(await rowsOf(person.id)).toHaveLength(2);
    const day = 86_400_000;
    const retention = Number(env.RETENTION_DAYS_AFTER_CARD_MAILED);
    const grace = Number(env.RETENTION_GRACE_DAYS);
    const mailedOn = new Date(Date.now() - (retention + 1) * day).toISOString().slice(0, 10);
    const submission = (await db().select().from(submissions).where(eq(submissions.personId, person.id)).get())!;
    const officer = await signedInOfficer();
    // Accepted long ago (card dates may not precede it), mailed past the retention, recorded past the grace period.
    const acceptedAt = Date.now() - (retention + 30) * day;
    expect((await acceptPhoto(db(), env, { submissionId: submission.id, officerId: officer.id }, acceptedAt)).ok).toBe(
      true,
    );
    expect(
      await recordCard(
        db(),
        env,
        { personId: person.id, actor: { kind: "officer", id: officer.id }, producedOn: mailedOn, mailedOn },
        Date.now() - (grace + 1) * day,
      ),
    ).toMatchObject({ ok: true });
    await runMaintenance(env, Date.now());
    expect(await rowsOf(person.id)).toEqual([]);
  });

  it("before submitting, the one row is still edited in place (the address page), however often it is saved", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    for (const city of ["Ottawa", "Ottawa", "Nepean"])
      expect(
        (await applicant.browser.post(`/api/persons/${person.id}/address`, { ...TEST_ADDRESS, city })).status,
      ).toBe(200);
    const rows = await rowsOf(person.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.city).toBe("Nepean");
  });
});
