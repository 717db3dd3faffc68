import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { inspect, runAdmin, temporaryState } from "./support.ts";

describe("admin maintenance", () => {
  let state: Awaited<ReturnType<typeof temporaryState>>;
  before(async () => {
    state = await temporaryState({ fresh: true });
  });
  after(() => state.remove());

  it("runs the daily job on the local state: an expired throttle window goes, a live one stays, the run is audited; --json prints one object", async () => {
    // Any admin command applies the migrations to the fresh state; `mail` is the lightest.
    assert.equal((await runAdmin(["mail", "--state", state.dir])).code, 0);
    const old = new Date(Date.now() - 3 * 86_400_000).toISOString();
    await inspect(state.dir, async ({ env }) => {
      await env.DB.prepare("insert into rate_limits (key, window_start, count) values (?, ?, 1), (?, ?, 1)")
        .bind("ip:test:old", old, "ip:test:new", new Date().toISOString())
        .run();
    });

    const readable = await runAdmin(["maintenance", "--state", state.dir]);
    assert.equal(readable.code, 0, readable.stderr);
    assert.match(readable.stdout, /Retention purge: 0 person\(s\)/);
    assert.match(
      readable.stdout,
      /Expired records deleted: 0 session\(s\), 0 reset link\(s\), 0 claim\(s\), 1 throttle window\(s\)/,
    );
    assert.match(readable.stdout, /Orphaned files: 0 deleted/);

    const json = await runAdmin(["maintenance", "--json", "--state", state.dir]);
    assert.equal(json.code, 0, json.stderr);
    const report = JSON.parse(json.stdout) as { expired: { rateLimits: number }; retention: { persons: number } };
    assert.equal(report.expired.rateLimits, 0, "idempotent: nothing more to delete");
    assert.equal(report.retention.persons, 0);

    await inspect(state.dir, async ({ env }) => {
      const keys = (
        await env.DB.prepare("select key from rate_limits where key like 'ip:test:%'").all<{ key: string }>()
      ).results.map((r) => r.key);
      assert.deepEqual(keys, ["ip:test:new"]);
      const runs = (await env.DB.prepare("select count(*) as n from audit_log where action = 'maintenance.run'").first<{
        n: number;
      }>())!.n;
      assert.equal(runs, 2);
    });
  });
});
