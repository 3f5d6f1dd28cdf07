import { amsterdamClock } from './amsterdam-time'
import { currentLocale } from './i18n'

/*
 * Dates as people read them, in the municipality's time zone, without Intl: the first
 * Intl.DateTimeFormat of a page loads the browser's ICU data, 20 to 40 ms on a fast machine
 * (four times that on a phone) in the task that hydrates the page (decision 032). The
 * formats are few and fixed; format.test.ts holds them equal to Intl's, hour by hour over
 * forty years, in both languages. The server renders with the same code, so server and
 * browser draw the same text whatever ICU either has.
 */

const MONTHS = {
  nl: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
} as const

/** "3 oktober 2026" / "3 October 2026", in the municipality's time zone. */
export function formatDate(iso: string): string {
  const { year, month, day } = amsterdamClock(Date.parse(iso))
  return `${day} ${MONTHS[currentLocale()][month]} ${year}`
}

/** "3 oktober 2026 om 14:05" / "3 October 2026 at 14:05": comments within a day need the time. */
export function formatDateTime(iso: string): string {
  const { hour, minute } = amsterdamClock(Date.parse(iso))
  const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`
  return `${formatDate(iso)} ${currentLocale() === 'nl' ? 'om' : 'at'} ${time}`
}

/** The month's name: "november" / "November". */
export function monthName(month: number): string {
  return MONTHS[currentLocale()][month] ?? ''
}
