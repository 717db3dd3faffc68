// The browsers the portal supports, read from package.json's "browserslist"
// query, turned into esbuild's `target` list for scripts/build-client.mjs.
// One source of truth: change the query, and the build and the README's
// promise (checked by test/node/browser-support.test.ts) follow it.
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const browserslist = require("browserslist");
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

// caniuse names → esbuild engine names. The mobile Chrome and Firefox run
// the same engines as on desktop. Samsung Internet has no esbuild engine:
// it is Chromium underneath, and the test checks its features one by one.
const ENGINE = { chrome: "chrome", and_chr: "chrome", edge: "edge", firefox: "firefox", and_ff: "firefox", safari: "safari", ios_saf: "ios" };
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
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0);
  return false;
};

/** The oldest supported version of each esbuild engine: ["chrome132", "edge132", …]. */
export function esbuildTargets(browsers = supportedBrowsers()) {
  const oldest = new Map();
  for (const entry of browsers) {
    const [name, version] = entry.split(" ");
    if (NO_ESBUILD_ENGINE.has(name)) continue;
    const engine = ENGINE[name];
    if (!engine) throw new Error(`browser-targets: no esbuild engine for "${entry}"; add it to ENGINE or drop it from the query`);
    const v = lowest(version);
    if (!oldest.has(engine) || older(v, oldest.get(engine))) oldest.set(engine, v);
  }
  return [...oldest].sort(([a], [b]) => a.localeCompare(b)).map(([engine, v]) => `${engine}${v}`);
}
