import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { documents } from "../../schema/index.ts";
import { normalizeVerificationCode } from "../../worker/documents/verification-code.ts";
import { createOfficer } from "../../worker/data/officers.ts";
import { AppError } from "../../worker/lib/errors.ts";
import { issueProofOfPr } from "../../worker/services/ecopr.ts";
import { Browser, errorOf } from "../support/http.ts";
import { GOOD_PASSWORD, acceptedFamily, db, latestMail, signedInApplicant, unique } from "../support/factories.ts";
import { submitAll } from "../support/journey.ts";
import { pdfTextRuns } from "../support/pdf-text.ts";

async function officer() {
  const created = await createOfficer(
    db(),
    {
      email: `officer${unique()}@cic.gc.ca`,
      name: "Test Officer",
      role: "officer",
      passwordHash: "x",
      totpSecret: "JBSWY3DPEHPK3PXP",
    },
    { kind: "admin", id: "test" },
  );
  return created!.id;
}

const submitted = (browser: Browser, personId: number) => submitAll(browser, personId);

describe("proof of PR status (e-CoPR)", () => {
  it("is generated as a PDF, stored privately, emailed about, and shown on the timeline", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    await submitted(applicant.browser, person.id);
    const before = await (await applicant.browser.get(`/api/persons/${person.id}/documents/ecopr`)).status;
    expect(before).toBe(404);

    const issued = await issueProofOfPr(db(), env, { personId: person.id, officerId: await officer() });
    expect(issued.verificationCode).toMatch(/^([A-Z2-9]{4}-){3}[A-Z2-9]{4}$/);
    const row = await db().select().from(documents).where(eq(documents.id, issued.documentId)).get();
    expect(row).toMatchObject({ personId: person.id, kind: "ecopr", status: "valid" });
    expect(row!.objectKey).toMatch(/^documents\//);

    const download = await applicant.browser.get(`/api/persons/${person.id}/documents/ecopr`);
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Type")).toBe("application/pdf");
    expect(download.headers.get("Content-Disposition")).toMatch(/attachment; filename="e-CoPR-/);
    const bytes = new Uint8Array(await download.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    expect(bytes.byteLength).toBeGreaterThan(2000);

    const mail = await latestMail(applicant.principalEmail, "proof_of_pr_available");
    expect(mail.textBody).toContain("e-CoPR");
    expect(mail.textBody).toContain("CRP électronique");

    const status = (await (await applicant.browser.get(`/api/persons/${person.id}/status`)).json()) as {
      events: { type: string }[];
      proofAvailable: boolean;
    };
    expect(status.events.map((e) => e.type)).toEqual(["submitted", "pr_confirmed"]);
    expect(status.proofAvailable).toBe(true);
  });

  it("can be downloaded by the principal for a dependant they act for, and by nobody else", async () => {
    const family = await acceptedFamily({
      dependants: [
        { givenNames: "Chidi", dateOfBirth: "1986-09-03", email: `chidi${unique()}@example.com` },
        { givenNames: "Ada", dateOfBirth: "2016-02-20" },
      ],
      separateAccounts: (persons) => [persons[1]!.id],
    });
    const principal = new Browser();
    await principal.post("/api/auth/sign-in", { username: family.username, password: family.temporaryPassword });
    await principal.post("/api/auth/set-password", { newPassword: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD });
    const child = family.persons[2]!;
    const spouse = family.persons[1]!;
    await submitted(principal, child.id);
    await issueProofOfPr(db(), env, { personId: child.id, officerId: await officer() });
    expect((await principal.get(`/api/persons/${child.id}/documents/ecopr`)).status).toBe(200);
    // The spouse has their own account: the principal cannot reach their documents.
    expect((await principal.get(`/api/persons/${spouse.id}/documents/ecopr`)).status).toBe(404);
    const stranger = await signedInApplicant();
    expect((await stranger.browser.get(`/api/persons/${child.id}/documents/ecopr`)).status).toBe(404);
    expect((await new Browser().get(`/api/persons/${child.id}/documents/ecopr`)).status).toBe(401);
  });

  it("is verifiable at /verify with its code (initials, date, status only); a forged code is not", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    await submitted(applicant.browser, person.id);
    const { verificationCode } = await issueProofOfPr(db(), env, { personId: person.id, officerId: await officer() });

    const typed = verificationCode.toLowerCase().replace(/-/g, " ");
    const response = await new Browser().get(`/api/verify/${encodeURIComponent(typed)}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      genuine: true,
      initials: `A. ${person.familyName[0]}.`,
      issuedOn: new Date().toISOString().slice(0, 10),
      status: "valid",
      replacedOn: null,
    });
    expect(JSON.stringify(body)).not.toContain(person.familyName);

    const forged = verificationCode.replace(/^.{4}/, (head) => (head === "AAAA" ? "BBBB" : "AAAA"));
    const refused = await new Browser().get(`/api/verify/${forged}`);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toEqual({ genuine: false });
    expect((await new Browser().get("/api/verify/not-a-code")).status).toBe(404);
    expect(normalizeVerificationCode("k7m4 q9tx 2hnp w8rc")).toBe("K7M4-Q9TX-2HNP-W8RC");
    expect(normalizeVerificationCode("K7M4-Q9TX-2HNP-W8R0")).toBeNull(); // 0 is not in the alphabet
  });

  it("prints each name exactly as imported, in every script the font covers: the text extracted from the downloaded PDF (unpdf) equals the stored name in NFC", async () => {
    const names: [string, string][] = [
      ["Zoë", "Lefèvre-Nguyễn"],
      ["Łukasz", "Żółć"],
      ["Ἀλέξανδρος", "Παπαδόπουλος"],
      ["Дмитрий", "Шостакович"],
      ["Thị Hồng Nhung Ștefan", "Trần-Țîrcă"],
      // Stored as imported, with combining marks: printed composed.
      ["Zoe\u0308", "Guðmundsdóttir"],
    ];
    // Through the real import (validateImportRecord, importApplications), invitation and sign-in.
    const [principal, ...children] = names;
    const { browser, persons } = await signedInApplicant({
      principalNames: { givenNames: principal![0], familyName: principal![1] },
      dependants: children.map(([givenNames, familyName]) => ({ givenNames, familyName, dateOfBirth: "2015-06-07" })),
    });
    const officerId = await officer();
    for (const [index, person] of persons.entries()) {
      expect([person.givenNames, person.familyName]).toEqual(names[index]);
      await submitted(browser, person.id);
      await issueProofOfPr(db(), env, { personId: person.id, officerId });
      const download = await browser.get(`/api/persons/${person.id}/documents/ecopr`);
      expect(download.status).toBe(200);
      const runs = await pdfTextRuns(new Uint8Array(await download.arrayBuffer()));
      expect(runs, person.givenNames).toContain(person.givenNames.normalize("NFC"));
      expect(runs, person.familyName).toContain(person.familyName.normalize("NFC"));
    }
    // Six submissions with a photo each: well under a minute alone, longer on a busy machine.
  }, 180_000);

  it("is not issued for a stored name the font cannot print (a record from before the import rule): 409 name_not_printable, no document", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    await env.DB.prepare("UPDATE persons SET given_names = ? WHERE id = ?").bind("小龍", person.id).run();
    await submitted(applicant.browser, person.id);
    const issuing = issueProofOfPr(db(), env, { personId: person.id, officerId: await officer() });
    await expect(issuing).rejects.toBeInstanceOf(AppError);
    await expect(issuing).rejects.toMatchObject({
      status: 409,
      code: "name_not_printable",
      messageKey: "review.nameNotPrintable",
    });
    expect(await db().select().from(documents).where(eq(documents.personId, person.id)).all()).toEqual([]);
    expect((await env.FILES.list({ prefix: `documents/${person.id}/` })).objects).toEqual([]);
  });

  it("refuses to guess codes fast: /verify is throttled per IP, reads included", async () => {
    const guesser = new Browser("203.0.113.200");
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++)
      statuses.push(
        (await guesser.get(`/api/verify/AAAA-BBBB-CCCC-${String(i).padStart(4, "2").replace(/[01]/g, "2")}`)).status,
      );
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
    const limited = await guesser.get("/api/verify/AAAA-BBBB-CCCC-DDDD");
    expect((await errorOf(limited)).code).toBe("too_many_attempts");
  });
});
