import { Hono } from "hono";
import { latestPublicFigures } from "../data/service-figures.ts";
import type { AppBindings } from "../lib/hono-types.ts";

/**
 * `/transparency`'s figures, for anyone: the row the daily maintenance job
 * wrote (worker/maintenance/public-figures.ts), aggregates only, every cell
 * under 10 people already suppressed. One indexed read, no session.
 * `figures` is null until the job has run once.
 */
export const transparencyRoutes = new Hono<AppBindings>().get("/", async (c) =>
  c.json({ figures: await latestPublicFigures(c.var.db) }),
);
