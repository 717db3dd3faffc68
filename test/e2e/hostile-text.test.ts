// Issue 7's "HTML/script in names and addresses rendered as text", in the pages themselves
// (integration/attack/literal-text covers the API, the emails and the PDF). In Chromium against
// the real portal: an applicant imported with markup in their name types markup as their
// address, which an address cannot hold (issue 14): the API and the address form refuse it with
// the field's message, the form keeps what was typed, as text. The address then given holds the
// characters HTML cares about that a Canada Post address can hold (& ' ( ) # /), and every page
// that shows the name or the address (task list, address form, check your answers; the officers'
// queue and decision page) must show them as the characters typed and add no element from them. The Content Security Policy would also stop an injected script from
// running, so the test looks for injected elements, not only for a script having run: the
// defence guarded here is that the client never turns data into markup (Preact's escaping, no
// dangerouslySetInnerHTML or innerHTML on data).
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { en } from "../../client/i18n/en.ts";
import { ADDRESS_MARKS } from "../../shared/address/address.ts";
import { totpCode } from "../../worker/lib/officer-totp.ts";
import { heading, newApplicant, selfId, signInFirstTime, uploadPhotoFromPage } from "./support/applicant.ts";
import { createOfficer } from "./support/officer.ts";
import { saveScreenshot } from "./support/screenshots.ts";
import { journeyWorld } from "./support/world.ts";

// No commas or double quotes: the name goes through the admin CLI's CSV import as typed.
const GIVEN_NAMES = `<img src=x onerror=window.__xss=1>Zoë<b>bold</b>`;
// Markup typed as an address: refused, and kept in the form as typed.
const MARKUP_STREET = `<img src=x onerror=window.__xss=2> Rue "Saint-Paul" & <i>Est</i>`;
const MARKUP_CITY = `<script>window.__xss=3</script>Montréal`;
const MARKUP_UNIT = `</td><b>4</b>`;
// What a Canada Post address can hold, with the characters HTML cares about.
const STREET = `Rue O'Connor & l’Église (Est) #2 / 1/2`;
const CITY = `Saint-Louis-du-Ha! Ha!`;
const UNIT = `#4 & 5`;
const refusedMessage = (label: string) =>
  en.address.errors.invalidCharacters.replace("{label}", label).replace("{marks}", ADDRESS_MARKS);

const world = journeyWorld();

/** What the page added from the data, if anything: elements no page of ours has, and whether any injected script ran. */
async function injected(page: Page) {
  return page.evaluate(() => ({
    brokenImages: document.querySelectorAll('img[src="x"]').length,
    boldOrItalic: Array.from(document.querySelectorAll("b, i"), (e) => e.outerHTML),
    scripts: Array.from(document.scripts).filter((s) => s.textContent?.includes("__xss")).length,
    ran: (window as unknown as { __xss?: number }).__xss ?? null,
  }));
}

/** The page shows each of `texts` as its characters (in text or in a form field's value) and added nothing from them. */
async function showsLiterally(page: Page, where: string, texts: string[]) {
  const shownText = () =>
    page.evaluate(() =>
      [
        document.body.innerText,
        ...Array.from(document.querySelectorAll("input, textarea"), (e) => (e as HTMLInputElement).value),
      ].join("\n"),
    );
  // Pages load their data after the first paint: wait (up to 15 s) for it, then judge.
  let shown = "";
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; await page.waitForTimeout(200)) {
    shown = await shownText();
    if (texts.every((text) => shown.includes(text))) break;
  }
  for (const text of texts)
    assert.ok(shown.includes(text), `${where}: ${JSON.stringify(text)} is not shown as typed in:\n${shown}`);
  assert.deepEqual(
    await injected(page),
    { brokenImages: 0, boldOrItalic: [], scripts: 0, ran: null },
    `${where}: markup from the data became elements`,
  );
  await saveScreenshot(page, `hostile-text-${where}`);
}

const post = (page: Page, url: string, body: unknown) =>
  page.evaluate(
    async ({ url, body }) => {
      const response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    { url, body },
  );

test("markup in a name and an address is shown as text on the applicant's and the officer's pages", {
  timeout: 240_000,
}, async () => {
  const applicant = await newApplicant(world.portal, {
    application: "E000007701",
    uci: 7700000001,
    email: "hostile.text@example.com",
    language: "en",
    givenNames: GIVEN_NAMES,
  });
  const context = await world.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on("dialog", (dialog) => assert.fail(`a dialog opened: ${dialog.message()}`));
  await signInFirstTime(page, world.portal, en, "en", applicant);
  const personId = await selfId(page);
  await showsLiterally(page, "task-list", [GIVEN_NAMES]);

  assert.equal((await post(page, `/api/persons/${personId}/presence`, { confirm: true })).status, 200);
  // The API refuses markup in every address field, naming each field.
  const markup = {
    unit: MARKUP_UNIT,
    streetNumber: "300",
    streetName: MARKUP_STREET,
    city: MARKUP_CITY,
    province: "QC",
    postalCode: "G0L 3S0",
  };
  const refused = await post(page, `/api/persons/${personId}/address`, markup);
  assert.equal(refused.status, 422, JSON.stringify(refused.body));
  const refusedFields = (refused.body as { error: { fields: { field: string; code: string; message: string }[] } })
    .error.fields;
  assert.deepEqual(
    refusedFields.map((f) => [f.field, f.code, f.message]),
    [
      ["unit", "invalid_characters", refusedMessage("the apartment or unit")],
      ["streetName", "invalid_characters", refusedMessage("the street name")],
      ["city", "invalid_characters", refusedMessage("the city or town")],
    ],
  );

  // The address form refuses it too, says why for each field, and keeps what was typed, as text.
  await page.goto(`${world.portal.url}/persons/${personId}/address?lang=en`);
  await heading(page, en.address.headingSelf);
  await page.getByLabel(en.address.unitLabel).fill(MARKUP_UNIT);
  await page.getByLabel(en.address.streetNumberLabel).fill("300");
  await page.getByLabel(en.address.streetNameLabel).fill(MARKUP_STREET);
  await page.getByLabel(en.address.cityLabel).fill(MARKUP_CITY);
  await page.getByLabel(en.address.provinceLabel).selectOption("QC");
  await page.getByLabel(en.address.postalCodeLabel).fill("G0L 3S0");
  await page.getByRole("button", { name: en.address.submit }).click();
  await page.getByText(en.common.errorSummaryTitle).waitFor();
  await showsLiterally(page, "address-form-refused", [
    MARKUP_STREET,
    MARKUP_CITY,
    MARKUP_UNIT,
    refusedMessage("the apartment or unit"),
    refusedMessage("the street name"),
    refusedMessage("the city or town"),
  ]);

  // A street typed as a spreadsheet formula is refused at input.
  await page.getByLabel(en.address.unitLabel).fill("");
  await page.getByLabel(en.address.cityLabel).fill(CITY);
  await page.getByLabel(en.address.streetNameLabel).fill("=1+1");
  await page.getByRole("button", { name: en.address.submit }).click();
  await page.waitForFunction(
    (message) =>
      document.body.innerText.includes(message) && !document.body.innerText.includes("apartment or unit using"),
    refusedMessage("the street name"),
  );
  assert.equal(await page.getByLabel(en.address.streetNameLabel).inputValue(), "=1+1");
  const stored = (await page.evaluate((id) => fetch(`/api/persons/${id}`).then((r) => r.json()), personId)) as {
    address: unknown;
  };
  assert.equal(stored.address, null, "nothing was saved by the refused attempts");

  // What an address can hold, & ' ( ) # / included, is saved and shown as typed.
  await page.getByLabel(en.address.unitLabel).fill(UNIT);
  await page.getByLabel(en.address.streetNameLabel).fill(STREET);
  await page.getByRole("button", { name: en.address.submit }).click();
  await heading(page, en.home.heading);
  await page.goto(`${world.portal.url}/persons/${personId}/address?lang=en`);
  await heading(page, en.address.headingSelf);
  await showsLiterally(page, "address-form", [STREET, CITY, UNIT]);

  await uploadPhotoFromPage(page, personId, world.photoFile);

  await page.goto(`${world.portal.url}/persons/${personId}/check-answers?lang=en`);
  await heading(page, en.checkAnswers.headingSelf);
  // (Your own check-your-answers page names no one: the address is what it shows.)
  await showsLiterally(page, "check-your-answers", [STREET, CITY, UNIT]);
  await page.getByLabel(en.checkAnswers.declarationLabel).check();
  await page.getByRole("button", { name: en.checkAnswers.submit }).click();
  await heading(page, en.submitted.heading);

  // An officer made by the admin command, signed in with password and TOTP through the API the
  // sign-in page uses (the page itself is tested in officer-review), then the queue and the item.
  const officer = await createOfficer(world.portal, "hostile.reviewer@cic.gc.ca", "Rae Reviewer");
  const officerPage = await (await world.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  officerPage.on("dialog", (dialog) => assert.fail(`a dialog opened: ${dialog.message()}`));
  await officerPage.goto(`${world.portal.url}/review?lang=en`);
  await heading(officerPage, en.officer.signIn.heading);
  const signedIn = await post(officerPage, "/review/api/sign-in", {
    email: officer.email,
    password: officer.initialPassword,
    code: await totpCode(officer.secret, Date.now()),
  });
  assert.equal(signedIn.status, 200, JSON.stringify(signedIn.body));
  const chosen = "rae orchard violin autumn";
  assert.equal(
    (await post(officerPage, "/review/api/change-password", { newPassword: chosen, confirmPassword: chosen })).status,
    200,
  );

  await officerPage.goto(`${world.portal.url}/review?lang=en`);
  await heading(officerPage, en.officer.queue.heading);
  await showsLiterally(officerPage, "officer-queue", [GIVEN_NAMES]);
  const queue = (await officerPage.evaluate(() => fetch("/review/api/queue").then((r) => r.json()))) as {
    items: { submissionId: number }[];
  };
  assert.equal(queue.items.length, 1);
  const submissionId = queue.items[0]!.submissionId;
  assert.equal((await post(officerPage, `/review/api/items/${submissionId}/claim`, {})).status, 200);
  await officerPage.goto(`${world.portal.url}/review/items/${submissionId}?lang=en`);
  await officerPage.getByRole("heading", { level: 1 }).waitFor();
  await showsLiterally(officerPage, "officer-item", [GIVEN_NAMES, STREET, CITY, UNIT]);
});
