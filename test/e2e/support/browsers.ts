// The browsers a journey written on the driver (driver.ts) runs in: Debian's
// Chromium through playwright-core and Debian's Firefox ESR through puppeteer-core
// over WebDriver BiDi. Firefox is launched on first use and closed with the file.
import { after } from "node:test";
import type { Browser } from "playwright-core";
import { bidiDriver } from "./driver-bidi.ts";
import { watchDriver } from "./error-watch.ts";
import { playwrightDriver } from "./driver-playwright.ts";
import type { BrowserName, Driver, DriverOptions } from "./driver.ts";
import { type Firefox, launchFirefox } from "./firefox.ts";

export const BROWSERS: BrowserName[] = ["chromium", "firefox"];

interface Drivers {
  open(browser: BrowserName, opts: DriverOptions): Promise<Driver>;
  /** What Firefox tried to reach beyond this machine so far (empty: it stayed offline). */
  outsideRequests(): Promise<string[]>;
}

/** `chromium`: the file's Chromium (launched in its `before`). Registers an `after` hook that closes Firefox. */
export function drivers(chromium: () => Browser): Drivers {
  let firefox: Promise<Firefox> | undefined;
  after(async () => {
    if (firefox) await (await firefox).close();
  });
  return {
    async open(browser, opts) {
      if (browser === "chromium") return playwrightDriver(chromium(), opts);
      firefox ??= launchFirefox();
      // Chromium's contexts are watched where Chromium is launched (chromium.ts); Firefox's pages here.
      const driver = await bidiDriver((await firefox).browser, opts);
      watchDriver(driver);
      return driver;
    },
    outsideRequests: async () => (firefox ? (await firefox).outsideRequests : []),
  };
}
