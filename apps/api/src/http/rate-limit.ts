import type { Text } from '@meedenken/shared'
import type { Context } from 'hono'
import type { AppEnv } from './env'
import { ApiError } from './errors'
import { forgetRateLimit, hitRateLimit, refundRateLimit } from './rate-limit.data'

export type RateRule = { key: string; limit: number; windowMs: number }

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE

/** "Wacht 1 minuut" / "Wacht 5 minuten": whole minutes from a minute on, seconds below it. */
export function waitText(seconds: number): Text {
  if (seconds < 60) {
    return {
      nl: `Wacht ${seconds} ${seconds === 1 ? 'seconde' : 'seconden'}`,
      en: `Please wait ${seconds} ${seconds === 1 ? 'second' : 'seconds'}`,
    }
  }
  const minutes = Math.ceil(seconds / 60)
  return {
    nl: `Wacht ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'}`,
    en: `Please wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`,
  }
}

export function tooManyRequests(waitSeconds: number): ApiError {
  const wait = waitText(waitSeconds)
  return new ApiError(
    'too_many_requests',
    {
      nl: `U hebt het te vaak geprobeerd. ${wait.nl} en probeer het dan opnieuw.`,
      en: `You have tried too often. ${wait.en} and try again.`,
    },
    { headers: { 'Retry-After': String(waitSeconds) } },
  )
}

/** Counts the attempt against every rule; the first exceeded rule answers 429 with Retry-After. */
export async function enforceRateLimits(c: Context<AppEnv>, rules: RateRule[]): Promise<void> {
  const now = c.var.clock.now()
  let wait = 0
  for (const rule of rules) {
    const result = await hitRateLimit(c.var.db, rule.key, rule.limit, rule.windowMs, now)
    if (!result.allowed) wait = Math.max(wait, result.retryAfterSeconds)
  }
  if (wait > 0) throw tooManyRequests(wait)
}

/**
 * Counts one use of a quiet budget (such as mails to one address) and says whether it is
 * still within it. Nothing is thrown: the caller answers as always and only skips the work,
 * so the answer reveals nothing about the budget or what it protects.
 */
export async function withinBudget(c: Context<AppEnv>, rule: RateRule): Promise<boolean> {
  return (await hitRateLimit(c.var.db, rule.key, rule.limit, rule.windowMs, c.var.clock.now())).allowed
}

/** Takes back one counted attempt, for limits that count only failures (counted first, so parallel tries cannot slip past). */
export async function refundRateLimits(c: Context<AppEnv>, keys: string[]): Promise<void> {
  for (const key of keys) await refundRateLimit(c.var.db, key)
}

/** Forgets a counter altogether. */
export async function forgetRateLimits(c: Context<AppEnv>, keys: string[]): Promise<void> {
  for (const key of keys) await forgetRateLimit(c.var.db, key)
}
