// A browser-neutral driver for the journeys that run in Chromium (playwright-core,
// driver-playwright.ts) and in Firefox (puppeteer-core over WebDriver BiDi,
// driver-bidi.ts): the journey steps are written once. Only what those journeys
// use is here. Elements are found in the page (FIND below) by CSS, role and name,
// label or text, as a person would name them, then marked with a one-off attribute
// so that each engine clicks, focuses or fills the same element natively.

import { readFileSync } from "node:fs";

export type BrowserName = "chromium" | "firefox";

/** A CSS selector, or an element named as a person would: by role and name, by its label, by its text. */
type Target =
  | string
  | { role: "button" | "link" | "heading" | "slider" | "application" | "checkbox"; name: string; level?: number }
  | { label: string }
  | { text: string };

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DriverOptions {
  viewport: { width: number; height: number };
  /** A touch screen (pointer events of type "touch"). */
  touch?: boolean;
  /** Files the page offers for download can be read with `download`. */
  downloads?: boolean;
}

/** What each engine must provide; everything else is built on these in Driver. */
export interface Engine {
  readonly browser: BrowserName;
  goto(url: string): Promise<void>;
  /** A function (serialised by the engine) with its argument, or a whole expression as a string; awaited. */
  evaluate<R, A = undefined>(fn: string | ((arg: A) => R | Promise<R>), arg?: A): Promise<R>;
  /** One key, or modifiers and a key joined by "+": "Tab", "Shift+Tab", "Space", "+", "Shift+ArrowRight". */
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  click(css: string, timeout: number): Promise<void>;
  setFiles(css: string, file: string): Promise<void>;
  /** Runs `open` (e.g. a key press) and answers the file chooser it opens with `file`. */
  /** Runs `open` and answers the file chooser it opens with `file`; throws after `timeout` ms without one. */
  chooseFile(open: () => Promise<void>, file: string, timeout?: number): Promise<void>;
  mouseMove(x: number, y: number, steps?: number): Promise<void>;
  mouseDown(): Promise<void>;
  mouseUp(): Promise<void>;
  wheel(deltaX: number, deltaY: number): Promise<void>;
  /** Two fingers at (x, y) in the viewport moving apart from `from` to `to` px each side. */
  pinch(x: number, y: number, from: number, to: number): Promise<void>;
  /** Runs `click` and returns the bytes of the file it downloads. */
  download(click: () => Promise<void>): Promise<Uint8Array>;
  waitForNetworkIdle(): Promise<void>;
  screenshot(file: string): Promise<void>;
  /** Uncaught exceptions in the page. */
  onPageError(listener: (message: string) => void): void;
  /** console.error messages. */
  onConsoleError(listener: (message: string) => void): void;
  onResponse(listener: (response: { method: string; url: string; status: number }) => void): void;
  onRequest(listener: (request: { method: string; url: string; hasBody: boolean }) => void): void;
  close(): Promise<void>;
}

// A string, not a function: tsx's helpers (__name) would not exist inside the page.
// Mirrors Playwright's getBy* closely enough for these journeys: roles skip hidden elements; a name or label matches exactly first, else as a case-insensitive part.
const FIND = `(spec) => {
  const norm = (s) => (s || "").replace(/\\s+/g, " ").trim();
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden" && !el.closest("[aria-hidden=true]");
  const labelOf = (el) => {
    const by = el.getAttribute("aria-labelledby");
    if (by) return by.split(/\\s+/).map((id) => (document.getElementById(id) || {}).textContent || "").join(" ");
    if (el.getAttribute("aria-label")) return el.getAttribute("aria-label");
    if (el.labels && el.labels.length) return Array.from(el.labels, (l) => l.textContent).join(" ");
    return "";
  };
  const nameOf = (el) => norm(labelOf(el) || (el.tagName === "INPUT" ? el.value : el.textContent));
  const ROLES = {
    button: "button, [role=button], input[type=submit], input[type=button]",
    link: "a[href], [role=link]",
    heading: "h1, h2, h3, h4, h5, h6, [role=heading]",
    slider: "input[type=range], [role=slider]",
    application: "[role=application]",
    checkbox: "input[type=checkbox], [role=checkbox]",
  };
  const named = (els, want, nameFn) => {
    const w = norm(want);
    const exact = els.filter((el) => nameFn(el) === w);
    return exact.length ? exact : els.filter((el) => nameFn(el).toLowerCase().includes(w.toLowerCase()));
  };
  let found;
  if (typeof spec === "string") found = Array.from(document.querySelectorAll(spec));
  else if (spec.role) {
    const els = Array.from(document.querySelectorAll(ROLES[spec.role])).filter(shown)
      .filter((el) => !spec.level || el.tagName === "H" + spec.level || el.getAttribute("aria-level") === String(spec.level));
    found = named(els, spec.name, nameOf);
  } else if (spec.label) {
    // Hidden fields too (a file input is often hidden behind its styled label), shown ones first.
    const els = Array.from(document.querySelectorAll("input, select, textarea, [role=slider], [role=checkbox], [role=application]"));
    found = named(els, spec.label, (el) => norm(labelOf(el))).sort((a, b) => Number(shown(b)) - Number(shown(a)));
  } else {
    const w = norm(spec.text).toLowerCase();
    const has = (el) => norm(el.textContent).toLowerCase().includes(w);
    found = Array.from(document.querySelectorAll("body *")).filter((el) => el.tagName !== "SCRIPT" && has(el) && !Array.from(el.children).some(has));
  }
  return found;
}`;

/** Marks the first (or, with `visible`, the first shown) match and returns a selector for it, or null. */
const MARK = `(([spec, visible, mark]) => {
  const found = (${FIND})(spec).filter((el) => !visible || (el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden"));
  if (!found.length) return null;
  found[0].setAttribute("data-e2e-target", mark);
  return '[data-e2e-target="' + mark + '"]';
})`;

const COUNT = `((spec) => (${FIND})(spec).length)`;

let marks = 0;
const describe = (target: Target) => (typeof target === "string" ? target : JSON.stringify(target));

/** The journeys' view of a page, the same in every browser. */
export class Driver {
  constructor(private readonly engine: Engine) {}

  get browser(): BrowserName {
    return this.engine.browser;
  }

  goto = (url: string) => this.engine.goto(url);
  press = (key: string) => this.engine.press(key);
  type = (text: string) => this.engine.type(text);
  /** A function and its argument (JSON), or a string: an expression, or with `arg` a function's source. */
  evaluate<R, A = undefined>(fn: string | ((arg: A) => R | Promise<R>), arg?: A): Promise<R> {
    // A function as a string gets its argument spelled into the expression: both engines evaluate a string as it is.
    if (typeof fn === "string" && arg !== undefined) return this.engine.evaluate<R>(`(${fn})(${JSON.stringify(arg)})`);
    return this.engine.evaluate<R, A>(fn, arg);
  }
  chooseFile = (open: () => Promise<void>, file: string, timeout?: number) =>
    this.engine.chooseFile(open, file, timeout);
  download = (click: () => Promise<void>) => this.engine.download(click);
  /** Runs a script file in the page, as the page's own (evaluated by the driver, so the page's CSP does not stop it). */
  addScript = async (file: string) => void (await this.engine.evaluate(`${readFileSync(file, "utf8")}\n;undefined`));
  waitForNetworkIdle = () => this.engine.waitForNetworkIdle();
  screenshot = (file: string) => this.engine.screenshot(file);
  onPageError = (listener: (message: string) => void) => this.engine.onPageError(listener);
  onConsoleError = (listener: (message: string) => void) => this.engine.onConsoleError(listener);
  onResponse = (listener: (response: { method: string; url: string; status: number }) => void) =>
    this.engine.onResponse(listener);
  onRequest = (listener: (request: { method: string; url: string; hasBody: boolean }) => void) =>
    this.engine.onRequest(listener);
  close = () => this.engine.close();
  mouse = {
    move: (x: number, y: number, steps?: number) => this.engine.mouseMove(x, y, steps),
    down: () => this.engine.mouseDown(),
    up: () => this.engine.mouseUp(),
    wheel: (deltaX: number, deltaY: number) => this.engine.wheel(deltaX, deltaY),
  };

  /** Polls `expression` (a function body's value, as a string or a function without arguments) until truthy. */
  async waitForFunction(fn: string | (() => unknown), timeout = 30_000): Promise<void> {
    const deadline = Date.now() + timeout;
    while (!(await this.engine.evaluate(typeof fn === "string" ? `Boolean(${fn})` : fn))) {
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${String(fn)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** A selector for the target's element (waiting until it is there, and with `visible` shown). */
  private async resolve(target: Target, { timeout = 30_000, visible = true } = {}): Promise<string> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const css = await this.evaluate<string | null, [Target, boolean, string]>(MARK, [
        target,
        visible,
        String(++marks),
      ]);
      if (css) return css;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${describe(target)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Waits until the target is shown (or, with `visible: false`, only in the page). */
  async waitFor(target: Target, opts: { timeout?: number; visible?: boolean } = {}): Promise<void> {
    await this.resolve(target, opts);
  }
  /** How many elements match now (roles and labels: shown ones only). */
  count(target: Target): Promise<number> {
    return this.evaluate<number, Target>(COUNT, target);
  }
  async isVisible(target: Target): Promise<boolean> {
    return (
      (await this.evaluate<string | null, [Target, boolean, string]>(MARK, [target, true, String(++marks)])) !== null
    );
  }
  async click(target: Target, { timeout = 30_000 } = {}): Promise<void> {
    await this.engine.click(await this.resolve(target, { timeout }), timeout);
  }
  async setFiles(target: Target, file: string): Promise<void> {
    await this.engine.setFiles(await this.resolve(target, { visible: false }), file);
  }
  /** Runs `fn` on the target's element in the page. */
  async evaluateOn<R, A = undefined>(target: Target, fn: (el: Element, arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    const css = await this.resolve(target, { visible: false });
    return this.engine.evaluate<R>(
      `(${fn.toString()})(document.querySelector(${JSON.stringify(css)}), ${JSON.stringify(arg ?? null)})`,
    );
  }
  focus = (target: Target) => this.evaluateOn(target, (el) => (el as HTMLElement).focus());
  text = (target: Target) => this.evaluateOn(target, (el) => el.textContent ?? "");
  innerText = (target: Target) => this.evaluateOn(target, (el) => (el as HTMLElement).innerText);
  attribute = (target: Target, name: string) => this.evaluateOn(target, (el, n) => el.getAttribute(n), name);
  inputValue = (target: Target) => this.evaluateOn(target, (el) => (el as HTMLInputElement).value);
  isChecked = (target: Target) => this.evaluateOn(target, (el) => (el as HTMLInputElement).checked);
  /** The target's box in the viewport, after scrolling it into view. */
  box = (target: Target) =>
    this.evaluateOn(target, (el) => {
      el.scrollIntoView({ block: "center", inline: "center" });
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height } as Box;
    });

  /** Two fingers on the target's centre moving apart (zoom in) from `from` to `to` px each side. */
  async pinch(target: Target, from = 30, to = 90): Promise<void> {
    const b = await this.box(target);
    await this.engine.pinch(b.x + b.width / 2, b.y + b.height / 2, from, to);
  }
}
