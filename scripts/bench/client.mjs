// The client section of `npm run bench`: what each page costs a visitor.
//   1. Weights: the entry alone (main and its static chunks: the 30 kB budget,
//      test/node/client-size-budget.test.ts), then the gzipped JavaScript and CSS
//      a first visit to each page downloads (the entry, the stylesheet and their
//      static chunks, the English catalogue, plus the page's lazy chunk and its
//      own static chunks), from the build's record (dist/client-build.json,
//      written by scripts/build-client.mjs).
//      Ratio: each page's total over the shell's (entry, catalogue, stylesheet).
//   2. Lighthouse 13 against the built portal (wrangler dev through the
//      browser tests' startPortal), in Debian's Chromium (CHROME_PATH, else the
//      tests' lookup): performance, accessibility and best-practices scores
//      with LCP, TBT and CLS for the information page, sign-in and the task
//      list, with the mobile (throttled) profile and the desktop one.
//      Yardstick, in the same run and from the same server: each page as the
//      browser shows it once its scripts ran (the task list with its data),
//      saved as static HTML with its scripts and preloads removed (the same
//      markup and stylesheet, no JavaScript), measured the same way. The pages
//      themselves are prerendered and hydrated (decision 023): the copy is not
//      the served HTML, so a page that waits for its script or its data still
//      shows against it. Ratio: LCP over the static copy's.
// Printing only: nothing is asserted, and timings depend on the machine.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { register } from "tsx/esm/api";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const distDir = path.join(root, "dist", "client");

/** Every file `start` loads before it runs: itself and its static imports, transitively. */
function withStaticImports(outputs, start, into = new Set()) {
  if (into.has(start)) return into;
  into.add(start);
  for (const i of outputs[start]?.imports ?? [])
    if (i.kind === "import-statement") withStaticImports(outputs, i.path, into);
  return into;
}

const gzipped = (url) => gzipSync(readFileSync(path.join(distDir, url)), { level: 9 }).byteLength;
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;

/** "client/pages/home/index.tsx" is "home"; the officers' "client/officer/pages/queue/index.tsx" is "officer-queue" and their area "officer-area"; null if not a page. */
function pageName(entryPoint) {
  if (entryPoint === "client/officer/area.tsx") return "officer-area";
  const page = /^client\/(officer\/)?pages\/([^/]+)\//.exec(entryPoint);
  return page ? `${page[1] ? "officer-" : ""}${page[2]}` : null;
}

function printWeights() {
  const { outputs } = JSON.parse(readFileSync(path.join(root, "dist", "client-build.json"), "utf8"));
  const entry = (name) => Object.keys(outputs).find((url) => outputs[url].entryPoint === name);
  const entryFiles = withStaticImports(outputs, entry("client/main.tsx"));
  let entryJs = 0;
  for (const file of entryFiles) entryJs += gzipped(file);
  console.log(`Entry JavaScript (main and its static chunks), gzipped: ${kb(entryJs)} (budget 30 kB)\n`);
  // Every page loads its language's catalogue (a chunk of its own): English here.
  const shell = new Set([
    ...entryFiles,
    ...withStaticImports(outputs, entry("client/i18n/en.ts")),
    entry("client/styles.css"),
  ]);
  const pages = Object.keys(outputs)
    .map((url) => ({ name: pageName(outputs[url].entryPoint ?? ""), url }))
    .filter(({ name }) => name !== null)
    .sort((a, b) => a.name.localeCompare(b.name));
  console.log("Gzipped bytes a first visit downloads (entry + English catalogue + the page's lazy chunk):\n");
  console.log(
    `  ${"page".padEnd(24)} ${"JS".padStart(9)} ${"CSS".padStart(9)} ${"total".padStart(9)} ${"× entry".padStart(8)}`,
  );
  // The shell alone: what every page costs before its own chunk.
  let shellJs = 0;
  let shellCss = 0;
  for (const file of shell) {
    if (file.endsWith(".css")) shellCss += gzipped(file);
    else shellJs += gzipped(file);
  }
  const shellTotal = shellJs + shellCss;
  const ratio = (total) => `${(total / shellTotal).toFixed(2)} ×`.padStart(8);
  console.log(
    `  ${"(entry + catalogue)".padEnd(24)} ${kb(shellJs).padStart(9)} ${kb(shellCss).padStart(9)} ${kb(shellTotal).padStart(9)} ${ratio(shellTotal)}`,
  );
  for (const { name, url } of pages) {
    const files = withStaticImports(outputs, url, new Set(shell));
    let js = 0;
    let css = 0;
    for (const file of files) {
      if (file.endsWith(".css")) css += gzipped(file);
      else js += gzipped(file);
    }
    console.log(
      `  ${name.padEnd(24)} ${kb(js).padStart(9)} ${kb(css).padStart(9)} ${kb(js + css).padStart(9)} ${ratio(js + css)}`,
    );
  }
}

/** A session cookie for a new applicant who has chosen a password (the task list needs one). */
async function signedInCookie(portal, newApplicant, password) {
  const applicant = await newApplicant(portal, {
    application: "E000300001",
    uci: 3_100_000_010,
    email: "bench@demo.test",
    language: "en",
  });
  const json = (body, cookie) => ({
    method: "POST",
    headers: { "Content-Type": "application/json", ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(body),
  });
  const cookieOf = (response) =>
    response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
  const signIn = await fetch(
    `${portal.url}/api/auth/sign-in`,
    json({ username: applicant.username, password: applicant.temporaryPassword }),
  );
  const chosen = await fetch(
    `${portal.url}/api/auth/set-password`,
    json({ newPassword: password, confirmPassword: password }, cookieOf(signIn)),
  );
  if (!chosen.ok) throw new Error(`bench: set-password answered ${chosen.status}`);
  return cookieOf(chosen);
}

const STATIC_DIR = path.join(distDir, "bench-static");

/** The yardstick: each page as the client rendered it, saved as static HTML without its scripts. */
async function writeStaticCopies(portal, launchChromium, pages) {
  const browser = await launchChromium();
  try {
    mkdirSync(STATIC_DIR, { recursive: true });
    for (const { slug, url, headers } of pages) {
      const context = await browser.newContext({ extraHTTPHeaders: headers });
      const page = await context.newPage();
      await page.goto(`${portal.url}${url}`, { waitUntil: "networkidle" });
      await page.getByRole("heading", { level: 1 }).waitFor();
      const html = await page.evaluate(() => {
        for (const element of document.querySelectorAll('script, link[rel="modulepreload"]')) element.remove();
        return document.documentElement.outerHTML;
      });
      writeFileSync(path.join(STATIC_DIR, `${slug}.html`), `<!doctype html>\n${html}`);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  // wrangler dev watches the assets directory; wait until it serves the copies (an unknown path
  // answers the client's index.html, which has a module script, so that is told apart).
  for (const { slug } of pages) {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const response = await fetch(`${portal.url}/bench-static/${slug}`);
      const body = await response.text();
      if (response.ok && !body.includes('type="module"')) break;
      if (Date.now() > deadline) throw new Error(`bench: the static copy of ${slug} is not served`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

async function printLighthouse() {
  register();
  const [
    { startPortal },
    { chromiumPath, launchChromium },
    { newApplicant, CHOSEN_PASSWORD },
    { default: lighthouse },
    chromeLauncher,
    { default: desktopConfig },
  ] = await Promise.all([
    import("../../test/e2e/support/portal.ts"),
    import("../../test/e2e/support/chromium.ts"),
    import("../../test/e2e/support/applicant.ts"),
    import("lighthouse"),
    import("chrome-launcher"),
    import("lighthouse/core/config/desktop-config.js"),
  ]);
  const portal = await startPortal();
  let chrome;
  try {
    const cookie = await signedInCookie(portal, newApplicant, CHOSEN_PASSWORD);
    const pages = [
      { name: "information", slug: "information", url: "/?lang=en", headers: {} },
      { name: "sign-in", slug: "sign-in", url: "/sign-in?lang=en", headers: {} },
      { name: "task list", slug: "task-list", url: "/home?lang=en", headers: { Cookie: cookie } },
    ];
    await writeStaticCopies(portal, launchChromium, pages);
    chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROME_PATH || chromiumPath(),
      chromeFlags: [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
      ],
    });
    const audit = async (url, extraHeaders, config) =>
      (
        await lighthouse(
          `${portal.url}${url}`,
          {
            port: chrome.port,
            output: "json",
            logLevel: "error",
            onlyCategories: ["performance", "accessibility", "best-practices"],
            extraHeaders,
          },
          config,
        )
      ).lhr;
    console.log(
      `\nLighthouse ${JSON.parse(readFileSync(path.join(root, "node_modules", "lighthouse", "package.json"), "utf8")).version} (scores out of 100; LCP and TBT in ms; static: the same page saved as HTML without scripts):\n`,
    );
    console.log(
      `  ${"page".padEnd(12)} ${"profile".padEnd(8)} ${"perf".padStart(5)} ${"a11y".padStart(5)} ${"best".padStart(5)} ${"LCP".padStart(7)} ${"TBT".padStart(6)} ${"CLS".padStart(6)} ${"static LCP".padStart(11)} ${"× static".padStart(9)}`,
    );
    for (const { name, slug, url, headers } of pages) {
      for (const [profile, config] of [
        ["mobile", undefined],
        ["desktop", desktopConfig],
      ]) {
        const { categories, audits } = await audit(url, headers, config);
        const yardstick = (await audit(`/bench-static/${slug}`, headers, config)).audits["largest-contentful-paint"]
          ?.numericValue;
        const score = (id) => (categories[id]?.score == null ? "—" : String(Math.round(categories[id].score * 100)));
        const lcp = audits["largest-contentful-paint"]?.numericValue;
        const ms = (value) => (value == null ? "—" : String(Math.round(value)));
        const cls = audits["cumulative-layout-shift"]?.numericValue;
        console.log(
          `  ${name.padEnd(12)} ${profile.padEnd(8)} ${score("performance").padStart(5)} ${score("accessibility").padStart(5)} ${score("best-practices").padStart(5)} ${ms(lcp).padStart(7)} ${ms(audits["total-blocking-time"]?.numericValue).padStart(6)} ${(cls == null ? "—" : cls.toFixed(3)).padStart(6)} ${ms(yardstick).padStart(11)} ${(lcp && yardstick ? `${(lcp / yardstick).toFixed(2)} ×` : "—").padStart(9)}`,
        );
      }
    }
  } finally {
    chrome?.kill();
    await portal.stop();
    rmSync(STATIC_DIR, { recursive: true, force: true });
  }
}

export default async function clientSection() {
  // A fresh build, so the weights are those of the code as it is now.
  execFileSync(process.execPath, [path.join(root, "scripts", "build-client.mjs")], { cwd: root, stdio: "ignore" });
  printWeights();
  await printLighthouse();
}
