// The browsers the portal promises (package.json "browserslist", listed in
// the README) are the browsers it is built for and the browsers whose
// features it uses: the client build's esbuild target is the oldest version
// of each engine in the query, and every supported browser version has full
// support (caniuse data) for the web features the client relies on.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { en } from "../../client/i18n/en.ts";
import { fr } from "../../client/i18n/fr.ts";
import {
  NO_ESBUILD_ENGINE,
  SUPPORTED_BROWSERS_MODULE,
  esbuildTargets,
  readmeBrowserTable,
  supportedBrowserFamilies,
  supportedBrowsers,
  supportedBrowsersModule,
} from "../../scripts/lib/browser-targets.mjs";

const require = createRequire(import.meta.url);
const caniuse = require("caniuse-lite") as {
  features: Record<string, unknown>;
  feature(packed: unknown): { title: string; stats: Record<string, Record<string, string>> };
};
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

// Features the client uses, by caniuse id, with where. Checked for every version in the query.
const FEATURES: Record<string, string> = {
  "es6-module": "<script type=module>, the whole client",
  "es6-module-dynamic-import": "lazy pages (client/components/lazy-page)",
  "async-functions": "every page's data loading",
  fetch: "client/lib/api.ts",
  urlsearchparams: "?lang= and query strings",
  history: "the SPA router (pushState, replaceState)",
  "namevalue-storage": "the remembered language (localStorage)",
  internationalization: "dates and numbers (client/lib/format.ts)",
  "css-focus-visible": "focus indicators (client/styles.css)",
  "flexbox-gap": "layout gaps (client/styles.css)",
  "css-grid": "summary lists and panels (client/styles.css)",
  "css-variables": "colours and spacing (client/styles.css)",
  "css-filters": "the greyscale photo preview",
  "prefers-reduced-motion": "no animation when reduced motion is asked for",
  pointer: "the photo editor's drag and pinch (pointer events)",
  createimagebitmap: "decoding the chosen photo in the browser",
};

const browsers = supportedBrowsers();

/** package.json's query, the source of the README's list. */
const query = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { browserslist: string[] })
  .browserslist;

describe("supported browsers", () => {
  test("the query names Chrome, Edge, Firefox, Safari, iOS Safari and Samsung Internet", () => {
    const families = new Set(browsers.map((b) => b.split(" ")[0]));
    for (const family of ["chrome", "edge", "firefox", "safari", "ios_saf", "samsung", "and_chr"])
      assert.ok(families.has(family), `${family} is supported`);
    assert.ok(!families.has("ie") && !families.has("op_mini"), "no Internet Explorer or Opera Mini");
  });

  test("the esbuild target is the oldest supported version of each engine", () => {
    const oldest = (family: string) =>
      browsers
        .filter((b) => b.startsWith(`${family} `))
        .map((b) => b.split(" ")[1]!.split("-")[0]!)
        .sort((a, b) => Number.parseFloat(a) - Number.parseFloat(b))[0];
    const expected = [
      `chrome${oldest("chrome")}`,
      `edge${oldest("edge")}`,
      `firefox${oldest("firefox")}`,
      `ios${oldest("ios_saf")}`,
      `safari${oldest("safari")}`,
    ];
    assert.deepEqual(esbuildTargets(), expected);
    assert.deepEqual(
      esbuildTargets(["chrome 140", "and_chr 135", "samsung 28"]),
      ["chrome135"],
      "Android Chrome is Chrome; Samsung has no esbuild engine",
    );
    assert.throws(() => esbuildTargets(["op_mini all"]), /no esbuild engine/);
    assert.ok(NO_ESBUILD_ENGINE.has("samsung"));
  });

  test("the built client was built for exactly that target", () => {
    const info = path.join(root, "dist", "client-build.json");
    if (!existsSync(info))
      execFileSync(process.execPath, [path.join(root, "scripts", "build-client.mjs")], { cwd: root, stdio: "ignore" });
    const built = JSON.parse(readFileSync(info, "utf8")) as { target: string[] };
    assert.deepEqual(built.target, esbuildTargets());
  });

  test("every supported browser version fully supports the features the client uses", () => {
    const gaps: string[] = [];
    for (const [id, usedFor] of Object.entries(FEATURES)) {
      const packed = caniuse.features[id];
      assert.ok(packed, `caniuse knows ${id}`);
      const { stats } = caniuse.feature(packed);
      for (const browser of browsers) {
        const [family, version] = browser.split(" ") as [string, string];
        const support = stats[family]?.[version] ?? "unknown";
        if (!support.startsWith("y")) gaps.push(`${browser}: ${id} (${usedFor}) is "${support}"`);
      }
    }
    assert.deepEqual(gaps, []);
  });

  test("the information page's list and the README's table are generated from the query (EN and FR names for each)", () => {
    const families = supportedBrowserFamilies();
    assert.deepEqual(families.flatMap((f) => f.queries).sort(), [...query].sort(), "every query entry is described");
    // The build writes the page's module; a stale copy means someone edited it or the query without building.
    assert.equal(
      readFileSync(SUPPORTED_BROWSERS_MODULE, "utf8"),
      supportedBrowsersModule(),
      "client/lib/supported-browsers.generated.ts is what the build writes (run npm run build)",
    );
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    assert.ok(readme.includes(readmeBrowserTable()), `README's table is, row for row:\n${readmeBrowserTable()}`);
    for (const catalogue of [en, fr]) {
      assert.deepEqual(
        Object.keys(catalogue.info.browsers.names).sort(),
        families.map((f) => f.id).sort(),
        "a name in each language for each browser, and no other",
      );
    }
    assert.throws(() => supportedBrowserFamilies(["Opera >= 100"]), /cannot describe "Opera >= 100"/);
    assert.throws(() => supportedBrowserFamilies(["last 2 versions"]), /cannot describe/);
  });

  test("the README lists each browser of the query", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const section = /## Supported browsers\n([\s\S]*?)(\n## |$)/.exec(readme)?.[1];
    assert.ok(section, "README has a 'Supported browsers' section");
    for (const entry of query) assert.ok(section.includes(`\`${entry}\``), `README names \`${entry}\``);
  });
});
