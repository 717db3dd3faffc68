// A first `npm start` must be quiet and offline: npm install prints no
// EBADENGINE warnings (.npmrc), so the scripts themselves refuse a Node too old
// for wrangler; and the wrangler/miniflare processes they start are told not to
// download Request.cf data (which, offline, printed getaddrinfo ENOTFOUND stack traces).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { nodeVersionProblem } from "../../scripts/lib/node-version.mjs";
import { childEnv } from "../../scripts/lib/run.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

describe("first start", () => {
  test("the scripts refuse a Node older than wrangler's 22.12 and name the fix", () => {
    assert.match(
      nodeVersionProblem("v20.20.2") ?? "",
      /needs Node 22\.12 or later and is running on v20\.20\.2.*npm install/,
    );
    assert.match(nodeVersionProblem("v22.11.0") ?? "", /22\.12/);
    assert.equal(nodeVersionProblem("v22.12.0"), null);
    assert.equal(nodeVersionProblem("v22.23.3"), null);
    assert.equal(nodeVersionProblem("v24.1.0"), null);
  });

  test(".npmrc keeps npm install to errors (no EBADENGINE wall), with the way to see every warning", () => {
    const npmrc = readFileSync(path.join(root, ".npmrc"), "utf8");
    assert.match(npmrc, /^loglevel=error$/m);
    assert.match(npmrc, /--loglevel=warn/);
  });

  test("Miniflare started with the scripts' environment fetches no Request.cf data and prints no stack trace", () => {
    // A cache directory of its own, so an earlier download cannot hide a fetch.
    const cache = mkdtempSync(path.join(tmpdir(), "mf-cf-"));
    try {
      const script = `
        import { Miniflare, Log, LogLevel, convertV4MiniflareOptions } from "miniflare";
        const mf = new Miniflare(convertV4MiniflareOptions({ modules: true, log: new Log(LogLevel.WARN),
          script: "export default { fetch(request) { return Response.json({ colo: request.cf.colo, asn: request.cf.asn }); } }" }));
        console.log("cf=" + JSON.stringify(await (await mf.dispatchFetch("http://localhost/")).json()));
        await mf.dispose();`;
      const run = spawnSync(path.join(root, "node_modules", ".bin", "node"), ["--input-type=module", "-e", script], {
        cwd: root,
        env: childEnv({ MINIFLARE_CACHE_DIR: cache, NODE_ENV: "development" }),
        encoding: "utf8",
        timeout: 60_000,
      });
      const output = `${run.stdout}\n${run.stderr}`;
      assert.equal(run.status, 0, output);
      assert.doesNotMatch(output, /Unable to fetch the `Request\.cf`|ENOTFOUND|\n\s+at /, output);
      // Miniflare's built-in placeholder (Austin, DFW), not data from workers.cloudflare.com.
      assert.match(run.stdout, /cf=\{"colo":"DFW","asn":395747\}/);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
