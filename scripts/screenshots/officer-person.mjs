// DEV TOOL, part of another-way.mjs: the officers' page of a person who never submitted (decision 028).
// The demo's single applicant (E000100002) is invited and has no account: the queue's search finds
// them among the people who have not submitted, their page says so and offers the follow-up; then
// a mailed photo is recorded there and the photo task shows completed.
import path from "node:path";
import { photosDir, problems, shotAndAxe, viewport, views } from "./harness.mjs";

const NEVER_SUBMITTED = "E000100002";

/** Photographs (and runs axe on) the search and the person's page, 390 and 1280, EN and FR, on a signed-in officer's page. */
export async function officerPersonStates(officer, base) {
  for (const { width, lang, tag } of views()) {
    await officer.setViewportSize(viewport(width));
    await officer.goto(`${base}/review?filter=all&q=${NEVER_SUBMITTED}&lang=${lang}`);
    await officer.locator("#not-submitted-heading").waitFor();
    await shotAndAxe(officer, `18-officer-search-not-submitted-${tag}`);
    await officer.locator("#not-submitted-heading ~ ul a").first().click();
    await officer.locator("#another-way-heading").waitFor();
    if ((await officer.locator(".officer-decisions, #decide-heading").count()) > 0)
      problems.push(`${tag}: a decision is offered on the page of a person who never submitted`);
    await shotAndAxe(officer, `19-officer-person-not-submitted-${tag}`);
  }
  // A mailed photo, on the last view (French, 1280): the follow-up opened on the person's page, the scan
  // through the same checks; the request closes and the photo task shows completed.
  await officer.setViewportSize(viewport(1280));
  await officer.locator("#follow-up-kind").selectOption("mailed_photo");
  await officer.fill("#follow-up-note", "She phoned: she cannot use a computer. Her daughter mailed a studio photo.");
  await officer.locator(".another-way-open button[type=submit]").click();
  await officer.locator("#another-way-heading ~ div .notice--success").waitFor();
  const scan = officer.locator(".another-way-scan input[type=file]").first();
  await scan.waitFor();
  await scan.setInputFiles(path.join(photosDir, "valid.jpg"));
  await officer.locator(".another-way-scan button[type=submit]").first().click();
  await officer.locator(".status--completed").first().waitFor();
  await officer.locator("#tasks-heading").scrollIntoViewIfNeeded();
  await shotAndAxe(officer, "20-officer-person-mailed-photo-fr-1280");
}
