// Starts the portal in workerd alone, through Miniflare's API: no `wrangler dev` and so no
// proxy worker in front of it. The load test and the request benchmark use this, because the
// proxy's hop is about as costly as a light route and would hide what the portal itself does.
//
// The worker is the one `wrangler deploy` would upload (bundled by `wrangler deploy --dry-run`,
// wasm and model weights included), its bindings come from wrangler.toml through wrangler's own
// reader, and D1, R2 and the email queue are Miniflare's local simulations persisted under
// `<stateDir>/v3`: the layout `wrangler dev --persist-to` and `npm run admin -- --state` use, so
// the admin CLI's platform (scripts/admin/platform.ts) reads and seeds the same data.
// Cron triggers are left off, as in `wrangler dev`: the load test measures requests, and the
// scheduled jobs are tested on their own (test/integration/maintenance.test.ts).
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Miniflare, convertV4MiniflareOptions } from "miniflare";
import { unstable_getMiniflareWorkerOptions } from "wrangler";
import { exec, freePort, root } from "../../test/e2e/support/portal.ts";

interface WorkerdPortal {
  url: string;
  stateDir: string;
  stop(): Promise<void>;
}

const wrangler = path.join(root, "node_modules", ".bin", "wrangler");

/**
 * The module type Miniflare needs for each file the bundler wrote (index.js is the entry).
 * Non-JavaScript files take their type from wrangler.toml's `[[rules]]` (e.g. the face weights'
 * .bin and the e-CoPR font's .ttf are Data), so a new rule there needs no change here; .wasm is
 * CompiledWasm, as wrangler's default rule says.
 */
function modulesIn(bundleDir: string, rules: { type: string; include: string[] }[]) {
  const typeByExtension = new Map<string, string>([["wasm", "CompiledWasm"]]);
  for (const rule of rules) {
    for (const glob of rule.include) {
      const extension = /^\*\*\/\*\.(\w+)$/.exec(glob)?.[1];
      if (extension && !typeByExtension.has(extension)) typeByExtension.set(extension, rule.type);
    }
  }
  const extensionOf = (file: string) => file.slice(file.lastIndexOf(".") + 1);
  const files = readdirSync(bundleDir).filter((f) => /\.m?js$/.test(f) || typeByExtension.has(extensionOf(f)));
  if (!files.includes("index.js"))
    throw new Error(`wrangler's bundle has no index.js in ${bundleDir}: ${files.join(", ")}`);
  const type = (file: string) => typeByExtension.get(extensionOf(file)) ?? "ESModule";
  return ["index.js", ...files.filter((f) => f !== "index.js")].map((file) => ({
    type: type(file),
    path: path.join(bundleDir, file),
  }));
}

export async function startWorkerdPortal(): Promise<WorkerdPortal> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(path.join(tmpdir(), "pr-portal-workerd-"));
  const stateDir = path.join(dir, "state");
  const bundleDir = path.join(dir, "bundle");
  // The assets binding needs the built client; the API does not, but the worker is the same one.
  if (!existsSync(path.join(root, "dist", "client", "index.html")))
    await exec(process.execPath, ["scripts/build-client.mjs"]);
  await exec(wrangler, ["d1", "migrations", "apply", "DB", "--local", "--persist-to", stateDir]);
  await exec(wrangler, ["deploy", "--dry-run", "--outdir", bundleDir]);

  // Wrangler's module rules describe the source tree, not the bundle: Miniflare is given the
  // bundle's files one by one instead (it refuses both at once).
  const {
    modulesRules: sourceRules,
    cronTriggers: _crons,
    ...fromToml
  } = unstable_getMiniflareWorkerOptions(path.join(root, "wrangler.toml")).workerOptions;
  const miniflare = new Miniflare(
    convertV4MiniflareOptions({
      ...fromToml,
      name: "pr-confirmation-portal",
      modulesRoot: bundleDir,
      modules: modulesIn(bundleDir, (sourceRules ?? []) as { type: string; include: string[] }[]),
      bindings: {
        ...(fromToml.bindings as Record<string, unknown> | undefined),
        // What `npm start` puts in .dev.vars: development mode, this origin, a throwaway secret.
        ENVIRONMENT: "development",
        PUBLIC_ORIGIN: url,
        JWT_SECRET: `load-only-secret-${Math.random().toString(36).slice(2)}-0123456789abcdef`,
      },
      host: "127.0.0.1",
      port,
      resourcePersistencePath: path.join(stateDir, "v3"),
    } as Parameters<typeof convertV4MiniflareOptions>[0]),
  );
  try {
    await miniflare.ready;
  } catch (error) {
    await miniflare.dispose().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    stateDir,
    async stop() {
      await miniflare.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
