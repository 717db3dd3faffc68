// What every journey test file starts with: its own portal (wrangler dev, own state), Debian's
// Chromium, and a valid photo file; stopped when the file's tests end.
import { after, before } from "node:test";
import type { Browser } from "playwright-core";
import { launchChromium } from "./chromium.ts";
import { failOnUnexpectedErrors } from "./error-watch.ts";
import { writeValidPhoto } from "./photo-file.ts";
import { type Portal, startPortal } from "./portal.ts";

interface World {
  portal: Portal;
  browser: Browser;
  /** A valid photo (a real face, JPEG) on disk, for file choosers and uploads. */
  photoFile: string;
}

/**
 * Registers the file's before and after hooks; the fields are set once `before` has run. `vars` are
 * the portal's extra settings (e.g. an operator setting the file turns on).
 */
export function journeyWorld(vars: Record<string, string> = {}): World {
  const world = {} as World;
  failOnUnexpectedErrors();
  before(async () => {
    // Each is kept as soon as it is ready, so that `after` stops what did start when another failed
    // (a browser left running would keep the file's process alive after its tests).
    const started = await Promise.allSettled([
      startPortal(vars).then((portal) => (world.portal = portal)),
      launchChromium().then((browser) => (world.browser = browser)),
      writeValidPhoto().then((file) => (world.photoFile = file)),
    ]);
    const failed = started.find((result) => result.status === "rejected");
    if (failed) throw failed.reason;
  });
  after(async () => {
    await world.browser?.close();
    await world.portal?.stop();
  });
  return world;
}
