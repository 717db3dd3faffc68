// The driver's engine for Chromium: playwright-core (Debian's Chromium, support/chromium.ts).
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { Driver, type DriverOptions, type Engine } from "./driver.ts";
import { pinchAt } from "./touch.ts";

export async function playwrightDriver(browser: Browser, opts: DriverOptions): Promise<Driver> {
  const context = await browser.newContext({
    viewport: opts.viewport,
    hasTouch: opts.touch ?? false,
    acceptDownloads: opts.downloads ?? false,
  });
  const page = await context.newPage();
  const engine: Engine = {
    browser: "chromium",
    goto: async (url) => void (await page.goto(url)),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    click: (css, timeout) => page.click(css, { timeout }),
    setFiles: (css, file) => page.setInputFiles(css, file),
    async chooseFile(open, file, timeout) {
      const [chooser] = await Promise.all([page.waitForEvent("filechooser", { timeout }), open()]);
      await chooser.setFiles(file);
    },
    mouseMove: (x, y, steps) => page.mouse.move(x, y, { steps }),
    mouseDown: () => page.mouse.down(),
    mouseUp: () => page.mouse.up(),
    wheel: (dx, dy) => page.mouse.wheel(dx, dy),
    // Raw touch events through the DevTools protocol, as a phone's screen sends them (support/touch.ts).
    pinch: (x, y, from, to) => pinchAt(page, x, y, from, to),
    async download(click) {
      const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), click()]);
      return new Uint8Array(readFileSync(await download.path()));
    },
    waitForNetworkIdle: () => page.waitForLoadState("networkidle"),
    screenshot: async (file) => void (await page.screenshot({ path: file, fullPage: true })),
    onPageError: (listener) => page.on("pageerror", (error) => listener(error.message)),
    onConsoleError: (listener) =>
      page.on("console", (message) => message.type() === "error" && listener(message.text())),
    onResponse: (listener) =>
      page.on("response", (response) =>
        listener({ method: response.request().method(), url: response.url(), status: response.status() }),
      ),
    onRequest: (listener) =>
      page.on("request", (request) =>
        listener({ method: request.method(), url: request.url(), hasBody: request.postDataBuffer() !== null }),
      ),
    close: () => context.close(),
  };
  return new Driver(engine);
}
