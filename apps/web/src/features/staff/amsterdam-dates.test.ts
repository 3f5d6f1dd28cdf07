import { describe, expect, it } from 'vitest'
import { dayInAmsterdam, quarterOf, recentQuarters, startOfDayInAmsterdam } from './amsterdam-dates'

describe('dates in Amsterdam', () => {
  it('gives the start of a summer day with +02:00 and of a winter day with +01:00', () => {
    expect(startOfDayInAmsterdam('2026-07-15')).toBe('2026-07-15T00:00:00+02:00')
    expect(startOfDayInAmsterdam('2026-01-15')).toBe('2026-01-15T00:00:00+01:00')
  })

  it('uses the offset that holds at midnight on the days the clocks change', () => {
    // Clocks go forward at 02:00 on 29 March 2026 and back at 03:00 on 25 October 2026.
    expect(startOfDayInAmsterdam('2026-03-29')).toBe('2026-03-29T00:00:00+01:00')
    expect(startOfDayInAmsterdam('2026-10-25')).toBe('2026-10-25T00:00:00+02:00')
    expect(dayInAmsterdam(Date.parse(startOfDayInAmsterdam('2026-03-29')))).toBe('2026-03-29')
    expect(dayInAmsterdam(Date.parse(startOfDayInAmsterdam('2026-10-25')))).toBe('2026-10-25')
  })

  it('reads the day of a moment in Amsterdam, not in UTC', () => {
    expect(dayInAmsterdam('2026-06-30T22:30:00Z')).toBe('2026-07-01')
  })

  it('names quarters and counts back over a year boundary', () => {
    expect(quarterOf(Date.parse('2026-06-30T22:30:00Z'))).toBe('2026-Q3')
    expect(recentQuarters(Date.parse('2026-02-01T12:00:00Z'), 3)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3'])
  })
})
