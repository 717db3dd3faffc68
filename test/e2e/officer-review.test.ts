// Issue 5's two-person browser test, in English and in French, against the
// real portal in Chromium: an applicant submits with a photo (uploaded from
// their browser session through the real endpoint); an officer
// (created by the admin command) signs in with password + TOTP, chooses their
// own password, finds the submission in the queue, claims it and returns it
// for glare; the applicant sees the reason, uploads a new photo and
// resubmits; the officer accepts it, confirms PR status and records the card
// produced and mailed; the applicant downloads the e-CoPR (a PDF with their
// name) and sees the card on their timeline. Every officer page is checked
// with axe-core (the same WCAG tags as accessibility.test.ts) at phone and
// desktop sizes, and screenshotted. In English a second, non-supervisor
// officer also meets a claim held by the first (409, explained, what they
// typed kept across a reload), the supervisors-only pages, and signing out
// then back in to the same page.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import { en } from "../../client/i18n/en.ts";
import type { Messages } from "../../client/i18n/index.ts";
import { fr } from "../../client/i18n/fr.ts";
import { catalogs } from "../../shared/api/messages.ts";
import { RETURN_REASONS } from "../../shared/photo/return-reasons.ts";
import { heading, newApplicant } from "./support/applicant.ts";
import { createOfficer } from "./support/officer.ts";
import { before, journeySteps, pdfText } from "./support/journey-steps.ts";
import { journeyWorld } from "./support/world.ts";

type Lang = "en" | "fr";

const world = journeyWorld();

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
const today = () => new Date().toISOString().slice(0, 10);

const { newContext, checkPage, officerSignIn, officerFirstSignIn, applicantSubmits, uploadAndSubmit, claimFromQueue } =
  journeySteps(world, "officer");

/**
 * The decision page puts the decision within reach: the checks that failed or warned first, the
 * passing ones folded into one line that opens, and the Decision beside the photo on a wide
 * screen, right after the photo and its flagged checks on a phone. `format` measures "JPEG".
 */
async function decisionWithinReach(page: Page, m: Messages) {
  const t = m.officer.item;
  const box = (selector: string) =>
    page.locator(selector).evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right };
    });
  // Every check that passed is inside the folded line, closed; the others come before it.
  const passed = page.locator("details.officer-checks__passed");
  assert.equal(await passed.evaluate((d) => (d as HTMLDetailsElement).open), false, "the passing checks start folded");
  const outside = await page
    .locator(".officer-checks > ul [data-verdict]")
    .evaluateAll((items) => items.map((i) => i.getAttribute("data-verdict")));
  assert.ok(!outside.includes("pass"), `only failing and warning checks are listed open: ${outside.join(",")}`);
  assert.deepEqual(
    outside,
    [...outside.filter((v) => v === "fail"), ...outside.filter((v) => v === "warn")],
    "problems before warnings",
  );
  const inside = await passed
    .locator("[data-verdict]")
    .evaluateAll((items) => items.map((i) => i.getAttribute("data-verdict")));
  assert.ok(inside.length > 0 && inside.every((v) => v === "pass"));
  const summary = (await passed.locator("summary").textContent()) ?? "";
  assert.match(summary, new RegExp(`\\b${inside.length}\\b`), `the folded line counts them: ${summary}`);
  await passed.locator("summary").click();
  const spaced = (text: string) => text.replace(/\s+/g, " ").trim();
  const format = spaced(await passed.locator('[data-check="format"]').innerText());
  assert.ok(format.includes(`${spaced(t.measured)} JPEG`), `format measures the type, not the byte count: ${format}`);
  await passed.locator("summary").click();

  await page.setViewportSize({ width: 1280, height: 900 });
  const [photo, decide] = [await box(".officer-item__photo"), await box("#decide-heading")];
  assert.ok(
    decide.left >= photo.right,
    `the decision is beside the photo at 1280 px (${JSON.stringify({ photo, decide })})`,
  );
  assert.ok(decide.top < photo.bottom, "…level with it, not under it");
  assert.ok(decide.top < 1400, `the decision starts ${Math.round(decide.top)} px down at 1280 px`);
  await page.setViewportSize({ width: 360, height: 780 });
  const [phonePhoto, phoneDecide, presence] = [
    await box(".officer-item__photo"),
    await box("#decide-heading"),
    await box("#presence-heading"),
  ];
  assert.ok(
    phoneDecide.top > phonePhoto.bottom && phoneDecide.top < presence.top,
    "on a phone the decision comes after the photo, before the rest",
  );
  assert.ok(
    phoneDecide.top - phonePhoto.bottom < 700,
    `…and close to it (${Math.round(phoneDecide.top - phonePhoto.bottom)} px below the photo)`,
  );
  await page.setViewportSize({ width: 1280, height: 900 });
}

const JOURNEYS = [
  {
    lang: "en" as const,
    m: en,
    application: "E000950001",
    uci: 9_500_000_010,
    given: "Samira",
    officerName: "Dana Supervisor",
  },
  {
    lang: "fr" as const,
    m: fr,
    application: "E000950002",
    uci: 9_500_000_020,
    given: "Élodie",
    officerName: "Luc Superviseur",
  },
];

describe("officers review submissions in the browser, alongside the applicant", () => {
  for (const { lang, m, application, uci, given, officerName } of JOURNEYS) {
    test(`return for glare, resubmission, acceptance, PR confirmed, card mailed (${lang})`, {
      timeout: 600_000,
    }, async () => {
      const t = m.officer;
      const email = `applicant.${lang}@demo.test`;
      const applicant = await newApplicant(world.portal, {
        application,
        uci,
        email,
        language: lang,
        givenNames: given,
      });
      const name = `${given} Tremblay`;
      const supervisor = await createOfficer(world.portal, `supervisor.${lang}@cic.gc.ca`, officerName, true);
      const contexts: BrowserContext[] = [];
      try {
        // The applicant, in their own browser.
        const applicantContext = await newContext();
        contexts.push(applicantContext);
        const applicantPage = await applicantContext.newPage();
        const personId = await applicantSubmits(applicantPage, m, lang, applicant);

        // The officer, in another browser: TOTP sign-in, own password, queue.
        const officerContext = await newContext();
        contexts.push(officerContext);
        const officerPage = await officerContext.newPage();
        await officerFirstSignIn(officerPage, m, lang, supervisor, true);
        await officerPage.getByRole("heading", { level: 2, name }).waitFor();
        await checkPage(officerPage, "queue", lang);
        await claimFromQueue(officerPage, m, lang, name, "new");
        const itemUrl = officerPage.url();
        // The role is a tag of its own after the name, for eyes and screen readers alike
        // ("…Supervisor, Role: Supervisor" with a hidden comma), not "Dana Supervisor Supervisor".
        const who = officerPage.locator(".officer-bar__who");
        const spaced = (text: string) => text.replace(/\s+/g, " ").trim(); // French no-break spaces too
        assert.equal(
          spaced((await who.textContent()) ?? ""),
          spaced(
            `${fill(t.bar.signedInAs, { name: officerName })}, ${fill(t.bar.role, { role: t.bar.roles.supervisor })}`,
          ),
        );
        const tag = await officerPage.locator(".officer-bar__role").evaluate((el) => {
          const style = getComputedStyle(el);
          return {
            background: style.backgroundColor,
            border: style.borderTopStyle,
            margin: Number.parseFloat(style.marginLeft),
          };
        });
        assert.notEqual(tag.background, "rgba(0, 0, 0, 0)", "the role tag has a background of its own");
        assert.equal(tag.border, "solid");
        assert.ok(tag.margin >= 8, "space between the name and the role");
        // The applicant's language is on the decision page, and the note's hint says it is not translated.
        await officerPage.locator(".officer-facts").getByText(t.item.languages[lang], { exact: true }).waitFor();
        await officerPage.getByText(fill(t.decide.noteHint, { language: t.item.languages[lang] })).waitFor();
        // The photo is shown twice (colour and black and white) and actually loads.
        assert.equal(await officerPage.locator("img.photo-viewer__image").count(), 2);
        await officerPage.waitForFunction(() =>
          Array.from(document.querySelectorAll<HTMLImageElement>("img.photo-viewer__image")).every(
            (i) => i.complete && i.naturalWidth > 0,
          ),
        );
        // Zoom by keyboard on the focused photo, and by button.
        await officerPage.getByRole("group", { name: t.viewer.colourFrame }).focus();
        await officerPage.keyboard.press("+");
        await officerPage.getByText(fill(t.viewer.level, { percent: 125 })).waitFor();
        await officerPage.getByRole("button", { name: t.viewer.zoomIn }).click();
        await officerPage.getByText(fill(t.viewer.level, { percent: 156 })).waitFor();
        await officerPage.getByRole("button", { name: t.viewer.reset }).click();
        await officerPage.getByText(fill(t.viewer.level, { percent: 100 })).waitFor();
        // The mouse wheel over a photo zooms it (and not the page).
        await officerPage.getByRole("group", { name: t.viewer.greyscaleFrame }).hover();
        await officerPage.mouse.wheel(0, -100);
        await officerPage.getByText(fill(t.viewer.level, { percent: 125 })).waitFor();
        await officerPage.getByRole("button", { name: t.viewer.reset }).click();
        await officerPage.getByText(fill(before(t.item.declaredByThemself, "{date}"), { name })).waitFor();
        await decisionWithinReach(officerPage, m);
        await checkPage(officerPage, "decision", lang);

        if (lang === "en") await secondOfficerMeetsTheClaim(m, lang, itemUrl, supervisor.name);

        // Returning without a reason is a field error; then glare, with a note.
        await officerPage.getByRole("button", { name: t.decide.returnButton }).click();
        await officerPage.getByRole("group", { name: m.common.errorSummaryTitle }).waitFor();
        await checkPage(officerPage, "decision-error", lang);
        await officerPage.getByLabel(t.reasons.glare).check();
        await officerPage
          .getByLabel(t.decide.noteLabel)
          .fill(lang === "en" ? "Light reflects on your glasses." : "La lumière se reflète sur vos lunettes.");
        await officerPage.getByRole("button", { name: t.decide.returnButton }).click();
        await officerPage.getByText(t.decide.returnedDone).waitFor();
        await officerPage.getByText(t.decide.photoReturned).waitFor();

        // The email gives the reason in the very words the status page shows below (one source).
        const returned = (await world.portal.mailbox(email)).find((x) => x.kind === "photo_returned");
        assert.ok(
          returned?.text.includes(RETURN_REASONS.glare.en) && returned.text.includes(RETURN_REASONS.glare.fr),
          "the email's reason is the shared sentence",
        );

        // The applicant sees the reason on their timeline, uploads a new photo and resubmits.
        await applicantPage.goto(`${world.portal.url}/persons/${personId}/status?lang=${lang}`);
        await heading(applicantPage, m.status.titleSelf);
        // The page's wording is the email's: both read shared/photo/return-reasons.ts.
        await applicantPage.getByText(RETURN_REASONS.glare[lang]).waitFor();
        await uploadAndSubmit(applicantPage, m, lang, personId);

        // The resubmission is flagged in the queue; the officer accepts it, confirms PR and records the card.
        await claimFromQueue(officerPage, m, lang, name, "resubmitted");
        await officerPage.getByText(t.history.resubmitted.split(" (")[0]!).first().waitFor();
        await officerPage.getByText(t.reasons.glare).first().waitFor();
        await officerPage.getByRole("button", { name: t.decide.acceptButton }).click();
        await officerPage.getByText(t.decide.acceptedDone).waitFor();
        // Gone from the queue, the person waits on the follow-up list; its link leads back to the decision page.
        await officerPage.getByRole("link", { name: t.bar.followUp }).click();
        await officerPage.getByRole("link", { name }).waitFor();
        await checkPage(officerPage, "follow-up", lang);
        await officerPage.getByRole("link", { name }).click();
        await officerPage.getByRole("button", { name: t.decide.confirmButton }).click();
        await officerPage.getByText(t.decide.confirmedDone).waitFor();
        await officerPage.getByLabel(t.decide.producedLabel).fill(today());
        await officerPage.getByLabel(t.decide.mailedLabel).fill(today());
        await officerPage.getByRole("button", { name: t.decide.cardButton }).click();
        await officerPage.getByText(t.decide.cardDone).waitFor();
        // A supervisor may correct the recorded mailing date, with a reason; the server's rule still
        // holds (here the photo was accepted today, so yesterday is refused) and its message shows.
        await officerPage.getByText(t.decide.mailedCorrection.summary).click();
        await officerPage.getByRole("button", { name: t.decide.mailedCorrection.button }).click();
        await officerPage.locator(".error-summary").getByText(t.decide.mailedCorrection.reasonRequired).waitFor();
        await officerPage
          .getByLabel(t.decide.mailedCorrection.dateLabel)
          .fill(new Date(Date.now() - 86_400_000).toISOString().slice(0, 10));
        await officerPage
          .getByLabel(t.decide.mailedCorrection.reasonLabel)
          .fill(
            lang === "en"
              ? "The producer's report named the wrong day."
              : "Le rapport du producteur indiquait le mauvais jour.",
          );
        await officerPage.getByRole("button", { name: t.decide.mailedCorrection.button }).click();
        await officerPage
          .locator(".error-summary")
          .getByText(fill(catalogs[lang]["review.cardDateBeforeAcceptance"], { date: today() }))
          .waitFor();
        await checkPage(officerPage, "decision-done", lang);

        // The applicant downloads the e-CoPR (a PDF with their name) and sees the card on the timeline.
        await applicantPage.goto(`${world.portal.url}/persons/${personId}/status?lang=${lang}`);
        await heading(applicantPage, m.status.titleSelf);
        await applicantPage.getByText(m.status.events.cardMailed).first().waitFor();
        await applicantPage.getByText(m.status.events.cardProduced).first().waitFor();
        await applicantPage.getByText(m.status.events.prConfirmed).first().waitFor();
        const [download] = await Promise.all([
          applicantPage.waitForEvent("download"),
          applicantPage.getByRole("link", { name: m.status.download }).click(),
        ]);
        const pdf = readFileSync((await download.path())!);
        assert.equal(pdf.subarray(0, 5).toString("latin1"), "%PDF-");
        assert.match((await pdfText(pdf)).toLowerCase(), /tremblay/);
        const mailKinds = (await world.portal.mailbox(email)).map((x) => x.kind);
        for (const kind of ["photo_returned", "photo_accepted", "card_mailed"])
          assert.ok(
            mailKinds.some((k) => k.includes(kind.split("_")[1]!)),
            `an email about ${kind}: ${mailKinds.join(", ")}`,
          );

        // Supervisors' pages: the audit log shows the decisions; the metrics count them.
        await officerPage.getByRole("link", { name: t.bar.audit }).click();
        await heading(officerPage, t.audit.heading);
        await officerPage.getByText("photo.returned").first().waitFor();
        await officerPage.getByText("photo.accepted").first().waitFor();
        await checkPage(officerPage, "audit", lang);
        await officerPage.getByRole("link", { name: t.bar.metrics }).click();
        await heading(officerPage, t.metrics.heading);
        await officerPage.getByRole("row", { name: new RegExp(t.reasons.glare) }).waitFor();
        await checkPage(officerPage, "metrics", lang);

        // An officer's own password change (issue 14): the page and its error summary pass the same checks.
        await officerPage.getByRole("link", { name: t.bar.password }).click();
        await heading(officerPage, t.password.heading);
        await checkPage(officerPage, "password", lang);
        // The officers' area has its own sign-in: the footer offers no applicant "Sign in" there.
        assert.equal(
          await officerPage
            .getByRole("contentinfo")
            .getByRole("link", { name: m.layout.footerSignIn, exact: true })
            .count(),
          0,
          "no applicant Sign in in the officers' footer",
        );
        await officerPage.getByRole("button", { name: t.password.submit }).click();
        await officerPage.locator(".error-summary").waitFor();
        await checkPage(officerPage, "password-error", lang);

        // Signing out ends the session: the queue now asks to sign in.
        await officerPage.getByRole("button", { name: t.bar.signOut }).click();
        await heading(officerPage, t.signIn.heading);
        await officerPage.getByText(t.signIn.signedOut).waitFor();
        assert.equal(await officerPage.evaluate(() => fetch("/review/api/queue").then((r) => r.status)), 401);
      } finally {
        for (const context of contexts) await context.close();
      }
    });
  }
});

/**
 * A second officer (not a supervisor) opens the item the first one holds:
 * the page says who holds it and until when, and trying to claim it is
 * refused (409) with the holder's name. They cannot open the supervisors'
 * pages, and after signing out, opening the item sends them to sign in and
 * then back to the item.
 */
async function secondOfficerMeetsTheClaim(m: Messages, lang: Lang, itemUrl: string, holder: string) {
  const t = m.officer;
  const officer = await createOfficer(world.portal, "officer.second@cic.gc.ca", "Remy Officer");
  const context = await newContext();
  try {
    const page = await context.newPage();
    const chosen = await officerFirstSignIn(page, m, lang, officer, false);
    await page.goto(itemUrl);
    await page.getByText(fill(before(t.decide.claimedByOther, "{time}"), { name: holder })).waitFor();
    await page.getByRole("button", { name: t.decide.claimWhenFree }).click();
    await page.getByRole("alert").filter({ hasText: holder }).waitFor();
    // A decision without the claim is refused (409), and what was typed stays, even across a reload.
    const note = "Typed before the refusal.";
    await page.getByLabel(t.reasons.too_dark).check();
    await page.getByLabel(t.decide.noteLabel).fill(note);
    await page.getByRole("button", { name: t.decide.returnButton }).click();
    await page.getByRole("alert").filter({ hasText: holder }).waitFor();
    assert.equal(await page.getByLabel(t.decide.noteLabel).inputValue(), note);
    await page.reload();
    await page.getByLabel(t.decide.noteLabel).waitFor();
    assert.equal(await page.getByLabel(t.decide.noteLabel).inputValue(), note);
    assert.ok(await page.getByLabel(t.reasons.too_dark).isChecked());

    await page.goto(`${world.portal.url}/review/audit?lang=${lang}`);
    await heading(page, t.noAccess.title);
    await checkPage(page, "no-access", lang);

    await page.getByRole("button", { name: t.bar.signOut }).click();
    await heading(page, t.signIn.heading);
    await page.goto(itemUrl);
    await heading(page, t.signIn.heading);
    // The next 30-second code: the one used a moment ago cannot be used again.
    await officerSignIn(page, m, officer, chosen, Date.now() + 30_000);
    await page.getByRole("heading", { level: 1, name: /Tremblay/ }).waitFor({ timeout: 20_000 });
    assert.equal(new URL(page.url()).pathname, new URL(itemUrl).pathname);
  } finally {
    await context.close();
  }
}
