// Shared by the screenshot scripts (dev tools, not tests): start a seeded
// portal on a free port with its own state, find Chromium, take a checked
// screenshot, and the small page helpers the journeys use.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const bin = (name) => path.join(root, "node_modules", ".bin", name);
export const DEMO = { username: "PR-DEMO0001", password: "correct maple snowfall lantern" };
export const WIDTHS = [375, 1280];
export const LANGS = ["en", "fr"];
/** What looked wrong, printed by each script at the end. */
export const problems = [];
let outDir = path.join(root, "screenshots");
/** Where `shot` writes (each script has its own folder under screenshots/). */
export function setOutDir(dir) {
  outDir = dir;
}

const childEnv = {
  ...process.env,
  PATH: `${path.join(root, "node_modules", ".bin")}${path.delimiter}${process.env.PATH}`,
  WRANGLER_SEND_METRICS: "false",
  FORCE_COLOR: "0",
};

export function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: childEnv });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(" ")} exited ${code}\n${output}`)),
    );
  });
}

export async function freePort() {
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
/** `vars`: more settings for the portal's .dev.vars (e.g. `{ REPRESENTATIVE_ACCESS: "on" }`). */
export async function startPortal(vars = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), "pr-screenshots-"));
  const state = path.join(dir, "state");
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const envFile = path.join(dir, ".dev.vars");
  const secret = [...crypto.getRandomValues(new Uint8Array(30))]
    .map((b) => b.toString(36).padStart(2, "0"))
    .join("")
    .slice(0, 40);
  const more = Object.entries(vars).map(([name, value]) => `${name}=${value}\n`);
  writeFileSync(envFile, `ENVIRONMENT=development\nPUBLIC_ORIGIN=${url}\nJWT_SECRET=${secret}\n${more.join("")}`);
  await run(bin("wrangler"), ["d1", "migrations", "apply", "DB", "--local", "--persist-to", state]);
  const child = spawn(
    bin("wrangler"),
    [
      "dev",
      "--port",
      String(port),
      "--ip",
      "127.0.0.1",
      "--persist-to",
      state,
      "--env-file",
      envFile,
      "--show-interactive-dev-session=false",
    ],
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
    /** The local D1/R2 state directory (`--persist-to`), for a script that seeds more. */
    state,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 500));
      if (child.exitCode === null) child.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function chromiumPath() {
  for (const candidate of [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  throw new Error("Chromium not found: set CHROMIUM_PATH");
}

// ---------- helpers ----------

export async function shot(page, name) {
  const file = path.join(outDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  if (overflow > 0) problems.push(`${name}: ${overflow}px of horizontal overflow`);
  console.log(`  ${path.relative(root, file)}`);
}

export async function expectSummaryFocused(page, name) {
  await page.locator(".error-summary").waitFor();
  // The summary takes focus in an effect, just after it is painted.
  const focused = await page
    .waitForFunction(() => document.activeElement?.classList.contains("error-summary") ?? false, null, {
      timeout: 2000,
    })
    .then(
      () => true,
      () => false,
    );
  if (!focused) problems.push(`${name}: the error summary did not take focus`);
}

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Screenshot, then axe on the same state; violations become problems. The context needs `bypassCSP: true`. */
export async function shotAndAxe(page, name) {
  await shot(page, name);
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(
    (values) => window.axe.run(document, { runOnly: { type: "tag", values } }),
    AXE_TAGS,
  );
  for (const v of result.violations)
    problems.push(
      `${name}: axe ${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`,
    );
  console.log(`    axe: ${result.violations.length} violations, ${result.passes.length} rules passed`);
}

/** Waits for the page's <h1> (lazy pages load a chunk, then the API). */
export async function ready(page) {
  await page.locator("main h1").first().waitFor();
  await page
    .locator(".loading")
    .waitFor({ state: "detached" })
    .catch(() => {});
}

export async function signIn(page, base) {
  await page.goto(`${base}/sign-in?lang=en`);
  await page.fill("#username", DEMO.username);
  await page.fill("#password", DEMO.password);
  await page.locator("form button[type=submit]").click();
  await page.locator(".task-list").first().waitFor();
}

export async function personsOf(page) {
  return page.evaluate(
    async () => (await (await fetch("/api/persons", { headers: { Accept: "application/json" } })).json()).persons,
  );
}

/** Debian's Chromium with the flags this closed network needs. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath(),
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
}

/** One signed-in page per width, kept for the whole run; console and page errors become problems. */
export async function openSignedInPage(browser, base, width) {
  const context = await browser.newContext({ viewport: { width, height: width < 600 ? 800 : 900 } });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error" && !/status of 4\d\d/.test(message.text()))
      problems.push(`${width}px console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${width}px page error: ${error.message}`));
  await signIn(page, base);
  return page;
}
