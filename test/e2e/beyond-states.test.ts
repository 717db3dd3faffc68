// Issue 17's pages in the states its journey (e2e/beyond-journey) does not pass through, each checked
// with axe (WCAG 2.2 AA tags), <html lang>, one <h1> and no sideways overflow at phone and desktop
// widths, in English and in French (checkPage). One portal with REPRESENTATIVE_ACCESS on, one
// browser; the states are made through the API the pages use, and what cannot be made that way
// (a history in the past) is written straight into the local D1:
//   - another way: /another-way (form, errors, sent), the invitation page's and the photo page's
//     request (open, sent), the photo exception (form, errors, the photo sent with a note);
//   - officers: the follow-up list of requests (open, contacted, appointment set, photo received by
//     mail), the queue flagging items past their standard and photos sent with a note, the decision
//     page with the applicant's explanation, with a representative and an address history, its own
//     follow-up (the form's error, opened), the metrics' service standards;
//   - an e-CoPR correction waiting, refused (the officer's missing reason, the refusal, the decided
//     list, the person's page with the answer);
//   - the status page's service clock past its standard and for requests not answered yet, and
//     /transparency with figures.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { promisify } from "node:util";
import { execFile } from "node:child_process";
import type { Page } from "playwright-core";
import { en } from "../../client/i18n/en.ts";
import { fr } from "../../client/i18n/fr.ts";
import type { Messages } from "../../client/i18n/index.ts";
import { serviceHistorySql } from "../../scripts/lib/service-history.mjs";
import {
  type Applicant,
  heading,
  newApplicant,
  selfId,
  signInFirstTime,
  uploadPhotoFromPage,
} from "./support/applicant.ts";
import { journeySteps } from "./support/journey-steps.ts";
import { type Officer, createOfficer } from "./support/officer.ts";
import { exec, root } from "./support/portal.ts";
import { journeyWorld } from "./support/world.ts";

type Lang = "en" | "fr";

const world = journeyWorld({ REPRESENTATIVE_ACCESS: "on" });
const steps = journeySteps(world, "beyond-states");
const LANGS = [
  { lang: "en" as const, m: en as Messages },
  { lang: "fr" as const, m: fr as Messages },
];
const FIXTURES = path.join(root, "test/fixtures/photos");
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));

/** What the tests share, made in the order they run (the browser's contexts close with it). */
const state = {
  officer: undefined as unknown as Officer,
  officerPage: undefined as unknown as Page,
  /** The invitation principals who asked for another way (by language), not signed in. */
  invited: {} as Record<Lang, string>,
  /** Submitted, e-CoPR issued, a representative invited, the address changed. */
  principal: { page: undefined as unknown as Page, id: 0, name: "" },
  /** Sent a photo with a note, asked for another way from the photo page. */
  exception: { page: undefined as unknown as Page, id: 0, name: "" },
};

async function newPage(): Promise<Page> {
  return (await steps.newContext()).newPage();
}

/** A JSON request from the page's session, as the pages make it; returns the status and answer. */
async function api(page: Page, method: "GET" | "POST", url: string, body?: unknown) {
  return page.evaluate(
    async ([method, url, body]) => {
      const response = await fetch(url, {
        method,
        headers: body === undefined ? {} : { "Content-Type": "application/json" },
        body: body === undefined ? undefined : body,
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    [method, url, body === undefined ? undefined : JSON.stringify(body)] as const,
  );
}

async function apiOk(page: Page, method: "GET" | "POST", url: string, body?: unknown) {
  const answer = await api(page, method, url, body);
  assert.ok(answer.status < 300, `${method} ${url}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Runs SQL on the portal's local D1 (a history in the past cannot be made through the API). */
async function sql(statements: string) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "pr-beyond-states-")), "seed.sql");
  writeFileSync(file, statements);
  const wrangler = path.join(root, "node_modules", ".bin", "wrangler");
  await exec(wrangler, [
    "d1",
    "execute",
    "DB",
    "--local",
    "--persist-to",
    world.portal.stateDir,
    "--file",
    file,
    "--yes",
  ]);
}

/** Imports and invites a principal, leaving the invitation unanswered; returns its link's token. */
async function openInvitation(application: string, uci: number, email: string, lang: Lang, given: string) {
  const dir = mkdtempSync(path.join(tmpdir(), "pr-beyond-states-"));
  const csv = path.join(dir, "applicant.csv");
  writeFileSync(
    csv,
    `application_number,uci,role,given_names,family_name,date_of_birth,email,language\n${application},${uci},principal,${given},Lavoie,1987-03-09,${email},${lang}\n`,
  );
  await world.portal.admin("import", csv);
  await world.portal.admin("invite", "--application", application);
  const isInvitation = (x: { kind: string }) => x.kind === "invitation";
  const invitation = (await world.portal.mailboxWhen(email, (all) => all.some(isInvitation))).find(isInvitation);
  assert.ok(invitation, `an invitation to ${email}`);
  return /#token=([A-Za-z0-9_-]+)/.exec(invitation.text)![1]!;
}

/** Fills and sends an "another way" form inside `scope`, then waits for its answer. */
async function askAnotherWay(page: Page, m: Messages, scope: string, kind: "paper" | "mailed_photo", email?: string) {
  const t = m.anotherWay.form;
  const form = page.locator(scope);
  if (email) await form.getByLabel(t.emailLabel).fill(email);
  await form.getByRole("group", { name: t.kindLegend }).getByLabel(t.kinds[kind]).check();
  await form.getByLabel(t.reasonLabel).fill("I cannot take a photo at home.");
  await form.getByRole("button", { name: t.submit }).click();
  await page.getByRole("heading", { level: 2, name: t.sentHeading }).waitFor();
}

/** A signed-in applicant with their own password, alone on their application. */
async function signedIn(
  opts: Parameters<typeof newApplicant>[1],
): Promise<{ page: Page; id: number; applicant: Applicant }> {
  const applicant = await newApplicant(world.portal, opts);
  const page = await newPage();
  await signInFirstTime(page, world.portal, en as unknown as typeof en, "en", applicant);
  return { page, id: await selfId(page), applicant };
}

const ADDRESS = {
  streetNumber: "300",
  streetName: "Rue Saint-Paul",
  city: "Montréal",
  province: "QC",
  postalCode: "H2Y 1H2",
};

describe("issue 17's other states pass axe at phone and desktop widths, in English and French", () => {
  test("another way, signed out: /another-way (form, errors, sent) and the invitation page's request", {
    timeout: 600_000,
  }, async () => {
    const page = await newPage();
    for (const { lang, m } of LANGS) {
      const t = m.anotherWay;
      await page.goto(`${world.portal.url}/another-way?lang=${lang}`);
      await heading(page, t.page.heading);
      await steps.checkPage(page, "another-way", lang);
      await page.locator("main").getByRole("button", { name: t.form.submit }).click();
      await page.getByText(m.common.errorSummaryTitle).waitFor();
      await steps.checkPage(page, "another-way-errors", lang);
      await askAnotherWay(page, m, "main", "paper", `nobody.${lang}@example.com`);
      await steps.checkPage(page, "another-way-sent", lang);

      // The invitation page's "Cannot use the portal?", for someone who has not answered.
      const given = lang === "en" ? "Oren" : "Élodie";
      const token = await openInvitation(
        lang === "en" ? "E000980001" : "E000980002",
        lang === "en" ? 9_800_000_010 : 9_800_000_020,
        `invited.${lang}@demo.test`,
        lang,
        given,
      );
      state.invited[lang] = `${given} Lavoie`;
      await page.goto("about:blank");
      await page.goto(`${world.portal.url}/invitation?lang=${lang}#token=${token}`);
      await heading(page, m.invitation.heading);
      await page.getByText(t.invitationSummary).click();
      await page.locator(".another-way-details").getByLabel(t.form.reasonLabel).waitFor();
      await steps.checkPage(page, "invitation-another-way", lang);
      await askAnotherWay(page, m, ".another-way-details", "mailed_photo");
      await steps.checkPage(page, "invitation-another-way-sent", lang);
    }
  });

  test("a submitted person with an e-CoPR: the officer's decision page with a representative and the address history, a correction waiting and refused", {
    timeout: 900_000,
  }, async () => {
    state.officer = await createOfficer(world.portal, "states@cic.gc.ca", "Dana Superviseure", true);
    state.officerPage = await newPage();
    await steps.officerFirstSignIn(state.officerPage, en, "en", state.officer, false);
    const officer = state.officerPage;

    const { page, id } = await signedIn({
      application: "E000980003",
      uci: 9_800_000_030,
      email: "principal.states@demo.test",
      language: "en",
      givenNames: "Noor",
    });
    state.principal = { page, id, name: "Noor Tremblay" };
    await apiOk(page, "POST", "/api/representatives/invite", {
      name: "Sam Conseil",
      email: "sam.states@consult.example",
      kind: "consultant",
      licenceBody: "cicc",
      licenceNumber: "R512345",
      language: "fr",
    });
    await apiOk(page, "POST", `/api/persons/${id}/presence`, { confirm: true });
    await apiOk(page, "POST", `/api/persons/${id}/address`, ADDRESS);
    await uploadPhotoFromPage(page, id, world.photoFile);
    await apiOk(page, "POST", `/api/persons/${id}/submit`, { declarationConfirmed: true });
    await apiOk(page, "POST", `/api/persons/${id}/address-change`, {
      ...ADDRESS,
      streetNumber: "1200",
      streetName: "Boulevard Robert-Bourassa",
      postalCode: "H3B 3A7",
    });

    // The decision page: the representative who follows the file and the dated addresses.
    const queue = (await apiOk(officer, "GET", "/review/api/queue?filter=all")) as {
      items: { submissionId: number; person: { id: number } }[];
    };
    const item = queue.items.find((i) => i.person.id === id);
    assert.ok(item, "the submission is in the queue");
    await apiOk(officer, "POST", `/review/api/items/${item.submissionId}/claim`, {});
    for (const { lang } of LANGS) {
      await officer.goto(`${world.portal.url}/review/items/${item.submissionId}?lang=${lang}`);
      await officer.locator("#representatives-heading").waitFor();
      await officer.getByText("Sam Conseil").first().waitFor();
      await officer.getByText("Boulevard Robert-Bourassa").first().waitFor();
      await steps.checkPage(officer, "officer-item-representative-addresses", lang);
    }
    await apiOk(officer, "POST", `/review/api/items/${item.submissionId}/accept`, {});
    await apiOk(officer, "POST", `/review/api/persons/${id}/confirm-pr`, {});

    // A report waiting for an officer.
    const sent = await page.evaluate(async (personId) => {
      const form = new FormData();
      form.set("field", "given_names");
      form.set("correctValue", "Noora");
      return (await fetch(`/api/persons/${personId}/ecopr-corrections`, { method: "POST", body: form })).status;
    }, id);
    assert.equal(sent, 201);
    for (const { lang, m } of LANGS) {
      await page.goto(`${world.portal.url}/persons/${id}/ecopr-correction?lang=${lang}`);
      await heading(page, m.ecoprCorrection.headingSelf);
      await page.getByText(m.ecoprCorrection.pendingHeading).first().waitFor();
      await steps.checkPage(page, "ecopr-correction-pending", lang);
    }

    // The officer: a refusal without its reason, then with it.
    for (const { lang, m } of LANGS) {
      const t = m.officer.corrections;
      await officer.goto(`${world.portal.url}/review/corrections/${id}?lang=${lang}`);
      await heading(officer, fill(t.personHeading, { name: state.principal.name }));
      await officer.getByRole("button", { name: t.refuse }).click();
      await officer.getByText(m.common.errorSummaryTitle).waitFor();
      await steps.checkPage(officer, "correction-reason-missing", lang);
    }
    await officer.getByLabel(fr.officer.corrections.reasonLabel).fill("The name matches your passport.");
    await officer.getByRole("button", { name: fr.officer.corrections.refuse }).click();
    await officer.getByText(fr.officer.corrections.refused).first().waitFor();
    await steps.checkPage(officer, "correction-refused", "fr");
    for (const { lang, m } of LANGS) {
      const t = m.officer.corrections;
      await officer.goto(`${world.portal.url}/review/corrections?status=decided&lang=${lang}`);
      await heading(officer, t.heading);
      await officer.getByRole("link", { name: state.principal.name }).waitFor();
      await steps.checkPage(officer, "corrections-decided", lang);
      await officer.goto(`${world.portal.url}/review/corrections/${id}?lang=${lang}`);
      await heading(officer, fill(t.personHeading, { name: state.principal.name }));
      await officer.getByText(t.decisions.refused).first().waitFor();
      await steps.checkPage(officer, "correction-decided", lang);
      // The person's page with the answer and the officer's reason.
      await page.goto(`${world.portal.url}/persons/${id}/ecopr-correction?lang=${lang}`);
      await heading(page, m.ecoprCorrection.headingSelf);
      await page.getByText("The name matches your passport.").waitFor();
      await steps.checkPage(page, "ecopr-correction-refused", lang);
    }
  });

  test("the photo page: another way (open, sent), a refused photo's exception (form, errors), the photo sent with a note", {
    timeout: 900_000,
  }, async () => {
    if (!existsSync(path.join(FIXTURES, "smiling.jpg")))
      await promisify(execFile)(
        process.execPath,
        ["--import", "tsx", path.join(root, "scripts/fixtures/generate-photos.ts")],
        { cwd: root },
      );
    const { page, id } = await signedIn({
      application: "E000980004",
      uci: 9_800_000_040,
      email: "exception.states@demo.test",
      language: "fr",
      givenNames: "Yusuf",
    });
    state.exception = { page, id, name: "Yusuf Tremblay" };
    for (const { lang, m } of LANGS) {
      await page.goto(`${world.portal.url}/persons/${id}/photo?lang=${lang}`);
      await heading(page, m.photo.headingSelf);
      await page.getByText(m.anotherWay.photoSummary).click();
      await page.locator(".another-way-details").getByLabel(m.anotherWay.form.reasonLabel).waitFor();
      await steps.checkPage(page, "photo-another-way", lang);
      await askAnotherWay(page, m, ".another-way-details", "mailed_photo");
      await steps.checkPage(page, "photo-another-way-sent", lang);
    }
    // A smile: refused for mouth_closed only, a rule a note can explain.
    for (const { lang, m } of LANGS) {
      const t = m.anotherWay.exception;
      await page.goto(`${world.portal.url}/persons/${id}/photo?lang=${lang}`);
      await heading(page, m.photo.headingSelf);
      await page.locator("#photo-file").setInputFiles(path.join(FIXTURES, "smiling.jpg"));
      await page.locator('.photo-editor__summary[data-state="done"]').waitFor({ timeout: 90_000 });
      await page.getByRole("button", { name: m.photo.applyAndUpload }).click();
      await page.getByRole("heading", { name: t.heading }).waitFor({ timeout: 90_000 });
      await steps.checkPage(page, "photo-exception", lang);
      await page.getByRole("button", { name: t.submit }).click();
      await page.getByText(t.errors.explanationRequired).first().waitFor();
      await steps.checkPage(page, "photo-exception-errors", lang);
    }
    // Sent with a note (from the French page, where the last form stands), then seen in both languages.
    const t = fr.anotherWay.exception;
    await page.getByRole("group", { name: t.reasonLegend }).getByLabel(t.reasons.religious).check();
    await page.getByLabel(t.explanationLabel).fill("Je souris toujours un peu : c'est ma paralysie faciale.");
    await page.getByRole("button", { name: t.submit }).click();
    await page.getByText(t.sentText).waitFor({ timeout: 60_000 });
    for (const { lang, m } of LANGS) {
      await page.goto(`${world.portal.url}/persons/${id}/photo?lang=${lang}`);
      await page.getByText(m.anotherWay.exception.sentText).waitFor();
      await steps.checkPage(page, "photo-with-note", lang);
    }
    await apiOk(page, "POST", `/api/persons/${id}/presence`, { confirm: true });
    await apiOk(page, "POST", `/api/persons/${id}/address`, ADDRESS);
    await apiOk(page, "POST", `/api/persons/${id}/submit`, { declarationConfirmed: true });
    // The status page's clock for the requests not answered yet.
    for (const { lang, m } of LANGS) {
      const aim = m.status.clock.aim.another_way;
      await page.goto(`${world.portal.url}/persons/${id}/status?lang=${lang}`);
      await heading(page, m.status.titleSelf);
      await page
        .getByText(aim.slice(0, aim.indexOf("{")).trim())
        .first()
        .waitFor();
      await steps.checkPage(page, "status-clock-another-way", lang);
    }
  });

  test("service standards: the status page's clock past its standard, /transparency with figures, the flagged queue, the metrics", {
    timeout: 900_000,
  }, async () => {
    const waiting = await newApplicant(world.portal, {
      application: "E000980005",
      uci: 9_800_000_050,
      email: "waiting.states@demo.test",
      language: "en",
      givenNames: "Ada",
    });
    const page = await newPage();
    await signInFirstTime(page, world.portal, en as unknown as typeof en, "en", waiting);
    const id = await selfId(page);
    await sql(serviceHistorySql({ officerEmail: state.officer.email, username: waiting.username, now: Date.now() }));
    await world.portal.admin("maintenance");
    for (const { lang, m } of LANGS) {
      await page.goto(`${world.portal.url}/persons/${id}/status?lang=${lang}`);
      await heading(page, m.status.titleSelf);
      await page.getByText(m.status.clock.overdue).waitFor();
      await steps.checkPage(page, "status-clock-overdue", lang);
    }
    const visitor = await newPage();
    for (const { lang, m } of LANGS) {
      await visitor.goto(`${world.portal.url}/transparency?lang=${lang}`);
      await heading(visitor, m.transparency.title);
      await visitor.locator("#steps-heading").waitFor();
      // Figures, not only suppressed cells: 30 photo decisions in the window.
      await visitor.locator("main td").filter({ hasText: /\d/ }).first().waitFor();
      await steps.checkPage(visitor, "transparency-figures", lang);
    }
    const officer = state.officerPage;
    for (const { lang, m } of LANGS) {
      await officer.goto(`${world.portal.url}/review?filter=all&lang=${lang}`);
      await heading(officer, m.officer.queue.heading);
      await officer.locator(".tag--overdue").first().waitFor();
      await officer.locator(".tag--exception").first().waitFor();
      await steps.checkPage(officer, "queue-flagged", lang);
      await officer.goto(`${world.portal.url}/review/metrics?lang=${lang}`);
      await officer.locator("#standards-heading").waitFor();
      await steps.checkPage(officer, "metrics-standards", lang);
    }
  });

  test("officers: the decision page with the applicant's explanation, the follow-up list of requests and each outcome", {
    timeout: 900_000,
  }, async () => {
    const officer = state.officerPage;
    const queue = (await apiOk(officer, "GET", "/review/api/queue?filter=all")) as {
      items: { submissionId: number; person: { id: number } }[];
    };
    const item = queue.items.find((i) => i.person.id === state.exception.id);
    assert.ok(item, "the photo sent with a note is in the queue");
    for (const { lang, m } of LANGS) {
      await officer.goto(`${world.portal.url}/review/items/${item.submissionId}?lang=${lang}`);
      await heading(officer, state.exception.name);
      await officer.getByText(m.anotherWay.officer.exceptionHeading).waitFor();
      await steps.checkPage(officer, "officer-item-exception", lang);
      // The decision page's own follow-up: the form's error, in the section's words.
      const p = m.anotherWay.officer.person;
      const follow = officer.locator(".another-way-open");
      await follow.getByRole("button", { name: p.open }).click();
      await follow.getByText(p.noteRequired).first().waitFor();
      await steps.checkPage(officer, "officer-item-follow-up-errors", lang);
    }
    // A follow-up opened by the officer (French), then the page with it (English).
    const p = fr.anotherWay.officer.person;
    await officer.locator("#follow-up-note").fill("Il a écrit : il veut faire les étapes sur papier.");
    await officer.locator(".another-way-open").getByRole("button", { name: p.open }).click();
    await officer.getByText(p.opened).waitFor();
    await steps.checkPage(officer, "officer-item-follow-up-opened", "fr");
    await officer.goto(`${world.portal.url}/review/items/${item.submissionId}?lang=en`);
    await officer.getByText(en.anotherWay.officer.sources.officer).first().waitFor();
    await steps.checkPage(officer, "officer-item-follow-up", "en");
    const requests = (lang: Lang) => `${world.portal.url}/review/follow-up?stage=another_way&lang=${lang}`;
    const request = (name: string) => officer.locator(".another-way-item").filter({ hasText: name });
    for (const { lang } of LANGS) {
      await officer.goto(requests(lang));
      await request(state.invited.en).waitFor();
      await request(state.exception.name).first().waitFor();
      await steps.checkPage(officer, "follow-up-another-way", lang);
    }
    // Each outcome, recorded on the page: contacted (English), appointment set (French), then the
    // scan of a photo received by mail (English); the list keeps what was recorded.
    const outcomes = [
      { lang: "en" as const, m: en, name: state.invited.en, button: en.anotherWay.officer.recordContacted },
      { lang: "fr" as const, m: fr, name: state.invited.fr, button: fr.anotherWay.officer.recordAppointment },
    ];
    for (const { lang, m, name, button } of outcomes) {
      await officer.goto(requests(lang));
      await request(name).getByRole("button", { name: button }).click();
      await officer.getByText(fill(m.anotherWay.officer.recorded, { name })).waitFor();
      await steps.checkPage(officer, `follow-up-${lang === "en" ? "contacted" : "appointment"}`, lang);
    }
    for (const { lang, m } of LANGS) {
      await officer.goto(requests(lang));
      await request(state.invited.en).getByText(m.anotherWay.officer.outcomes.contacted).first().waitFor();
      await steps.checkPage(officer, "follow-up-outcomes", lang);
    }
    await officer.goto(requests("en"));
    const mailed = request(state.invited.en);
    await mailed.getByLabel(en.anotherWay.officer.scanLabel).setInputFiles(world.photoFile);
    await mailed.getByRole("button", { name: en.anotherWay.officer.uploadScan }).click();
    await officer
      .getByText(fill(en.anotherWay.officer.recorded, { name: state.invited.en }))
      .waitFor({ timeout: 60_000 });
    await steps.checkPage(officer, "follow-up-photo-received", "en");
  });
});
