// The browsers the portal supports, read from package.json's "browserslist"
// query, turned into esbuild's `target` list for scripts/build-client.mjs.
// One source of truth: change the query, and the build and the README's
// promise (checked by test/node/browser-support.test.ts) follow it.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const browserslist = require("browserslist");
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

// caniuse names → esbuild engine names. The mobile Chrome and Firefox run
// the same engines as on desktop. Samsung Internet has no esbuild engine:
// it is Chromium underneath, and the test checks its features one by one.
const ENGINE = {
  chrome: "chrome",
  and_chr: "chrome",
  edge: "edge",
  firefox: "firefox",
  and_ff: "firefox",
  safari: "safari",
  ios_saf: "ios",
};
export const NO_ESBUILD_ENGINE = new Set(["samsung"]);

/** The supported browsers as browserslist resolves the package.json query: ["chrome 157", …]. */
export function supportedBrowsers() {
  // Without a query browserslist would quietly use its own defaults.
  if (!browserslist.findConfig(root)) throw new Error('browser-targets: package.json has no "browserslist" query');
  return browserslist(undefined, { path: root });
}

/** "18.5-18.7" → "18.5": a range starts at its lowest version. */
const lowest = (version) => version.split("-")[0];
const older = (a, b) => {
  const [x, y] = [a, b].map((v) => v.split(".").map(Number));
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0);
  return false;
};

/** The oldest supported version of each esbuild engine: ["chrome132", "edge132", …]. */
export function esbuildTargets(browsers = supportedBrowsers()) {
  const oldest = new Map();
  for (const entry of browsers) {
    const [name, version] = entry.split(" ");
    if (NO_ESBUILD_ENGINE.has(name)) continue;
    const engine = ENGINE[name];
    if (!engine)
      throw new Error(`browser-targets: no esbuild engine for "${entry}"; add it to ENGINE or drop it from the query`);
    const v = lowest(version);
    if (!oldest.has(engine) || older(v, oldest.get(engine))) oldest.set(engine, v);
  }
  return [...oldest].sort(([a], [b]) => a.localeCompare(b)).map(([engine, v]) => `${engine}${v}`);
}

// ---------- The list people read: the information page and the README ----------
// Both are generated from the same query, so they cannot drift apart: the build
// writes client/lib/supported-browsers.generated.ts (the page's list, EN and FR
// names in the client's catalogues), and test/node/browser-support.test.ts
// checks that file and the README's table against supportedBrowserFamilies().

/** Query names → the ids the page and README use, in the order they are listed. */
const FAMILIES = [
  ["Chrome", "chrome", "Chrome (computers)"],
  ["ChromeAndroid", "chromeAndroid", "Chrome for Android"],
  ["Edge", "edge", "Microsoft Edge"],
  ["Firefox", "firefox", "Firefox (computers)"],
  ["FirefoxAndroid", "firefoxAndroid", "Firefox for Android"],
  ["Safari", "safari", "Safari (macOS)"],
  ["iOS", "ios", "Safari on iPhone and iPad"],
  ["Samsung", "samsung", "Samsung Internet"],
];

/** package.json's query entries, as written ("Chrome >= 132", "Firefox ESR"). */
export function browserQuery() {
  return JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).browserslist;
}

/**
 * The supported browsers as people read them: [{ id, name, queries, minVersion, esr }],
 * one per browser, in FAMILIES order. Only "X >= n" and "X ESR" entries are understood;
 * anything else throws, so a new kind of entry is described on purpose, not dropped.
 */
export function supportedBrowserFamilies(query = browserQuery()) {
  const found = new Map();
  for (const entry of query) {
    const match = /^(\w+) (?:>= ([\d.]+)|(ESR))$/.exec(entry);
    const family = match && FAMILIES.find(([queryName]) => queryName === match[1]);
    if (!family)
      throw new Error(
        `browser-targets: cannot describe "${entry}" to people; add it to FAMILIES (and to the catalogues' info.browsers.names)`,
      );
    const [, id, name] = family;
    const row = found.get(id) ?? { id, name, queries: [], minVersion: null, esr: false };
    row.queries.push(entry);
    if (match[2]) row.minVersion = match[2];
    if (match[3]) row.esr = true;
    found.set(id, row);
  }
  return FAMILIES.map(([, id]) => found.get(id)).filter(Boolean);
}

/** The generated module the information page imports. */
export function supportedBrowsersModule(families = supportedBrowserFamilies()) {
  const rows = families.map(
    ({ id, minVersion, esr }) =>
      `  { id: ${JSON.stringify(id)}, minVersion: ${JSON.stringify(minVersion)}, esr: ${esr} },`,
  );
  return [
    '// Generated by scripts/build-client.mjs from package.json\'s "browserslist" (scripts/lib/browser-targets.mjs).',
    "// Do not edit: change the query and build. Names in each language: m.info.browsers.names.",
    "export const SUPPORTED_BROWSERS = [",
    ...rows,
    "] as const;",
    "",
    'export type SupportedBrowserId = (typeof SUPPORTED_BROWSERS)[number]["id"];',
    "",
  ].join("\n");
}

/** The README's "Supported browsers" table, row for row. */
export function readmeBrowserTable(families = supportedBrowserFamilies()) {
  const versions = ({ id, minVersion, esr }) =>
    [
      minVersion && `${id === "ios" ? "iOS " : ""}${minVersion} and later`,
      esr && "the current Extended Support Release",
    ]
      .filter(Boolean)
      .join(", and ");
  return [
    "| Browser | Query | Versions |",
    "| --- | --- | --- |",
    ...families.map((f) => `| ${f.name} | ${f.queries.map((q) => `\`${q}\``).join(", ")} | ${versions(f)} |`),
  ].join("\n");
}

export const SUPPORTED_BROWSERS_MODULE = path.join(root, "client", "lib", "supported-browsers.generated.ts");

/** Writes the page's module when the query changed it (so an unchanged build touches nothing). */
export function writeSupportedBrowsersModule() {
  const text = supportedBrowsersModule();
  if (!existsSync(SUPPORTED_BROWSERS_MODULE) || readFileSync(SUPPORTED_BROWSERS_MODULE, "utf8") !== text)
    writeFileSync(SUPPORTED_BROWSERS_MODULE, text);
}
