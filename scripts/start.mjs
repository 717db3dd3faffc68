// `npm start`: build the client, apply migrations to the local D1, seed the
// demo data once, and serve the whole portal offline with wrangler dev.
import { ensureDevVars, mustRun, root, bin, childEnv } from "./lib/run.mjs";
import { spawn } from "node:child_process";
import { requireProjectNode } from "./lib/node-version.mjs";

requireProjectNode();

const port = Number(process.env.PORT ?? 8787);
if (ensureDevVars(port)) console.log("Wrote .dev.vars (development mode, new local JWT key).");

await mustRun("Building the client", process.execPath, ["scripts/build-client.mjs"]);
await mustRun("Applying migrations to the local D1", bin("wrangler"), ["d1", "migrations", "apply", "DB", "--local"]);
await mustRun("Seeding demo data (once)", bin("tsx"), ["scripts/admin/index.ts", "seed-demo"]);

console.log(`\n▶ Starting the portal`);
const dev = spawn(
  bin("wrangler"),
  ["dev", "--port", String(port), "--ip", "127.0.0.1", "--test-scheduled", "--show-interactive-dev-session=false"],
  {
    cwd: root,
    stdio: "inherit",
    env: childEnv(),
  },
);

const base = `http://localhost:${port}`;
async function waitUntilUp() {
  for (let i = 0; i < 120; i++) {
    try {
      const response = await fetch(`${base}/api/session`);
      if (response.ok) return true;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

if (await waitUntilUp()) {
  console.log(`
────────────────────────────────────────────────────────────
  The PR Confirmation Portal is running at ${base}/
  Demo mailbox (every email the portal wrote): ${base}/dev/mailbox
  Demo accounts: see README.md ("Demo data"), or run
    npm run admin -- mail
  Stop with Ctrl+C.
────────────────────────────────────────────────────────────`);
  // Locally, nothing fires the cron trigger: run the outbox sweep every
  // 10 seconds so emails written by admin commands are delivered too.
  setInterval(() => {
    fetch(`${base}/__scheduled?cron=*+*+*+*+*`).catch(() => {});
  }, 10_000).unref();
} else {
  console.error("The portal did not answer on time; see wrangler's output above.");
}

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => dev.kill(signal));
dev.on("exit", (code) => process.exit(code ?? 0));
