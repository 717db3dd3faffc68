// Firefox ESR, as the journeys launch it (support/firefox.ts), starts offline and
// quietly: no update check, telemetry, remote settings, captive-portal or
// safe-browsing fetch leaves for another host. Everything not for this machine
// goes to a trap proxy that answers nothing; the second test shows the trap sees
// what an unquieted Firefox asks for, so the first one is not passing blind.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { launchFirefox } from "./support/firefox.ts";

/** Opens a page, lets Firefox's background services run for a while, and returns what reached the trap. */
async function outsideRequestsOfAFewSeconds(quiet: boolean): Promise<string[]> {
  const firefox = await launchFirefox({ quiet });
  try {
    const page = await firefox.browser.newPage();
    await page.goto("data:text/html,<title>quiet</title><p>Nothing to fetch here.</p>");
    await new Promise((r) => setTimeout(r, 6_000));
    return [...new Set(firefox.outsideRequests)];
  } finally {
    await firefox.close();
  }
}

describe("Firefox starts offline", () => {
  test("launched for the journeys, Firefox asks nothing of any host but this machine", {
    timeout: 60_000,
  }, async () => {
    assert.deepEqual(await outsideRequestsOfAFewSeconds(true), []);
  });

  test("without the switch and prefs, the same Firefox calls Mozilla's servers, and the trap sees it", {
    timeout: 60_000,
  }, async () => {
    const seen = await outsideRequestsOfAFewSeconds(false);
    assert.ok(
      seen.some((request) => request.includes("mozilla.com")),
      `the trap saw: ${JSON.stringify(seen)}`,
    );
  });
});
