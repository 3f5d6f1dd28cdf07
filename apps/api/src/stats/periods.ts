import { startOfLocalDay } from '../domain/working-days'

const monthFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
})

/** "2026-11": the calendar month of a moment in the municipality's time zone. */
export function monthOf(ms: number): string {
  return monthFormat.format(ms).slice(0, 7)
}

/** The moment a month ("2026-11") starts in the municipality's time zone. */
export function monthStart(month: string): number {
  const day = Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1) / 86_400_000
  return startOfLocalDay(day)
}

/** The month after "2026-12" is "2027-01". */
export function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4))
  const m = Number(month.slice(5, 7))
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`
}

/** "2026-Q4" */
export function quarterOfMonth(month: string): string {
  const m = Number(month.slice(5, 7))
  return `${month.slice(0, 4)}-Q${Math.ceil(m / 3)}`
}

export function monthsOfQuarter(quarter: string): string[] {
  const year = quarter.slice(0, 4)
  const q = Number(quarter.slice(6))
  return [1, 2, 3].map((i) => `${year}-${String((q - 1) * 3 + i).padStart(2, '0')}`)
}

/** Quarters from `from` to `to` inclusive, oldest first. */
export function quarterRange(from: string, to: string): string[] {
  const result: string[] = []
  let year = Number(from.slice(0, 4))
  let q = Number(from.slice(6))
  const endYear = Number(to.slice(0, 4))
  const endQ = Number(to.slice(6))
  while (year < endYear || (year === endYear && q <= endQ)) {
    result.push(`${year}-Q${q}`)
    q++
    if (q > 4) {
      q = 1
      year++
    }
    if (result.length > 40) break
  }
  return result
}
