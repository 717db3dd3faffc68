// The browser files' portal (support/portal.ts) when its start fails: two `wrangler dev` started
// at once can be handed the same port ("Address already in use"), which once failed a journey
// before it began and left its browser running. A failed start is tried again on new ports, and
// a portal that cannot start leaves no wrangler or workerd behind.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { after, before, describe, test } from "node:test";
import { freePort, startPortal } from "./support/portal.ts";

let taken: Server;
let takenPort: number;
before(async () => {
  taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
  takenPort = (taken.address() as { port: number }).port;
});
after(() => taken.close());

/** Processes whose command line names the taken port (the wrangler dev told to listen there). */
function processesOnTakenPort(): string[] {
  const found: string[] = [];
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      if (args.includes("dev") && args.join(" ").includes(`--port ${takenPort}`))
        found.push(`${pid}: ${args.join(" ")}`);
    } catch {
      // It ended while being read.
    }
  }
  return found;
}

describe("the browser tests' portal", () => {
  test("a start that fails (its port taken) is tried again on a new port, and the failed wrangler is gone", async () => {
    const ports = [takenPort];
    const portal = await startPortal({}, { choosePort: async () => ports.shift() ?? freePort() });
    try {
      assert.notEqual(new URL(portal.url).port, String(takenPort));
      assert.equal((await fetch(`${portal.url}/api/session`)).ok, true);
      assert.deepEqual(processesOnTakenPort(), []);
    } finally {
      await portal.stop();
    }
  });

  test("a portal that cannot start says so after three attempts and leaves nothing running", async () => {
    await assert.rejects(
      startPortal({}, { choosePort: async () => takenPort }),
      /portal did not start in 3 attempts[\s\S]*Address already in use/,
    );
    assert.deepEqual(processesOnTakenPort(), []);
  });
});
