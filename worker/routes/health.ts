import { Hono } from "hono";
import type { AppBindings } from "../lib/hono-types.ts";

/**
 * `GET /healthz`: "ok", touching nothing (no D1, no R2, no session). For uptime monitoring, and
 * the yardstick of the request benchmark: the cost of the runtime and the middleware alone.
 */
export const healthRoutes = new Hono<AppBindings>().get("/healthz", (c) =>
  c.text("ok", 200, { "Cache-Control": "no-store" }),
);
