import { eq, lt, sql } from 'drizzle-orm'
import type { Db } from '../db/open'
import { rateLimits } from '../db/schema'
import { oneRow } from '../db/statements'

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number }

/**
 * Counts one attempt against `key` in a fixed window, in one statement, so concurrent
 * requests (and processes) never lose a count.
 */
export async function hitRateLimit(
  db: Db,
  key: string,
  limit: number,
  windowMs: number,
  now: number,
): Promise<RateLimitResult> {
  const row = oneRow(
    await db
      .insert(rateLimits)
      .values({ key, windowStart: now, count: 1 })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          count: sql`case when ${rateLimits.windowStart} + ${windowMs} <= ${now} then 1 else ${rateLimits.count} + 1 end`,
          windowStart: sql`case when ${rateLimits.windowStart} + ${windowMs} <= ${now} then ${now} else ${rateLimits.windowStart} end`,
        },
      })
      .returning({ count: rateLimits.count, windowStart: rateLimits.windowStart }),
  )
  const retryAfterSeconds = Math.max(1, Math.ceil((row.windowStart + windowMs - now) / 1000))
  return { allowed: row.count <= limit, retryAfterSeconds }
}

/** Takes one count back (never below zero), in one statement. */
export async function refundRateLimit(db: Db, key: string): Promise<void> {
  await db
    .update(rateLimits)
    .set({ count: sql`case when ${rateLimits.count} > 0 then ${rateLimits.count} - 1 else 0 end` })
    .where(eq(rateLimits.key, key))
}

export async function forgetRateLimit(db: Db, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key))
}

/** Windows are at most a day long; older rows only take space. */
export async function pruneRateLimits(db: Db, now: number): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, now - 86_400_000))
}
