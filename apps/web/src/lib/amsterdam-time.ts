/*
 * The municipality's clock (Europe/Amsterdam) without Intl: see format.ts. Plain functions,
 * tested against Intl in format.test.ts.
 */

const HOUR = 3_600_000

/** 01:00 UTC on the last Sunday of `month` (0-based) of `year`. */
function lastSundayAtOne(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0))
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1)
}

/**
 * Europe/Amsterdam: UTC+1, and UTC+2 from the last Sunday of March to the last Sunday of
 * October, switching at 01:00 UTC (the EU's rule since 1996).
 */
function amsterdamOffset(ms: number): number {
  const year = new Date(ms).getUTCFullYear()
  return ms >= lastSundayAtOne(year, 2) && ms < lastSundayAtOne(year, 9) ? 2 * HOUR : HOUR
}

/** The date and time on a clock in the municipality (Europe/Amsterdam). */
export function amsterdamClock(ms: number): { year: number; month: number; day: number; hour: number; minute: number } {
  const local = new Date(ms + amsterdamOffset(ms))
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth(),
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  }
}

/** "2026-11" for a moment in November 2026, in the municipality's time zone. */
export function amsterdamMonth(ms: number): string {
  const { year, month } = amsterdamClock(ms)
  return `${year}-${String(month + 1).padStart(2, '0')}`
}
