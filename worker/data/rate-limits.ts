import { sql } from "drizzle-orm";
import { rateLimits } from "../../schema/index.ts";
import type { Database } from "./db.ts";

/**
 * Counts one hit on `key` in a fixed window and says whether it is over
 * `limit`. One upsert statement, so concurrent requests cannot both slip in
 * under the limit.
 */
export async function hitRateLimit(
  db: Database,
  key: string,
  limit: number,
  windowSeconds: number,
  now = Date.now(),
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const windowStart = new Date(Math.floor(now / (windowSeconds * 1000)) * windowSeconds * 1000).toISOString();
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} = ${windowStart} then ${rateLimits.count} + 1 else 1 end`,
        windowStart,
      },
    })
    .returning({ count: rateLimits.count });
  const retryAfterSeconds = Math.ceil((Date.parse(windowStart) + windowSeconds * 1000 - now) / 1000);
  return { allowed: (row?.count ?? 1) <= limit, retryAfterSeconds };
}
