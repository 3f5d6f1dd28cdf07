import { Quarter } from '@meedenken/shared'
import { describe, expect, it } from 'vitest'
import { defaultRange, fillTrend, isQuarter, monthsBetween, recentQuarters, shiftQuarter } from './scorecard-periods'

const nov2026 = Date.parse('2026-11-20T12:00:00Z')

describe('scorecard periods', () => {
  it('moves quarters across years', () => {
    expect(shiftQuarter('2026-Q1', -1)).toBe('2025-Q4')
    expect(shiftQuarter('2025-Q4', 1)).toBe('2026-Q1')
    expect(shiftQuarter('2026-Q4', -3)).toBe('2026-Q1')
  })

  it('offers recent quarters oldest first and defaults to the last four, like the API', () => {
    expect(recentQuarters(nov2026, 5)).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'])
    expect(defaultRange(Date.parse('2026-02-01T12:00:00Z'))).toEqual({ from: '2025-Q2', to: '2026-Q1' })
  })

  it('counts a moment by the Dutch calendar: New Year in Groningen is still December in UTC', () => {
    expect(recentQuarters(Date.parse('2026-12-31T23:30:00Z'), 1)).toEqual(['2027-Q1'])
  })

  it('lists months across a year end', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02'])
  })

  it('fills months without ratings as "too few", from the first rating up to now', () => {
    const trend = [
      { month: '2026-08', satisfactionPct: 54, ratings: 24, suppressed: false },
      { month: '2026-10', satisfactionPct: 80, ratings: 36, suppressed: false },
    ]
    expect(fillTrend(trend, ['2026-Q3', '2026-Q4'], nov2026)).toEqual([
      trend[0],
      { month: '2026-09', satisfactionPct: null, ratings: null, suppressed: true },
      trend[1],
      { month: '2026-11', satisfactionPct: null, ratings: null, suppressed: true },
    ])
    expect(fillTrend([], ['2026-Q4'], nov2026)).toEqual([])
  })
})

describe('quarters in the address', () => {
  it('accepts only the quarters the API answers for (1970-Q1 to 2100-Q4), so both fall back alike', () => {
    for (const good of ['1970-Q1', '2026-Q3', '2100-Q4']) expect(isQuarter(good), good).toBe(true)
    for (const bad of [
      '1969-Q4',
      '0000-Q1',
      '2101-Q1',
      '9999-Q4',
      '2026-Q5',
      '2026-q1',
      '2026-Q1 ',
      '',
      null,
      undefined,
    ]) {
      expect(isQuarter(bad), String(bad)).toBe(false)
    }
  })

  it('agrees with the shared schema on every year from 0 to 9999', () => {
    for (let year = 0; year <= 9999; year++) {
      const quarter = `${String(year).padStart(4, '0')}-Q${(year % 4) + 1}`
      expect(isQuarter(quarter), quarter).toBe(Quarter.safeParse(quarter).success)
    }
  })
})
