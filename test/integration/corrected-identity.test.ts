// Needs its own workerd and storage: the officers' lists it reads (the follow-up) cover every person, other files' too.
// After an accepted e-CoPR correction (decision 027), every reader of a person's identity shows the
// corrected one, never the import's: the applicant's pages, the officers' decision page, follow-up
// and corrections list, the e-CoPR, /verify's initials, and the emails that follow
// (worker/data/person-identity.ts). The card export is the admin test cards-corrected-identity.
import { env } from "cloudflare:workers";
import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { documents, ecoprCorrections, persons, submissions } from "../../schema/index.ts";
import { recordCard } from "../../worker/data/photo-decisions.ts";
import { db, latestMail } from "../support/factories.ts";
import { Browser } from "../support/http.ts";
import { decide, report, withEcopr } from "../support/ecopr-corrections.ts";
import { pdfTextRuns } from "../support/pdf-text.ts";

type Family = Awaited<ReturnType<typeof withEcopr>>;

/** Reports a field's correct value for the person and has the family's officer accept it. */
async function corrected(family: Family, personId: number, field: string, correctValue: string) {
  expect((await report(family.browser, personId, { field, correctValue })).status).toBe(201);
  const row = (await db()
    .select()
    .from(ecoprCorrections)
    .where(eq(ecoprCorrections.personId, personId))
    .orderBy(desc(ecoprCorrections.id))
    .get())!;
  expect((await decide(family.officer, personId, "accept", { correctionId: row.id })).status).toBe(200);
}

describe("after an accepted correction", { timeout: 120_000 }, () => {
  it("every page, list, document and email reads the corrected identity, and /verify names no one", async () => {
    const family = await withEcopr();
    const { person, officer, browser } = family;
    const imported = { given: person.givenNames, family: person.familyName };
    await corrected(family, person.id, "family_name", "Eze-Okafor");
    await corrected(family, person.id, "date_of_birth", "1988-04-21");
    await corrected(family, person.id, "uci", "0012345678");
    // The person row stays as imported: every reader below must look past it.
    const row = (await db().select().from(persons).where(eq(persons.id, person.id)).get())!;
    expect(row).toMatchObject({ familyName: imported.family, dateOfBirth: "1988-04-12", uci: person.uci });

    // The applicant's pages.
    const taskList = (await (await browser.get("/api/persons")).json()) as { persons: { familyName: string }[] };
    expect(taskList.persons[0]!.familyName).toBe("Eze-Okafor");
    const session = (await (await browser.get("/api/session")).json()) as {
      account: { name: string };
      persons: { familyName: string }[];
    };
    expect(session.account.name).toBe(`${imported.given} Eze-Okafor`);
    expect(session.persons[0]!.familyName).toBe("Eze-Okafor");
    expect(await (await browser.get(`/api/persons/${person.id}`)).json()).toMatchObject({ familyName: "Eze-Okafor" });
    const download = await browser.get(`/api/persons/${person.id}/documents/ecopr`);
    expect(download.headers.get("Content-Disposition")).toContain("e-CoPR-EzeOkafor-");
    const text = (await pdfTextRuns(new Uint8Array(await download.arrayBuffer()))).join(" ");
    expect(text).toContain("Nom de famille Eze-Okafor");
    expect(text).toContain("1988-04-21");
    expect(text).toContain("00-1234-5678");
    expect(text).not.toContain(imported.family);
    // It says which proof it replaces (the one before it), in both languages; so does the status page.
    const [newest, previous] = await db()
      .select()
      .from(documents)
      .where(eq(documents.personId, person.id))
      .orderBy(desc(documents.id))
      .all();
    const before = { issuedOn: previous!.issuedAt.slice(0, 10), verificationCode: previous!.verificationCode };
    expect(text).toContain(
      `This document replaces the confirmation issued on ${before.issuedOn} (verification code ${before.verificationCode}), which is no longer in force.`,
    );
    expect(text).toContain(
      `Ce document remplace la confirmation délivrée le ${before.issuedOn} (code de vérification ${before.verificationCode}), qui n'est plus en vigueur.`,
    );
    expect(await (await browser.get(`/api/persons/${person.id}/status`)).json()).toMatchObject({
      proofAvailable: true,
      ecoprReplaces: before,
    });

    // The officers' decision page, follow-up and corrections list.
    const submission = (await db().select().from(submissions).where(eq(submissions.personId, person.id)).get())!;
    const item = await (await officer.browser.get(`/review/api/items/${submission.id}`)).json();
    expect(item).toMatchObject({
      person: { familyName: "Eze-Okafor", dateOfBirth: "1988-04-21", uci: "0012345678" },
      declaration: { declaredBy: `${imported.given} Eze-Okafor` },
    });
    const followUp = (await (await officer.browser.get("/review/api/follow-up?stage=card")).json()) as {
      items: { person: { id: number; familyName: string; uci: string } }[];
    };
    expect(followUp.items.find((i) => i.person.id === person.id)?.person).toMatchObject({
      familyName: "Eze-Okafor",
      uci: "0012345678",
    });
    const decided = (await (await officer.browser.get("/review/api/corrections?status=decided")).json()) as {
      items: { personId: number; name: string; uci: string }[];
    };
    for (const entry of decided.items.filter((i) => i.personId === person.id))
      expect(entry).toMatchObject({ name: `${imported.given} Eze-Okafor`, uci: "0012345678" });

    // /verify: the newest e-CoPR's initials are the corrected identity's; no name at all.
    const answer = await (await new Browser().get(`/api/verify/${newest!.verificationCode}`)).json();
    expect(answer).toMatchObject({ initials: `${imported.given[0]}. E.`, replacedOn: null });
    expect(JSON.stringify(answer)).not.toMatch(/Eze|Okafor|Amara/);

    // The emails that follow name the corrected person.
    const today = new Date().toISOString().slice(0, 10);
    expect(
      await recordCard(db(), env, {
        personId: person.id,
        actor: { kind: "officer", id: officer.id },
        producedOn: today,
        mailedOn: today,
      }),
    ).toMatchObject({ ok: true });
    expect((await latestMail(family.principalEmail, "card_mailed")).textBody).toContain(
      `We mailed the PR card for ${imported.given} Eze-Okafor on`,
    );
  });
});
