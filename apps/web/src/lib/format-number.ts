import { currentLocale } from './i18n'

const formatters = new Map<string, Intl.NumberFormat>()

function formatter(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const locale = currentLocale() === 'nl' ? 'nl-NL' : 'en-GB'
  const key = `${locale}|${JSON.stringify(options)}`
  let f = formatters.get(key)
  if (!f) {
    f = new Intl.NumberFormat(locale, options)
    formatters.set(key, f)
  }
  return f
}

/** 64.3 → "64%" (en) / "64%" (nl): whole percentages read fastest at a glance. */
export function formatPercent(value: number): string {
  return formatter({ style: 'percent', maximumFractionDigits: 0 }).format(value / 100)
}

/** 4.5 → "4,5" (nl) / "4.5" (en). */
export function formatNumber(value: number, maximumFractionDigits = 1): string {
  return formatter({ maximumFractionDigits }).format(value)
}

/** "2026-11" → "november 2026"; with `short`, "nov" (the chart's axis). */
export function formatMonth(month: string, short = false): string {
  const locale = currentLocale() === 'nl' ? 'nl-NL' : 'en-GB'
  const date = new Date(`${month}-15T12:00:00Z`)
  return new Intl.DateTimeFormat(locale, short ? { month: 'short' } : { month: 'long', year: 'numeric' })
    .format(date)
    .replace('.', '')
}
