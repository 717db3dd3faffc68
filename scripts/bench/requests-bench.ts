// Request benchmark: throughput and latency of the signed-in task list's API call and of
// sign-in, against GET /healthz (the same worker's hello-world route) in the same run and the
// same runtime setup: workerd alone on 127.0.0.1, the worker wrangler would deploy, local D1/R2
// (scripts/load/workerd-portal.ts), with no `wrangler dev` proxy in front of it.
// The task-list page itself is static files (served by Cloudflare's asset layer); what it waits
// for is GET /api/persons, measured here.
import os from "node:os";
import { withPlatform } from "../admin/platform.ts";
import { startWorkerdPortal } from "../load/workerd-portal.ts";
import { APPLICANT_PASSWORD, seedPeople } from "../load/seed.ts";

interface Figures {
  name: string;
  requests: number;
  concurrency: number;
  perSecond: number;
  p50: number;
  p99: number;
  statuses: string;
}

async function measure(
  name: string,
  requests: number,
  concurrency: number,
  send: (i: number) => Promise<Response>,
): Promise<Figures> {
  await (await send(-1)).arrayBuffer(); // warm-up
  const times: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const i = next++;
        const t0 = performance.now();
        const response = await send(i);
        await response.arrayBuffer();
        times.push(performance.now() - t0);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)]!;
  return {
    name,
    requests,
    concurrency,
    perSecond: requests / seconds,
    p50: at(0.5),
    p99: at(0.99),
    statuses: [...statuses].map(([s, n]) => `${s}×${n}`).join(" "),
  };
}

export async function runRequestBench(): Promise<void> {
  const portal = await startWorkerdPortal();
  try {
    const people = await withPlatform({ remote: false, state: portal.stateDir }, (p) => seedPeople(p, 1, 0));
    const person = people.applicants[0]!;
    const signIn = (ip: string) =>
      fetch(`${portal.url}/api/auth/sign-in`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Origin: portal.url,
          "Sec-Fetch-Site": "same-origin",
          "CF-Connecting-IP": ip,
        },
        body: JSON.stringify({ username: person.username, password: APPLICANT_PASSWORD }),
      });
    const first = await signIn("203.0.113.1");
    const cookie = first.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    if (first.status !== 200 || !cookie) throw new Error(`sign-in for the benchmark failed: ${first.status}`);

    const rows = [
      await measure("GET /healthz (hello world)", 400, 8, () => fetch(`${portal.url}/healthz`)),
      // The floor of every signed-in request: the session cookie's check and its one D1 lookup.
      await measure("GET /api/session (signed in)", 400, 8, () =>
        fetch(`${portal.url}/api/session`, { headers: { Cookie: cookie } }),
      ),
      await measure("GET /api/persons (task list, signed in)", 400, 8, () =>
        fetch(`${portal.url}/api/persons`, { headers: { Cookie: cookie } }),
      ),
      // Each sign-in from its own address: the per-IP throttle (20 per 15 minutes) stays on.
      await measure("POST /api/auth/sign-in (PBKDF2 6×100,000)", 40, 4, (i) =>
        signIn(`198.51.100.${((i + 300) % 250) + 1}`),
      ),
    ];
    const base = rows[0]!;
    const pad = (s: string, n: number) => s.padStart(n);
    console.log(
      `${"route".padEnd(44)}${pad("requests", 9)}${pad("conc.", 6)}${pad("req/s", 9)}${pad("p50 ms", 8)}${pad("p99 ms", 8)}${pad("× req/s", 9)}${pad("× p99", 8)}  statuses`,
    );
    for (const r of rows) {
      console.log(
        `${r.name.padEnd(44)}${pad(String(r.requests), 9)}${pad(String(r.concurrency), 6)}${pad(r.perSecond.toFixed(1), 9)}${pad(r.p50.toFixed(1), 8)}${pad(r.p99.toFixed(1), 8)}${pad((r.perSecond / base.perSecond).toFixed(3), 9)}${pad((r.p99 / base.p99).toFixed(1), 8)}  ${r.statuses}`,
      );
    }
    console.log("\n× req/s: throughput as a share of /healthz's; × p99: p99 latency as a multiple of /healthz's.");
    console.log(`Runtime: workerd alone through Miniflare (no wrangler dev proxy), local D1/R2, loopback HTTP.`);
    console.log(`${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, Node ${process.version}`);
  } finally {
    await portal.stop();
  }
}
