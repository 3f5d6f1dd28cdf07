import { monthName } from './format'
import { currentLocale } from './i18n'

/*
 * Numbers as people read them, without Intl, like the dates in format.ts (decision 032):
 * format.test.ts holds them equal to Intl.NumberFormat's for nl-NL and en-GB.
 */

const SEPARATORS = { nl: { group: '.', decimal: ',' }, en: { group: ',', decimal: '.' } } as const

/** The decimal digits of |value| as JavaScript writes it shortest ("4.5", "1234"). */
function digitsOf(value: number): { whole: string; fraction: string } | null {
  const text = Math.abs(value).toString()
  if (!/^\d+(\.\d+)?$/.test(text)) return null
  const [whole = '0', fraction = ''] = text.split('.')
  return { whole, fraction }
}

/** Adds one to the last digit of a string of digits ("199" → "200"). */
function increment(digits: string): string {
  const out = digits.split('')
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== '9') {
      out[i] = String(Number(out[i]) + 1)
      return out.join('')
    }
    out[i] = '0'
  }
  return `1${out.join('')}`
}

/**
 * `value` with at most `maximumFractionDigits` decimals, rounded half away from zero on
 * its decimal digits (as Intl rounds), trailing zeros dropped, thousands grouped.
 */
function decimal(value: number, maximumFractionDigits: number): string {
  const { group, decimal: point } = SEPARATORS[currentLocale()]
  const digits = digitsOf(value)
  // Not a plain number (Infinity, NaN, 1e21 and up): as JavaScript writes it.
  if (!digits) return String(value)
  let { whole, fraction } = digits
  if (fraction.length > maximumFractionDigits) {
    const roundUp = (fraction[maximumFractionDigits] ?? '0') >= '5'
    const kept = whole + fraction.slice(0, maximumFractionDigits)
    const rounded = roundUp ? increment(kept) : kept
    const cut = rounded.length - maximumFractionDigits
    whole = rounded.slice(0, cut)
    fraction = rounded.slice(cut)
  }
  fraction = fraction.replace(/0+$/, '')
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, group)
  const sign = value < 0 && /[1-9]/.test(whole + fraction) ? '-' : ''
  return `${sign}${grouped}${fraction ? point + fraction : ''}`
}

/** 64.3 → "64%" (en) / "64%" (nl): whole percentages read fastest at a glance. */
export function formatPercent(value: number): string {
  return `${decimal(value, 0)}%`
}

/** 4.5 → "4,5" (nl) / "4.5" (en). */
export function formatNumber(value: number, maximumFractionDigits = 1): string {
  return decimal(value, maximumFractionDigits)
}

/** "2026-11" → "november 2026"; with `short`, "nov" (the chart's axis). */
export function formatMonth(month: string, short = false): string {
  const index = Number(month.slice(5, 7)) - 1
  const name = monthName(index)
  if (!short) return `${name} ${month.slice(0, 4)}`
  // Dutch abbreviates to three letters ("mrt" for maart); English too, but "Sept".
  if (currentLocale() === 'nl') return index === 2 ? 'mrt' : name.slice(0, 3)
  return index === 8 ? 'Sept' : name.slice(0, 3)
}
