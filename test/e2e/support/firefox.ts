// Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi (Playwright
// can only drive its own patched Firefox build, which cannot be downloaded here).
// Firefox must start offline and quietly, in a fresh profile:
// - MOZ_DISABLE_NONLOCAL_CONNECTIONS=1 is Firefox's own test-harness switch: it
//   refuses connections to anything but this machine, and it is the only way a
//   release build lets remote settings use a dummy server (without it ESR polls
//   firefox.settings.services.mozilla.com over and over, whatever the prefs say);
// - the prefs below stop update checks, telemetry, captive-portal and
//   connectivity probes, safe-browsing lists, region lookups and DNS over HTTPS;
// - every request that is not for this machine goes to a trap proxy, which
//   answers nothing and keeps the host, so a test can show that none was made.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import puppeteer, { type Browser } from "puppeteer-core";

function firefoxPath(): string {
  for (const candidate of [process.env.FIREFOX_PATH, "/usr/bin/firefox-esr", "/usr/bin/firefox"]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  try {
    return execFileSync("sh", ["-c", "command -v firefox-esr || command -v firefox"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error(
      "Firefox not found: install Debian's firefox-esr (apt-get install firefox-esr); .ci/run does this.",
    );
  }
}

/** Prefs on top of puppeteer's own test profile (which already turns off most background fetches). */
const QUIET_PREFS: Record<string, string | number | boolean> = {
  "app.update.auto": false,
  "app.update.checkInstallTime": false,
  "extensions.update.enabled": false,
  "extensions.systemAddon.update.enabled": false,
  "extensions.blocklist.enabled": false,
  "toolkit.telemetry.enabled": false,
  "toolkit.telemetry.server": "",
  "datareporting.policy.dataSubmissionEnabled": false,
  "datareporting.healthreport.uploadEnabled": false,
  "network.captive-portal-service.enabled": false,
  "network.connectivity-service.enabled": false,
  "browser.safebrowsing.update.enabled": false,
  "browser.safebrowsing.malware.enabled": false,
  "browser.safebrowsing.phishing.enabled": false,
  "browser.region.update.enabled": false,
  "browser.region.network.url": "",
  "security.remote_settings.intermediates.enabled": false,
  "security.remote_settings.crlite_filters.enabled": false,
  "network.trr.mode": 5,
  "network.dns.disablePrefetch": true,
  "network.prefetch-next": false,
  "network.predictor.enabled": false,
};

export interface Firefox {
  browser: Browser;
  /** Hosts Firefox tried to reach other than this machine (through the trap proxy); empty when quiet. */
  outsideRequests: string[];
  close(): Promise<void>;
}

/** `quiet: false` leaves out the switch and prefs above (only for the test that shows they matter). */
export async function launchFirefox(opts: { quiet?: boolean } = {}): Promise<Firefox> {
  const quiet = opts.quiet ?? true;
  const outsideRequests: string[] = [];
  const trap = createServer((request, response) => {
    outsideRequests.push(`${request.method} ${request.url}`);
    response.destroy();
  });
  trap.on("connect", (request, socket) => {
    outsideRequests.push(`CONNECT ${request.url}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => trap.listen(0, "127.0.0.1", resolve));
  const { port } = trap.address() as AddressInfo;
  const profile = mkdtempSync(path.join(tmpdir(), "pr-e2e-firefox-"));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: "firefox",
      protocol: "webDriverBiDi",
      executablePath: firefoxPath(),
      headless: true,
      // A fresh profile each launch; puppeteer writes its test prefs and ours into it.
      userDataDir: profile,
      env: quiet ? { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: "1" } : { ...process.env },
      extraPrefsFirefox: {
        ...(quiet ? QUIET_PREFS : {}),
        // localhost is never proxied (network.proxy.allow_hijacking_localhost is false), so the portal is reached directly.
        "network.proxy.type": 1,
        "network.proxy.http": "127.0.0.1",
        "network.proxy.http_port": port,
        "network.proxy.ssl": "127.0.0.1",
        "network.proxy.ssl_port": port,
      },
    });
  } catch (error) {
    trap.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    browser,
    outsideRequests,
    async close() {
      await browser.close();
      trap.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
