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
//      Lighthouse's simulation (lantern) charges every request in the LCP's graph the portal's
//      server response time, which it takes as the median over every request of the run, those
//      after the paint too. The local wrangler dev answers the app's burst of chunk requests after
//      the paint 100-400 ms late on a loaded machine (one request at a time: 10-60 ms), so the page
//      is charged a slower server than its static copy, which sends no such burst. Each page is
//      therefore also measured with the static copy's server response time pinned
//      (precomputedLanternData): "pinned", the same server for both; the raw ratio is printed too.
//      For the mobile profile it prints the LCP element, the LCP's observed parts, and the requests
//      that ended before the observed LCP (only those can be in the simulated LCP's graph).
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

const lcpOf = (lhr) => lhr.audits["largest-contentful-paint"]?.numericValue;

/** The server response time Lighthouse's simulation assumed for the portal (one origin): the median of the run's requests. */
const serverMs = (lhr) => lhr.audits["network-server-latency"]?.details?.items?.[0]?.serverResponseTime;

/** The LCP element, the LCP's observed parts, and each request that ended before the observed LCP. */
function printLcpDetail(label, lhr, base) {
  const { audits } = lhr;
  const observed = audits.metrics?.details?.items?.[0] ?? {};
  const breakdown = audits["lcp-breakdown-insight"]?.details?.items ?? [];
  const element = breakdown.find((item) => item.type === "node");
  const parts = (breakdown.find((item) => item.type === "table")?.items ?? [])
    .map((part) => `${part.label.toLowerCase()} ${Math.round(part.duration)}`)
    .join(", ");
  const lcp = observed.observedLargestContentfulPaint;
  console.log(
    `\n  ${label}: LCP ${Math.round(lcpOf(lhr) ?? 0)} (observed ${lcp ?? "—"}, first paint ${observed.observedFirstContentfulPaint ?? "—"}); ` +
      `element ${element?.selector ?? "—"} "${(element?.nodeLabel ?? "").slice(0, 40)}"; ${parts}`,
  );
  const requests = audits["network-requests"]?.details?.items ?? [];
  const ended = requests.filter((request) => lcp != null && request.networkEndTime <= lcp);
  for (const request of ended)
    console.log(
      `    ${request.url.replace(base, "").slice(0, 44).padEnd(44)} ${String(request.resourceType ?? "").padEnd(10)} ${String(request.priority ?? "").padEnd(8)} ${Math.round(request.networkRequestTime)}–${Math.round(request.networkEndTime)} ms`,
    );
  const after = requests.filter((request) => !ended.includes(request));
  const first = after.toSorted((a, b) => a.networkRequestTime - b.networkRequestTime)[0];
  if (first)
    console.log(
      `    and ${after.length} request(s) ending after the observed LCP, the first to start ${first.url.replace(base, "").slice(0, 44)} at ${Math.round(first.networkRequestTime)} ms`,
    );
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
    const origin = new URL(portal.url).origin;
    /** Lighthouse's report; `serverMs` pins the server response time its simulation assumes for the portal. */
    const audit = async (url, extraHeaders, config, serverMs) =>
      (
        await lighthouse(
          `${portal.url}${url}`,
          {
            port: chrome.port,
            output: "json",
            logLevel: "error",
            onlyCategories: ["performance", "accessibility", "best-practices"],
            extraHeaders,
            ...(serverMs == null
              ? {}
              : {
                  precomputedLanternData: {
                    additionalRttByOrigin: { [origin]: 0 },
                    serverResponseTimeByOrigin: { [origin]: serverMs },
                  },
                }),
          },
          config,
        )
      ).lhr;
    console.log(
      `\nLighthouse ${JSON.parse(readFileSync(path.join(root, "node_modules", "lighthouse", "package.json"), "utf8")).version} (scores out of 100; LCP and TBT in ms; static: the same page saved as HTML without scripts;\n` +
        "server: the portal's response time Lighthouse's simulation assumed, the median of the run's requests; pinned: the page's LCP with the static copy's):\n",
    );
    console.log(
      `  ${"page".padEnd(12)} ${"profile".padEnd(8)} ${"perf".padStart(5)} ${"a11y".padStart(5)} ${"best".padStart(5)} ${"LCP".padStart(7)} ${"TBT".padStart(6)} ${"CLS".padStart(6)} ${"static LCP".padStart(11)} ${"× static".padStart(9)} ${"server".padStart(9)} ${"pinned".padStart(7)} ${"× static".padStart(9)}`,
    );
    const details = [];
    for (const { name, slug, url, headers } of pages) {
      for (const [profile, config] of [
        ["mobile", undefined],
        ["desktop", desktopConfig],
      ]) {
        const yardstick = await audit(`/bench-static/${slug}`, headers, config);
        const page = await audit(url, headers, config);
        const staticServer = serverMs(yardstick);
        const pinned = staticServer == null ? null : await audit(url, headers, config, staticServer);
        const { categories, audits } = page;
        const score = (id) => (categories[id]?.score == null ? "—" : String(Math.round(categories[id].score * 100)));
        const lcp = lcpOf(page);
        const staticLcp = lcpOf(yardstick);
        const pinnedLcp = pinned && lcpOf(pinned);
        const ms = (value) => (value == null ? "—" : String(Math.round(value)));
        const times = (a, b) => (a && b ? `${(a / b).toFixed(2)} ×` : "—");
        const cls = audits["cumulative-layout-shift"]?.numericValue;
        console.log(
          `  ${name.padEnd(12)} ${profile.padEnd(8)} ${score("performance").padStart(5)} ${score("accessibility").padStart(5)} ${score("best-practices").padStart(5)} ${ms(lcp).padStart(7)} ${ms(audits["total-blocking-time"]?.numericValue).padStart(6)} ${(cls == null ? "—" : cls.toFixed(3)).padStart(6)} ${ms(staticLcp).padStart(11)} ${times(lcp, staticLcp).padStart(9)} ${`${ms(serverMs(page))}/${ms(staticServer)}`.padStart(9)} ${ms(pinnedLcp).padStart(7)} ${times(pinnedLcp, staticLcp).padStart(9)}`,
        );
        if (profile === "mobile") details.push({ name, page, yardstick });
      }
    }
    console.log(
      "\nMobile, what Lighthouse measured (its LCP element, the LCP's parts as observed, and the requests that ended before the\n" +
        "observed LCP: only those can be in the simulated LCP's graph; then the first start of the others):",
    );
    for (const { name, page, yardstick } of details) {
      for (const [label, lhr] of [
        [name, page],
        [`${name} (static)`, yardstick],
      ])
        printLcpDetail(label, lhr, portal.url);
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
