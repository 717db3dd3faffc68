// Debian's Chromium driven by playwright-core (Playwright's own browser
// download cannot work on these machines).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { watchBrowser } from "./error-watch.ts";

export function chromiumPath(): string {
  for (const candidate of [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  try {
    return execFileSync("sh", ["-c", "command -v chromium"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error("Chromium not found: install Debian's chromium (apt-get install chromium); .ci/run does this.");
  }
}

/**
 * Debian's chromium-headless-shell, when installed (.ci/run installs it): the same Blink and V8 as
 * the full browser, without its UI layers, which headless mode still runs. The browser pool is
 * CPU-bound (scripts/test.mjs), and the shell took 13 % less CPU for the same e2e/accessibility
 * run (48.8 s against 56.4 s of user and system time, quiet machine, 6 December 2026). The
 * Lighthouse bench keeps the full browser (`chromiumPath`): it measures what people run.
 */
export function headlessShellPath(): string | undefined {
  return ["/usr/bin/chromium-headless-shell", "/usr/lib/chromium/chromium-headless-shell"].find((p) => existsSync(p));
}

/** Every context it opens is watched for exceptions and unprovoked errors (error-watch.ts). CHROMIUM_PATH,
 *  when set, chooses the browser; otherwise the headless shell if installed, else the full Chromium. */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || headlessShellPath() || chromiumPath(),
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
  return watchBrowser(browser);
}
