// The driver's engine for Firefox: puppeteer-core over WebDriver BiDi (support/firefox.ts).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, KeyInput } from "puppeteer-core";
import { Driver, type DriverOptions, type Engine } from "./driver.ts";

export async function bidiDriver(browser: Browser, opts: DriverOptions): Promise<Driver> {
  const downloads = opts.downloads ? mkdtempSync(path.join(tmpdir(), "pr-e2e-downloads-")) : null;
  const context = await browser.createBrowserContext(
    downloads ? { downloadBehavior: { policy: "allow", downloadPath: downloads } } : {},
  );
  const page = await context.newPage();
  await page.setViewport({ ...opts.viewport, hasTouch: opts.touch ?? false });
  // Modifiers and a key joined by "+", as Playwright spells them ("+" alone is the plus key);
  // puppeteer's BiDi keyboard knows the space bar only as " ".
  const chord = (key: string) =>
    (key.length > 1 ? key.split("+") : [key]).map((k) => (k === "Space" ? " " : k)) as KeyInput[];
  const engine: Engine = {
    browser: "firefox",
    goto: async (url) => void (await page.goto(url)),
    evaluate: (fn, arg) => (typeof fn === "string" ? page.evaluate(fn) : page.evaluate(fn as never, arg)) as never,
    async press(key) {
      const keys = chord(key);
      for (const modifier of keys.slice(0, -1)) await page.keyboard.down(modifier);
      await page.keyboard.press(keys.at(-1)!);
      for (const modifier of keys.slice(0, -1).reverse()) await page.keyboard.up(modifier);
    },
    type: (text) => page.keyboard.type(text),
    click: async (css, timeout) => void (await (await page.waitForSelector(css, { visible: true, timeout }))!.click()),
    async setFiles(css, file) {
      const input = await page.$(css);
      if (!input) throw new Error(`no ${css}`);
      await (input as unknown as { uploadFile(...files: string[]): Promise<void> }).uploadFile(file);
    },
    async chooseFile(open, file, timeout = 10_000) {
      const [chooser] = await Promise.all([page.waitForFileChooser({ timeout }), open()]);
      await chooser.accept([file]);
    },
    mouseMove: (x, y, steps) => page.mouse.move(x, y, { steps }),
    mouseDown: () => page.mouse.down(),
    mouseUp: () => page.mouse.up(),
    wheel: (deltaX, deltaY) => page.mouse.wheel({ deltaX, deltaY }),
    // Two touch pointers in one input action (pointer events of type "touch" in the page).
    async pinch(x, y, from, to) {
      const left = await page.touchscreen.touchStart(x - from, y);
      const right = await page.touchscreen.touchStart(x + from, y);
      for (let spread = from + 10; spread <= to; spread += 10) {
        await left.move(x - spread, y);
        await right.move(x + spread, y);
      }
      await left.end();
      await right.end();
    },
    async download(click) {
      if (!downloads) throw new Error("open the driver with downloads: true");
      const before = new Set(readdirSync(downloads));
      await click();
      const deadline = Date.now() + 60_000;
      // Firefox writes a .part file and renames it when the download is complete.
      for (;;) {
        const done = readdirSync(downloads).filter((name) => !before.has(name) && !name.endsWith(".part"));
        const parts = readdirSync(downloads).filter((name) => name.endsWith(".part"));
        if (done.length && !parts.length && statSync(path.join(downloads, done[0]!)).size > 0)
          return new Uint8Array(readFileSync(path.join(downloads, done[0]!)));
        if (Date.now() > deadline) throw new Error("no download within 60 s");
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    waitForNetworkIdle: () => page.waitForNetworkIdle({ idleTime: 500 }),
    screenshot: async (file) => void (await page.screenshot({ path: file as `${string}.png`, fullPage: true })),
    onPageError: (listener) =>
      page.on("pageerror", (error) => listener(error instanceof Error ? error.message : String(error))),
    onConsoleError: (listener) =>
      page.on("console", (message) => message.type() === "error" && listener(message.text())),
    onResponse: (listener) =>
      page.on("response", (response) =>
        listener({ method: response.request().method(), url: response.url(), status: response.status() }),
      ),
    onRequest: (listener) =>
      page.on("request", (request) =>
        listener({ method: request.method(), url: request.url(), hasBody: request.hasPostData() }),
      ),
    async close() {
      await context.close();
      if (downloads && existsSync(downloads)) rmSync(downloads, { recursive: true, force: true });
    },
  };
  return new Driver(engine);
}
