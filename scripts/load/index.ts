// `npm run load`: N applicants (default 200) go through the journey at once against the portal
// running locally, then officers decide every submission; prints requests per second, latency
// per route and answers by status, then checks D1 and R2. Loopback only; bounded by
// --max-seconds. Exit code 1 if any 5xx happened or any after-check is false.
//
//   npm run load -- [--applicants N] [--concurrency C] [--officers K] [--max-seconds S]
//
// The portal runs in workerd alone on 127.0.0.1 (./workerd-portal.ts): the worker wrangler would
// deploy, with its own local D1, R2 and email queue, and no `wrangler dev` proxy in front.
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { execFileSync } from "node:child_process";
import { withPlatform } from "../admin/platform.ts";
import { root } from "../../test/e2e/support/portal.ts";
import { afterChecks, footprint, waitForOutbox } from "./checks.ts";
import { Session } from "./http.ts";
import { applicantJourney, officerWork } from "./journey.ts";
import { seedPeople } from "./seed.ts";
import { Stats } from "./stats.ts";
import { startWorkerdPortal } from "./workerd-portal.ts";

const { values } = parseArgs({
  options: {
    applicants: { type: "string", default: "200" },
    concurrency: { type: "string", default: "20" },
    officers: { type: "string", default: "4" },
    "max-seconds": { type: "string", default: "900" },
  },
});
const number = (name: keyof typeof values, min: number, max: number) => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`--${name} must be a whole number from ${min} to ${max}`);
    process.exit(2);
  }
  return n;
};
const APPLICANTS = number("applicants", 1, 5000);
const CONCURRENCY = number("concurrency", 1, 500);
const OFFICERS = number("officers", 1, 50);
const MAX_SECONDS = number("max-seconds", 10, 7200);

const PHOTO_FILES = [
  ["valid.jpg", "image/jpeg"],
  ["progressive.jpg", "image/jpeg"],
  ["valid-dark-hair.jpg", "image/jpeg"],
  // A light grey background warns (background_not_white), so the journey acknowledges it.
  ["light-grey-background.jpg", "image/jpeg"],
  ["valid.png", "image/png"],
] as const;
const fixtures = path.join(root, "test/fixtures/photos");
if (!PHOTO_FILES.every(([f]) => existsSync(path.join(fixtures, f)))) {
  const tsx = path.join(root, "node_modules/.bin/tsx");
  if (!existsSync(path.join(fixtures, "face-source.bin")))
    execFileSync(tsx, ["scripts/fixtures/face-source.ts"], { cwd: root, stdio: "inherit" });
  execFileSync(tsx, ["scripts/fixtures/generate-photos.ts"], { cwd: root, stdio: "inherit" });
}
const photos = PHOTO_FILES.map(([file, type]) => ({
  bytes: new Uint8Array(readFileSync(path.join(fixtures, file))),
  type,
}));

console.log(`Starting the portal (workerd alone, local D1/R2/queue on 127.0.0.1)…`);
const portal = await startWorkerdPortal();
const platform = { remote: false, state: portal.stateDir };
let exitCode = 0;
try {
  process.stdout.write(`Seeding ${APPLICANTS} applicants and ${OFFICERS} officers… `);
  const people = await withPlatform(platform, (p) => seedPeople(p, APPLICANTS, OFFICERS));
  console.log("done");

  const stats = new Stats();
  const deadline = Date.now() + MAX_SECONDS * 1000;
  const failures: string[] = [];
  let next = 0;
  let finished = 0;
  let skipped = 0;
  console.log(`${APPLICANTS} applicants, ${CONCURRENCY} at a time…`);
  const applicantStart = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < people.applicants.length) {
        const i = next++;
        if (Date.now() > deadline) {
          skipped++;
          continue;
        }
        // Each applicant from their own address (a documentation range, RFC 5737).
        const session = new Session(portal.url, `198.51.${100 + Math.floor(i / 250)}.${(i % 250) + 1}`, stats);
        try {
          await applicantJourney(session, people.applicants[i]!, photos[i % photos.length]!);
          finished++;
        } catch (error) {
          failures.push(`applicant ${i + 1}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }),
  );
  const applicantSeconds = (performance.now() - applicantStart) / 1000;

  console.log(`${OFFICERS} officers deciding…`);
  const officerStart = performance.now();
  const accepted = await Promise.all(
    people.officers.map((officer, i) =>
      officerWork(new Session(portal.url, `192.0.2.${i + 1}`, stats), officer, i, OFFICERS).catch((error) => {
        failures.push(`officer ${i + 1}: ${error instanceof Error ? error.message : String(error)}`);
        return 0;
      }),
    ),
  );
  const acceptedTotal = accepted.reduce((a, b) => a + b, 0);
  const officerSeconds = (performance.now() - officerStart) / 1000;
  const wall = (performance.now() - stats.started) / 1000;

  console.log(
    `\nRequests: ${stats.total} in ${wall.toFixed(1)} s, ${(stats.total / wall).toFixed(1)} requests per second`,
  );
  console.log(
    `Applicants: ${finished} finished, ${failures.filter((f) => f.startsWith("applicant")).length} failed, ${skipped} not started (time bound) in ${applicantSeconds.toFixed(1)} s`,
  );
  console.log(
    `Officers: ${acceptedTotal} submissions accepted by ${OFFICERS} officers in ${officerSeconds.toFixed(1)} s`,
  );
  console.log(
    `Answers by status: ${[...stats.statuses]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s === 0 ? "network error" : s} ×${n}`)
      .join(", ")}`,
  );
  console.log(`\n${stats.table()}\n`);
  for (const failure of failures.slice(0, 10)) console.log(`  failed: ${failure}`);

  process.stdout.write("Waiting for the email queue to drain… ");
  const pending = await withPlatform(platform, (p) => waitForOutbox(p, 120));
  console.log(pending === 0 ? "done" : `${pending} still pending after 120 s`);
  const checks = await withPlatform(platform, (p) => afterChecks(p, { submitted: finished, accepted: acceptedTotal }));
  console.log("\nAfter-checks (D1 and R2):");
  for (const check of checks) console.log(`  ${check.ok ? "true " : "FALSE"}  ${check.name} (${check.detail})`);
  const noServerErrors = stats.serverErrors === 0;
  console.log(`  ${noServerErrors ? "true " : "FALSE"}  no 5xx and no network errors (${stats.serverErrors})`);
  console.log("\nWhat the run left (D1 rows, database size, R2):");
  for (const line of await withPlatform(platform, footprint)) console.log(`  ${line}`);
  console.log(
    `\n${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  if (!noServerErrors || checks.some((c) => !c.ok) || failures.length > 0) exitCode = 1;
} finally {
  await portal.stop();
}
process.exit(exitCode);
