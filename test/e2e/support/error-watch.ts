// Journeys fail on what a person would never see but a browser logs (issue 18 point 9): any JavaScript
// exception, any console error, and any 4xx or 5xx answer the journey did not provoke on purpose. A state
// the page expects (no photo yet, an officer not signed in) is answered 200 by the API, so it is not here.
// The deliberate error paths are listed below, each with the journey that provokes it; anything else fails
// the test during which it happened.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach } from "node:test";
import type { Browser, BrowserContext } from "playwright-core";
import type { Driver } from "./driver.ts";

interface Deliberate {
  method: "GET" | "POST";
  path: RegExp;
  status: number;
  why: string;
}

/** Every 4xx/5xx a journey provokes on purpose. A new one goes here with the journey that provokes it. */
const DELIBERATE_ERRORS: readonly Deliberate[] = [
  {
    method: "POST",
    path: /^\/api\/auth\/sign-in$/,
    status: 401,
    why: "a wrong password (keyboard, account, throttle and hostile-text journeys)",
  },
  {
    method: "POST",
    path: /^\/api\/auth\/set-password$/,
    status: 422,
    why: "a weak or mismatched new password (account and language journeys)",
  },
  {
    method: "POST",
    path: /^\/api\/account\/password$/,
    status: 422,
    why: "a wrong current password or a weak new one (account journey)",
  },
  {
    method: "POST",
    path: /^\/api\/persons\/\d+\/(address|presence)$/,
    status: 422,
    why: "an invalid form: an empty field, a postal code from another province, hostile text (keyboard, language, hostile-text journeys)",
  },
  {
    method: "POST",
    path: /^\/api\/persons\/\d+\/photo$/,
    status: 422,
    why: "a photo the checks refuse, or a file that is not a photo (photo editor, verdicts and language journeys)",
  },
  {
    method: "POST",
    path: /^\/api\/persons\/\d+\/photo\/acknowledge$/,
    status: 422,
    why: "Save and continue on a photo with warnings before ticking the acknowledgement (photo editor journey)",
  },
  {
    method: "POST",
    path: /^\/api\/persons\/\d+\/photo$/,
    status: 429,
    why: "the hour's uploads used up (throttle journey)",
  },
  {
    method: "POST",
    path: /^\/api\/account\/password$/,
    status: 429,
    why: "the fifth wrong current password signs the person out (throttle journey)",
  },
  {
    method: "GET",
    path: /^\/api\/account$/,
    status: 401,
    why: "the account page opened after that sign-out, which sends the person to sign in (throttle journey)",
  },
  {
    method: "POST",
    path: /^\/api\/persons\/\d+\/photo$/,
    status: 415,
    why: "a file type the portal does not take (photo editor journey)",
  },
  {
    method: "POST",
    path: /^\/api\/invitations\/open$/,
    status: 410,
    why: "a used and an expired invitation link, each page checked with axe (accessibility journey)",
  },
  {
    method: "POST",
    path: /^\/api\/auth\/reset-password$/,
    status: 400,
    why: "a reset link that is not valid, its page checked with axe (accessibility journey)",
  },
  {
    method: "POST",
    path: /^\/api\/email-confirmations\/confirm$/,
    status: 404,
    why: "an email-confirmation link that is not valid, its page checked with axe (accessibility journey)",
  },
  {
    method: "POST",
    path: /^\/review\/api\/items\/\d+\/(claim|return|accept)$/,
    status: 409,
    why: "a second officer claims, or decides on, an item the first one holds (officer journey)",
  },
  {
    method: "POST",
    path: /^\/review\/api\/persons\/\d+\/card\/mailed-correction$/,
    status: 422,
    why: "a mailing-date correction sent without its reason (officer journey)",
  },
  {
    method: "GET",
    path: /^\/review\/api\/queue$/,
    status: 401,
    why: "the journey asks for the queue after signing out, to show the session ended (officer journey)",
  },
  {
    method: "POST",
    path: /^\/api\/persons\/\d+\/presence$/,
    status: 403,
    why: "a representative's session tries to declare presence and is refused, representative_read_only (beyond journey)",
  },
  {
    method: "GET",
    path: /^\/api\/representing$/,
    status: 401,
    why: "the representative's page opened after the applicant revoked them, which sends them to sign in (beyond journey)",
  },
];

const problems: string[] = [];

/** An entry's name in the usage record: what it answers, e.g. "POST 422 ^\/api\/account\/password$". */
const entryName = (d: Deliberate) => `${d.method} ${d.status} ${d.path.source}`;
const provoked = new Set<string>();

// `npm test` runs every journey and then reports the entries none of them provoked (scripts/test.mjs):
// an entry no journey needs would let that error through unnoticed. Each journey file is its own
// process, so each writes what it provoked, and the whole list, to the directory it is given.
const usageDir = process.env.E2E_DELIBERATE_ERRORS_DIR;
if (usageDir)
  process.on("exit", () => {
    mkdirSync(usageDir, { recursive: true });
    writeFileSync(
      path.join(usageDir, `${process.pid}.json`),
      JSON.stringify({ listed: DELIBERATE_ERRORS.map(entryName), provoked: [...provoked] }),
    );
  });

function deliberate(method: string, pathname: string, status: number): boolean {
  const entry = DELIBERATE_ERRORS.find((d) => d.method === method && d.status === status && d.path.test(pathname));
  if (entry) provoked.add(entryName(entry));
  return entry !== undefined;
}

function exception(message: string): void {
  problems.push(`JavaScript exception: ${message}`);
}

function consoleError(text: string): void {
  // Browsers log each 4xx/5xx answer as a failed resource load; the answers themselves are judged in `answer`.
  if (!text.startsWith("Failed to load resource")) problems.push(`console error: ${text}`);
}

function answer(method: string, url: string, status: number): void {
  if (status < 400) return;
  const { pathname } = new URL(url);
  if (!deliberate(method, pathname, status))
    problems.push(`${method} ${pathname} answered ${status}, which no step of the journey asked for`);
}

/** Records, for the running test, every exception, console error and unprovoked error answer in the context's pages. */
function watchContext(context: BrowserContext): void {
  context.on("weberror", (error) => exception(error.error().message));
  context.on("console", (message) => message.type() === "error" && consoleError(message.text()));
  context.on("response", (response) => answer(response.request().method(), response.url(), response.status()));
}

/** The same watch on a journey driver's page (Firefox through puppeteer-core over WebDriver BiDi: browsers.ts). */
export function watchDriver(driver: Pick<Driver, "onPageError" | "onConsoleError" | "onResponse">): void {
  driver.onPageError(exception);
  driver.onConsoleError(consoleError);
  driver.onResponse(({ method, url, status }) => answer(method, url, status));
}

/** Watches every context the browser opens (browser.newContext and browser.newPage). */
export function watchBrowser(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args: Parameters<Browser["newContext"]>) => {
    const context = await newContext(...args);
    watchContext(context);
    return context;
  };
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (...args: Parameters<Browser["newPage"]>) => {
    const page = await newPage(...args);
    watchContext(page.context());
    return page;
  };
  return browser;
}

/** Call once at the top of a journey file: each test fails if its pages logged anything above. */
export function failOnUnexpectedErrors(): void {
  afterEach(() => {
    const seen = problems.splice(0);
    assert.deepEqual(seen, [], `the journey logged errors it did not provoke:\n${seen.join("\n")}`);
  });
}
