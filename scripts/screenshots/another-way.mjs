#!/usr/bin/env node
// DEV TOOL, not a test: photographs "another way" and photo exceptions (issue 17 point 5, decision
// 028) against the REAL worker, at 390 and 1280 px, in English and French, and runs axe on each
// state: /another-way (form, errors, sent), the invitation page's "Cannot use the portal?" (open,
// sent), the photo page's "Cannot take a photo?" (open, sent), a refused photo's exception form,
// the stored photo sent with a note; the officers' follow-up list of requests, the decision page
// with the explanation beside the checks, and the metrics; the page of a person who never submitted
// (officer-person.mjs). Prints what looks wrong.
//
// Usage: node scripts/screenshots/another-way.mjs [--out DIR]   (default screenshots/another-way)
// Needs the photo fixtures (npx tsx scripts/fixtures/generate-photos.ts) and a built client.
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  WIDTHS,
  newPage,
  photosDir,
  problems,
  report,
  screenshotArgs,
  shotAndAxe,
  viewport,
  views,
  visit,
  withPortal,
} from "./harness.mjs";
import { SUSSEX_DRIVE, mails, openSignedInPage, personsOf, signInOfficer } from "./steps.mjs";
import { officerPersonStates } from "./officer-person.mjs";

screenshotArgs("another-way");

/** Fills and sends an AnotherWayForm whose ids start with `prefix`. */
async function fillRequest(page, prefix, email) {
  if (email) await page.fill(`#${prefix}-email`, email);
  await page.locator(`#${prefix}-kind-mailed_photo`).check();
  await page.fill(`#${prefix}-reason`, "I cannot take a photo at home.");
  await page.locator(`#${prefix}-reason`).locator("xpath=ancestor::form").locator("button[type=submit]").click();
  await page.locator(`#${prefix}-sent-heading`).waitFor();
}

await withPortal({}, async ({ portal, browser }) => {
  const invitation = (await mails(portal.state)).find((m) => m.kind === "invitation");
  const token = invitation ? /#token=([A-Za-z0-9_-]+)/.exec(invitation.text)?.[1] : undefined;
  if (!token) problems.push("no invitation token in the demo mailbox");

  for (const { width, lang, tag } of views()) {
    const name = (state) => `${state}-${tag}`;
    // Signed out: the sign-in help's page.
    const page = await newPage(browser, width, { axe: true });
    await visit(page, `${portal.url}/another-way?lang=${lang}`);
    await shotAndAxe(page, name("1-another-way-form"));
    await page.locator("main form button[type=submit]").click();
    await page.locator(".error-summary").waitFor();
    await shotAndAxe(page, name("2-another-way-errors"));
    await fillRequest(page, "another-way", "nobody@example.com");
    await shotAndAxe(page, name("3-another-way-sent"));
    // The invitation page's "Cannot use the portal?".
    if (token) {
      await visit(page, `${portal.url}/invitation?lang=${lang}#token=${token}`);
      await page.locator(".another-way-details summary").click();
      await shotAndAxe(page, name("4-invitation-another-way"));
      await fillRequest(page, "invitation-another-way");
      await shotAndAxe(page, name("5-invitation-sent"));
    }
    await page.context().close();
  }

  // Signed in: the photo page.
  const signedIn = {};
  for (const width of WIDTHS) signedIn[width] = await openSignedInPage(browser, portal.url, width, { axe: true });
  const first = signedIn[WIDTHS[0]];
  const family = await personsOf(first);
  const [amara, spouse, child] = family;
  for (const { width, lang, tag } of views()) {
    const page = signedIn[width];
    const name = (state) => `${state}-${tag}`;
    await visit(page, `${portal.url}/persons/${amara.id}/photo?lang=${lang}`);
    await page.locator(".another-way-details summary").click();
    await shotAndAxe(page, name("6-photo-another-way"));
    if (width === 390 && lang === "en") {
      await fillRequest(page, "photo-another-way");
      await shotAndAxe(page, name("7-photo-another-way-sent"));
    }
    // A photo refused for a rule about the head only: the exception form.
    await visit(page, `${portal.url}/persons/${spouse.id}/photo?lang=${lang}`);
    await page.locator("#photo-file").setInputFiles(path.join(photosDir, "tilted.jpg"));
    await page
      .locator('.photo-editor__summary[data-state="done"]')
      .waitFor({ timeout: 60_000 })
      .catch(() => {});
    const apply = page.locator(".photo-upload button", {
      hasText: lang === "en" ? "Use this photo" : "Utiliser cette photo",
    });
    if (await apply.count()) await apply.first().click();
    const reached = await page
      .locator("#exception-heading")
      .waitFor({ timeout: 60_000 })
      .then(
        () => true,
        () => false,
      );
    if (reached) {
      await shotAndAxe(page, name("8-photo-exception-form"));
      await page.locator(".photo-exception button[type=submit]").click();
      await page.locator("#exception-explanation[aria-invalid=true]").waitFor();
      await shotAndAxe(page, name("9-photo-exception-errors"));
    } else problems.push(`${name("8")}: the exception form did not appear`);
  }
  // A photo sent with a note, through the API the form uses; then presence, address, submit.
  const tilted = readFileSync(path.join(photosDir, "tilted.jpg")).toString("base64");
  const statuses = await first.evaluate(
    async ([id, data, address]) => {
      const form = new FormData();
      form.set(
        "photo",
        new Blob([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], { type: "image/jpeg" }),
        "p.jpg",
      );
      form.set("reason", "religious");
      form.set("explanation", "I wear a head covering for my faith. It hides part of my head.");
      const post = (p, body) =>
        fetch(p, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }).then(
          (r) => r.status,
        );
      return [
        await fetch(`/api/persons/${id}/photo/exception`, { method: "POST", body: form }).then((r) => r.status),
        await post(`/api/persons/${id}/presence`, { confirm: true }),
        await post(`/api/persons/${id}/address`, address),
      ];
    },
    [child.id, tilted, SUSSEX_DRIVE],
  );
  if (statuses.some((s) => s >= 400)) problems.push(`the exception photo answered ${statuses.join(", ")}`);
  for (const { width, lang, tag } of views()) {
    const page = signedIn[width];
    await visit(page, `${portal.url}/persons/${child.id}/photo?lang=${lang}`);
    await page.locator("#current-photo-heading").waitFor();
    await shotAndAxe(page, `10-photo-with-note-${tag}`);
  }
  const submitted = await first.evaluate(
    async (id) =>
      fetch(`/api/persons/${id}/submit`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ declarationConfirmed: true }),
      }).then((r) => r.status),
    child.id,
  );
  if (submitted !== 201) problems.push(`submitting the exception photo answered ${submitted}`);

  // Officers.
  const officer = await newPage(browser, 1280, { axe: true });
  await signInOfficer(officer, portal.url);
  const { items } = await officer.evaluate(async () => (await fetch("/review/api/queue")).json());
  const item = items.find((i) => i.person.id === child.id);
  if (!item) problems.push("the exception photo is not in the queue");
  for (const { width, lang, tag } of views()) {
    await officer.setViewportSize(viewport(width));
    await officer.goto(`${portal.url}/review/follow-up?stage=another_way&lang=${lang}`);
    await officer.locator(".another-way-item").first().waitFor();
    await shotAndAxe(officer, `11-officer-requests-${tag}`);
    await officer.goto(`${portal.url}/review?filter=all&lang=${lang}`);
    await officer.locator(".tag--exception").first().waitFor();
    await shotAndAxe(officer, `12-officer-queue-${tag}`);
    if (item) {
      await officer.goto(`${portal.url}/review/items/${item.submissionId}?lang=${lang}`);
      await officer.locator(".officer-exception").waitFor();
      await shotAndAxe(officer, `13-officer-decision-${tag}`);
    }
  }
  // Record "contacted" on the first request, then the list shows it.
  await officer.setViewportSize(viewport(1280));
  await officer.goto(`${portal.url}/review/follow-up?stage=another_way&lang=en`);
  await officer.locator(".another-way-item").first().waitFor();
  await officer.locator(".another-way-item button", { hasText: "Record: contacted" }).first().click();
  await officer.locator(".notice--success").waitFor();
  await shotAndAxe(officer, "14-officer-contacted-en-1280");

  // The request's service standard on the person's status page (decisions 025 and 028): the spouse
  // asks for the paper process, through the API the photo page's form uses; no answer yet.
  const asked = await first.evaluate(
    async (id) =>
      fetch(`/api/persons/${id}/another-way`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ kind: "paper", reason: "I would rather use paper forms." }),
      }).then((r) => r.status),
    spouse.id,
  );
  if (asked !== 202) problems.push(`the spouse's request answered ${asked}`);
  for (const { width, lang, tag } of views()) {
    const page = signedIn[width];
    await visit(page, `${portal.url}/persons/${spouse.id}/status?lang=${lang}`);
    await page.locator(".status-clock").first().waitFor();
    await shotAndAxe(page, `15-status-request-clock-${tag}`);
  }
  // A follow-up an officer opens from the decision page (decision 028): the empty note refused, then
  // opened, and its outcomes offered on the same page.
  if (item) {
    await officer.setViewportSize(viewport(1280));
    await officer.goto(`${portal.url}/review/items/${item.submissionId}?lang=en`);
    await officer.locator("#another-way-heading").waitFor();
    await officer.locator(".another-way-open button[type=submit]").click();
    await officer.locator("#follow-up-note[aria-invalid=true]").waitFor();
    await officer.locator("#another-way-heading").scrollIntoViewIfNeeded();
    await shotAndAxe(officer, "16-officer-follow-up-error-en-1280");
    await officer.fill("#follow-up-note", "He mailed a letter: he has no computer at home.");
    await officer.locator(".another-way-open button[type=submit]").click();
    await officer.locator("#another-way-heading ~ div .notice--success").waitFor();
    for (const { width, lang, tag } of views()) {
      await officer.setViewportSize(viewport(width));
      await officer.goto(`${portal.url}/review/items/${item.submissionId}?lang=${lang}`);
      await officer.locator("#another-way-heading ~ ol .another-way-item").first().waitFor();
      await officer.locator("#another-way-heading").scrollIntoViewIfNeeded();
      await shotAndAxe(officer, `17-officer-decision-follow-up-${tag}`);
    }
  }
  await officerPersonStates(officer, portal.url);
});
report();
