#!/usr/bin/env node
// DEV TOOL, not a test: photographs the service standards (issue 17 point 4, decision 025) against
// the REAL worker, at 375 and 1280 px, in English and French: /transparency before the daily job
// has run, then with figures (some cells "fewer than 10"), the applicant's status page with its
// clock past the standard, and the officers' queue, follow-up and metrics with the overdue flags.
// It seeds a history of 33 persons straight into the local D1 (times in the past cannot be made
// through the API), runs the maintenance job, and prints what looks wrong.
//
// Usage: node scripts/screenshots/service-standards.mjs [--out DIR]   (default screenshots/service-standards)
// Chromium: /usr/bin/chromium, or CHROMIUM_PATH.
import { writeFileSync } from "node:fs";
import path from "node:path";
import {
  WIDTHS_375,
  bin,
  newPage,
  report,
  run,
  screenshotArgs,
  shotAndAxe,
  viewport,
  views,
  visit,
  withPortal,
} from "./harness.mjs";
import { OFFICER, d1, openSignedInPage, personsOf, signInOfficer } from "./steps.mjs";

const { outDir } = screenshotArgs("service-standards");

const DAY = 86_400_000;
const q = (text) => `'${String(text).replace(/'/g, "''")}'`;
const iso = (ms) => new Date(ms).toISOString();
const day = (ms) => iso(ms).slice(0, 10);

/** The same history as test/integration/transparency.test.ts, ending now. */
function historySpecs() {
  const quick = [1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2, 3, 4, 5];
  const slow = [30, 31, 32, 33, 34, 35, 36, 37, 38, 39];
  const ecopr = [1, 2, 2, 3, 3, 3, 4, 4, 5, 6, 8, 12, 30, 35];
  const produced = [5, 6, 7, 7, 8, 9, 10, 11, 12, 13, 14, 20];
  const mailed = [1, 1, 2, 2, 3, 3, 4, 20];
  const specs = [];
  for (let i = 0; i < 16; i++)
    specs.push({
      submittedDaysAgo: 60 + quick[i],
      verdict: i < 14 ? "pass" : "warn",
      decision: { afterDays: quick[i], outcome: "photo_accepted" },
      confirmedAfterDays: ecopr[i],
      producedAfterDays: produced[i],
      mailedAfterDays: mailed[i],
    });
  const returned = [...quick.slice(16), ...slow];
  for (let j = 0; j < 14; j++)
    specs.push({
      submittedDaysAgo: 60 + returned[j],
      verdict: j < 3 ? "pass" : "warn",
      decision: {
        afterDays: returned[j],
        outcome: "photo_returned",
        reasons: j < 3 ? ["too_dark"] : ["background_not_white"],
      },
    });
  specs.push({ submittedDaysAgo: 40, verdict: "pass" }, { submittedDaysAgo: 0.1, verdict: "warn" });
  return specs;
}

/** SQL for one person's steps; `person` and `account` are SQL expressions naming their rows. */
function stepsSql(spec, key, person, account, now) {
  const officer = `(select id from officers where email = ${q(OFFICER.email)})`;
  const submittedAt = now - spec.submittedDaysAgo * DAY;
  const photoKey = `photos/seeded-${key}`;
  const reference = `PR-S${String(key).padStart(8, "0")}`;
  const submission = `(select id from submissions where reference = ${q(reference)})`;
  const sql = [
    `insert into presence_declarations (person_id, declared_by_account_id, declared_by_person_id, statement_version, declared_on) values (${person}, ${account}, ${person}, '1', ${q(day(submittedAt))});`,
    `insert into photos (person_id, object_key, sha256, format, width, height, byte_size, checks_json, verdict, state) values (${person}, ${q(photoKey)}, ${q("0".repeat(64))}, 'jpeg', 1000, 1400, 200000, '[]', ${q(spec.verdict)}, ${q(spec.decision ? (spec.decision.outcome === "photo_accepted" ? "accepted" : "returned") : "submitted")});`,
    `insert into submissions (person_id, reference, kind, photo_id, declaration_id, address_json, submitted_by_account_id, submitted_at) values (${person}, ${q(reference)}, 'initial', (select id from photos where object_key = ${q(photoKey)}), (select id from presence_declarations where person_id = ${person}), '{}', ${account}, ${q(iso(submittedAt))});`,
  ];
  if (!spec.decision) return sql;
  const decidedAt = submittedAt + spec.decision.afterDays * DAY;
  sql.push(
    `insert into review_decisions (submission_id, officer_id, decision, reasons_json, decided_at) values (${submission}, ${officer}, ${q(spec.decision.outcome)}, ${q(JSON.stringify(spec.decision.reasons ?? []))}, ${q(iso(decidedAt))});`,
  );
  if (spec.decision.outcome !== "photo_accepted") return sql;
  if (spec.confirmedAfterDays !== undefined) {
    const at = iso(decidedAt + spec.confirmedAfterDays * DAY);
    sql.push(
      `insert into review_decisions (submission_id, officer_id, decision, reasons_json, decided_at) values (${submission}, ${officer}, 'pr_confirmed', '[]', ${q(at)});`,
      `insert into documents (person_id, kind, object_key, verification_code, issued_by_officer_id, issued_at) values (${person}, 'ecopr', ${q(`documents/seeded-${key}`)}, ${q(`SEED${key}`)}, ${officer}, ${q(at)});`,
    );
  }
  if (spec.producedAfterDays !== undefined) {
    const producedAt = decidedAt + spec.producedAfterDays * DAY;
    const mailedAt = spec.mailedAfterDays === undefined ? null : producedAt + spec.mailedAfterDays * DAY;
    sql.push(
      `insert into cards (person_id, produced_at, mailed_at, mailed_recorded_at, updated_at) values (${person}, ${q(day(producedAt))}, ${mailedAt === null ? "null" : q(day(mailedAt))}, ${mailedAt === null ? "null" : q(iso(mailedAt))}, ${q(iso(mailedAt ?? producedAt))});`,
    );
  }
  return sql;
}

function seedSql(now) {
  const sql = [`update officers set role = 'supervisor' where email = ${q(OFFICER.email)};`];
  historySpecs().forEach((spec, i) => {
    const key = 1000 + i;
    const number = `S${String(key).padStart(9, "0")}`;
    const uci = String(9_000_000_000 + key);
    const person = `(select id from persons where uci = ${q(uci)})`;
    const account = `(select id from accounts where username = ${q(`PR-SEED${key}`)})`;
    sql.push(
      `insert into applications (application_number) values (${q(number)});`,
      `insert into persons (application_id, uci, role, given_names, family_name, date_of_birth, email, language, search_key) values ((select id from applications where application_number = ${q(number)}), ${q(uci)}, 'principal', 'Seeded', ${q(`Person${key}`)}, '1985-02-03', ${q(`seeded${key}@example.com`)}, 'en', ${q(`seeded person${key}`)});`,
      `insert into accounts (username, person_id, email, language, password_hash) values (${q(`PR-SEED${key}`)}, ${person}, ${q(`seeded${key}@example.com`)}, 'en', 'not-a-hash');`,
      ...stepsSql(spec, key, person, account, now),
    );
  });
  // The demo principal: documents submitted 20 days ago, still waiting for the photo review.
  const demoAccount = `(select id from accounts where username = 'PR-DEMO0001')`;
  const demoPerson = `(select person_id from accounts where username = 'PR-DEMO0001')`;
  sql.push(...stepsSql({ submittedDaysAgo: 20, verdict: "pass" }, 1, demoPerson, demoAccount, now));
  return sql.join("\n");
}

await withPortal({}, async ({ portal, browser }) => {
  const publicPage = await newPage(browser, 1280, { axe: true });
  console.log("Transparency, before the daily job:");
  for (const { width, lang, tag } of views(WIDTHS_375, { langFirst: true })) {
    await publicPage.setViewportSize(viewport(width));
    await visit(publicPage, `${portal.url}/transparency?lang=${lang}`);
    await publicPage.locator(".notice").waitFor();
    await shotAndAxe(publicPage, `01-transparency-none-${tag}`);
  }

  const sqlFile = path.join(outDir, "seed.sql");
  writeFileSync(sqlFile, seedSql(Date.now()));
  await d1(portal.state, ["--file", sqlFile, "--yes"]);
  await run(bin("tsx"), ["scripts/admin/index.ts", "maintenance", "--state", portal.state]);

  console.log("Transparency, with figures:");
  for (const { width, lang, tag } of views(WIDTHS_375, { langFirst: true })) {
    await publicPage.setViewportSize(viewport(width));
    await visit(publicPage, `${portal.url}/transparency?lang=${lang}`);
    await publicPage.locator("#steps-heading").waitFor();
    await shotAndAxe(publicPage, `02-transparency-figures-${tag}`);
  }

  console.log("Status page with its clock:");
  const pages = {};
  for (const width of WIDTHS_375) pages[width] = await openSignedInPage(browser, portal.url, width, { axe: true });
  const self = (await personsOf(pages[1280])).find((p) => p.isSelf);
  for (const { width, lang, tag } of views(WIDTHS_375)) {
    await visit(pages[width], `${portal.url}/persons/${self.id}/status?lang=${lang}`);
    await pages[width].locator(".status-clocks").waitFor();
    await shotAndAxe(pages[width], `03-status-clock-${tag}`);
  }

  console.log("Officers:");
  // One sign-in: a TOTP code works once, so each width reuses the same session.
  const page = await newPage(browser, 1280, { axe: true, label: "officer" });
  await signInOfficer(page, portal.url);
  for (const { width, lang, tag } of views(WIDTHS_375)) {
    await page.setViewportSize(viewport(width));
    await visit(page, `${portal.url}/review?lang=${lang}`);
    await page.locator(".tag--overdue").first().waitFor();
    await shotAndAxe(page, `04-queue-overdue-${tag}`);
    await visit(page, `${portal.url}/review/follow-up?stage=confirm&lang=${lang}`);
    await shotAndAxe(page, `05-follow-up-${tag}`);
    await visit(page, `${portal.url}/review/metrics?lang=${lang}`);
    await page.locator("#standards-heading").waitFor();
    await shotAndAxe(page, `06-metrics-${tag}`);
  }
});
report();
