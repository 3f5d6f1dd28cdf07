import { afterAll, describe, expect, it } from 'vitest'
import { monthOf } from '../features/engage/scorecard-periods'
import { formatDate, formatDateTime } from './format'
import { formatMonth, formatNumber, formatPercent } from './format-number'
import { i18n } from './i18n'

/**
 * lib/format.ts and lib/format-number.ts write dates and numbers without Intl (decision
 * 032). These tests hold them equal to Intl's output for both languages, so what people
 * read did not change: forty years of moments, every minute around each clock change, and
 * a sweep of numbers.
 */
const LOCALES = [
  ['nl', 'nl-NL'],
  ['en', 'en-GB'],
] as const

const HOUR = 3_600_000
const FROM = Date.UTC(2000, 0, 1)
const UNTIL = Date.UTC(2040, 0, 1)

afterAll(async () => {
  await i18n.changeLanguage('nl')
})

describe('dates without Intl', () => {
  for (const [lang, tag] of LOCALES) {
    it(`writes 2000–2039 as Intl does in ${tag}, in Amsterdam time, around every clock change`, async () => {
      await i18n.changeLanguage(lang)
      const date = new Intl.DateTimeFormat(tag, {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'Europe/Amsterdam',
      })
      const dateTime = new Intl.DateTimeFormat(tag, {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: 'Europe/Amsterdam',
      })
      const moments: number[] = []
      // Every 7 hours (so every hour of the day and every day of the week comes by), at a minute that moves…
      for (let ms = FROM; ms < UNTIL; ms += 7 * HOUR) moments.push(ms + ((ms / HOUR) % 60) * 60_000)
      // …and every minute around the clock changes: the last Sundays of March and October.
      for (let year = 2000; year < 2040; year++) {
        for (const month of [2, 9]) {
          const last = new Date(Date.UTC(year, month + 1, 0))
          const change = Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1)
          for (let at = change - 3 * HOUR; at <= change + 3 * HOUR; at += 60_000) moments.push(at)
        }
      }
      const differ: string[] = []
      for (const at of moments) {
        const iso = new Date(at).toISOString()
        if (formatDate(iso) !== date.format(at)) differ.push(`${iso}: ${formatDate(iso)} ≠ ${date.format(at)}`)
        if (formatDateTime(iso) !== dateTime.format(at))
          differ.push(`${iso}: ${formatDateTime(iso)} ≠ ${dateTime.format(at)}`)
        if (differ.length > 5) break
      }
      expect(differ).toEqual([])
    })
  }

  it('puts a moment in its month in Amsterdam, at the turn of a month and a year', () => {
    const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit' })
    for (let ms = FROM; ms < UNTIL; ms += 6 * HOUR)
      expect(monthOf(ms), new Date(ms).toISOString()).toBe(intl.format(ms).slice(0, 7))
    expect(monthOf(Date.parse('2026-12-31T23:30:00Z'))).toBe('2027-01')
    expect(monthOf(Date.parse('2026-06-30T22:30:00Z'))).toBe('2026-07')
  })
})

describe('numbers without Intl', () => {
  const values = [
    0, 0.04, 0.05, 0.45, 0.5, 0.55, 1, 1.005, 1.05, 1.25, 1.45, 2.5, 4.5, 9.95, 9.96, 14.45, 57.5, 64.3, 64.5, 99.5,
    99.95, 100, 999.95, 1000, 1234.5, 12345.65, 99999.95, 1234567.891,
  ]
  for (let i = 0; i <= 2000; i++) values.push(i / 7, i * 13.37, i / 100)

  for (const [lang, tag] of LOCALES) {
    it(`writes numbers and percentages as Intl does in ${tag}`, async () => {
      await i18n.changeLanguage(lang)
      for (const digits of [0, 1, 2]) {
        const intl = new Intl.NumberFormat(tag, { maximumFractionDigits: digits })
        for (const value of values) expect(formatNumber(value, digits), `${value} (${digits})`).toBe(intl.format(value))
      }
      const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 })
      for (const value of values) expect(formatPercent(value), `${value}%`).toBe(percent.format(value / 100))
    })

    it(`names the months as Intl does in ${tag}, the chart's short names without a dot`, async () => {
      await i18n.changeLanguage(lang)
      for (let m = 1; m <= 12; m++) {
        const month = `2026-${String(m).padStart(2, '0')}`
        const date = new Date(`${month}-15T12:00:00Z`)
        expect(formatMonth(month)).toBe(new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric' }).format(date))
        expect(formatMonth(month, true)).toBe(
          new Intl.DateTimeFormat(tag, { month: 'short' }).format(date).replace('.', ''),
        )
      }
    })
  }
})
