import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addresses, presenceDeclarations } from "../../schema/index.ts";
import { Browser, errorOf } from "../support/http.ts";
import { GOOD_PASSWORD, db, signedInApplicant } from "../support/factories.ts";

const FAMILY = {
  dependants: [
    { givenNames: "Chidi", dateOfBirth: "1986-09-03" },
    { givenNames: "Ada", dateOfBirth: "2016-02-20" },
  ],
};

const ADDRESS = {
  unit: "4",
  streetNumber: "111",
  streetName: "Wellington Street",
  city: "Ottawa",
  province: "ON",
  postalCode: "k1a0a9",
};

type PersonList = { persons: { id: number; givenNames: string; isSelf: boolean; tasks: Record<string, string> }[] };

describe("task list", () => {
  it("lists the account holder first, then each family member, with plain statuses", async () => {
    const applicant = await signedInApplicant(FAMILY);
    const response = await applicant.browser.get("/api/persons");
    expect(response.status).toBe(200);
    const { persons } = (await response.json()) as PersonList;
    expect(persons.map((p) => [p.givenNames, p.isSelf])).toEqual([
      ["Amara", true],
      ["Chidi", false],
      ["Ada", false],
    ]);
    expect(persons[0]!.tasks).toEqual({
      presence: "not_started",
      address: "not_started",
      photo: "not_started",
      submit: "cannot_start",
    });
  });
});

describe("declaring presence in Canada", () => {
  it("for oneself and for a dependant, recording who declared for whom; a double click gives one record", async () => {
    const applicant = await signedInApplicant(FAMILY);
    const [self, spouse] = applicant.persons;
    const mine = await applicant.browser.post(`/api/persons/${self!.id}/presence`, { confirm: true });
    expect(mine.status).toBe(200);
    expect(await mine.json()).toMatchObject({ byThemself: true });

    const [first, second] = await Promise.all([
      applicant.browser.post(`/api/persons/${spouse!.id}/presence`, { confirm: true }),
      applicant.browser.post(`/api/persons/${spouse!.id}/presence`, { confirm: true }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const rows = await db()
      .select()
      .from(presenceDeclarations)
      .where(eq(presenceDeclarations.personId, spouse!.id))
      .all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      declaredByPersonId: self!.id,
      personId: spouse!.id,
      declaredOn: new Date().toISOString().slice(0, 10),
    });

    const { persons } = (await (await applicant.browser.get("/api/persons")).json()) as PersonList;
    expect(persons.map((p) => p.tasks.presence)).toEqual(["completed", "completed", "not_started"]);
  });

  it("is dated with the person's own calendar date when plausible, else today in UTC", async () => {
    const { declarationDate } = await import("../../worker/data/journey.ts");
    const now = Date.parse("2026-11-24T03:00:00Z"); // 19:00 on the 23rd in Vancouver
    expect(declarationDate("2026-11-23", now)).toBe("2026-11-23");
    expect(declarationDate("2026-11-20", now)).toBe("2026-11-24");
    expect(declarationDate("not a date", now)).toBe("2026-11-24");
    expect(declarationDate(undefined, now)).toBe("2026-11-24");
  });

  it("needs the box ticked, with the person's name when declaring for someone else", async () => {
    const applicant = await signedInApplicant(FAMILY);
    const response = await applicant.browser.post(
      `/api/persons/${applicant.persons[2]!.id}/presence`,
      { confirm: false },
      { "Accept-Language": "fr" },
    );
    expect(response.status).toBe(422);
    expect((await errorOf(response)).fields?.[0]?.message).toMatch(
      /Cochez la case pour déclarer que Ada .* est au Canada\./,
    );
  });

  it("a person the account does not act for is a 404", async () => {
    const one = await signedInApplicant();
    const other = await signedInApplicant();
    const response = await one.browser.post(`/api/persons/${other.persons[0]!.id}/presence`, { confirm: true });
    expect(response.status).toBe(404);
    expect((await one.browser.get(`/api/persons/${other.persons[0]!.id}`)).status).toBe(404);
    expect((await one.browser.get("/api/persons/not-a-number")).status).toBe(404);
  });

  it("a dependant with their own account cannot be acted for by the principal", async () => {
    const applicant = await signedInApplicant({ ...FAMILY });
    // Same family, but the spouse asked for a separate account.
    const { acceptedFamily, unique } = await import("../support/factories.ts");
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
    const { persons } = (await (await principal.get("/api/persons")).json()) as PersonList;
    expect(persons.map((p) => p.givenNames)).toEqual(["Amara", "Ada"]);
    expect((await principal.post(`/api/persons/${family.persons[1]!.id}/presence`, { confirm: true })).status).toBe(
      404,
    );
    expect(applicant.persons).toHaveLength(3);
  });
});

describe("mailing address", () => {
  it("is stored normalized, and can be used for the whole family", async () => {
    const applicant = await signedInApplicant(FAMILY);
    const [self] = applicant.persons;
    const response = await applicant.browser.post(`/api/persons/${self!.id}/address`, {
      ...ADDRESS,
      sameForFamily: true,
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { address: { postalCode: string }; appliedTo: number[] };
    expect(body.address.postalCode).toBe("K1A 0A9");
    expect(body.appliedTo).toHaveLength(3);
    for (const person of applicant.persons) {
      const row = await db().select().from(addresses).where(eq(addresses.personId, person.id)).get();
      expect(row).toMatchObject({ streetName: "Wellington Street", postalCode: "K1A 0A9", province: "ON", unit: "4" });
    }
    // Saving again (a second tab) updates in place: still one address each.
    await applicant.browser.post(`/api/persons/${self!.id}/address`, { ...ADDRESS, city: "Ottawa " });
    expect(await db().select().from(addresses).where(eq(addresses.personId, self!.id)).all()).toHaveLength(1);
  });

  it("explains each problem in the request's language, naming both places on a mismatch", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    const empty = await applicant.browser.post(`/api/persons/${person.id}/address`, {});
    expect(empty.status).toBe(422);
    expect((await errorOf(empty)).fields?.map((f) => f.field)).toEqual([
      "streetNumber",
      "streetName",
      "city",
      "province",
      "postalCode",
    ]);

    const mismatch = await applicant.browser.post(`/api/persons/${person.id}/address`, { ...ADDRESS, province: "QC" });
    const fields = (await errorOf(mismatch)).fields!;
    expect(fields).toEqual([
      {
        field: "postalCode",
        code: "province_mismatch",
        message:
          "Postal code K1A 0A9 is used in Ontario, but you chose Quebec. Check the postal code or the province or territory.",
      },
    ]);
    const french = await applicant.browser.post(
      `/api/persons/${person.id}/address`,
      { ...ADDRESS, province: "QC" },
      { "Accept-Language": "fr" },
    );
    expect((await errorOf(french)).fields?.[0]?.message).toContain("Ontario. Vous avez choisi : Québec.");

    const letters = await applicant.browser.post(`/api/persons/${person.id}/address`, {
      ...ADDRESS,
      postalCode: "K1O 0A9",
    });
    expect((await errorOf(letters)).fields?.[0]?.code).toBe("invalid_letters");
    const unknownProvince = await applicant.browser.post(`/api/persons/${person.id}/address`, {
      ...ADDRESS,
      province: "ZZ",
    });
    expect((await errorOf(unknownProvince)).fields?.[0]).toMatchObject({ field: "province", code: "unknown" });
    const tooLong = await applicant.browser.post(`/api/persons/${person.id}/address`, {
      ...ADDRESS,
      streetName: "x".repeat(101),
    });
    expect((await errorOf(tooLong)).fields?.[0]).toMatchObject({ field: "streetName", code: "too_long" });
    // Nothing was saved by the refused attempts.
    expect(await db().select().from(addresses).where(eq(addresses.personId, person.id)).get()).toBeUndefined();
  });

  it("takes only what a Canada Post address can hold: a street typed as =1+1 is refused, in English and French", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    const path = `/api/persons/${person.id}/address`;
    const formula = await applicant.browser.post(path, { ...ADDRESS, streetName: "=1+1" });
    expect(formula.status).toBe(422);
    expect((await errorOf(formula)).fields).toEqual([
      {
        field: "streetName",
        code: "invalid_characters",
        message: "Enter the street name using only letters, numbers, spaces and these marks: - ' . , # / & ( ) !",
      },
    ]);
    const french = await applicant.browser.post(path, { ...ADDRESS, streetName: "=1+1" }, { "Accept-Language": "fr" });
    expect((await errorOf(french)).fields).toEqual([
      {
        field: "streetName",
        code: "invalid_characters",
        message:
          "Entrez le nom de la rue en utilisant seulement des lettres, des chiffres, des espaces et ces signes : - ' . , # / & ( ) !",
      },
    ]);
    // Every text field, each with its own label; a field that may hold "-" still cannot start with it.
    const hostile = await applicant.browser.post(path, {
      ...ADDRESS,
      unit: "@4",
      streetNumber: "-5",
      streetName: '=HYPERLINK("http://x","x")',
      city: "<b>Ottawa</b>",
    });
    expect((await errorOf(hostile)).fields?.map((f) => [f.field, f.code, f.message])).toEqual([
      [
        "unit",
        "invalid_characters",
        "Enter the apartment or unit using only letters, numbers, spaces and these marks: - ' . , # / & ( ) !",
      ],
      ["streetNumber", "invalid_start", "Start the street number with a letter, a number or #."],
      [
        "streetName",
        "invalid_characters",
        "Enter the street name using only letters, numbers, spaces and these marks: - ' . , # / & ( ) !",
      ],
      [
        "city",
        "invalid_characters",
        "Enter the city or town using only letters, numbers, spaces and these marks: - ' . , # / & ( ) !",
      ],
    ]);
    const frenchStart = await applicant.browser.post(
      path,
      { ...ADDRESS, streetNumber: "-5" },
      { "Accept-Language": "fr" },
    );
    expect((await errorOf(frenchStart)).fields?.[0]?.message).toBe(
      "Commencez le numéro de rue par une lettre, un chiffre ou #.",
    );
    // Control, invisible and bidirectional characters, other scripts, emoji, fullwidth letters and a tab before a formula.
    for (const streetName of [
      "Main\u0000 Street",
      "Ma\u200Bin Street",
      "\u202EMain Street",
      "Главная улица",
      "Main Street 🏠",
      "Ｍａｉｎ Street",
      "Main Street; DROP TABLE addresses",
      "\t=1+1",
    ]) {
      const refused = await applicant.browser.post(path, { ...ADDRESS, streetName });
      expect(refused.status, JSON.stringify(streetName)).toBe(422);
      expect(
        (await errorOf(refused)).fields?.map((f) => f.field),
        JSON.stringify(streetName),
      ).toEqual(["streetName"]);
    }
    expect(await db().select().from(addresses).where(eq(addresses.personId, person.id)).get()).toBeUndefined();

    // Real addresses: accents (precomposed or combining), apostrophes straight and curly, #, /, ½, &, parentheses, periods and the "!" of Saint-Louis-du-Ha! Ha!
    for (const address of [
      {
        unit: "#4",
        streetNumber: "123½",
        streetName: "Rue de l’Église-Saint-Jean (Ouest)",
        city: "Trois-Rivières",
        province: "QC",
        postalCode: "G9A 5H7",
      },
      {
        unit: "Apt. 2B",
        streetNumber: "12-14",
        streetName: "O'Connor St. & Laurier Ave. W",
        city: "Ottawa",
        province: "ON",
        postalCode: "K1P 5M9",
      },
      {
        unit: "",
        streetNumber: "7 1/2",
        streetName: "Rue Principale",
        city: "Saint-Louis-du-Ha! Ha!",
        province: "QC",
        postalCode: "G0L 3S0",
      },
      {
        unit: "",
        streetNumber: "5",
        streetName: "Rue Zoe\u0308 Montre\u0301al",
        city: "Montréal",
        province: "QC",
        postalCode: "H2Y 1H2",
      },
    ]) {
      const saved = await applicant.browser.post(path, address);
      expect(saved.status, JSON.stringify(address)).toBe(200);
      const row = (await db().select().from(addresses).where(eq(addresses.personId, person.id)).get())!;
      expect([row.unit, row.streetNumber, row.streetName, row.city]).toEqual([
        address.unit || null,
        address.streetNumber,
        address.streetName,
        address.city,
      ]);
    }
  });
});
