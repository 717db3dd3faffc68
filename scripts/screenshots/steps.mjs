// What the screenshot scripts do on the portal: sign in (the demo family, the demo officer), set a
// state up through the API the pages use, read the demo mailbox and the local D1.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Secret, TOTP } from "otpauth";
import { bin, newPage, photosDir, run } from "./harness.mjs";

export const DEMO = { username: "PR-DEMO0001", password: "correct maple snowfall lantern" };
/** The demo officer seeded by `seed-demo` (public demo credentials). */
export const OFFICER = {
  email: "officer@demo.test",
  password: "quiet harbour pencil meadow",
  secret: "PR portal demo only!",
};

/** Signs the demo family's principal in and waits for the task list. */
export async function signIn(page, base) {
  await page.goto(`${base}/sign-in?lang=en`);
  await page.fill("#username", DEMO.username);
  await page.fill("#password", DEMO.password);
  await page.locator("form button[type=submit]").click();
  await page.locator(".task-list").first().waitFor();
}

/** The persons the signed-in account acts for, from the task list's answer. */
export async function personsOf(page) {
  return page.evaluate(
    async () => (await (await fetch("/api/persons", { headers: { Accept: "application/json" } })).json()).persons,
  );
}

/** One signed-in page per width, kept for the whole run. */
export async function openSignedInPage(browser, base, width, options) {
  const page = await newPage(browser, width, options);
  await signIn(page, base);
  return page;
}

/** Signs the demo officer in (with a fresh TOTP code: each code works once) and waits for the queue. */
export async function signInOfficer(page, base) {
  await page.goto(`${base}/review/sign-in?lang=en`);
  await page.fill("#officer-email", OFFICER.email);
  await page.fill("#officer-password", OFFICER.password);
  const totp = new TOTP({ secret: Secret.fromUTF8(OFFICER.secret), digits: 6, period: 30 });
  await page.fill("#officer-code", totp.generate());
  await page.locator("form button[type=submit]").click();
  await page.locator(".queue").waitFor();
}

/** The local demo mailbox (newest first), or only the mail to `to`; secrets filled in. */
export async function mails(state, to) {
  const output = await run(bin("tsx"), [
    "scripts/admin/index.ts",
    "mail",
    "--json",
    ...(to ? ["--to", to] : []),
    "--state",
    state,
  ]);
  return JSON.parse(output.slice(output.indexOf("[")));
}

/** `wrangler d1 execute` on the portal's local D1: `["--command", sql]` or `["--file", path, "--yes"]`. */
export function d1(state, args) {
  return run(bin("wrangler"), ["d1", "execute", "DB", "--local", "--persist-to", state, ...args]);
}

/** The rows a query answers in the portal's local D1. */
export async function d1Rows(state, query) {
  const output = await d1(state, ["--json", "--command", query]);
  return JSON.parse(output.slice(output.indexOf("[")))[0].results;
}

/**
 * Declares presence, gives an address, uploads `photo` (a fixture file name) and submits for one
 * person, through the API the pages use; the answers' statuses.
 */
export async function submitThroughApi(page, personId, photo = "valid.jpg") {
  const data = readFileSync(path.join(photosDir, photo)).toString("base64");
  return page.evaluate(
    async ([id, bytes, address]) => {
      const post = (p, body, type = "application/json") =>
        fetch(p, { method: "POST", headers: { "Content-Type": type }, body }).then((r) => r.status);
      return [
        await post(`/api/persons/${id}/presence`, JSON.stringify({ confirm: true })),
        await post(`/api/persons/${id}/address`, JSON.stringify(address)),
        await post(
          `/api/persons/${id}/photo`,
          Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0)),
          "image/jpeg",
        ),
        await post(`/api/persons/${id}/submit`, JSON.stringify({ declarationConfirmed: true })),
      ];
    },
    [personId, data, SUSSEX_DRIVE],
  );
}

/** Uploads `photo` (a fixture file name) for one person through the API the photo page uses; the answer's status. */
export async function uploadPhotoThroughApi(page, personId, photo = "valid.jpg") {
  const data = readFileSync(path.join(photosDir, photo)).toString("base64");
  return page.evaluate(
    ([id, bytes]) =>
      fetch(`/api/persons/${id}/photo`, {
        method: "POST",
        headers: { "Content-Type": "image/jpeg", Accept: "application/json" },
        body: Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0)),
      }).then((r) => r.status),
    [personId, data],
  );
}

/** The address the scripts give through the API. */
export const SUSSEX_DRIVE = {
  streetNumber: "24",
  streetName: "Sussex Drive",
  city: "Ottawa",
  province: "ON",
  postalCode: "K1M 1M4",
};
