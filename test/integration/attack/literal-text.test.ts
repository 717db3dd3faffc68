// Defences: bound parameters everywhere (drizzle; no SQL built from text),
// JSON answers that carry text as data, escapeHtml() in the email renderer
// (worker/email/render.ts) and the dev mailbox, pdf-lib's encoded text in the
// e-CoPR. Hostile text goes in through every text field (address fields from
// the applicant, names from the import, the officer's note, search and
// sign-in fields) and must come out exactly as it went in, as text. Address
// fields take only what a Canada Post address can hold (shared/address.ts):
// hostile text they cannot hold is refused with a field message, and what they
// can (quotes, dashes, parentheses, &, combining accents) comes back literally.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { importApplications } from "../../../worker/data/applications.ts";
import { inviteApplications } from "../../../worker/data/invitations.ts";
import { type ImportRow, isProblem, validateImportRecord } from "../../../shared/people/import-records.ts";
import { Browser, errorOf } from "../../support/http.ts";
import { GOOD_PASSWORD, db, digits, latestMail, unique } from "../../support/factories.ts";
import { TEST_ADDRESS, submitAll, uploadPhoto, validPhoto } from "../../support/journey.ts";
import { signedInOfficer } from "../../support/officers.ts";
import { pdfTextRuns } from "../../support/pdf-text.ts";
import { type Officer, submissionIdOf } from "./world.ts";

const SCRIPT = `<script>alert("x")</script>`;
const IMG = `"><img src=x onerror=alert(1)>`;

/**
 * Text that breaks naive SQL, HTML or Unicode handling. Each fits a 100-character field, and none
 * is something a Canada Post address can hold, so the address fields refuse each one.
 */
const HOSTILE: Record<string, string> = {
  "SQL quote and comment": `'; DROP TABLE addresses; --`,
  "SQL tautology": `" OR 1=1 --`,
  "SQL parenthesis": `Robert'); DELETE FROM persons WHERE ('1'='1`,
  "LIKE wildcards and backslash": `100% _under_ \\back\\`,
  "script tag": SCRIPT,
  "attribute break": IMG,
  entity: `&lt;b&gt; &amp; &#60;`,
  "right-to-left override": `\u202Egnp.exe\u202C`,
  "zero-width characters": `Ja\u200Bne\u200C\u200D\u2060Doe`,
  "emoji with skin tone and ZWJ": `👩🏽‍🚀 🇨🇦 👨‍👩‍👧`,
  "mixed scripts": `李小龍 محمد Ωμέγα`,
  "NUL byte": `a\u0000b`,
  "control characters": `bell\u0007 esc\u001b[31m`,
  "100 UTF-16 units of astral characters": "𝒜".repeat(50),
  "spreadsheet formula": `=HYPERLINK("http://x","x")`,
};

/** Hostile text made only of what a Canada Post address can hold: accepted, stored and shown exactly as sent. */
const ADDRESS_HOSTILE: Record<string, string> = {
  "SQL quote and comment": `Robert' OR 'x' -- drop`,
  "SQL parenthesis": `Robert'), ('x`,
  "ampersand and slashes": `Smith & Wesson #60 / amp`,
  "combining marks (decomposed)": `Zoe\u0308 Montre\u0301al`,
  "longest allowed (100 UTF-16 units, half of them combining marks)": "e\u0301".repeat(50),
};

const FAMILY_NAME = `O'Brien"); DROP TABLE persons;-- ${SCRIPT}`;
const GIVEN_NAMES = `${IMG} Zoë`;

/** A family imported with hostile names, invited, accepted and signed in through the real routes. */
async function hostileFamily() {
  const id = unique();
  const email = `hostile${id}@example.com`;
  const record = {
    application_number: `E${digits(id, 9)}`,
    uci: digits(id * 10 + 1, 10),
    role: "principal",
    given_names: GIVEN_NAMES,
    family_name: FAMILY_NAME,
    date_of_birth: "1990-01-01",
    email,
    language: "en",
  };
  const row = validateImportRecord(2, record);
  if (isProblem(row)) throw new Error(JSON.stringify(row));
  await importApplications(db(), [row as ImportRow], { kind: "admin", id: "test", source: "attack" });
  const person = (await db().query.persons.findFirst({ where: (p, { eq }) => eq(p.email, email) }))!;
  await inviteApplications(db(), env, [person.applicationId], { kind: "admin", id: "test" });
  const token = (await latestMail(email, "invitation")).secrets.token!;
  expect(
    (
      await new Browser().post("/api/invitations/answer", {
        token,
        usePortal: true,
        inCanada: true,
        emails: {},
        separateAccounts: [],
      })
    ).status,
  ).toBe(200);
  const account = await latestMail(email, "account_created");
  const username = /Username: (PR-[A-Z0-9]+)/.exec(account.textBody)![1]!;
  const browser = new Browser();
  expect((await browser.post("/api/auth/sign-in", { username, password: account.secrets.password })).status).toBe(200);
  expect(
    (await browser.post("/api/auth/set-password", { newPassword: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD }))
      .status,
  ).toBe(200);
  return { person, email, browser, username };
}

/** Bytes as a string of the same char codes (TextDecoder's "latin1" is really windows-1252). */
function binary(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

let officer: Officer;
beforeAll(async () => {
  officer = await signedInOfficer();
});

describe("hostile text in the applicant's address", () => {
  it("text a Canada Post address can hold is stored and shown exactly as sent, to the applicant and the officer", async () => {
    const { browser, person } = await hostileFamily();
    for (const [name, text] of Object.entries(ADDRESS_HOSTILE)) {
      // Cut by code points to fit the unit (20) and city (60) limits, and never to a trailing mark alone.
      const [unit, city] = [[...text].slice(0, 10).join("").trim(), [...text].slice(0, 30).join("").trim()];
      const sent = { ...TEST_ADDRESS, unit, streetName: text, city };
      const saved = await browser.post(`/api/persons/${person.id}/address`, sent);
      expect(saved.status, name).toBe(200);
      const shown = (
        (await (await browser.get(`/api/persons/${person.id}`)).json()) as { address: Record<string, string> }
      ).address;
      expect(shown.streetName, name).toBe(text);
      expect(shown.city, name).toBe(city);
      expect(shown.unit, name).toBe(unit);
      const stored = await env.DB.prepare("SELECT street_name FROM addresses WHERE person_id = ?")
        .bind(person.id)
        .first<{ street_name: string }>();
      expect(stored!.street_name, name).toBe(text);
    }
    // The tables the SQL strings named are all still there.
    for (const table of ["addresses", "persons"])
      expect((await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())!.n).toBeGreaterThan(0);

    // The officer sees the submitted address as text too.
    const last = ADDRESS_HOSTILE["SQL parenthesis"]!;
    const unit = `#4 ('x') & Co.`;
    expect((await browser.post(`/api/persons/${person.id}/presence`, { confirm: true })).status).toBe(200);
    expect(
      (await browser.post(`/api/persons/${person.id}/address`, { ...TEST_ADDRESS, streetName: last, unit })).status,
    ).toBe(200);
    expect((await uploadPhoto(browser, person.id, await validPhoto())).status).toBe(201);
    expect((await browser.post(`/api/persons/${person.id}/submit`, { declarationConfirmed: true })).status).toBe(201);
    const item = (await (await officer.browser.get(`/review/api/items/${await submissionIdOf(person.id)}`)).json()) as {
      submission: { address: { streetName: string; unit: string } };
      person: { familyName: string; givenNames: string };
    };
    expect(item.person).toMatchObject({ familyName: FAMILY_NAME, givenNames: GIVEN_NAMES });
    expect(item.submission.address).toMatchObject({ streetName: last, unit });
  });

  it("markup, SQL, formulas, control, invisible and bidirectional characters, other scripts and emoji are refused in every field with the field's message, and nothing is stored", async () => {
    const { browser, person } = await hostileFamily();
    const kept = { ...TEST_ADDRESS, unit: "#4", streetName: ADDRESS_HOSTILE["SQL quote and comment"]! };
    expect((await browser.post(`/api/persons/${person.id}/address`, kept)).status).toBe(200);
    for (const [name, text] of Object.entries(HOSTILE)) {
      const [unit, city] = [[...text].slice(0, 10).join("").trim(), [...text].slice(0, 30).join("").trim()];
      const refused = await browser.post(`/api/persons/${person.id}/address`, {
        ...TEST_ADDRESS,
        unit,
        streetName: text,
        city,
      });
      expect(refused.status, name).toBe(422);
      const fields = (await errorOf(refused)).fields!;
      // Each field is refused for its own characters (or for starting with a mark), with a message naming it.
      for (const [field, label] of [
        ["unit", "the apartment or unit"],
        ["streetName", "the street name"],
        ["city", "the city or town"],
      ] as const) {
        const problem = fields.find((f) => f.field === field);
        expect(problem, `${name}: ${field}`).toBeDefined();
        expect(["invalid_characters", "invalid_start"], `${name}: ${field}`).toContain(problem!.code);
        expect(problem!.message, `${name}: ${field}`).toMatch(
          problem!.code === "invalid_start"
            ? `Start ${label} with a letter`
            : `Enter ${label} using only letters, numbers, spaces and these marks: - ' . , # / & ( ) !`,
        );
      }
      const shown = (
        (await (await browser.get(`/api/persons/${person.id}`)).json()) as { address: Record<string, string> }
      ).address;
      expect(shown, name).toMatchObject({ unit: kept.unit, streetName: kept.streetName, city: kept.city });
    }
    // The same refusal in French.
    const french = await browser.post(
      `/api/persons/${person.id}/address`,
      { ...TEST_ADDRESS, streetName: SCRIPT },
      { "Accept-Language": "fr" },
    );
    expect((await errorOf(french)).fields).toEqual([
      {
        field: "streetName",
        code: "invalid_characters",
        message:
          "Entrez le nom de la rue en utilisant seulement des lettres, des chiffres, des espaces et ces signes : - ' . , # / & ( ) !",
      },
    ]);
    const stored = await env.DB.prepare("SELECT street_name FROM addresses WHERE person_id = ?")
      .bind(person.id)
      .first<{ street_name: string }>();
    expect(stored!.street_name).toBe(kept.streetName);
  });

  it("a field one unit too long is a field error, and a megabyte of text is refused whole, never a 500", async () => {
    const { browser, person } = await hostileFamily();
    const tooLong = await browser.post(`/api/persons/${person.id}/address`, {
      ...TEST_ADDRESS,
      streetName: `${"𝒜".repeat(50)}x`,
    });
    expect(tooLong.status).toBe(422);
    expect((await errorOf(tooLong)).fields?.map((f) => [f.field, f.code])).toEqual([["streetName", "too_long"]]);
    const huge = await browser.post(`/api/persons/${person.id}/address`, {
      ...TEST_ADDRESS,
      streetName: "A".repeat(1_000_000),
    });
    expect(huge.status).toBe(413);
    expect((await browser.get(`/api/persons/${person.id}`)).status).toBe(200);
  });
});

describe("hostile names from the import", () => {
  it("come back literally in the API, escaped in every email's HTML and in the dev mailbox, and as drawn text in the e-CoPR", async () => {
    const family = await hostileFamily();
    const session = (await (await family.browser.get("/api/session")).json()) as {
      persons: { givenNames: string; familyName: string }[];
    };
    expect(session.persons[0]).toMatchObject({ givenNames: GIVEN_NAMES, familyName: FAMILY_NAME });
    expect(await (await family.browser.get(`/api/persons/${family.person.id}`)).json()).toMatchObject({
      givenNames: GIVEN_NAMES,
      familyName: FAMILY_NAME,
    });

    // Officer decision: the return note is officer-typed text that reaches an email.
    await submitAll(family.browser, family.person.id);
    const submissionId = await submissionIdOf(family.person.id);
    await officer.browser.post(`/review/api/items/${submissionId}/claim`, {});
    const note = `Please retake. ${SCRIPT} ${IMG}`;
    expect(
      (await officer.browser.post(`/review/api/items/${submissionId}/return`, { reasons: ["glare"], note })).status,
    ).toBe(200);
    const item = (await (await officer.browser.get(`/review/api/items/${submissionId}`)).json()) as {
      history: { decisions: { note: string | null }[] }[];
    };
    expect(item.history.flatMap((h) => h.decisions.map((d) => d.note))).toContain(note);

    const mails = await env.DB.prepare("SELECT kind, html_body, text_body FROM outbox WHERE to_address = ?")
      .bind(family.email)
      .all<{ kind: string; html_body: string; text_body: string }>();
    const kinds = mails.results.map((m) => m.kind);
    for (const kind of ["invitation", "account_created", "submission_received", "photo_returned"])
      expect(kinds).toContain(kind);
    const withName = mails.results.filter(
      (m) => m.text_body.includes(FAMILY_NAME) || m.text_body.includes(GIVEN_NAMES) || m.text_body.includes(note),
    );
    expect(withName.length).toBeGreaterThanOrEqual(2);
    for (const mail of mails.results) {
      for (const raw of ["<script", "<img", "onerror=alert(1)>"])
        expect(mail.html_body, `${mail.kind}: ${raw}`).not.toContain(raw);
    }
    for (const mail of withName) expect(mail.html_body, mail.kind).toMatch(/&lt;script&gt;|&lt;img src=x/);
    const returned = mails.results.find((m) => m.kind === "photo_returned")!;
    expect(returned.text_body).toContain(note);
    expect(returned.html_body).toContain("Please retake. &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");

    const mailbox = await new Browser().get(`/dev/mailbox?to=${encodeURIComponent(family.email)}`);
    expect(mailbox.status).toBe(200);
    const page = await mailbox.text();
    expect(page).toContain("&lt;script&gt;");
    expect(page).not.toContain(SCRIPT);
    expect(page).not.toContain("<img src=x");

    // The e-CoPR: names are drawn as text, never as PDF syntax.
    const resubmitted = await family.browser.request(`/api/persons/${family.person.id}/photo`, {
      method: "POST",
      headers: { "Content-Type": "image/jpeg" },
      body: await validPhoto(),
    });
    expect(resubmitted.status).toBe(201);
    expect(
      (await family.browser.post(`/api/persons/${family.person.id}/submit`, { declarationConfirmed: true })).status,
    ).toBe(201);
    const again = await submissionIdOf(family.person.id);
    expect((await officer.browser.post(`/review/api/items/${again}/claim`, {})).status).toBe(200);
    expect((await officer.browser.post(`/review/api/items/${again}/accept`, {})).status).toBe(200);
    expect((await officer.browser.post(`/review/api/persons/${family.person.id}/confirm-pr`, {})).status).toBe(200);
    const pdf = await family.browser.get(`/api/persons/${family.person.id}/documents/ecopr`);
    expect(pdf.status).toBe(200);
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    const text = (await pdfTextRuns(bytes)).join("\n");
    expect(text).toContain(FAMILY_NAME);
    expect(text).toContain(IMG);
    const structure = binary(bytes);
    for (const active of ["/JavaScript", "/JS", "/OpenAction", "/AA", "/Launch", "/URI"])
      expect(structure, active).not.toContain(active);
    expect(structure.match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
  });
});

describe("hostile text in lookups", () => {
  it("sign-in, forgot-password, the officers' search, invitation and verification codes treat SQL as plain text", async () => {
    const family = await hostileFamily();
    for (const username of [`' OR '1'='1`, `${family.username}' --`, `%`, `PR-%`, `" OR ""="`]) {
      const response = await new Browser().post("/api/auth/sign-in", { username, password: `' OR '1'='1` });
      expect(response.status, username).toBe(401);
      expect((await errorOf(response)).code).toBe("invalid_credentials");
    }
    for (const email of [`x' OR '1'='1@example.com`, `a@b.c'; DROP TABLE accounts; --`]) {
      expect([202, 422], email).toContain((await new Browser().post("/api/auth/forgot-password", { email })).status);
    }
    for (const q of [`' OR 1=1 --`, `") OR ("1"="1`, `\\' UNION SELECT * FROM officers --`]) {
      const found = await officer.browser.get(`/review/api/queue?q=${encodeURIComponent(q)}`);
      expect(found.status, q).toBe(200);
      expect(((await found.json()) as { items: unknown[] }).items, q).toEqual([]);
    }
    await submitAll(family.browser, family.person.id);
    const byName = (await (
      await officer.browser.get(`/review/api/queue?q=${encodeURIComponent(FAMILY_NAME)}`)
    ).json()) as { items: { person: { id: number } }[] };
    // Found by the whole hostile name (other families in this file share it), and only people with that name.
    expect(byName.items.map((i) => i.person.id)).toContain(family.person.id);
    for (const i of byName.items)
      expect((await db().query.persons.findFirst({ where: (p, { eq }) => eq(p.id, i.person.id) }))!.familyName).toBe(
        FAMILY_NAME,
      );
    // The same long search folded (accents and case, issue 18): still instr() on the stored key, never a LIKE pattern.
    const folded = (await (
      await officer.browser.get(`/review/api/queue?q=${encodeURIComponent(`zoe ${FAMILY_NAME.toUpperCase()}`)}`)
    ).json()) as { items: { person: { id: number } }[] };
    expect(folded.items.map((i) => i.person.id)).toContain(family.person.id);
    for (const token of [`' OR '1'='1`, `%25`, `..%2F..%2Fetc`])
      expect((await new Browser().post("/api/invitations/open", { token })).status).toBe(404);
    const verify = await new Browser().get(`/api/verify/${encodeURIComponent(`' OR '1'='1`)}`);
    expect(verify.status).toBe(404);
    expect(await verify.json()).toEqual({ genuine: false });
  });
});
