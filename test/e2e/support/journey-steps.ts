// The steps browser journeys share: an axe-checked page at phone and desktop widths, an officer's
// sign-in with the authenticator's code, the applicant's way to a submission, and claiming a
// submission from the review queue. Made per test file for its world (portal, browser, photo),
// which its `before` hook fills; the steps read it when they run.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
import type { en } from "../../../client/i18n/en.ts";
import type { Messages } from "../../../client/i18n/index.ts";
import { totpCode } from "../../../worker/lib/officer-totp.ts";
import { type Applicant, heading, overflow, selfId, signInFirstTime, uploadPhotoFromPage } from "./applicant.ts";
import { AXE, assertAxeClean } from "./axe.ts";
import { saveScreenshot } from "./screenshots.ts";
import type { Officer } from "./officer.ts";
import type { Portal } from "./portal.ts";

type Lang = "en" | "fr";

const VIEWPORTS = [
  ["phone", { width: 375, height: 812 }],
  ["desktop", { width: 1280, height: 900 }],
] as const;

/** A message's text up to a placeholder whose value the test does not know (a formatted time). */
export const before = (template: string, placeholder: string) =>
  template.slice(0, template.indexOf(placeholder)).trim();

/** The text of the PDF as a reader gets it (unpdf: PDF.js, through the embedded font's ToUnicode map). */
export async function pdfText(pdf: Buffer): Promise<string> {
  return (await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })).text;
}

interface World {
  portal: Portal;
  browser: import("playwright-core").Browser;
  photoFile: string;
}

/** The shared steps for one test file; `shotPrefix` names its screenshots (screenshots/<prefix>-<page>-<lang>-<width>.png). */
export function journeySteps(world: World, shotPrefix: string) {
  /**
   * A context for axe: the CSP allows scripts only from 'self', so injecting
   * axe needs bypassCSP (the CSP itself is tested in integration/security-headers).
   */
  const newContext = () =>
    world.browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, acceptDownloads: true });

  /** Waits for the page to settle, then axe, <html lang>, one <h1>, no sideways overflow, and screenshots (E2E_SCREENSHOTS=1), at both sizes. */
  async function checkPage(page: Page, name: string, lang: Lang) {
    await page.waitForLoadState("networkidle");
    await page.waitForFunction(
      () => document.querySelector("main h1") !== null && document.querySelector(".loading") === null,
      null,
      { timeout: 15_000 },
    );
    for (const [label, size] of VIEWPORTS) {
      await page.setViewportSize(size);
      const where = `${name} (${lang}, ${label})`;
      assert.equal(await page.getAttribute("html", "lang"), lang, `${where}: <html lang>`);
      assert.equal(await page.locator("h1").count(), 1, `${where}: exactly one <h1>`);
      const sideways = await overflow(page);
      assert.ok(sideways <= 0, `${where}: overflows horizontally by ${sideways}px`);
      if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
      await assertAxeClean((fn, values) => page.evaluate(fn, values), where);
      await saveScreenshot(page, `${shotPrefix}-${name}-${lang}-${label}`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  /** Officer sign-in through the page: email, password and the authenticator's current code. */
  async function officerSignIn(page: Page, m: Messages, officer: Officer, password: string, codeAt = Date.now()) {
    await page.getByLabel(m.officer.signIn.emailLabel).fill(officer.email);
    await page.getByLabel(m.officer.signIn.passwordLabel, { exact: true }).fill(password);
    await page.getByLabel(m.officer.signIn.codeLabel).fill(await totpCode(officer.secret, codeAt));
    await page.getByRole("button", { name: m.officer.signIn.submit }).click();
  }

  /** First sign-in: the one-time initial password must be replaced before the queue opens. */
  async function officerFirstSignIn(page: Page, m: Messages, lang: Lang, officer: Officer, checks: boolean) {
    await page.goto(`${world.portal.url}/review?lang=${lang}`);
    await heading(page, m.officer.signIn.heading);
    if (checks) await checkPage(page, "sign-in", lang);
    await officerSignIn(page, m, officer, officer.initialPassword);
    await heading(page, m.officer.changePassword.heading);
    if (checks) await checkPage(page, "change-password", lang);
    const chosen = `${officer.name.split(" ")[0]!.toLowerCase()} orchard violin autumn`;
    await page.getByLabel(m.password.newPasswordLabel, { exact: true }).fill(chosen);
    await page.getByLabel(m.password.confirmPasswordLabel, { exact: true }).fill(chosen);
    await page.getByRole("button", { name: m.officer.changePassword.submit }).click();
    await heading(page, m.officer.queue.heading);
    return chosen;
  }

  /** The applicant's part up to a submission: presence, address, photo, check your answers, submit. */
  async function applicantSubmits(page: Page, m: Messages, lang: Lang, applicant: Applicant) {
    // The support helper is typed with the English catalogue's literal strings.
    await signInFirstTime(page, world.portal, m as unknown as typeof en, lang, applicant);
    const personId = await selfId(page);
    await applicantCompletes(page, m, lang, personId);
    return personId;
  }

  /** A signed-in applicant's own tasks, on the pages: presence, address, photo, check your answers, submit. */
  async function applicantCompletes(page: Page, m: Messages, lang: Lang, personId: number) {
    await page.goto(`${world.portal.url}/persons/${personId}/presence?lang=${lang}`);
    await heading(page, m.presence.headingSelf);
    await page.getByLabel(m.presence.confirmLabel).check();
    await page.getByRole("button", { name: m.presence.submit }).click();
    await heading(page, m.home.heading);
    await page.goto(`${world.portal.url}/persons/${personId}/address?lang=${lang}`);
    await heading(page, m.address.headingSelf);
    await page.getByLabel(m.address.streetNumberLabel).fill("300");
    await page.getByLabel(m.address.streetNameLabel).fill("Rue Saint-Paul");
    await page.getByLabel(m.address.cityLabel).fill("Montréal");
    await page.getByLabel(m.address.provinceLabel).selectOption("QC");
    await page.getByLabel(m.address.postalCodeLabel).fill("H2Y 1H2");
    await page.getByRole("button", { name: m.address.submit }).click();
    await heading(page, m.home.heading);
    await uploadAndSubmit(page, m, lang, personId);
  }

  /**
   * The applicant uploads a photo from their browser session through the real upload endpoint
   * (acknowledging any warnings), then checks their answers and submits on the page.
   */
  async function uploadAndSubmit(page: Page, m: Messages, lang: Lang, personId: number) {
    await uploadPhotoFromPage(page, personId, world.photoFile);
    await page.goto(`${world.portal.url}/persons/${personId}/check-answers?lang=${lang}`);
    await heading(page, m.checkAnswers.headingSelf);
    await page.getByLabel(m.checkAnswers.declarationLabel).check();
    await page.getByRole("button", { name: m.checkAnswers.submit }).click();
    await heading(page, m.submitted.heading);
  }

  /** Finds the person in the queue by search (and filter), then claims and opens their submission. */
  async function claimFromQueue(page: Page, m: Messages, lang: Lang, name: string, filter: "new" | "resubmitted") {
    await page.goto(`${world.portal.url}/review?lang=${lang}`);
    await heading(page, m.officer.queue.heading);
    await page.getByLabel(m.officer.queue.filterLabel).selectOption(filter);
    await page.getByRole("searchbox", { name: m.officer.queue.searchLabel }).fill(name.split(" ")[0]!);
    await page.getByRole("button", { name: m.officer.queue.apply }).click();
    await page.getByRole("status").filter({ hasText: m.officer.queue.countOne }).waitFor();
    await page.getByRole("button", { name: `${m.officer.queue.claimAndOpen} ${name}` }).click();
    await heading(page, name);
    await page.getByText(before(m.officer.decide.claimedByYou, "{time}")).first().waitFor();
  }

  return {
    newContext,
    checkPage,
    officerSignIn,
    officerFirstSignIn,
    applicantSubmits,
    applicantCompletes,
    uploadAndSubmit,
    claimFromQueue,
  };
}
