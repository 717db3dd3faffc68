// Issue 17's browser journey, in English and in French, against the real portal in Chromium with
// REPRESENTATIVE_ACCESS on:
//   1. the applicant invites a representative (a lawyer, with the licence);
//   2. the representative confirms their address, signs in with their own account, sees the
//      status, and is refused the declaration;
//   3. the applicant revokes them, which signs them out;
//   4. after submitting, the applicant changes the mailing address;
//   5. after the e-CoPR, the applicant reports an error, an officer accepts it and a new e-CoPR is
//      issued;
//   6. /verify says the first e-CoPR's code was replaced;
//   7. /transparency renders.
// Every new page is checked with axe at phone and desktop widths on the way (checkPage), with the
// states the journey passes through: the account page's section, the invitation's errors, a
// waiting, active and revoked grant and the revoke question, the representative's confirmed address
// and set-password page, the officer's address history, the correction's errors, sent and accepted. The other states (another
// way, a refused correction, figures, flagged queues) are in e2e/beyond-states.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import { en } from "../../client/i18n/en.ts";
import type { Messages } from "../../client/i18n/index.ts";
import { fr } from "../../client/i18n/fr.ts";
import { CORRECTION_FIELD_LABELS } from "../../shared/api/corrections.ts";
import { CHOSEN_PASSWORD, heading, newApplicant, selfId, signInFirstTime } from "./support/applicant.ts";
import { journeySteps, pdfText } from "./support/journey-steps.ts";
import { createOfficer } from "./support/officer.ts";
import { journeyWorld } from "./support/world.ts";

type Lang = "en" | "fr";

const world = journeyWorld({ REPRESENTATIVE_ACCESS: "on" });
const steps = journeySteps(world, "beyond");

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
/** A verification code as the e-CoPR prints it: four groups of four. */
const CODE = /\b[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}\b/g;
/** A reissued e-CoPR names the proof it replaces: "(verification code …)" (decision 027). */
const REPLACED = /\(verification\s+code\s+([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})\)/;

const JOURNEYS = [
  {
    lang: "en" as const,
    m: en,
    application: "E000970001",
    uci: 9_700_000_010,
    given: "Amara",
    lawyer: "Jordan Ellis",
    licence: { body: "lso", number: "P123456" },
    officerName: "Robin Officer",
  },
  {
    lang: "fr" as const,
    m: fr,
    application: "E000970002",
    uci: 9_700_000_020,
    given: "Inès",
    lawyer: "Camille Roy",
    licence: { body: "bq", number: "B-204517" },
    officerName: "Sacha Agente",
  },
];

/** The newest email of a kind to an address, from the dev mailbox. */
async function lastMail(to: string, kind: string): Promise<string> {
  const found = (await world.portal.mailbox(to)).filter((x) => x.kind === kind).at(-1);
  assert.ok(found, `an email "${kind}" to ${to}`);
  return found.text;
}

/** Downloads the e-CoPR from the status page: its own verification code, and the one it replaces, if any. */
async function downloadCode(
  page: Page,
  m: Messages,
  lang: Lang,
  personId: number,
): Promise<{ code: string; replaces: string | undefined }> {
  await page.goto(`${world.portal.url}/persons/${personId}/status?lang=${lang}`);
  await heading(page, m.status.titleSelf);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: m.status.download }).first().click(),
  ]);
  const pdf = readFileSync((await download.path())!);
  const text = await pdfText(pdf);
  const replaces = REPLACED.exec(text)?.[1];
  const code = [...text.matchAll(CODE)].map((match) => match[0]).find((found) => found !== replaces);
  assert.ok(code, "the e-CoPR prints its verification code");
  return { code, replaces };
}

describe("beyond the government portals: representatives, changes, corrections, figures", () => {
  for (const { lang, m, application, uci, given, lawyer, licence, officerName } of JOURNEYS) {
    test(`the whole journey (${lang})`, { timeout: 900_000 }, async () => {
      const url = world.portal.url;
      const email = `beyond.${lang}@demo.test`;
      const lawyerEmail = `lawyer.${lang}@demo.test`;
      const applicant = await newApplicant(world.portal, {
        application,
        uci,
        email,
        language: lang,
        givenNames: given,
      });
      const name = `${given} Tremblay`;
      const contexts: BrowserContext[] = [];
      try {
        const applicantContext = await steps.newContext();
        contexts.push(applicantContext);
        const page = await applicantContext.newPage();
        await signInFirstTime(page, world.portal, m as unknown as typeof en, lang, applicant);
        const personId = await selfId(page);

        // 1. The applicant invites a lawyer, with the licence body and number.
        const r = m.representatives;
        // The account page's section, the way to the representatives page.
        await page.goto(`${url}/account?lang=${lang}`);
        await page.getByRole("heading", { level: 2, name: r.accountSection }).waitFor();
        await steps.checkPage(page, "account-representatives", lang);
        await page.getByRole("link", { name: r.accountLink }).click();
        await heading(page, r.heading);
        await steps.checkPage(page, "representatives", lang);
        // The invitation's errors: nothing given, then a lawyer without the licence.
        await page.getByRole("button", { name: r.invite }).click();
        await page.getByText(m.common.errorSummaryTitle).waitFor();
        await steps.checkPage(page, "representatives-errors", lang);
        await page.getByLabel(r.nameLabel).fill(lawyer);
        await page.getByLabel(r.emailFieldLabel).fill(lawyerEmail);
        await page.getByRole("group", { name: r.kindLegend }).getByLabel(r.kinds.lawyer).check();
        await page.getByRole("button", { name: r.invite }).click();
        await page.locator(".error-summary").getByText(r.errors.licenceNumberRequired).waitFor();
        await steps.checkPage(page, "representatives-licence-errors", lang);
        await page.getByLabel(r.licenceBodyLabel).selectOption(licence.body);
        await page.getByLabel(r.licenceNumberLabel).fill(licence.number);
        await page
          .getByRole("group", { name: r.languageLegend })
          .getByLabel(lang === "en" ? r.languageEnglish : r.languageFrench)
          .check();
        await page.getByRole("button", { name: r.invite }).click();
        await page.getByText(fill(r.invited, { name: lawyer })).waitFor();
        await page.getByText(r.states.waiting, { exact: true }).waitFor();
        await steps.checkPage(page, "representatives-invited", lang);

        // 2. The lawyer confirms the address, signs in with their own account and sees the status.
        const lawyerContext = await steps.newContext();
        contexts.push(lawyerContext);
        const lawyerPage = await lawyerContext.newPage();
        const invitation = await lastMail(lawyerEmail, "representative_invitation");
        // Bilingual: the link of the journey's language.
        const confirmLink = new RegExp(`https?://\\S+/confirm-email\\?lang=${lang}#token=[A-Za-z0-9_-]+`).exec(
          invitation,
        )?.[0];
        assert.ok(confirmLink, "the invitation carries a confirmation link");
        assert.ok(
          !/(Temporary password|Mot de passe temporaire) ?:/.test(invitation),
          "no password before the address is confirmed",
        );
        await lawyerPage.goto(confirmLink.replace(/^https?:\/\/[^/]+/, url));
        await heading(lawyerPage, m.confirmEmail.heading);
        await lawyerPage.getByRole("button", { name: m.confirmEmail.submit }).click();
        await heading(lawyerPage, m.confirmEmail.doneHeading);
        await steps.checkPage(lawyerPage, "representative-confirmed", lang);
        const account = await lastMail(lawyerEmail, "representative_account_created");
        const username = /Username: (\S+)/.exec(account)![1]!;
        const temporary = /Temporary password: (\S+)/.exec(account)![1]!;
        assert.match(username, /^RP-/, "a representative's own username, never the applicant's");
        await lawyerPage.goto(`${url}/sign-in?lang=${lang}`);
        await lawyerPage.getByLabel(m.signIn.usernameLabel).fill(username);
        await lawyerPage.getByLabel(m.signIn.passwordLabel, { exact: true }).fill(temporary);
        await lawyerPage.getByRole("button", { name: m.signIn.submit }).click();
        await heading(lawyerPage, m.setPassword.heading);
        await steps.checkPage(lawyerPage, "representative-set-password", lang);
        const lawyerPassword = `${CHOSEN_PASSWORD} counsel`;
        await lawyerPage.getByLabel(m.password.newPasswordLabel, { exact: true }).fill(lawyerPassword);
        await lawyerPage.getByLabel(m.password.confirmPasswordLabel, { exact: true }).fill(lawyerPassword);
        await lawyerPage.getByRole("button", { name: m.setPassword.submit }).click();
        await heading(lawyerPage, m.representing.heading);
        await steps.checkPage(lawyerPage, "representing", lang);
        await lawyerPage.getByRole("link", { name: fill(m.representing.statusLink, { name }) }).click();
        await heading(lawyerPage, fill(m.representing.personHeading, { name }));
        await lawyerPage.getByText(m.representing.proofNotReady).waitFor();
        await steps.checkPage(lawyerPage, "represented-person", lang);
        // …and is refused the declaration, by name, in the page's language.
        const declared = await lawyerPage.evaluate(
          async ({ personId, lang }) => {
            const response = await fetch(`/api/persons/${personId}/presence`, {
              method: "POST",
              headers: { "Content-Type": "application/json", "Accept-Language": lang },
              body: JSON.stringify({ confirm: true }),
            });
            return { status: response.status, body: (await response.json()) as { error?: { code?: string } } };
          },
          { personId, lang },
        );
        assert.equal(declared.status, 403, JSON.stringify(declared.body));
        assert.equal(declared.body.error?.code, "representative_read_only");
        // The applicant's page lists what the lawyer did.
        await page.reload();
        await page.getByText(r.states.active, { exact: true }).waitFor();
        await page.getByText(r.actions.viewed_person).first().waitFor();
        await steps.checkPage(page, "representatives-active", lang);

        // 3. The applicant revokes the lawyer, whose session ends at once.
        await page.getByRole("button", { name: fill(r.revoke, { name: lawyer }) }).click();
        await page.getByText(fill(r.revokeConfirm, { name: lawyer })).waitFor();
        await steps.checkPage(page, "representatives-revoke-question", lang);
        await page.getByRole("button", { name: r.revokeYes }).click();
        await page.getByText(fill(r.revoked, { name: lawyer })).waitFor();
        await page.getByText(r.states.revoked, { exact: true }).waitFor();
        await steps.checkPage(page, "representatives-revoked", lang);
        await lawyerPage.goto(`${url}/representing?lang=${lang}`);
        await heading(lawyerPage, m.signIn.heading);

        // 4. The applicant submits, then changes the mailing address.
        await steps.applicantCompletes(page, m, lang, personId);
        await page.goto(`${url}/persons/${personId}/status?lang=${lang}`);
        await heading(page, m.status.titleSelf);
        await page.getByRole("link", { name: m.address.changeLink }).click();
        await heading(page, m.addressChange.headingSelf);
        await steps.checkPage(page, "address-change", lang);
        await page.getByLabel(m.address.streetNumberLabel).fill("1200");
        await page.getByLabel(m.address.streetNameLabel).fill("Boulevard Robert-Bourassa");
        await page.getByLabel(m.address.cityLabel).fill("Montréal");
        await page.getByLabel(m.address.provinceLabel).selectOption("QC");
        await page.getByLabel(m.address.postalCodeLabel).fill("H3B 3A7");
        await page.getByRole("button", { name: m.addressChange.submit }).click();
        await heading(page, m.addressChange.savedHeading);
        await page.getByText("Boulevard Robert-Bourassa", { exact: false }).first().waitFor();
        await steps.checkPage(page, "address-changed", lang);

        // 5. An officer accepts the photo and confirms PR status: the e-CoPR is issued.
        const officer = await createOfficer(world.portal, `beyond.${lang}@cic.gc.ca`, officerName, true);
        const officerContext = await steps.newContext();
        contexts.push(officerContext);
        const officerPage = await officerContext.newPage();
        const t = m.officer;
        await steps.officerFirstSignIn(officerPage, m, lang, officer, false);
        await steps.claimFromQueue(officerPage, m, lang, name, "new");
        // The decision page's address history: the changed address and the one submitted, dated.
        await officerPage.locator("#address-heading").waitFor();
        await steps.checkPage(officerPage, "officer-item-address-history", lang);
        // Officers see live grants only (integration/representatives shows a live one on this page):
        // the revoked lawyer is gone from the decision page.
        assert.equal(await officerPage.getByText(lawyer).count(), 0, "a revoked representative is not shown");
        await officerPage.getByRole("button", { name: t.decide.acceptButton }).click();
        await officerPage.getByText(t.decide.acceptedDone).waitFor();
        await officerPage.getByRole("button", { name: t.decide.confirmButton }).click();
        await officerPage.getByText(t.decide.confirmedDone).waitFor();
        const first = await downloadCode(page, m, lang, personId);
        const firstCode = first.code;
        assert.equal(first.replaces, undefined, "the first e-CoPR replaces none");

        // …the applicant reports an error in the given names…
        const c = m.ecoprCorrection;
        await page.getByRole("link", { name: c.reportLink }).first().click();
        await heading(page, c.headingSelf);
        await steps.checkPage(page, "ecopr-correction", lang);
        await page.getByRole("button", { name: c.submit }).click();
        await page.getByText(m.common.errorSummaryTitle).waitFor();
        await steps.checkPage(page, "ecopr-correction-errors", lang);
        const corrected = `${given} Noor`;
        await page
          .getByRole("group", { name: c.fieldLegend })
          .getByLabel(CORRECTION_FIELD_LABELS.given_names[lang])
          .check();
        await page.getByLabel(c.valueLabel).fill(corrected);
        await page.getByRole("button", { name: c.submit }).click();
        await page.getByRole("heading", { level: 2, name: c.sentHeading }).waitFor();
        await steps.checkPage(page, "ecopr-correction-sent", lang);

        // …an officer accepts it from the corrections list, and a new e-CoPR is issued.
        await officerPage.getByRole("link", { name: t.bar.corrections }).click();
        await heading(officerPage, t.corrections.heading);
        await steps.checkPage(officerPage, "corrections", lang);
        await officerPage.getByRole("link", { name }).click();
        await heading(officerPage, fill(t.corrections.personHeading, { name }));
        await officerPage.getByText(corrected).first().waitFor();
        await steps.checkPage(officerPage, "correction", lang);
        await officerPage.getByRole("button", { name: t.corrections.accept }).click();
        await officerPage.getByText(t.corrections.accepted).first().waitFor();
        await steps.checkPage(officerPage, "correction-accepted", lang);
        const second = await downloadCode(page, m, lang, personId);
        const secondCode = second.code;
        assert.equal(second.replaces, firstCode, "the new e-CoPR names the one it replaces");
        // The person's page now answers the report: accepted.
        await page.goto(`${url}/persons/${personId}/ecopr-correction?lang=${lang}`);
        await heading(page, c.headingSelf);
        await page.locator(".correction-history").getByText(c.statuses.accepted).first().waitFor();
        await steps.checkPage(page, "ecopr-correction-accepted", lang);
        assert.notEqual(secondCode, firstCode, "a new e-CoPR, with a code of its own");
        assert.ok((await lastMail(email, "ecopr_correction_accepted")).length > 0);

        // 6. /verify: the first code is genuine but replaced; the new one is in force.
        const v = m.verify;
        await page.goto(`${url}/verify?lang=${lang}`);
        await heading(page, v.heading);
        await page.getByLabel(v.codeLabel).fill(firstCode);
        await page.getByRole("button", { name: v.submit }).click();
        await page.getByText(v.replaced, { exact: true }).first().waitFor();
        const replacedText = (await page.locator("main").innerText()).replace(/\s+/g, " ");
        assert.ok(!replacedText.includes(corrected) && !replacedText.includes("Tremblay"), "never the person's name");
        await steps.checkPage(page, "verify-replaced", lang);
        await page.getByLabel(v.codeLabel).fill(secondCode);
        await page.getByRole("button", { name: v.submit }).click();
        // The answer for the new code, not the first one still on the page.
        await page.getByText(fill(v.resultFor, { code: secondCode })).waitFor();
        await page.getByText(v.genuineHeading).first().waitFor();
        assert.equal(await page.getByText(v.replaced, { exact: true }).count(), 0, "the new code is not replaced");

        // 7. /transparency renders, for anyone.
        const publicContext = await steps.newContext();
        contexts.push(publicContext);
        const publicPage = await publicContext.newPage();
        await publicPage.goto(`${url}/transparency?lang=${lang}`);
        await heading(publicPage, m.transparency.title);
        await steps.checkPage(publicPage, "transparency", lang);
      } finally {
        for (const context of contexts) await context.close();
      }
    });
  }
});
