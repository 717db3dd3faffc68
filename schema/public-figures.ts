import { text, sqliteTable } from "drizzle-orm/sqlite-core";

/**
 * The public figures of `/transparency`, one row a day, written by the daily
 * maintenance job (worker/maintenance/public-figures.ts) and read as is by
 * the public API: the page never runs a query over people. The JSON holds
 * aggregates only, every cell under 10 people already suppressed
 * (shared/service-standards/figures.ts).
 */
export const publicFigures = sqliteTable("public_figures", {
  /** The day the figures are for (`YYYY-MM-DD`, UTC). */
  day: text("day").primaryKey(),
  figuresJson: text("figures_json").notNull(),
  computedAt: text("computed_at").notNull(),
});
