#!/usr/bin/env node
// SCREENSHOT HARNESS: not a test, and not the real server.
//
// Serves the built client (dist/client, SPA fallback to index.html) from a tiny
// Node server on 127.0.0.1 with CANNED /api/* answers, then photographs each
// page with Chromium at phone and desktop widths, in English and French, into
// screenshots/ (git-ignored). It also reports horizontal overflow at 320 px,
// console errors and CSP violations. The API stubs below imitate the contract
// only roughly, for looks; the worker and its tests are the authority.
//
// Usage: node scripts/build-client.mjs && node test/e2e/screenshots.mjs [filter]
//   filter: only shots whose name contains it (e.g. "sign-in"), then no checks;
//           "--checks": only the behaviour checks. SLICES=1 also saves 1:1 slices.
import { createServer } from "node:http";
import { readFile, mkdir, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

if (process.env.NODE_TEST_CONTEXT) {
  // Picked up by `node --test test/e2e/`: this is a tool, not a test.
  process.exit(0);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const distDir = path.join(root, "dist", "client");
const outDir = path.join(root, "screenshots");
const filter = process.argv[2] ?? "";

// ---------- canned API (screenshot stub only) ----------

const text = {
  en: {
    invalidCredentials: "The username or password is not right. Check them and try again.",
    validation: "Some answers need to be corrected.",
    common: "This password is too common or has appeared in a data breach. Choose a different one.",
    resetLinkInvalid:
      "This password reset link does not work. It may have been used already or be more than 1 hour old. Ask for a new link.",
    invitationUsed:
      "This invitation has already been answered. Watch for our email with your account details, or contact us at pr-confirmation-help@cic.gc.ca.",
  },
  fr: {
    invalidCredentials: "Le nom d'utilisateur ou le mot de passe n'est pas exact. Vérifiez-les et réessayez.",
    validation: "Certaines réponses doivent être corrigées.",
    common: "Ce mot de passe est trop courant ou a été divulgué lors d'une fuite de données. Choisissez-en un autre.",
    resetLinkInvalid:
      "Ce lien de réinitialisation ne fonctionne pas. Il a peut-être déjà été utilisé ou date de plus d'une heure. Demandez un nouveau lien.",
    invitationUsed:
      "Vous avez déjà répondu à cette invitation. Surveillez notre courriel contenant les renseignements de votre compte, ou écrivez-nous à pr-confirmation-help@cic.gc.ca.",
  },
};

const invitation = {
  applicationNumber: "E001234567",
  expiresAt: "2026-12-24T23:59:00.000Z",
  persons: [
    { id: 11, givenNames: "Amara", familyName: "Okafor-Tremblay", role: "principal", email: "amara.okafor@example.com", isAdult: true },
    { id: 12, givenNames: "Chidi", familyName: "Okafor-Tremblay", role: "dependant", email: "chidi.okafor@example.com", isAdult: true },
    { id: 13, givenNames: "Ada", familyName: "Okafor-Tremblay", role: "dependant", email: "", isAdult: false },
  ],
};

const session = {
  signedIn: true,
  account: { username: "aokafor7", language: "en", mustSetPassword: false },
  persons: [
    { id: 11, givenNames: "Amara", familyName: "Okafor-Tremblay", role: "principal", isSelf: true },
    { id: 13, givenNames: "Ada", familyName: "Okafor-Tremblay", role: "dependant", isSelf: false },
  ],
};

async function readJson(req) {
  let body = "";
  for await (const chunk of req) body += chunk;
  try {
    return JSON.parse(body || "{}");
  } catch {
    return {};
  }
}

async function api(req, res, url) {
  const lang = req.headers["accept-language"] === "fr" ? "fr" : "en";
  const t = text[lang];
  const send = (status, payload) => {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
    res.end(payload === undefined ? "" : JSON.stringify(payload));
  };
  const route = `${req.method} ${url.pathname}`;
  const body = req.method === "POST" ? await readJson(req) : {};
  if (route === "GET /api/session") return send(200, session);
  if (route === "POST /api/auth/sign-in") {
    return send(401, { error: { code: "invalid_credentials", message: t.invalidCredentials } });
  }
  if (route === "POST /api/auth/reset-password") {
    if (body.token === "expired") return send(400, { error: { code: "reset_link_invalid", message: t.resetLinkInvalid } });
  }
  if (route === "POST /api/auth/set-password" || route === "POST /api/auth/reset-password") {
    if (typeof body.newPassword === "string" && body.newPassword.startsWith("correct horse")) return send(200, { ok: true });
    return send(422, {
      error: { code: "validation_failed", message: t.validation, fields: [{ field: "newPassword", code: "common", message: t.common }] },
    });
  }
  if (route === "POST /api/auth/sign-out") return send(204);
  if (route === "POST /api/auth/forgot-password") return send(202, { ok: true });
  if (route === "GET /api/invitations/abc") return send(200, invitation);
  if (route === "GET /api/invitations/used")
    return send(410, { error: { code: "invitation_used", message: t.invitationUsed } });
  if (route === "POST /api/invitations/abc") {
    const answer = body;
    const outcome = !answer.usePortal ? "declined" : answer.inCanada ? "accepted" : "not_in_canada";
    return send(200, { outcome, accounts: outcome === "accepted" ? 1 + (answer.separateAccounts?.length ?? 0) : 0 });
  }
  return send(404, { error: { code: "not_found", message: "Not found" } });
}

// ---------- static files with SPA fallback ----------

const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8" };
// Close to what the worker will send, so an inline script or style would show up as a violation here.
const csp =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
  "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

async function serveStatic(res, url) {
  let file = path.join(distDir, path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, ""));
  const isFile = await stat(file).then((s) => s.isFile(), () => false);
  if (!isFile || !file.startsWith(distDir)) file = path.join(distDir, "index.html");
  const body = await readFile(file);
  res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream", "content-security-policy": csp });
  res.end(body);
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const handler = url.pathname.startsWith("/api/") ? api(req, res, url) : serveStatic(res, url);
  handler.catch((error) => {
    console.error(error);
    res.writeHead(500);
    res.end();
  });
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const address = server.address();
const origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

// ---------- the shots ----------

/** @type {{ name: string, path: string, act?: (page: import("playwright-core").Page, lang: string) => Promise<void> }[]} */
const allShots = [
  { name: "info", path: "/" },
  { name: "sign-in", path: "/sign-in" },
  {
    name: "sign-in-empty-submit",
    path: "/sign-in",
    act: async (page) => {
      await page.locator("form button[type=submit]").click();
      await page.locator(".error-summary").waitFor();
    },
  },
  {
    name: "sign-in-wrong-password",
    path: "/sign-in",
    act: async (page) => {
      await page.fill("#username", "aokafor7");
      await page.fill("#password", "not the right one");
      await page.locator("form button[type=submit]").click();
      await page.locator(".error-summary").waitFor();
    },
  },
  { name: "set-password", path: "/set-password" },
  {
    name: "set-password-errors",
    path: "/set-password",
    act: async (page) => {
      await page.fill("#new-password", "short one");
      await page.locator("form button[type=submit]").click();
      await page.locator(".error-summary").waitFor();
    },
  },
  { name: "forgot-password", path: "/forgot-password" },
  {
    name: "forgot-password-sent",
    path: "/forgot-password",
    act: async (page) => {
      await page.fill("#email", "amara.okafor@example.com");
      await page.locator("form button[type=submit]").click();
      await page.locator(".panel").waitFor();
    },
  },
  { name: "reset-password", path: "/reset-password/tok123" },
  {
    name: "reset-password-done",
    path: "/reset-password/tok123",
    act: async (page) => {
      await page.fill("#new-password", "correct horse battery staple");
      await page.fill("#confirm-password", "correct horse battery staple");
      await page.locator("form button[type=submit]").click();
      await page.locator(".panel").waitFor();
    },
  },
  {
    name: "reset-password-invalid",
    path: "/reset-password/expired",
    act: async (page) => {
      await page.fill("#new-password", "correct horse battery staple");
      await page.fill("#confirm-password", "correct horse battery staple");
      await page.locator("form button[type=submit]").click();
      await page.locator(".panel").waitFor();
    },
  },
  { name: "invitation", path: "/invitation/abc" },
  {
    name: "invitation-yes-yes",
    path: "/invitation/abc",
    act: async (page) => {
      await page.locator("#use-portal-yes").check();
      await page.locator("#in-canada-yes").check();
      await page.locator("#separate-12").check();
      await page.fill("#email-11", "");
      await page.fill("#email-12", "chidi.okafor@");
      await page.locator("form button[type=submit]").click();
      await page.locator(".error-summary").waitFor();
    },
  },
  {
    name: "invitation-accepted",
    path: "/invitation/abc",
    act: async (page) => {
      await page.locator("#use-portal-yes").check();
      await page.locator("#in-canada-yes").check();
      await page.fill("#email-13", "ada.okafor@example.com");
      await page.locator("#separate-12").check();
      await page.locator("form button[type=submit]").click();
      await page.locator(".panel").waitFor();
    },
  },
  { name: "invitation-used", path: "/invitation/used" },
  { name: "home", path: "/home" },
  { name: "not-found", path: "/no-such-page" },
];

// `--checks`: behaviour checks only, no pictures.
const shots = filter === "--checks" ? [] : allShots;

const viewports = [
  { label: "phone", width: 375, height: 812 },
  { label: "desktop", width: 1280, height: 900 },
];

await mkdir(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
  ],
});

const problems = [];
let count = 0;
try {
  for (const lang of ["en", "fr"]) {
    for (const viewport of viewports) {
      const context = await browser.newContext({
        viewport: { width: viewport.width, height: viewport.height },
        locale: lang === "fr" ? "fr-CA" : "en-CA",
        deviceScaleFactor: 1,
      });
      for (const shot of shots) {
        if (filter && !shot.name.includes(filter)) continue;
        const page = await context.newPage();
        const where = `${shot.name} ${lang} ${viewport.label}`;
        page.on("console", (message) => {
          // The browser logs every 4xx fetch; the stubs answer some on purpose.
          if (message.text().startsWith("Failed to load resource: the server responded with a status of 4")) return;
          if (message.type() === "error" || message.type() === "warning") problems.push(`${where}: console ${message.type()}: ${message.text()}`);
        });
        page.on("pageerror", (error) => problems.push(`${where}: page error: ${error.message}`));
        await page.goto(`${origin}${shot.path}?lang=${lang}`, { waitUntil: "networkidle" });
        await page.locator("h1").first().waitFor();
        if (shot.act) await shot.act(page, lang);
        await page.waitForTimeout(150);
        const file = path.join(outDir, `${shot.name}-${lang}-${viewport.label}.png`);
        await page.screenshot({ path: file, fullPage: true });
        count++;
        if (process.env.SLICES) {
          // Viewport-sized pieces of the full page, for reading details at 1:1.
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          await mkdir(path.join(outDir, "slices"), { recursive: true });
          for (let y = 0, i = 1; y < height; y += viewport.height, i++) {
            const clip = { x: 0, y, width: viewport.width, height: Math.min(viewport.height, height - y) };
            await page.screenshot({ path: path.join(outDir, "slices", `${shot.name}-${lang}-${viewport.label}-${i}.png`), fullPage: true, clip });
          }
        }
        if (viewport.label === "phone") {
          // WCAG 1.4.10 reflow: nothing may scroll sideways at 320 CSS px.
          await page.setViewportSize({ width: 320, height: 640 });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          if (overflow > 0) problems.push(`${where}: horizontal overflow of ${overflow}px at 320px wide`);
        }
        const htmlLang = await page.evaluate(() => document.documentElement.lang);
        if (htmlLang !== lang) problems.push(`${where}: <html lang="${htmlLang}">`);
        await page.close();
      }
      await context.close();
    }
  }

  // A few behaviour checks the pictures cannot show.
  if (!filter || filter === "--checks") await runChecks(browser, problems);
} finally {
  await browser.close();
  server.close();
}

/** Language switch in place, focus after navigation, error summary links, headers sent. */
async function runChecks(browser, problems) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-CA" });
  const page = await context.newPage();
  let checked = 0;
  const check = (ok, what) => {
    checked++;
    if (!ok) problems.push(`check failed: ${what}`);
  };
  const active = () => page.evaluate(() => `${document.activeElement?.tagName}#${document.activeElement?.id ?? ""}`);

  // Language from navigator.language when there is no ?lang= and nothing stored.
  const frContext = await browser.newContext({ locale: "fr-CA" });
  const frPage = await frContext.newPage();
  await frPage.goto(`${origin}/sign-in`, { waitUntil: "networkidle" });
  check((await frPage.evaluate(() => document.documentElement.lang)) === "fr", "fr-CA browser gets French");
  check(new URL(frPage.url()).searchParams.get("lang") === "fr", "?lang=fr added to the URL");
  await frContext.close();

  // Following a link: client-side, focus on the new <h1>, ?lang= kept.
  await page.goto(`${origin}/?lang=en`, { waitUntil: "networkidle" });
  await page.locator("main a.button").first().click();
  await page.locator("#username").waitFor();
  check(new URL(page.url()).pathname === "/sign-in", "link goes to /sign-in");
  check((await active()) === "H1#", `focus on <h1> after navigation (was ${await active()})`);
  check((await page.title()).startsWith("Sign in - "), `title after navigation (was "${await page.title()}")`);

  // Switching language keeps what was typed, and the page.
  await page.fill("#username", "typed-before-switch");
  await page.locator("#password").fill("secret words here");
  await page.locator("button.language-toggle").click();
  check((await page.locator("label[for=username]").textContent()) === "Nom d'utilisateur", "label translated in place");
  check((await page.inputValue("#username")) === "typed-before-switch", "username kept across language switch");
  check((await page.inputValue("#password")) === "secret words here", "password kept across language switch");
  check(new URL(page.url()).searchParams.get("lang") === "fr", "?lang=fr after switch");
  check((await page.evaluate(() => document.documentElement.lang)) === "fr", "<html lang=fr> after switch");
  check((await page.title()).startsWith("Se connecter - "), "French title after switch");
  check((await page.evaluate(() => localStorage.getItem("lang"))) === "fr", "choice stored");
  check((await page.locator("button.language-toggle").getAttribute("lang")) === "en", "toggle has lang=en on French pages");

  // Accept-Language follows the page language; the POST is JSON.
  const request = page.waitForRequest("**/api/auth/sign-in");
  await page.locator("form button[type=submit]").click();
  const sent = await request;
  check(sent.headers()["accept-language"] === "fr", "Accept-Language: fr");
  check(sent.headers()["content-type"] === "application/json", "Content-Type: application/json");
  await page.locator(".error-summary").waitFor();
  check((await active()) === "DIV#", "error summary takes focus");
  check((await page.title()).startsWith("Erreur"), "title starts with Erreur after a failed submit");

  // Error summary links move to their field.
  await page.fill("#username", "");
  await page.fill("#password", "");
  await page.locator("form button[type=submit]").click();
  await page.locator(".error-summary a").nth(1).click();
  check((await active()) === "INPUT#password", "summary link focuses its field");
  check((await page.locator("#password").getAttribute("aria-describedby")) === "password-error", "aria-describedby to the inline error");
  check((await page.locator("#password").getAttribute("aria-invalid")) === "true", "aria-invalid on the field");

  // Back button returns to the information page.
  await page.goBack();
  await page.locator("nav.toc").waitFor();
  check(new URL(page.url()).pathname === "/", "back goes to /");

  // Invitation answers survive a language switch.
  await page.goto(`${origin}/invitation/abc?lang=en`, { waitUntil: "networkidle" });
  await page.locator("#use-portal-yes").check();
  await page.locator("#in-canada-yes").check();
  await page.fill("#email-11", "changed@example.com");
  await page.locator("button.language-toggle").click();
  check(await page.locator("#use-portal-yes").isChecked(), "radio kept across language switch");
  check((await page.inputValue("#email-11")) === "changed@example.com", "email kept across language switch");

  // Sign out: POST, then /sign-in with a notice.
  await page.goto(`${origin}/home?lang=en`, { waitUntil: "networkidle" });
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.locator(".notice--success").waitFor();
  check(new URL(page.url()).pathname === "/sign-in", "sign out goes to /sign-in");

  await context.close();
  console.log(`checks: ${checked} run`);
}

console.log(`screenshots: ${count} PNGs in ${path.relative(process.cwd(), outDir) || "."}/`);
if (problems.length > 0) {
  console.log(`screenshots: ${problems.length} problem(s):`);
  for (const problem of problems) console.log(`  - ${problem}`);
  process.exitCode = 1;
}
