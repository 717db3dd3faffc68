// Needs its own workerd and storage: the officers' list of corrections covers every person's reports, and the retention purge runs over every person.
// Correcting an e-CoPR (issue 17 point 3, decision 027): the applicant's report
// (worker/routes/ecopr-corrections.ts, its document through worker/photo/validate-evidence.ts), the
// officers' list and decisions (worker/routes/review-corrections.ts), the reissue from a new identity
// row (worker/services/ecopr-correction.ts), /verify's "replaced", and the triggers of migration 0014.
import { env } from "cloudflare:workers";
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, documents, ecoprCorrections, personIdentities, submissions } from "../../schema/index.ts";
import { recordConfirmedAddress } from "../../worker/data/email-confirmations.ts";
import { liveObjectKeys } from "../../worker/data/live-objects.ts";
import { acceptPhoto, recordCard } from "../../worker/data/photo-decisions.ts";
import { runMaintenance } from "../../worker/maintenance/index.ts";
import { issueProofOfPr } from "../../worker/services/ecopr.ts";
import { decide, report, withEcopr } from "../support/ecopr-corrections.ts";
import { MAX_PHOTO_BYTES } from "../../shared/photo/size-limit.ts";
import { db, latestMail, signedInApplicant, unique } from "../support/factories.ts";
import { Browser, errorOf } from "../support/http.ts";
import { submitAll } from "../support/journey.ts";
import { signedInOfficer } from "../support/officers.ts";
import { corruptPngCrc, heicLike, hugeDeclaredPng, smallPng, tEXt } from "../support/photo-fixtures.ts";

/** A PNG photo of a "document", carrying text metadata the portal must not keep. */
const documentPhoto = () => smallPng(1200, 900, [tEXt("GPS", "45.4215,-75.6972 home of the person")]);
const documentPart = async (name: string) => ({ bytes: await documentPhoto(), name, type: "image/png" });

const correctionsOf = (personId: number) =>
  db()
    .select()
    .from(ecoprCorrections)
    .where(eq(ecoprCorrections.personId, personId))
    .orderBy(asc(ecoprCorrections.id))
    .all();
const ecoprsOf = (personId: number) =>
  db().select().from(documents).where(eq(documents.personId, personId)).orderBy(asc(documents.id)).all();
const auditOf = (personId: number, action: string) =>
  db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.subjectId, String(personId)), eq(auditLog.action, action)))
    .all();
const verify = async (code: string) =>
  (await new Browser().get(`/api/verify/${code}`)).json() as Promise<Record<string, unknown>>;

/**
 * The setup most tests share: a family with an e-CoPR, and one report (of the principal, or of the
 * family member at `member`) recorded through the route.
 */
async function reported(fields: Record<string, string>, options: Parameters<typeof withEcopr>[0] = {}, member = 0) {
  const family = await withEcopr(options);
  const person = family.persons[member]!;
  expect((await report(family.browser, person.id, fields)).status).toBe(201);
  const [row] = await correctionsOf(person.id);
  return { ...family, reportedFor: person, row: row! };
}

// Each test sets up whole families through the real routes (photo checks, a PDF): slow on a loaded machine.
describe("reporting an error in an e-CoPR", { timeout: 120_000 }, () => {
  it("records the report with its document (metadata stripped, in R2), audits it, emails it, and lists it for officers", async () => {
    const family = await withEcopr();
    const { person, browser } = family;
    const bytes = await documentPhoto();
    const response = await report(
      browser,
      person.id,
      { field: "given_names", correctValue: "  Amarachi   Ngozi " },
      {
        bytes,
        name: "passport.png",
        type: "image/png",
      },
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      correction: { field: "given_names", correctValue: "Amarachi Ngozi", hasDocument: true, status: "pending" },
    });
    const [row] = await correctionsOf(person.id);
    expect(row).toMatchObject({
      status: "pending",
      evidenceFormat: "png",
      documentId: (await ecoprsOf(person.id))[0]!.id,
    });
    expect(row!.evidenceObjectKey).toMatch(new RegExp(`^corrections/${person.id}/[A-Za-z0-9_-]+\\.png$`));
    const stored = new Uint8Array(await (await env.FILES.get(row!.evidenceObjectKey!))!.arrayBuffer());
    expect(new TextDecoder("latin1").decode(stored)).not.toContain("home of the person");
    expect(stored.length).toBeLessThan(bytes.length);
    // The orphan sweep keeps it: a live row points at it.
    expect((await liveObjectKeys(db(), [row!.evidenceObjectKey!])).has(row!.evidenceObjectKey!)).toBe(true);

    expect(await auditOf(person.id, "ecopr.correction_requested")).toHaveLength(1);
    const mail = await latestMail(family.principalEmail, "ecopr_correction_received");
    expect(mail.textBody).toContain("Given names, as it should read: Amarachi Ngozi");
    expect(mail.textBody).toContain("Prénoms, tel que cela devrait figurer : Amarachi Ngozi");

    const state = await (await browser.get(`/api/persons/${person.id}/ecopr-corrections`)).json();
    expect(state).toMatchObject({
      pending: true,
      ecopr: { givenNames: "Amara" },
      corrections: [{ status: "pending" }],
    });

    const { officer } = family;
    const list = (await (await officer.browser.get("/review/api/corrections")).json()) as {
      items: { personId: number }[];
    };
    expect(list.items.map((i) => i.personId)).toContain(person.id);
    const detail = await (await officer.browser.get(`/review/api/persons/${person.id}/corrections`)).json();
    expect(detail).toMatchObject({
      current: { givenNames: "Amara" },
      corrections: [
        {
          field: "given_names",
          correctValue: "Amarachi Ngozi",
          printedValue: "Amara",
          requestedBy: `Amara ${person.familyName}`,
        },
      ],
    });
    const image = await officer.browser.get(
      `/review/api/persons/${person.id}/corrections/evidence?correction=${row!.id}`,
    );
    expect(image.status).toBe(200);
    expect(image.headers.get("Content-Type")).toBe("image/png");
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(stored);
    expect(await auditOf(person.id, "ecopr.correction_document_viewed")).toHaveLength(1);

    // One open report at a time: the second waits for the first's answer.
    const second = await report(browser, person.id, { field: "date_of_birth", correctValue: "1988-04-21" });
    expect(second.status).toBe(409);
    expect((await errorOf(second)).code).toBe("correction_pending");
    expect(await correctionsOf(person.id)).toHaveLength(1);
  });

  it("refuses every bad input with its message in English and French, and stores nothing", async () => {
    const { person, browser, principalEmail } = await withEcopr();
    const before = (await latestMail(principalEmail)).id;
    const cases: {
      fields: Record<string, string>;
      document?: { bytes: Uint8Array; name: string; type: string };
      field: string;
      code: string;
      en: string;
      fr: string;
    }[] = [
      {
        fields: { field: "", correctValue: "X" },
        field: "field",
        code: "required",
        en: "Select what is wrong",
        fr: "Choisissez ce qui est inexact",
      },
      {
        fields: { field: "nationality", correctValue: "X" },
        field: "field",
        code: "required",
        en: "Select what is wrong",
        fr: "Choisissez ce qui est inexact",
      },
      {
        fields: { field: "family_name", correctValue: "   " },
        field: "correctValue",
        code: "required",
        en: "Enter what it should say",
        fr: "Indiquez ce qui devrait",
      },
      {
        fields: { field: "date_of_birth", correctValue: "2999-01-01" },
        field: "correctValue",
        code: "date",
        en: "YYYY-MM-DD",
        fr: "AAAA-MM-JJ",
      },
      {
        fields: { field: "date_of_birth", correctValue: "1988-02-30" },
        field: "correctValue",
        code: "date",
        en: "YYYY-MM-DD",
        fr: "AAAA-MM-JJ",
      },
      {
        fields: { field: "uci", correctValue: "12-34" },
        field: "correctValue",
        code: "uci",
        en: "8 or 10 digits",
        fr: "8 ou 10 chiffres",
      },
      {
        fields: { field: "family_name", correctValue: "李" },
        field: "correctValue",
        code: "unprintable",
        en: "cannot print",
        fr: "ne peut pas imprimer",
      },
      {
        fields: { field: "family_name", correctValue: "x".repeat(101) },
        field: "correctValue",
        code: "too_long",
        en: "100 characters",
        fr: "100 caractères",
      },
      {
        fields: { field: "given_names", correctValue: "Amara" },
        field: "correctValue",
        code: "same_value",
        en: "already what your e-CoPR says",
        fr: "déjà ce qui figure",
      },
      {
        fields: { field: "given_names", correctValue: "Amarachi" },
        document: {
          bytes: new TextEncoder().encode("%PDF-1.7\n1 0 obj\n"),
          name: "passport.pdf",
          type: "application/pdf",
        },
        field: "document",
        code: "type",
        en: "PDF files are not accepted",
        fr: "Les fichiers PDF ne sont pas acceptés",
      },
      {
        fields: { field: "given_names", correctValue: "Amarachi" },
        document: { bytes: heicLike(), name: "IMG_0001.heic", type: "image/heic" },
        field: "document",
        code: "heic",
        en: "HEIC",
        fr: "HEIC",
      },
      {
        fields: { field: "given_names", correctValue: "Amarachi" },
        document: { bytes: corruptPngCrc(await smallPng()), name: "scan.png", type: "image/png" },
        field: "document",
        code: "corrupt",
        en: "damaged",
        fr: "endommagé",
      },
      {
        fields: { field: "given_names", correctValue: "Amarachi" },
        document: { bytes: await hugeDeclaredPng(), name: "huge.png", type: "image/png" },
        field: "document",
        code: "too_many_pixels",
        en: "30000 × 30000",
        fr: "30000 × 30000",
      },
      {
        fields: { field: "given_names", correctValue: "Amarachi" },
        document: { bytes: new Uint8Array(), name: "empty.jpg", type: "image/jpeg" },
        field: "document",
        code: "empty",
        en: "empty",
        fr: "vide",
      },
    ];
    for (const c of cases) {
      for (const [lang, expected] of [
        ["en", c.en],
        ["fr", c.fr],
      ] as const) {
        const label = `${JSON.stringify(c.fields).slice(0, 60)} ${c.document?.name ?? ""} (${lang})`;
        const response = await report(browser, person.id, c.fields, c.document, { "Accept-Language": lang });
        expect(response.status, label).toBe(422);
        const error = await errorOf(response);
        const problem = error.fields?.find((f) => f.field === c.field);
        expect(problem?.code, label).toBe(c.code);
        expect(problem?.message, label).toContain(expected);
      }
    }
    // Past the 4 MB limit, counted while the body streams in.
    const big = await report(
      browser,
      person.id,
      { field: "given_names", correctValue: "Amarachi" },
      {
        bytes: new Uint8Array(MAX_PHOTO_BYTES + 1),
        name: "big.jpg",
        type: "image/jpeg",
      },
    );
    expect(big.status).toBe(413);
    expect((await errorOf(big)).code).toBe("document_too_large");
    // Only a form: JSON is not how the report is sent.
    const json = await browser.post(`/api/persons/${person.id}/ecopr-corrections`, {
      field: "uci",
      correctValue: "1234567890",
    });
    expect(json.status).toBe(415);
    expect(await correctionsOf(person.id)).toHaveLength(0);
    expect((await latestMail(principalEmail)).id).toBe(before);
  });

  it("answers 409 no_ecopr for a person without an e-CoPR", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    await submitAll(applicant.browser, person.id);
    const response = await report(applicant.browser, person.id, { field: "given_names", correctValue: "Amarachi" });
    expect(response.status).toBe(409);
    expect((await errorOf(response)).code).toBe("no_ecopr");
    expect(await (await applicant.browser.get(`/api/persons/${person.id}/ecopr-corrections`)).json()).toMatchObject({
      ecopr: null,
      corrections: [],
    });
  });
});

describe("a stranger", { timeout: 120_000 }, () => {
  it("cannot read or report a correction for another family's person (404, nothing written), nor reach the officers' routes", async () => {
    const victim = await withEcopr();
    const stranger = await signedInApplicant();
    const path = `/api/persons/${victim.person.id}/ecopr-corrections`;
    const read = await stranger.browser.get(path);
    expect(read.status).toBe(404);
    expect((await errorOf(read)).code).toBe("person_not_found");
    const written = await report(
      stranger.browser,
      victim.person.id,
      { field: "family_name", correctValue: "Stranger" },
      await documentPart("forged.png"),
    );
    expect(written.status).toBe(404);
    expect((await errorOf(written)).code).toBe("person_not_found");
    expect(await correctionsOf(victim.person.id)).toHaveLength(0);
    // Signed out: 401, not a 404 that would say which ids exist.
    expect((await report(new Browser(), victim.person.id, { field: "family_name", correctValue: "X" })).status).toBe(
      401,
    );

    // The victim's own report, which the stranger then tries to decide or see through the officers' routes.
    expect(
      (
        await report(
          victim.browser,
          victim.person.id,
          { field: "family_name", correctValue: "Okafor-Eze" },
          await documentPart("doc.png"),
        )
      ).status,
    ).toBe(201);
    const [row] = await correctionsOf(victim.person.id);
    for (const [method, officerPath, body] of [
      ["GET", "/review/api/corrections", undefined],
      ["GET", `/review/api/persons/${victim.person.id}/corrections`, undefined],
      ["GET", `/review/api/persons/${victim.person.id}/corrections/evidence?correction=${row!.id}`, undefined],
      ["POST", `/review/api/persons/${victim.person.id}/corrections/accept`, { correctionId: row!.id }],
      ["POST", `/review/api/persons/${victim.person.id}/corrections/refuse`, { correctionId: row!.id, reason: "no" }],
    ] as const) {
      const response =
        method === "GET" ? await stranger.browser.get(officerPath) : await stranger.browser.post(officerPath, body);
      expect(response.status, officerPath).toBe(401);
      expect(await response.text(), officerPath).not.toContain(victim.person.familyName);
    }
    expect((await correctionsOf(victim.person.id))[0]).toEqual(row);
    expect(await ecoprsOf(victim.person.id)).toHaveLength(1);
  });

  it("an officer can neither see nor decide a report through another person's id", async () => {
    const a = await reported({ field: "family_name", correctValue: "Okafor-Eze" });
    const b = await withEcopr();
    const { officer, row } = a;
    expect((await decide(officer, b.person.id, "accept", { correctionId: row!.id })).status).toBe(404);
    expect((await decide(officer, b.person.id, "refuse", { correctionId: row!.id, reason: "Not shown" })).status).toBe(
      404,
    );
    expect(
      (await officer.browser.get(`/review/api/persons/${b.person.id}/corrections/evidence?correction=${row!.id}`))
        .status,
    ).toBe(404);
    expect((await correctionsOf(a.person.id))[0]!.status).toBe("pending");
  });

  it("a forged multipart form from another site is refused before it is read (403), nothing stored", async () => {
    const victim = await withEcopr();
    for (const headers of [
      { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
      { Origin: "https://evil.example" },
      { Origin: "null" },
      { "Sec-Fetch-Site": "cross-site", Origin: "https://attacker.portal.test" },
    ] as Record<string, string>[]) {
      const response = await report(
        victim.browser,
        victim.person.id,
        { field: "family_name", correctValue: "Forged" },
        await documentPart("forged.png"),
        headers,
      );
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect((await errorOf(response)).code).toBe("cross_site_request");
    }
    const { officer } = victim;
    expect(
      (await report(victim.browser, victim.person.id, { field: "family_name", correctValue: "Okafor-Eze" })).status,
    ).toBe(201);
    const [row] = await correctionsOf(victim.person.id);
    const forged = await officer.browser.request(`/review/api/persons/${victim.person.id}/corrections/accept`, {
      method: "POST",
      json: { correctionId: row!.id },
      headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
    });
    expect(forged.status).toBe(403);
    expect((await correctionsOf(victim.person.id)).map((r) => r.status)).toEqual(["pending"]);
    expect(await (await env.FILES.list({ prefix: `corrections/${victim.person.id}/` })).objects).toHaveLength(0);
  });
});

describe("an officer's decision", { timeout: 120_000 }, () => {
  it("accepting issues a new e-CoPR from a new identity row; /verify says the old code was replaced, without a name; emails and audit", async () => {
    const kemiEmail = `kemi${unique()}@example.com`;
    await db().batch([recordConfirmedAddress(db(), kemiEmail, "link")]);
    // The principal reports it for Kemi.
    const family = await reported(
      { field: "given_names", correctValue: "Oluwakemi" },
      { dependants: [{ givenNames: "Kemi", dateOfBirth: "2001-02-02", email: kemiEmail }] },
      1,
    );
    const { officer, row, reportedFor: kemi } = family;
    const [old] = await ecoprsOf(kemi.id);
    const accepted = await decide(officer, kemi.id, "accept", { correctionId: row!.id });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ decision: "accepted" });

    const [decided] = await correctionsOf(kemi.id);
    expect(decided).toMatchObject({ status: "accepted", decidedByOfficerId: officer.id, refusalReason: null });
    const identities = await db().select().from(personIdentities).where(eq(personIdentities.personId, kemi.id)).all();
    expect(identities).toEqual([
      expect.objectContaining({
        correctionId: row!.id,
        givenNames: "Oluwakemi",
        familyName: kemi.familyName,
        dateOfBirth: "2001-02-02",
        uci: kemi.uci,
      }),
    ]);
    // The person row is as imported: the identity is a new row, never an update.
    expect(
      (await db().query.persons.findFirst({ where: (p, { eq: equal }) => equal(p.id, kemi.id) }))!.givenNames,
    ).toBe("Kemi");
    const ecoprs = await ecoprsOf(kemi.id);
    expect(ecoprs).toHaveLength(2);
    expect(ecoprs[0]).toEqual(old);
    expect(ecoprs[1]).toMatchObject({ identityId: identities[0]!.id, issuedByOfficerId: officer.id });
    const pdf = await env.FILES.get(ecoprs[1]!.objectKey);
    expect(pdf).not.toBeNull();
    await pdf!.body.cancel();

    const today = new Date().toISOString().slice(0, 10);
    const oldAnswer = await verify(old!.verificationCode);
    expect(oldAnswer).toEqual({
      genuine: true,
      initials: `K. ${kemi.familyName[0]}.`,
      issuedOn: old!.issuedAt.slice(0, 10),
      status: "valid",
      replacedOn: today,
    });
    expect(JSON.stringify(oldAnswer)).not.toContain("Kemi");
    expect(await verify(ecoprs[1]!.verificationCode)).toMatchObject({
      initials: `O. ${kemi.familyName[0]}.`,
      replacedOn: null,
    });

    // The person downloads the new one; the page shows what it prints.
    const download = await family.browser.get(`/api/persons/${kemi.id}/documents/ecopr`);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer()).length).toBeGreaterThan(1000);
    expect(await (await family.browser.get(`/api/persons/${kemi.id}/ecopr-corrections`)).json()).toMatchObject({
      ecopr: { givenNames: "Oluwakemi", issuedOn: today },
      pending: false,
      corrections: [{ status: "accepted" }],
    });

    // The principal (acting account) and Kemi at her confirmed address, each told, bilingual.
    const principalMail = await latestMail(family.principalEmail, "ecopr_correction_accepted");
    expect(principalMail.textBody).toContain("we issued a new e-CoPR");
    expect(principalMail.textBody).toContain("nouvelle CRP électronique");
    const kemiMail = await latestMail(kemiEmail, "ecopr_correction_accepted");
    expect(kemiMail.textBody).toContain(`Hello Oluwakemi ${kemi.familyName},`);
    expect((await latestMail(kemiEmail, "ecopr_correction_received")).textBody).toContain("Bonjour Kemi");
    expect(await auditOf(kemi.id, "ecopr.correction_accepted")).toEqual([
      expect.objectContaining({ actorKind: "officer", actorId: String(officer.id) }),
    ]);

    // Decided once: a second decision, either way, is refused and changes nothing.
    const again = await decide(officer, kemi.id, "accept", { correctionId: row!.id });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe("correction_decided");
    expect((await decide(officer, kemi.id, "refuse", { correctionId: row!.id, reason: "Late" })).status).toBe(409);
    expect(await ecoprsOf(kemi.id)).toHaveLength(2);

    // A later correction builds on the corrected identity, and replaces the second e-CoPR in turn.
    expect((await report(family.browser, kemi.id, { field: "date_of_birth", correctValue: "2001-02-20" })).status).toBe(
      201,
    );
    const latest = (await correctionsOf(kemi.id)).at(-1)!;
    expect((await decide(officer, kemi.id, "accept", { correctionId: latest.id })).status).toBe(200);
    const third = (await db().select().from(personIdentities).where(eq(personIdentities.personId, kemi.id)).all()).at(
      -1,
    )!;
    expect(third).toMatchObject({ givenNames: "Oluwakemi", dateOfBirth: "2001-02-20" });
    expect(await verify(ecoprs[1]!.verificationCode)).toMatchObject({ replacedOn: today });
  });

  it("refusing needs a reason, which the person reads as written; the e-CoPR stays; a new report can follow", async () => {
    const family = await reported({ field: "uci", correctValue: "00-1234-5678" }, { language: "fr" });
    const { person, officer, row } = family;
    expect(row.correctValue).toBe("0012345678");
    const empty = await decide(officer, person.id, "refuse", { correctionId: row!.id, reason: "  " });
    expect(empty.status).toBe(422);
    expect((await errorOf(empty)).fields?.[0]).toMatchObject({ field: "reason", code: "required" });
    const reason = "Le numéro sur votre CRP correspond à notre dossier. / The number matches our file.";
    const refused = await decide(officer, person.id, "refuse", { correctionId: row!.id, reason });
    expect(refused.status).toBe(200);
    expect((await correctionsOf(person.id))[0]).toMatchObject({
      status: "refused",
      refusalReason: reason,
      decidedByOfficerId: officer.id,
    });
    expect(await ecoprsOf(person.id)).toHaveLength(1);
    expect(await verify((await ecoprsOf(person.id))[0]!.verificationCode)).toMatchObject({ replacedOn: null });
    const mail = await latestMail(family.principalEmail, "ecopr_correction_refused");
    expect(mail.textBody.split(reason)).toHaveLength(2);
    expect(mail.textBody).toContain("Motif de l'agent");
    expect(await auditOf(person.id, "ecopr.correction_refused")).toHaveLength(1);
    const state = await (await family.browser.get(`/api/persons/${person.id}/ecopr-corrections`)).json();
    expect(state).toMatchObject({ pending: false, corrections: [{ status: "refused", refusalReason: reason }] });
    expect((await report(family.browser, person.id, { field: "uci", correctValue: "0012345679" })).status).toBe(201);
  });
});

describe("the retention purge", { timeout: 120_000 }, () => {
  it("erases the reports, their documents and the corrected identities; /verify still says the old code was replaced", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    await submitAll(applicant.browser, person.id);
    const day = 86_400_000;
    const retention = Number(env.RETENTION_DAYS_AFTER_CARD_MAILED);
    const grace = Number(env.RETENTION_GRACE_DAYS);
    const acceptedAt = Date.now() - (retention + 30) * day;
    const mailedOn = new Date(Date.now() - (retention + 1) * day).toISOString().slice(0, 10);
    const officer = await signedInOfficer();
    const submission = (await db().select().from(submissions).where(eq(submissions.personId, person.id)).get())!;
    expect((await acceptPhoto(db(), env, { submissionId: submission.id, officerId: officer.id }, acceptedAt)).ok).toBe(
      true,
    );
    await issueProofOfPr(db(), env, { personId: person.id, officerId: officer.id }, acceptedAt + day);
    expect(
      (
        await report(
          applicant.browser,
          person.id,
          { field: "given_names", correctValue: "Zainab" },
          await documentPart("doc.png"),
        )
      ).status,
    ).toBe(201);
    const [row] = await correctionsOf(person.id);
    expect((await decide(officer, person.id, "accept", { correctionId: row!.id })).status).toBe(200);
    expect(
      await recordCard(
        db(),
        env,
        { personId: person.id, actor: { kind: "officer", id: officer.id }, producedOn: mailedOn, mailedOn },
        Date.now() - (grace + 1) * day,
      ),
    ).toMatchObject({ ok: true });
    await runMaintenance(env, Date.now());

    expect(await correctionsOf(person.id)).toEqual([]);
    expect(await db().select().from(personIdentities).where(eq(personIdentities.personId, person.id)).all()).toEqual(
      [],
    );
    expect(await env.FILES.get(row!.evidenceObjectKey!)).toBeNull();
    const [old, reissued] = await ecoprsOf(person.id);
    const answer = await verify(old!.verificationCode);
    expect(answer).toMatchObject({
      genuine: true,
      initials: `A. ${person.familyName[0]}.`,
      replacedOn: expect.any(String),
    });
    expect(JSON.stringify(answer)).not.toContain("Zainab");
    expect(await verify(reissued!.verificationCode)).toMatchObject({ genuine: true, replacedOn: null });
  });
});

describe("the triggers of migration 0014", { timeout: 120_000 }, () => {
  const run = (sql: string, ...params: unknown[]) =>
    env.DB.prepare(sql)
      .bind(...params)
      .run();

  it("keep a corrected identity a new, immutable row made only by an accepted correction of the same person", async () => {
    const a = await reported({ field: "family_name", correctValue: "Okafor-Eze" });
    const b = await withEcopr();
    const pending = a.row;
    const insert = (personId: number, correctionId: number, familyName: string) =>
      run(
        "INSERT INTO person_identities (person_id, correction_id, uci, given_names, family_name, date_of_birth) VALUES (?, ?, 'x', 'Amara', ?, '1988-04-12')",
        personId,
        correctionId,
        familyName,
      );
    // Not accepted yet.
    await expect(insert(a.person.id, pending!.id, "Okafor-Eze")).rejects.toThrow(/identity_locked/);
    const officer = await signedInOfficer();
    expect((await decide(officer, a.person.id, "accept", { correctionId: pending!.id })).status).toBe(200);
    const [identity] = await db()
      .select()
      .from(personIdentities)
      .where(eq(personIdentities.personId, a.person.id))
      .all();
    await expect(run("UPDATE person_identities SET family_name = 'Forged' WHERE id = ?", identity!.id)).rejects.toThrow(
      /identity_locked/,
    );
    await expect(run("DELETE FROM person_identities WHERE id = ?", identity!.id)).rejects.toThrow(/identity_locked/);
    // Another person's accepted correction, or a value other than the one asked, makes no identity.
    await expect(insert(b.person.id, pending!.id, "Okafor-Eze")).rejects.toThrow(/identity_locked|UNIQUE/);
    expect((await report(b.browser, b.person.id, { field: "family_name", correctValue: "Bello" })).status).toBe(201);
    const [bRow] = await correctionsOf(b.person.id);
    await run(
      "UPDATE ecopr_corrections SET status = 'accepted', decided_by_officer_id = ?, decided_at = 'now' WHERE id = ?",
      officer.id,
      bRow!.id,
    );
    await expect(insert(b.person.id, bRow!.id, "Someone-Else")).rejects.toThrow(/identity_locked/);
    // An e-CoPR prints an identity of its own person only.
    await expect(
      run(
        "INSERT INTO documents (person_id, kind, object_key, verification_code, issued_at, identity_id) VALUES (?, 'ecopr', ?, ?, 'now', ?)",
        b.person.id,
        `documents/x/${unique()}.pdf`,
        `TEST-${unique()}`,
        identity!.id,
      ),
    ).rejects.toThrow(/document_identity/);
  });

  it("keep a decision final, a refusal reasoned, and a report as sent", async () => {
    const { person, row } = await reported({ field: "family_name", correctValue: "Okafor-Eze" });
    const officer = await signedInOfficer();
    await expect(run("UPDATE ecopr_corrections SET correct_value = 'Forged' WHERE id = ?", row!.id)).rejects.toThrow(
      /correction_fixed/,
    );
    await expect(
      run(
        "UPDATE ecopr_corrections SET status = 'refused', decided_by_officer_id = ?, decided_at = 'now', refusal_reason = ' ' WHERE id = ?",
        officer.id,
        row!.id,
      ),
    ).rejects.toThrow(/correction_fixed/);
    await expect(run("UPDATE ecopr_corrections SET status = 'accepted' WHERE id = ?", row!.id)).rejects.toThrow(
      /correction_fixed/,
    );
    await expect(run("DELETE FROM ecopr_corrections WHERE id = ?", row!.id)).rejects.toThrow(/correction_kept/);
    expect(
      (await decide(officer, person.id, "refuse", { correctionId: row!.id, reason: "Matches the file" })).status,
    ).toBe(200);
    await expect(
      run("UPDATE ecopr_corrections SET status = 'accepted', refusal_reason = NULL WHERE id = ?", row!.id),
    ).rejects.toThrow(/correction_decided/);
    await expect(
      run("UPDATE ecopr_corrections SET refusal_reason = 'Changed later' WHERE id = ?", row!.id),
    ).rejects.toThrow(/correction_decided/);
    // Two pending reports for one person: the unique index refuses the second, whatever the code does.
    await run(
      "INSERT INTO ecopr_corrections (person_id, document_id, field, correct_value, requested_by_account_id, requested_at) VALUES (?, ?, 'uci', '12345678', ?, 'now')",
      person.id,
      row!.documentId,
      row!.requestedByAccountId,
    );
    await expect(
      run(
        "INSERT INTO ecopr_corrections (person_id, document_id, field, correct_value, requested_by_account_id, requested_at) VALUES (?, ?, 'uci', '87654321', ?, 'now')",
        person.id,
        row!.documentId,
        row!.requestedByAccountId,
      ),
    ).rejects.toThrow(/UNIQUE/);
  });
});
