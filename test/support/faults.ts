// Failures injected at the boundaries (R2, D1, the worker's bindings), for
// the fault tests. The worker itself runs unchanged: only the bindings it is
// given misbehave, as a real outage would make them.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import type { AppEnv } from "../../worker/env.ts";
import worker from "../../worker/index.ts";
import type { Browser } from "./http.ts";

/** Calls the worker with these bindings and waits for its waitUntil work (R2 deletes, enqueues). */
async function callWorker(request: Request, bindings: AppEnv): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await worker.fetch(request, bindings, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

/** Makes a test browser talk to the worker running with these bindings (undefined: the normal ones). */
export function useBindings(browser: Browser, bindings?: Partial<AppEnv>) {
  const full = { ...(env as unknown as AppEnv), ...bindings };
  browser.fetcher = (request) => callWorker(request, full);
}

/** Counts of what a faulty binding was asked to do. */
export interface FaultLog {
  puts: number;
  deletes: number;
  batches: number;
}

/** The real bucket, except that the named operations throw as an R2 outage would. */
export function failingBucket(
  bucket: R2Bucket,
  fail: { put?: boolean; delete?: boolean },
  log: FaultLog = { puts: 0, deletes: 0, batches: 0 },
): R2Bucket {
  return new Proxy(bucket, {
    get(target, name) {
      if (name === "put") {
        return async (...args: Parameters<R2Bucket["put"]>) => {
          log.puts++;
          if (fail.put) throw new Error("R2 put failed: 503 Service Unavailable (injected)");
          return target.put(...args);
        };
      }
      if (name === "delete") {
        return async (...args: Parameters<R2Bucket["delete"]>) => {
          log.deletes++;
          if (fail.delete) throw new Error("R2 delete failed: 503 Service Unavailable (injected)");
          return target.delete(...args);
        };
      }
      const value = Reflect.get(target, name, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/**
 * The real database, except that every db.batch fails after its first
 * `after` statements have run: a statement on a table that does not exist is
 * slipped in there, so D1 aborts the batch half way and must roll back what
 * ran before it.
 */
export function batchFailingHalfway(
  database: D1Database,
  log: FaultLog = { puts: 0, deletes: 0, batches: 0 },
  after = 1,
): D1Database {
  return new Proxy(database, {
    get(target, name) {
      if (name === "batch") {
        return (statements: D1PreparedStatement[]) => {
          log.batches++;
          const failing = target.prepare("INSERT INTO fault_injected_missing_table (x) VALUES (1)");
          return target.batch([...statements.slice(0, after), failing, ...statements.slice(after)]);
        };
      }
      const value = Reflect.get(target, name, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
