import type { Context } from 'hono'
import type { AppEnv } from './env'
import { ApiError } from './errors'
import { hitRateLimit } from './rate-limit.data'

export type RateRule = { key: string; limit: number; windowMs: number }

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE

/** Counts the attempt against every rule; the first exceeded rule answers 429 with Retry-After. */
export function enforceRateLimits(c: Context<AppEnv>, rules: RateRule[]): void {
  const now = c.var.clock.now()
  let wait = 0
  for (const rule of rules) {
    const result = hitRateLimit(c.var.db, rule.key, rule.limit, rule.windowMs, now)
    if (!result.allowed) wait = Math.max(wait, result.retryAfterSeconds)
  }
  if (wait > 0) {
    const minutes = Math.ceil(wait / 60)
    throw new ApiError(
      'too_many_requests',
      {
        nl:
          wait < 60
            ? `U hebt het te vaak geprobeerd. Wacht ${wait} seconden en probeer het dan opnieuw.`
            : `U hebt het te vaak geprobeerd. Wacht ${minutes} minuten en probeer het dan opnieuw.`,
        en:
          wait < 60
            ? `You have tried too often. Please wait ${wait} seconds and try again.`
            : `You have tried too often. Please wait ${minutes} minutes and try again.`,
      },
      { headers: { 'Retry-After': String(wait) } },
    )
  }
}
