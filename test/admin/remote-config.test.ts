import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { remoteConfigText } from "../../scripts/admin/platform.ts";
import { ROOT } from "./support.ts";

// --remote cannot be exercised offline; this checks the one part that can:
// the temporary wrangler config it hands to getPlatformProxy.
describe("--remote configuration", () => {
  it("marks the D1 and R2 bindings remote and keeps every path pointing into the project", async () => {
    const text = remoteConfigText(await readFile(path.join(ROOT, "wrangler.toml"), "utf8"), ROOT);
    const dir = await mkdtemp(path.join(os.tmpdir(), "pr-admin-remote-"));
    try {
      const file = path.join(dir, "wrangler.remote.toml");
      await writeFile(file, text);
      const { unstable_readConfig } = await import("wrangler");
      const config = unstable_readConfig({ config: file });
      assert.equal(config.d1_databases[0]?.binding, "DB");
      assert.equal(config.d1_databases[0]?.remote, true);
      assert.equal(config.r2_buckets[0]?.binding, "FILES");
      assert.equal(config.r2_buckets[0]?.remote, true);
      assert.equal(config.d1_databases[0]?.migrations_dir, path.join(ROOT, "migrations"));
      assert.equal(config.main, path.join(ROOT, "worker/index.ts"));
      assert.equal(config.assets?.directory, path.join(ROOT, "dist/client"));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
