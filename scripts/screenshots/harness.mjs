// Shared by the screenshot scripts (dev tools, not tests): their arguments and output folder, a
// seeded portal on a free port with its own state (or a running one), Debian's Chromium, pages
// watched for errors, each width × language, a checked screenshot with axe, and the closing list of
// what looked wrong. What the scripts do on the portal (sign-ins, set-ups) is in steps.mjs.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const bin = (name) => path.join(root, "node_modules", ".bin", name);
/** A phone and a desktop. The first scripts' phone is 375 px wide, kept so their file names stay. */
export const WIDTHS = [390, 1280];
export const WIDTHS_375 = [375, 1280];
export const LANGS = ["en", "fr"];
/** The generated photo fixtures (`npx tsx scripts/fixtures/generate-photos.ts`). */
export const photosDir = path.join(root, "test", "fixtures", "photos");
/** What looked wrong, printed by each script at the end. */
export const problems = [];
let outDir = path.join(root, "screenshots");

/**
 * The script's command line: `--out DIR` (default screenshots/<name>, created) and `--url URL` (a
 * running portal seeded with `npm run admin -- seed-demo`, for the scripts that can use one).
 */
export function screenshotArgs(name) {
  const args = process.argv.slice(2);
  const option = (flag) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  outDir = path.resolve(option("--out") ?? path.join(root, "screenshots", name));
  mkdirSync(outDir, { recursive: true });
  return { outDir, url: option("--url")?.replace(/\/$/, "") };
}

/** Stops the script early when a photo fixture it needs was not generated. */
export function requireFixtures(files) {
  for (const file of files)
    if (!existsSync(path.join(photosDir, file)))
      throw new Error(`missing ${file}: run npx tsx scripts/fixtures/generate-photos.ts`);
}

/** Each width × language, width first unless `langFirst`; `tag` ends the file names: `${lang}-${width}`. */
export function views(widths = WIDTHS, { langFirst = false } = {}) {
  const all = [];
  for (const outer of langFirst ? LANGS : widths)
    for (const inner of langFirst ? widths : LANGS) {
      const [width, lang] = langFirst ? [inner, outer] : [outer, inner];
      all.push({ width, lang, tag: `${lang}-${width}` });
    }
  return all;
}

/** The viewport of a width: a phone's screen is shorter. */
export function viewport(width, phoneHeight = 800) {
  return { width, height: width < 600 ? phoneHeight : 900 };
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

/** A running portal (`url`) or a new one with `vars`; Chromium; `body({ portal, browser })`; then both closed. */
export async function withPortal({ url, vars } = {}, body) {
  const portal = url ? { url, stop: async () => {} } : await startPortal(vars);
  try {
    const browser = await launchBrowser();
    try {
      await body({ portal, browser });
    } finally {
      await browser.close();
    }
  } finally {
    await portal.stop();
  }
}

/** Prints what looked wrong (the exit code is then 1), or `allGood`. */
export function report(allGood = "No problems seen.") {
  if (problems.length) {
    console.log(`\nProblems:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    process.exitCode = 1;
  } else console.log(`\n${allGood}`);
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

/** Screenshot, then axe on the same state. */
export async function shotAndAxe(page, name) {
  await shot(page, name);
  await axe(page, name);
}

/** axe-core's WCAG A/AA rules on the page as it is; violations become problems. The page needs `newPage(…, { axe: true })`. */
export async function axe(page, name) {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(
    (values) => window.axe.run(document, { runOnly: { type: "tag", values } }),
    AXE_TAGS,
  );
  // A page that had not rendered passes almost nothing: that is not a clean result.
  if (result.passes.length < 10) problems.push(`${name}: axe ran only ${result.passes.length} passing rules`);
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

/** Opens a page's address and waits until it is ready. */
export async function visit(page, url) {
  await page.goto(url);
  await ready(page);
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

/**
 * A page in a context of its own at `width`; console errors (but a 4xx answer's) and page errors become
 * problems under `label`. `axe: true` bypasses the portal's CSP, which would refuse axe's script.
 */
export async function newPage(browser, width, { axe = false, phoneHeight, label = `${width}px` } = {}) {
  const context = await browser.newContext({ bypassCSP: axe, viewport: viewport(width, phoneHeight) });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error" && !/status of 4\d\d/.test(message.text()))
      problems.push(`${label} console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${label} page error: ${error.message}`));
  return page;
}
