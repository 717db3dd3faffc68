// The client section of `npm run bench`: what each page costs a visitor.
//   1. Weights: the gzipped JavaScript and CSS a first visit to each page
//      downloads (the entry, the stylesheet and their static chunks, plus the
//      page's lazy chunk and its own static chunks), from the build's record
//      (dist/client-build.json, written by scripts/build-client.mjs).
//   2. Lighthouse 13 against the built portal (wrangler dev through the
//      browser tests' startPortal), in Debian's Chromium (CHROME_PATH, else the
//      tests' lookup): performance, accessibility and best-practices scores
//      with LCP, TBT and CLS for the information page, sign-in and the task
//      list, with the mobile (throttled) profile and the desktop one.
// Printing only: nothing is asserted, and timings depend on the machine.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
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
  for (const i of outputs[start]?.imports ?? []) if (i.kind === "import-statement") withStaticImports(outputs, i.path, into);
  return into;
}

const gzipped = (url) => gzipSync(readFileSync(path.join(distDir, url)), { level: 9 }).byteLength;
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;

function printWeights() {
  const { outputs } = JSON.parse(readFileSync(path.join(root, "dist", "client-build.json"), "utf8"));
  const entry = (name) => Object.keys(outputs).find((url) => outputs[url].entryPoint === name);
  const shell = new Set([...withStaticImports(outputs, entry("client/main.tsx")), entry("client/styles.css")]);
  const pages = Object.keys(outputs)
    .filter((url) => outputs[url].entryPoint?.startsWith("client/pages/"))
    .map((url) => ({ name: outputs[url].entryPoint.split("/")[2], url }))
    .sort((a, b) => a.name.localeCompare(b.name));
  console.log("Gzipped bytes a first visit downloads (entry + shared chunks + the page's lazy chunk):\n");
  console.log(`  ${"page".padEnd(24)} ${"JS".padStart(9)} ${"CSS".padStart(9)} ${"total".padStart(9)}`);
  // Pages in the entry itself (not lazy) cost exactly the shell.
  let shellJs = 0;
  let shellCss = 0;
  for (const file of shell) {
    if (file.endsWith(".css")) shellCss += gzipped(file);
    else shellJs += gzipped(file);
  }
  console.log(`  ${"(entry: info, sign-in)".padEnd(24)} ${kb(shellJs).padStart(9)} ${kb(shellCss).padStart(9)} ${kb(shellJs + shellCss).padStart(9)}`);
  for (const { name, url } of pages) {
    const files = withStaticImports(outputs, url, new Set(shell));
    let js = 0;
    let css = 0;
    for (const file of files) {
      if (file.endsWith(".css")) css += gzipped(file);
      else js += gzipped(file);
    }
    console.log(`  ${name.padEnd(24)} ${kb(js).padStart(9)} ${kb(css).padStart(9)} ${kb(js + css).padStart(9)}`);
  }
}

/** A session cookie for a new applicant who has chosen a password (the task list needs one). */
async function signedInCookie(portal, newApplicant, password) {
  const applicant = await newApplicant(portal, { application: "E000300001", uci: 3_100_000_010, email: "bench@demo.test", language: "en" });
  const json = (body, cookie) => ({ method: "POST", headers: { "Content-Type": "application/json", ...(cookie ? { Cookie: cookie } : {}) }, body: JSON.stringify(body) });
  const cookieOf = (response) => response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const signIn = await fetch(`${portal.url}/api/auth/sign-in`, json({ username: applicant.username, password: applicant.temporaryPassword }));
  const chosen = await fetch(`${portal.url}/api/auth/set-password`, json({ newPassword: password, confirmPassword: password }, cookieOf(signIn)));
  if (!chosen.ok) throw new Error(`bench: set-password answered ${chosen.status}`);
  return cookieOf(chosen);
}

async function printLighthouse() {
  register();
  const [{ startPortal }, { chromiumPath }, { newApplicant, CHOSEN_PASSWORD }, { default: lighthouse }, chromeLauncher, { default: desktopConfig }] = await Promise.all([
    import("../../test/e2e/support/portal.ts"),
    import("../../test/e2e/support/chromium.ts"),
    import("../../test/e2e/support/applicant.ts"),
    import("lighthouse"),
    import("chrome-launcher"),
    import("lighthouse/core/config/desktop-config.js"),
  ]);
  const portal = await startPortal();
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || chromiumPath(),
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  try {
    const cookie = await signedInCookie(portal, newApplicant, CHOSEN_PASSWORD);
    const pages = [
      ["information", "/?lang=en", {}],
      ["sign-in", "/sign-in?lang=en", {}],
      ["task list", "/home?lang=en", { Cookie: cookie }],
    ];
    console.log(`\nLighthouse ${JSON.parse(readFileSync(path.join(root, "node_modules", "lighthouse", "package.json"), "utf8")).version} (scores out of 100; LCP and TBT in ms):\n`);
    console.log(`  ${"page".padEnd(12)} ${"profile".padEnd(8)} ${"perf".padStart(5)} ${"a11y".padStart(5)} ${"best".padStart(5)} ${"LCP".padStart(7)} ${"TBT".padStart(6)} ${"CLS".padStart(6)}`);
    for (const [name, url, extraHeaders] of pages) {
      for (const [profile, config] of [
        ["mobile", undefined],
        ["desktop", desktopConfig],
      ]) {
        const result = await lighthouse(`${portal.url}${url}`, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility", "best-practices"], extraHeaders }, config);
        const { categories, audits } = result.lhr;
        const score = (id) => (categories[id]?.score == null ? "—" : String(Math.round(categories[id].score * 100)));
        const ms = (id) => (audits[id]?.numericValue == null ? "—" : String(Math.round(audits[id].numericValue)));
        const cls = audits["cumulative-layout-shift"]?.numericValue;
        console.log(
          `  ${name.padEnd(12)} ${profile.padEnd(8)} ${score("performance").padStart(5)} ${score("accessibility").padStart(5)} ${score("best-practices").padStart(5)} ${ms("largest-contentful-paint").padStart(7)} ${ms("total-blocking-time").padStart(6)} ${(cls == null ? "—" : cls.toFixed(3)).padStart(6)}`,
        );
      }
    }
  } finally {
    chrome.kill();
    await portal.stop();
  }
}

export default async function clientSection() {
  // A fresh build, so the weights are those of the code as it is now.
  execFileSync(process.execPath, [path.join(root, "scripts", "build-client.mjs")], { cwd: root, stdio: "ignore" });
  printWeights();
  await printLighthouse();
}
