// Automated accessibility checks (axe-core, WCAG 2.0/2.1/2.2 A and AA rules)
// against the real portal in Chromium, in English and in French, at phone
// (375×812) and desktop (1280×900) sizes: public pages, forms with their
// error summaries, and the signed-in task pages. Each page must also have
// <html lang> set to its language, exactly one <h1>, and no sideways
// overflow at phone width. Data is set up through the real paths: admin
// import and invite, the invitation API, the account email and the UI.
// A second test covers the other states: reset-password (valid and invalid
// link), the not-found page, used and expired invitations, a submitted
// person's pages (read-only task pages, status with its service-standard clock,
// confirmation, the address change: form, errors, saved, refused once the card is in
// production), and /transparency before and after the daily job.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { en } from "../../client/i18n/en.ts";
import { fr } from "../../client/i18n/fr.ts";
import { newApplicant, selfId, signInFirstTime } from "./support/applicant.ts";
import { launchChromium } from "./support/chromium.ts";
import { failOnUnexpectedErrors } from "./support/error-watch.ts";
import { AXE, assertAxeClean } from "./support/axe.ts";
import { writeValidPhoto } from "./support/photo-file.ts";
import { type Portal, exec, root, startPortal } from "./support/portal.ts";

failOnUnexpectedErrors();

const SAMPLE = "scripts/admin/samples/approved-applications.csv";
const VIEWPORTS = [
  ["phone", { width: 375, height: 812 }],
  ["desktop", { width: 1280, height: 900 }],
] as const;

const REFLOW_WIDTH = 320;

let portal: Portal;
let browser: Browser;
let username = "";
let temporaryPassword = "";
let secondInvitationToken = "";
let usedInvitationToken = "";
const chosenPassword = "seven quiet maple lanterns glow";

interface MailItem {
  kind: string;
  text: string;
}

/** The newest email of `kind` to `to`, from the dev mailbox (waited for: it may be written after the answer). */
async function mail(to: string, kind: string): Promise<MailItem> {
  const messages = await portal.mailboxWhen(to, (all) => all.some((m) => m.kind === kind));
  const found = messages.find((m) => m.kind === kind);
  assert.ok(found, `a ${kind} email to ${to}`);
  return found;
}

const invitationToken = (text: string) => /\/invitation\?lang=\w+#token=([A-Za-z0-9_-]+)/.exec(text)![1]!;

/** The page's URL in `language`, keeping a `#token=…` fragment last (it is what the emailed links carry). */
const withLanguage = (origin: string, path: string, language: string) => {
  const hash = path.indexOf("#");
  const [before, fragment] = hash === -1 ? [path, ""] : [path.slice(0, hash), path.slice(hash)];
  return `${origin}${before}${before.includes("?") ? "&" : "?"}lang=${language}${fragment}`;
};

before(async () => {
  [portal, browser] = await Promise.all([startPortal(), launchChromium()]);
  await portal.admin("import", SAMPLE);
  await portal.admin("invite", "--application", "E000100001");
  await portal.admin("invite", "--application", "E000100002");

  // Accept the first invitation through the API; the second stays unanswered for its page.
  const token = invitationToken((await mail("amara.okafor@demo.test", "invitation")).text);
  usedInvitationToken = token;
  const accepted = await fetch(`${portal.url}/api/invitations/answer`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ token, usePortal: true, inCanada: true, emails: {}, separateAccounts: [] }),
  });
  assert.equal(accepted.status, 200);
  const account = (await mail("amara.okafor@demo.test", "account_created")).text;
  username = /Username: (\S+)/.exec(account)![1]!;
  temporaryPassword = /Temporary password: (\S+)/.exec(account)![1]!;
  secondInvitationToken = invitationToken((await mail("lucia.fernandez@demo.test", "invitation")).text);
});

after(async () => {
  await browser?.close();
  await portal?.stop();
});

/** Waits until the page has rendered its heading and finished loading. */
async function settled(page: Page) {
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(
    () => document.querySelector("main h1") !== null && document.querySelector(".loading") === null,
    null,
    { timeout: 15_000 },
  );
}

/** axe, <html lang>, one <h1> and (at phone width) no sideways overflow, at both sizes. */
async function check(page: Page, name: string, language: "en" | "fr") {
  await settled(page);
  for (const [label, size] of VIEWPORTS) {
    await page.setViewportSize(size);
    const where = `${name} (${language}, ${label})`;
    assert.equal(await page.getAttribute("html", "lang"), language, `${where}: <html lang>`);
    assert.equal(await page.locator("h1").count(), 1, `${where}: exactly one <h1>`);
    if (label === "phone") {
      // Reflow (WCAG 1.4.10): nothing scrolls sideways at 375 px, nor at 320 CSS px, which is
      // what a 1280 px screen shows at 400% zoom (200% zoom gives 640 px, covered by both).
      for (const width of [REFLOW_WIDTH, size.width]) {
        await page.setViewportSize({ width, height: size.height });
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        assert.ok(overflow <= 0, `${where}: overflows horizontally by ${overflow}px at ${width} px`);
      }
    }
    if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
    await assertAxeClean((fn, values) => page.evaluate(fn, values), where);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Submits the form empty and waits for its error summary. */
async function showErrors(page: Page, submit: string, summaryTitle: string) {
  await page.locator("main").getByRole("button", { name: submit, exact: true }).click();
  await page.getByText(summaryTitle).waitFor({ timeout: 15_000 });
}

const LANGUAGES = [
  { language: "en" as const, m: en },
  { language: "fr" as const, m: fr },
];

describe("accessibility (axe-core, WCAG 2.2 AA rules) in the browser", () => {
  for (const { language, m } of LANGUAGES) {
    test(`public and signed-in pages pass axe at phone and desktop sizes (${language})`, {
      timeout: 180_000,
    }, async () => {
      // The CSP allows scripts only from 'self', so injecting axe needs bypassCSP;
      // this context exists only to run axe (the CSP itself is tested in integration/security-headers).
      const context: BrowserContext = await browser.newContext({
        bypassCSP: true,
        viewport: { width: 1280, height: 900 },
      });
      const page = await context.newPage();
      const go = async (path: string) => {
        // A new document each time: a link differing only in its fragment would otherwise not reload.
        if (path.includes("#")) await page.goto("about:blank");
        await page.goto(withLanguage(portal.url, path, language));
        await settled(page);
      };

      // Public pages.
      await go("/");
      await check(page, "/", language);

      await go("/sign-in");
      await check(page, "/sign-in", language);
      await showErrors(page, m.signIn.submit, m.common.errorSummaryTitle);
      await check(page, "/sign-in with errors", language);

      await go("/forgot-password");
      await check(page, "/forgot-password", language);

      await go("/verify");
      await check(page, "/verify", language);
      await showErrors(page, m.verify.submit, m.common.errorSummaryTitle);
      await check(page, "/verify with errors", language);

      // The photo checks' latest audit (shared/photo/accuracy/accuracy.json), reached from /photo-check.
      await go("/photo-check");
      await page.getByRole("link", { name: m.photoCheck.accuracyLink }).click();
      await page.waitForURL(/\/photo-check\/accuracy\?/);
      await settled(page);
      assert.equal(await page.locator("h1").textContent(), m.photoAccuracy.heading);
      await check(page, "/photo-check/accuracy", language);
      // At 1280 px its tables fit the page: a column heading that would not wrap ("Acceptées avec un
      // avertissement") once pushed the French table's last columns behind a sideways scroll.
      const hidden = await page.$$eval(".table-scroll", (tables) => tables.map((t) => t.scrollWidth - t.clientWidth));
      assert.ok(
        hidden.length > 0 && hidden.every((px) => px <= 0),
        `accuracy tables scroll sideways at 1280 px (${language}): ${hidden.join(", ")} px hidden`,
      );

      // Public figures before the daily job has computed any.
      await go("/transparency");
      await check(page, "/transparency (no figures yet)", language);

      await go(`/invitation#token=${secondInvitationToken}`);
      await check(page, "/invitation", language);
      await showErrors(page, m.invitation.submit, m.common.errorSummaryTitle);
      await check(page, "/invitation with errors", language);

      // Sign in: the first time with the temporary password, then with the chosen one.
      await go("/sign-in");
      await page.getByLabel(m.signIn.usernameLabel).fill(username);
      await page
        .getByLabel(m.signIn.passwordLabel, { exact: true })
        .fill(language === "en" ? temporaryPassword : chosenPassword);
      await page.getByRole("button", { name: m.signIn.submit }).click();
      if (language === "en") {
        await page.getByRole("heading", { level: 1, name: m.setPassword.heading }).waitFor({ timeout: 15_000 });
        await check(page, "/set-password", language);
        await page.getByLabel(m.password.newPasswordLabel, { exact: true }).fill(chosenPassword);
        await page.getByLabel(m.password.confirmPasswordLabel, { exact: true }).fill(chosenPassword);
        await page.getByRole("button", { name: m.setPassword.submit }).click();
      }
      await page.getByRole("heading", { level: 1, name: m.home.heading }).waitFor({ timeout: 15_000 });

      // Signed-in pages.
      await go("/home");
      await check(page, "/home", language);
      const persons = (await page.evaluate(() => fetch("/api/persons").then((r) => r.json()))) as {
        persons: { id: number; isSelf: boolean }[];
      };
      const self = persons.persons.find((p) => p.isSelf);
      assert.ok(self, "the signed-in person");
      const base = `/persons/${self.id}`;

      await go(`${base}/presence`);
      await check(page, "presence", language);
      await showErrors(page, m.presence.submit, m.common.errorSummaryTitle);
      await check(page, "presence with errors", language);

      await go(`${base}/address`);
      await check(page, "address", language);
      await showErrors(page, m.address.submit, m.common.errorSummaryTitle);
      await check(page, "address with errors", language);

      for (const task of ["photo", "check-answers", "status"]) {
        await go(`${base}/${task}`);
        await check(page, task, language);
      }

      await go("/account");
      await check(page, "/account", language);

      await context.close();
    });
  }

  test("reset-password, not-found, used and expired invitations and a submitted person's pages pass axe (en, fr)", {
    timeout: 300_000,
  }, async () => {
    // An invitation left to expire: its date moved into the past in the local database.
    const csv = path.join(tmpdir(), `pr-axe-expired-${process.pid}.csv`);
    writeFileSync(
      csv,
      "application_number,uci,role,given_names,family_name,date_of_birth,email,language\nE000400009,4100000090,principal,Élise,Gagnon,1979-09-30,elise.gagnon@demo.test,fr\n",
    );
    await portal.admin("import", csv);
    await portal.admin("invite", "--application", "E000400009");
    const expiredToken = invitationToken((await mail("elise.gagnon@demo.test", "invitation")).text);
    await exec(path.join(root, "node_modules", ".bin", "wrangler"), [
      "d1",
      "execute",
      "DB",
      "--local",
      "--persist-to",
      portal.stateDir,
      "--command",
      "UPDATE invitations SET expires_at = '2000-01-01T00:00:00.000Z' WHERE application_id = (SELECT id FROM applications WHERE application_number = 'E000400009')",
    ]);

    const context: BrowserContext = await browser.newContext({
      bypassCSP: true,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();

    // A person who has submitted, through the same API the pages use.
    const applicant = await newApplicant(portal, {
      application: "E000400001",
      uci: 4_100_000_010,
      email: "axe.submitted@demo.test",
      language: "en",
    });
    await signInFirstTime(page, portal, en, "en", applicant);
    // A password-reset link for an account whose password was chosen (not temporary).
    const forgot = await fetch(`${portal.url}/api/auth/forgot-password`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: "axe.submitted@demo.test" }),
    });
    assert.equal(forgot.status, 202);
    // The link is written after the answer: mailboxWhen waits for it.
    const reset = (
      await portal.mailboxWhen("axe.submitted@demo.test", (all) => all.some((x) => x.kind === "password_reset_link"))
    ).find((x) => x.kind === "password_reset_link");
    const resetToken = reset ? /\/reset-password\?lang=\w+#token=([A-Za-z0-9_-]+)/.exec(reset.text)![1]! : "";
    assert.ok(resetToken, "a password-reset email");
    const id = await selfId(page);
    const photo = readFileSync(await writeValidPhoto()).toString("base64");
    const base = `/api/persons/${id}`;
    // (Only anonymous functions go into the page: tsx's name helper does not exist there.)
    const post = (url: string, body: unknown) =>
      page.evaluate(
        async ([u, b]) => {
          const response = await fetch(u, { method: "POST", headers: { "Content-Type": "application/json" }, body: b });
          return { status: response.status, body: (await response.json()) as { reference?: string } };
        },
        [url, JSON.stringify(body)] as const,
      );
    assert.equal((await post(`${base}/presence`, { confirm: true })).status, 200);
    assert.equal(
      (
        await post(`${base}/address`, {
          streetNumber: "300",
          streetName: "Rue Saint-Paul",
          city: "Montréal",
          province: "QC",
          postalCode: "H2Y 1H2",
        })
      ).status,
      200,
    );
    const uploaded = await page.evaluate(
      async ([u, data]) => {
        const response = await fetch(u, {
          method: "POST",
          headers: { "Content-Type": "image/jpeg" },
          body: Uint8Array.from(atob(data), (c) => c.charCodeAt(0)),
        });
        return response.status;
      },
      [`${base}/photo`, photo] as const,
    );
    assert.equal(uploaded, 201);
    const submitted = await post(`${base}/submit`, { declarationConfirmed: true });
    assert.equal(submitted.status, 201);
    const reference = submitted.body.reference ?? "";
    assert.match(reference, /^PRC-/);
    // The daily job's public figures: this portal has a handful of people, so every cell reads "fewer than 10".
    await portal.admin("maintenance");

    for (const { language, m } of LANGUAGES) {
      const go = async (url: string) => {
        if (url.includes("#")) await page.goto("about:blank");
        await page.goto(withLanguage(portal.url, url, language));
        await settled(page);
      };
      const pages = `/persons/${id}`;
      for (const task of ["presence", "address", "photo", "check-answers", "status"]) {
        await go(`${pages}/${task}`);
        await check(page, `${task} after submitting`, language);
      }
      await go(`${pages}/submitted?ref=${reference}`);
      await check(page, "submitted", language);
      // Changing the mailing address after submitting (decision 024): the form, its errors, the saved answer.
      await go(`${pages}/address-change`);
      await check(page, "address change", language);
      await page.getByLabel(m.address.streetNameLabel, { exact: true }).fill("");
      await showErrors(page, m.addressChange.submit, m.common.errorSummaryTitle);
      await check(page, "address change with errors", language);
      await page.getByLabel(m.address.streetNameLabel, { exact: true }).fill(`Rue Notre-Dame ${language}`);
      await page.locator("main").getByRole("button", { name: m.addressChange.submit, exact: true }).click();
      await page.getByRole("heading", { level: 1, name: m.addressChange.savedHeading }).waitFor({ timeout: 15_000 });
      await check(page, "address change saved", language);
      await go("/home");
      await check(page, "/home after submitting", language);
      await go("/no-such-page");
      await check(page, "not found", language);
      await go("/transparency");
      await page.locator("#steps-heading").waitFor({ timeout: 15_000 });
      await check(page, "/transparency (figures, cells under 10 suppressed)", language);

      await go(`/reset-password#token=${resetToken}`);
      await check(page, "/reset-password (valid link)", language);
      await showErrors(page, m.resetPassword.submit, m.common.errorSummaryTitle);
      await check(page, "/reset-password with errors", language);
      await go("/reset-password#token=not-a-real-link-0123456789");
      await page.getByLabel(m.password.newPasswordLabel, { exact: true }).fill("another quiet maple lantern");
      await page.getByLabel(m.password.confirmPasswordLabel, { exact: true }).fill("another quiet maple lantern");
      await page.locator("main").getByRole("button", { name: m.resetPassword.submit }).click();
      await page.getByRole("heading", { name: m.resetPassword.invalidHeading }).first().waitFor({ timeout: 15_000 });
      await check(page, "/reset-password (invalid link)", language);
      await go(`/invitation#token=${usedInvitationToken}`);
      await page.getByRole("heading", { level: 1, name: m.invitation.usedHeading }).waitFor({ timeout: 15_000 });
      await check(page, "/invitation (already answered)", language);
      await go(`/invitation#token=${expiredToken}`);
      await page.getByRole("heading", { level: 1, name: m.invitation.expiredHeading }).waitFor({ timeout: 15_000 });
      await check(page, "/invitation (expired)", language);
      // An old emailed link with its token in the path: a clear message, nothing posted.
      await go(`/invitation/${expiredToken}`);
      await page.getByRole("heading", { level: 1, name: m.outdatedLink.heading }).waitFor({ timeout: 15_000 });
      await check(page, "/invitation/<token> (outdated link)", language);
      // The address confirmation page, then its answer for a link that does not exist.
      await go("/confirm-email#token=not-a-real-confirmation-0123456789");
      await page.getByRole("heading", { level: 1, name: m.confirmEmail.heading }).waitFor({ timeout: 15_000 });
      await check(page, "/confirm-email", language);
      await page.locator("main").getByRole("button", { name: m.confirmEmail.submit }).click();
      await page.getByRole("heading", { level: 1, name: m.confirmEmail.notFoundHeading }).waitFor({ timeout: 15_000 });
      await check(page, "/confirm-email (link not found)", language);
    }
    // Once the card is in production the address no longer changes: the page says what to do instead.
    await exec(path.join(root, "node_modules", ".bin", "wrangler"), [
      "d1",
      "execute",
      "DB",
      "--local",
      "--persist-to",
      portal.stateDir,
      "--command",
      `INSERT INTO cards (person_id, production_started_at, updated_at) VALUES (${Number(id)}, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    ]);
    for (const { language, m } of LANGUAGES) {
      await page.goto(withLanguage(portal.url, `/persons/${id}/address-change`, language));
      await page.getByRole("heading", { name: m.addressChange.closedHeading }).waitFor({ timeout: 15_000 });
      await check(page, "address change refused (card in production)", language);
    }
    await context.close();
  });
});
