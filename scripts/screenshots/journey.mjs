#!/usr/bin/env node
// DEV TOOL, not a test: photographs the applicant's confirmation journey (the
// task list, the presence declaration, the address form with errors) against
// the REAL worker, at 375 and 1280 px, in English and French, into
// screenshots/journey/ (git-ignored). It also prints what looks wrong: console
// errors, horizontal overflow, an error summary that did not take focus.
//
// Usage:
//   node scripts/screenshots/journey.mjs                 starts its own portal (temp state, seed-demo), then stops it
//   node scripts/screenshots/journey.mjs --url URL       uses a running portal seeded with `npm run admin -- seed-demo`
//                                                        (it declares presence and saves an address there)
// Chromium: /usr/bin/chromium, or CHROMIUM_PATH.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const outDir = path.join(root, "screenshots", "journey");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const DEMO = { username: "PR-DEMO0001", password: "correct maple snowfall lantern" };
const WIDTHS = [375, 1280];
const LANGS = ["en", "fr"];
const problems = [];

const childEnv = {
  ...process.env,
  PATH: `${path.join(root, "node_modules", ".bin")}${path.delimiter}${process.env.PATH}`,
  WRANGLER_SEND_METRICS: "false",
  FORCE_COLOR: "0",
};

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: childEnv });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(" ")} exited ${code}\n${output}`))));
  });
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** wrangler dev on a temp state directory, migrated and seeded with the demo family. */
async function startPortal() {
  const dir = mkdtempSync(path.join(tmpdir(), "pr-journey-"));
  const state = path.join(dir, "state");
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const envFile = path.join(dir, ".dev.vars");
  const secret = [...crypto.getRandomValues(new Uint8Array(30))].map((b) => b.toString(36).padStart(2, "0")).join("").slice(0, 40);
  writeFileSync(envFile, `ENVIRONMENT=development\nPUBLIC_ORIGIN=${url}\nJWT_SECRET=${secret}\n`);
  await run(bin("wrangler"), ["d1", "migrations", "apply", "DB", "--local", "--persist-to", state]);
  const child = spawn(
    bin("wrangler"),
    ["dev", "--port", String(port), "--ip", "127.0.0.1", "--persist-to", state, "--env-file", envFile, "--show-interactive-dev-session=false"],
    { cwd: root, env: childEnv, stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/session`)).ok) break;
    } catch {}
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the portal did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  await run(bin("tsx"), ["scripts/admin/index.ts", "seed-demo", "--state", state]);
  return {
    url,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 500));
      if (child.exitCode === null) child.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function chromiumPath() {
  for (const candidate of [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  throw new Error("Chromium not found: set CHROMIUM_PATH");
}

// ---------- helpers ----------

async function shot(page, name) {
  const file = path.join(outDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 0) problems.push(`${name}: ${overflow}px of horizontal overflow`);
  console.log(`  ${path.relative(root, file)}`);
}

async function expectSummaryFocused(page, name) {
  await page.locator(".error-summary").waitFor();
  const focused = await page.evaluate(() => document.activeElement?.classList.contains("error-summary") ?? false);
  if (!focused) problems.push(`${name}: the error summary did not take focus`);
}

/** Waits for the page's <h1> (lazy pages load a chunk, then the API). */
async function ready(page) {
  await page.locator("main h1").first().waitFor();
  await page.locator(".loading").waitFor({ state: "detached" }).catch(() => {});
}

async function signIn(page, base) {
  await page.goto(`${base}/sign-in?lang=en`);
  await page.fill("#username", DEMO.username);
  await page.fill("#password", DEMO.password);
  await page.locator("form button[type=submit]").click();
  await page.locator(".task-list").first().waitFor();
}

async function personsOf(page) {
  return page.evaluate(async () => (await (await fetch("/api/persons", { headers: { Accept: "application/json" } })).json()).persons);
}

// ---------- the journey ----------

const args = process.argv.slice(2);
const urlIndex = args.indexOf("--url");
const portal = urlIndex >= 0 ? { url: args[urlIndex + 1].replace(/\/$/, ""), stop: async () => {} } : await startPortal();
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"],
});

/** One signed-in page per width, kept for the whole run. */
async function openPage(width) {
  const context = await browser.newContext({ viewport: { width, height: width < 600 ? 800 : 900 } });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error" && !/status of 4\d\d/.test(message.text())) problems.push(`${width}px console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${width}px page error: ${error.message}`));
  await signIn(page, portal.url);
  return page;
}

try {
  const pages = {};
  for (const width of WIDTHS) pages[width] = await openPage(width);
  const persons = await personsOf(pages[1280]);
  const self = persons.find((p) => p.isSelf);
  const family = persons.find((p) => !p.isSelf);
  const go = async (page, lang, pathname) => {
    await page.goto(`${portal.url}${pathname}?lang=${lang}`);
    await ready(page);
  };

  console.log("Before any task is done:");
  for (const lang of LANGS) {
    for (const width of WIDTHS) {
      const page = pages[width];
      const tag = `${lang}-${width}`;
      await go(page, lang, "/home");
      await shot(page, `01-tasks-${tag}`);

      await go(page, lang, `/persons/${self.id}/presence`);
      await shot(page, `02-presence-self-${tag}`);
      await go(page, lang, `/persons/${family.id}/presence`);
      await page.locator("form button[type=submit]").click(); // unticked: the server's message
      await expectSummaryFocused(page, `presence-unticked-${tag}`);
      await shot(page, `03-presence-family-unticked-${tag}`);

      await go(page, lang, `/persons/${self.id}/address`);
      await shot(page, `04-address-empty-${tag}`);
      await page.locator("form button[type=submit]").click(); // all empty: the client's required checks
      await expectSummaryFocused(page, `address-empty-${tag}`);
      await shot(page, `05-address-required-${tag}`);
      await page.fill("#street-number", "24");
      await page.fill("#street-name", "Sussex Drive");
      await page.fill("#city", "Ottawa");
      await page.selectOption("#province", "QC");
      await page.fill("#postal-code", "K1A 0B1");
      await page.locator("form button[type=submit]").click(); // Quebec with an Ontario code: the server's message
      // The summary is already there (required fields): wait for the server's new message.
      await page.locator(".error-summary", { hasText: "K1A 0B1" }).waitFor();
      await expectSummaryFocused(page, `address-province-${tag}`);
      await shot(page, `06-address-postal-province-${tag}`);
      if ((await page.inputValue("#street-name")) !== "Sussex Drive") problems.push(`address-province-${tag}: typed values were lost`);
    }
  }

  console.log("Doing the tasks:");
  const desktop = pages[1280];
  await go(desktop, "en", `/persons/${self.id}/presence`);
  await desktop.check("#confirm");
  await desktop.locator("form button[type=submit]").click();
  await desktop.locator(".notice--success").waitFor();
  await desktop.locator(".task-list").first().waitFor();
  await shot(desktop, "07-tasks-after-presence-en-1280");

  await go(desktop, "fr", `/persons/${self.id}/address`);
  await desktop.fill("#unit", "4");
  await desktop.fill("#street-number", "24");
  await desktop.fill("#street-name", "promenade Sussex");
  await desktop.fill("#city", "Ottawa");
  await desktop.selectOption("#province", "ON");
  await desktop.fill("#postal-code", "k1a0b1");
  await desktop.check("#same-for-family");
  await desktop.locator("form button[type=submit]").click();
  await desktop.locator(".notice--success").waitFor();
  await desktop.locator(".task-list").first().waitFor();
  await shot(desktop, "08-tasks-after-address-fr-1280");

  console.log("After:");
  for (const lang of LANGS) {
    for (const width of WIDTHS) {
      const page = pages[width];
      const tag = `${lang}-${width}`;
      await go(page, lang, `/persons/${self.id}/presence`);
      await shot(page, `09-presence-declared-${tag}`);
      await go(page, lang, `/persons/${family.id}/address`);
      await shot(page, `10-address-prefilled-${tag}`);
    }
  }
  await go(desktop, "en", "/persons/999999/address");
  await shot(desktop, "11-address-unknown-person-en-1280");
} finally {
  await browser.close();
  await portal.stop();
}

if (problems.length > 0) {
  console.log("\nProblems:");
  for (const problem of problems) console.log(`  - ${problem}`);
  process.exitCode = 1;
} else {
  console.log("\nNo console errors, no horizontal overflow, error summaries focused.");
}
