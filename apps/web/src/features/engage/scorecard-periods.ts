/**
 * Quarters ("2026-Q4") and months ("2026-11") of the scorecard, in the municipality's
 * time zone like the API counts them. Plain functions, tested on their own.
 */

import { amsterdamMonth } from '../../lib/amsterdam-time'

const QUARTER = /^(\d{4})-Q([1-4])$/

/** "2026-11": the month a moment falls in, in the municipality's time zone. */
export function monthOf(ms: number): string {
  return amsterdamMonth(ms)
}

export function quarterOfMonth(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`
}

/**
 * The quarters the API answers for, as the shared schema `Quarter` says: 1970-Q1 to
 * 2100-Q4 (a test holds the two equal). A quarter the API would refuse falls back to the
 * default period. Not imported from the schema: that would bring zod into this page.
 */
export function isQuarter(value: string | null | undefined): value is string {
  const year = Number(QUARTER.exec(value ?? '')?.[1])
  return year >= 1970 && year <= 2100
}

export function shiftQuarter(quarter: string, by: number): string {
  const [, year, q] = QUARTER.exec(quarter) ?? []
  const index = Number(year) * 4 + Number(q) - 1 + by
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`
}

/** The quarters a person can choose from: the last `count`, oldest first, ending with the current one. */
export function recentQuarters(now: number, count: number): string[] {
  const current = quarterOfMonth(monthOf(now))
  return Array.from({ length: count }, (_, i) => shiftQuarter(current, i - count + 1))
}

/** The API's default too: the current quarter and the three before it. */
export function defaultRange(now: number): { from: string; to: string } {
  const to = quarterOfMonth(monthOf(now))
  return { from: shiftQuarter(to, -3), to }
}

export function quarterParts(quarter: string): { year: string; q: string } {
  return { year: quarter.slice(0, 4), q: quarter.slice(6) }
}

/** Every month from `first` to `last` inclusive ("2026-08" … "2026-11"). */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = []
  let year = Number(first.slice(0, 4))
  let month = Number(first.slice(5, 7))
  const end = Number(last.slice(0, 4)) * 12 + Number(last.slice(5, 7))
  while (year * 12 + month <= end && months.length < 240) {
    months.push(`${year}-${String(month).padStart(2, '0')}`)
    month++
    if (month > 12) {
      month = 1
      year++
    }
  }
  return months
}

type TrendPoint = { month: string; satisfactionPct: number | null; ratings: number | null; suppressed: boolean }

/**
 * The trend per month with the gaps filled in: a month without ratings is shown as "too few"
 * rather than left out, so the time axis stays true. Months before the first rating and
 * after the current month are left off.
 */
export function fillTrend(trend: TrendPoint[], quarters: string[], now: number): TrendPoint[] {
  const first = trend[0]?.month
  const lastQuarter = quarters.at(-1)
  if (!first || !lastQuarter) return trend
  const { year, q } = quarterParts(lastQuarter)
  const quarterEnd = `${year}-${String(Number(q) * 3).padStart(2, '0')}`
  const current = monthOf(now)
  const last = quarterEnd < current ? quarterEnd : current
  const byMonth = new Map(trend.map((p) => [p.month, p]))
  return monthsBetween(first, last).map(
    (month) => byMonth.get(month) ?? { month, satisfactionPct: null, ratings: null, suppressed: true },
  )
}
