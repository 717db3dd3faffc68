// Language in the browser, against the real portal:
// 1. Nothing English reaches a French page from elsewhere: the server's error
//    messages (bad sign-in, a refused address), its field errors, the photo
//    checks of a failing upload through the real route, and dates. Every text
//    a French person can see or hear (text nodes, also visually hidden ones,
//    and alt/aria-label/title/placeholder) outside an element marked with
//    another `lang` is searched for English marker words, and every error the
//    API sent is shown on the page as sent (in French).
// 2. Switching language keeps the person where they were: same address, typed
//    fields and ticked boxes kept, focus still on the switch.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { en } from "../../client/i18n/en.ts";
import { fr } from "../../client/i18n/fr.ts";
import { heading, newApplicant, selfId, signInFirstTime } from "./support/applicant.ts";
import { launchChromium } from "./support/chromium.ts";
import { failOnUnexpectedErrors } from "./support/error-watch.ts";
import { writePhoto } from "./support/photo-file.ts";
import { type Portal, startPortal } from "./support/portal.ts";

failOnUnexpectedErrors();

let portal: Portal;
let browser: Browser;
let failingPhoto: string;

before(async () => {
  [portal, browser, failingPhoto] = await Promise.all([startPortal(), launchChromium(), writePhoto("tooDark")]);
});
after(async () => {
  await browser?.close();
  await portal?.stop();
});

// Words and phrases that only English text would contain (whole words, any case).
const ENGLISH = [
  "the",
  "and",
  "your",
  "you",
  "please",
  "enter",
  "choose",
  "must",
  "there is a problem",
  "error",
  "sign in",
  "submit",
  "password",
  "postal code",
  "photo does not",
  "is not",
  "not right",
  "try again",
  "upload",
  "address",
  "street",
  "requirements",
  "january",
  "february",
  "april",
  "june",
  "july",
  "august",
  "october",
  "november",
  "december",
  "a.m.",
  "p.m.",
];
const englishPattern = new RegExp(
  `(^|[^\\p{L}])(${ENGLISH.map((w) => w.replace(/[.]/g, "\\.")).join("|")})(?=$|[^\\p{L}])`,
  "iu",
);

/**
 * Everything a French reader can see or hear on the page, except what is
 * marked as another language. (A string, not a function: tsx's helpers would
 * not exist inside the page.)
 */
const FRENCH_TEXT = `(() => {
  const outside = (el) => {
    const lang = el.closest("[lang]")?.getAttribute("lang") ?? "";
    return !lang.startsWith("fr") || el.closest("script, style, template, [hidden], [aria-hidden='true']") !== null;
  };
  const parts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (!el || outside(el) || !el.checkVisibility()) continue;
    parts.push(walker.currentNode.textContent ?? "");
  }
  for (const el of document.body.querySelectorAll("[alt], [aria-label], [title], [placeholder]")) {
    if (outside(el)) continue;
    for (const name of ["alt", "aria-label", "title", "placeholder"]) parts.push(el.getAttribute(name) ?? "");
  }
  parts.push(document.title);
  return parts.join(" \\n ").replace(/\\s+/g, " ");
})()`;

const frenchText = (page: Page) => page.evaluate(FRENCH_TEXT) as Promise<string>;

async function assertNoEnglish(page: Page, where: string) {
  const text = await frenchText(page);
  assert.ok(text.length > 200, `${where}: the page has text (${text.length} characters)`);
  const found = englishPattern.exec(text);
  assert.equal(
    found,
    null,
    `${where}: English "${found?.[2]}" in: …${text.slice(Math.max(0, (found?.index ?? 0) - 80), (found?.index ?? 0) + 80)}…`,
  );
}

/**
 * Collects every error message the API sends this page: the ones the page
 * must show (errors, field errors, failed photo checks) and the ones it may
 * leave out (a validation error's general message), which must be French too.
 */
async function apiErrors(page: Page): Promise<{ messages: string[]; heard: string[] }> {
  const messages: string[] = [];
  const heard: string[] = [];
  // Read through a route, not the inspector: Chromium may evict an upload's answer from its cache.
  await page.route("**/api/**", async (route) => {
    // Actions only: a GET's 404 (no photo yet) is how a page learns, not something it shows.
    if (route.request().method() === "GET") return route.fallback();
    // A routed request loses an XHR's file body; uploads are checked by sending the same file again (photoErrors).
    if (route.request().url().endsWith("/photo")) return route.fallback();
    const response = await route.fetch();
    if (response.status() >= 400) {
      const body = (await response.json().catch(() => null)) as {
        error?: { message?: string; fields?: { message?: string }[] };
        checks?: { verdict: string; message: string }[];
      } | null;
      if (body?.error?.message) {
        const fields = (body.error.fields ?? []).flatMap((field) => (field.message ? [field.message] : []));
        // A validation error's general message ("some answers need correcting") gives way to its field messages on the page.
        if (fields.length > 0) heard.push(body.error.message);
        else messages.push(body.error.message);
        messages.push(...fields);
        for (const check of body.checks ?? []) if (check.verdict === "fail") messages.push(check.message);
      }
    }
    await route.fulfill({ response });
  });
  return { messages, heard };
}

/** What the upload route answers to this file in French, sent as the page sends it (the photo is not stored: it fails). */
async function photoErrors(
  page: Page,
  personId: number,
  file: string,
): Promise<{ messages: string[]; heard: string[] }> {
  const base64 = readFileSync(file).toString("base64");
  const body = (await page.evaluate(
    async ([id, data]) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const response = await fetch(`/api/persons/${id}/photo`, {
        method: "POST",
        headers: { "Content-Type": "image/jpeg", "Accept-Language": "fr" },
        body: bytes,
      });
      return response.json();
    },
    [String(personId), base64] as const,
  )) as { error: { message: string }; checks: { verdict: string; message: string }[] };
  return {
    messages: [body.error.message, ...body.checks.filter((c) => c.verdict === "fail").map((c) => c.message)],
    heard: [],
  };
}

/** Each message the API sent is on the page as sent, and none is English. */
async function assertApiErrorsShown(
  page: Page,
  { messages, heard }: { messages: string[]; heard: string[] },
  where: string,
  atLeast: number,
) {
  assert.ok(
    messages.length >= atLeast,
    `${where}: the API sent ${messages.length} error messages, expected at least ${atLeast}: ${JSON.stringify(messages)}`,
  );
  const shown = (await page.locator("main").innerText()).replace(/\s+/g, " ");
  for (const message of messages) {
    assert.ok(shown.includes(message.replace(/\s+/g, " ")), `${where}: the API's "${message}" is shown`);
  }
  for (const message of [...messages, ...heard])
    assert.equal(englishPattern.exec(message), null, `${where}: the API's message is French: "${message}"`);
  messages.length = 0;
  heard.length = 0;
}

describe("language in the browser", () => {
  test("a French journey's error paths show no English, and the API's errors as sent", {
    timeout: 240_000,
  }, async () => {
    const applicant = await newApplicant(portal, {
      application: "E000700001",
      uci: 7_100_000_010,
      email: "samira.fr@demo.test",
      language: "fr",
    });
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: "fr-CA",
      timezoneId: "America/Montreal",
    });
    const page = await context.newPage();
    const errors = await apiErrors(page);

    // A wrong password: the server's form-wide error.
    await page.goto(`${portal.url}/sign-in?lang=fr`);
    await heading(page, fr.signIn.heading);
    await assertNoEnglish(page, "/sign-in");
    await page.getByLabel(fr.signIn.usernameLabel).fill(applicant.username);
    await page.getByLabel(fr.signIn.passwordLabel, { exact: true }).fill("not the password at all");
    await page.getByRole("button", { name: fr.signIn.submit }).click();
    await page.getByText(fr.common.errorSummaryTitle).waitFor({ timeout: 15_000 });
    await assertApiErrorsShown(page, errors, "bad sign-in", 1);
    await page.getByLabel(fr.signIn.passwordLabel, { exact: true }).fill("");
    await assertNoEnglish(page, "/sign-in with a wrong password");

    await signInFirstTime(page, portal, fr, "fr", applicant);
    await assertNoEnglish(page, "/home");
    const personId = await selfId(page);
    const base = `${portal.url}/persons/${personId}`;

    // Presence shows today's date in French.
    await page.goto(`${base}/presence?lang=fr`);
    await heading(page, fr.presence.headingSelf);
    await assertNoEnglish(page, "presence");

    // The address: the client's own checks, then the server's (postal code of another province).
    await page.goto(`${base}/address?lang=fr`);
    await heading(page, fr.address.headingSelf);
    await page.getByRole("button", { name: fr.address.submit }).click();
    await page.getByText(fr.common.errorSummaryTitle).waitFor();
    await assertNoEnglish(page, "address with the client's errors");
    await page.getByLabel(fr.address.streetNumberLabel).fill("300");
    await page.getByLabel(fr.address.streetNameLabel).fill("Rue Saint-Paul");
    await page.getByLabel(fr.address.cityLabel).fill("Montréal");
    await page.getByLabel(fr.address.provinceLabel).selectOption("ON");
    await page.getByLabel(fr.address.postalCodeLabel).fill("h2y1h2");
    await page.getByRole("button", { name: fr.address.submit }).click();
    await page.waitForResponse((r) => r.url().includes("/address") && r.request().method() === "POST");
    await page.getByText(fr.common.errorSummaryTitle).waitFor();
    await assertApiErrorsShown(page, errors, "address refused by the server", 1);
    await assertNoEnglish(page, "address with the server's errors");

    // A photo that fails the checks, through the real upload route.
    await page.goto(`${base}/photo?lang=fr`);
    await heading(page, fr.photo.headingSelf);
    await page.locator("input[type=file]").first().setInputFiles(failingPhoto);
    // The page's upload control: the plain form's Upload button, or the photo editor's apply-and-upload button.
    const uploadNames = [fr.photo.upload, (fr.photo as Record<string, unknown>).applyAndUpload].filter(
      (x): x is string => typeof x === "string",
    );
    await page
      .getByRole("button")
      .filter({ hasText: new RegExp(`^(${uploadNames.join("|")})$`) })
      .first()
      .click();
    await page.waitForResponse((r) => r.url().endsWith("/photo") && r.request().method() === "POST", {
      timeout: 30_000,
    });
    await page.getByText(fr.common.errorSummaryTitle).waitFor();
    await assertApiErrorsShown(page, await photoErrors(page, personId, failingPhoto), "failing photo", 3);
    await assertNoEnglish(page, "photo with failed checks");

    await page.goto(`${portal.url}/account?lang=fr`);
    await page.locator("main h1").waitFor();
    await assertNoEnglish(page, "/account");
    await context.close();
  });

  test("switching language keeps the page, typed fields, ticked boxes and focus", { timeout: 180_000 }, async () => {
    const applicant = await newApplicant(portal, {
      application: "E000700002",
      uci: 7_100_000_020,
      email: "samira.en@demo.test",
      language: "en",
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();

    /** Presses the language switch with the keyboard and waits for the new language's heading. */
    const switchTo = async (lang: "en" | "fr", headingText: string) => {
      await page.locator(".language-toggle").focus();
      await page.keyboard.press("Enter");
      await heading(page, headingText);
      await page.waitForFunction((lang) => document.documentElement.lang === lang, lang, { timeout: 5_000 });
      assert.equal(
        await page.evaluate(() => document.activeElement?.classList.contains("language-toggle")),
        true,
        "focus stays on the language switch",
      );
    };

    // Sign-in: the username typed before switching is still there after.
    await page.goto(`${portal.url}/sign-in?lang=en`);
    await heading(page, en.signIn.heading);
    await page.getByLabel(en.signIn.usernameLabel).fill(applicant.username);
    await page.getByLabel(en.signIn.passwordLabel, { exact: true }).fill(applicant.temporaryPassword);
    await switchTo("fr", fr.signIn.heading);
    assert.equal(new URL(page.url()).pathname, "/sign-in");
    assert.equal(await page.getByLabel(fr.signIn.usernameLabel).inputValue(), applicant.username);
    assert.equal(
      await page.getByLabel(fr.signIn.passwordLabel, { exact: true }).inputValue(),
      applicant.temporaryPassword,
    );
    await switchTo("en", en.signIn.heading);
    assert.equal(await page.getByLabel(en.signIn.usernameLabel).inputValue(), applicant.username);

    await signInFirstTime(page, portal, en, "en", applicant);
    const base = `${portal.url}/persons/${await selfId(page)}`;

    // Presence: the ticked declaration survives the switch.
    await page.goto(`${base}/presence?lang=en`);
    await heading(page, en.presence.headingSelf);
    await page.getByLabel(en.presence.confirmLabel).check();
    await switchTo("fr", fr.presence.headingSelf);
    assert.equal(new URL(page.url()).pathname, new URL(`${base}/presence`).pathname);
    assert.equal(await page.getByLabel(fr.presence.confirmLabel).isChecked(), true);

    // Address: every typed field and the chosen province survive, both ways, and the client's errors follow the language.
    await switchTo("en", en.presence.headingSelf);
    await page.goto(`${base}/address?lang=en`);
    await heading(page, en.address.headingSelf);
    await page.getByLabel(en.address.streetNumberLabel).fill("300");
    await page.getByLabel(en.address.cityLabel).fill("Montréal");
    await page.getByLabel(en.address.provinceLabel).selectOption("QC");
    await page.getByRole("button", { name: en.address.submit }).click();
    await page.getByText(en.common.errorSummaryTitle).waitFor();
    await page.getByLabel(en.address.postalCodeLabel).fill("H2Y 1H2");
    await switchTo("fr", fr.address.headingSelf);
    assert.equal(await page.getByLabel(fr.address.streetNumberLabel).inputValue(), "300");
    assert.equal(await page.getByLabel(fr.address.cityLabel).inputValue(), "Montréal");
    assert.equal(await page.getByLabel(fr.address.provinceLabel).inputValue(), "QC");
    assert.equal(await page.getByLabel(fr.address.postalCodeLabel).inputValue(), "H2Y 1H2");
    await page.getByText(fr.common.errorSummaryTitle).waitFor();
    assert.equal(await page.getByText(en.common.errorSummaryTitle).count(), 0, "the error summary is in French now");
    await switchTo("en", en.address.headingSelf);
    assert.equal(await page.getByLabel(en.address.streetNumberLabel).inputValue(), "300");
    // The kept form still saves.
    await page.getByLabel(en.address.streetNameLabel).fill("Rue Saint-Paul");
    await page.getByRole("button", { name: en.address.submit }).click();
    await heading(page, en.home.heading);
    await context.close();
  });
});
