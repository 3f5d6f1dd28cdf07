import { describe, expect, it } from 'vitest'
import { calendarDaysBetween, dueAt, localDate, localDay, overdueCutoff, workingDaysBetween } from './working-days'

const at = (iso: string) => Date.parse(iso)

describe('working days', () => {
  it('skips the weekend', () => {
    // Friday 6 November 2026 → Monday 9 November: one working day.
    expect(workingDaysBetween(at('2026-11-06T14:00:00+01:00'), at('2026-11-09T09:00:00+01:00'))).toBe(1)
    // Friday → the next Friday: five.
    expect(workingDaysBetween(at('2026-11-06T10:00:00+01:00'), at('2026-11-13T10:00:00+01:00'))).toBe(5)
    // Saturday → Sunday: none.
    expect(workingDaysBetween(at('2026-11-07T10:00:00+01:00'), at('2026-11-08T22:00:00+01:00'))).toBe(0)
    // Over three weeks and a bit: Monday 2 Nov → Thursday 26 Nov = 18.
    expect(workingDaysBetween(at('2026-11-02T10:00:00+01:00'), at('2026-11-26T10:00:00+01:00'))).toBe(18)
  })

  it('finds the local date of every hour, also on the days clocks change', () => {
    // Each hour of 2026 against Intl directly: the dates are looked up per UTC hour.
    const format = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' })
    for (let ms = at('2026-01-01T00:00:00Z'); ms < at('2027-01-01T00:00:00Z'); ms += 3_600_000) {
      for (const within of [0, 59 * 60_000 + 59_999]) {
        expect(localDay(ms + within) * 86_400_000).toBe(Date.parse(format.format(ms + within)))
      }
    }
  })

  it('writes the local date, not the UTC one, around midnight and in both seasons', () => {
    expect(localDate(at('2027-04-01T00:05:00+02:00'))).toBe('2027-04-01')
    expect(localDate(at('2027-03-31T23:55:00+02:00'))).toBe('2027-03-31')
    expect(localDate(at('2026-12-31T23:30:00+01:00'))).toBe('2026-12-31')
    expect(localDate(at('2027-01-01T00:30:00+01:00'))).toBe('2027-01-01')
  })

  it('counts local dates, not 24-hour periods', () => {
    // 23:30 on Monday in Amsterdam to 00:30 on Tuesday is one working day.
    expect(workingDaysBetween(at('2026-11-02T23:30:00+01:00'), at('2026-11-03T00:30:00+01:00'))).toBe(1)
  })

  it('puts the due date at the end of the tenth working day, across weekends', () => {
    // Submitted Thursday 5 November 2026; ten working days later is Thursday 19 November.
    expect(new Date(dueAt(at('2026-11-05T11:00:00+01:00'), 10)).toISOString()).toBe('2026-11-19T22:59:59.999Z')
    // Submitted on a Saturday: the count starts on Monday; the 10th working day is Friday 20 Nov.
    expect(new Date(dueAt(at('2026-11-07T11:00:00+01:00'), 10)).toISOString()).toBe('2026-11-20T22:59:59.999Z')
  })

  it('agrees with itself: everything before the cutoff is past its due date', () => {
    const now = at('2026-11-24T10:00:00+01:00')
    const cutoff = overdueCutoff(now, 10)
    expect(dueAt(cutoff - 1, 10)).toBeLessThan(now)
    expect(dueAt(cutoff, 10)).toBeGreaterThanOrEqual(now)
    expect(workingDaysBetween(cutoff - 1, now)).toBe(11)
    expect(workingDaysBetween(cutoff, now)).toBe(10)
  })

  it('handles the change to summer time', () => {
    // Clocks go forward on Sunday 29 March 2026.
    expect(workingDaysBetween(at('2026-03-27T12:00:00+01:00'), at('2026-03-30T12:00:00+02:00'))).toBe(1)
    expect(calendarDaysBetween(at('2026-03-28T23:30:00+01:00'), at('2026-03-29T23:30:00+02:00'))).toBe(1)
  })
})
