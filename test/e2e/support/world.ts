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

/** Registers the file's before and after hooks; the fields are set once `before` has run. */
export function journeyWorld(): World {
  const world = {} as World;
  failOnUnexpectedErrors();
  before(async () => {
    [world.portal, world.browser, world.photoFile] = await Promise.all([
      startPortal(),
      launchChromium(),
      writeValidPhoto(),
    ]);
  });
  after(async () => {
    await world.browser?.close();
    await world.portal?.stop();
  });
  return world;
}
