import { currentLocale } from './i18n'

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let f = formatters.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options)
    formatters.set(key, f)
  }
  return f
}

/** "3 oktober 2026" / "3 October 2026", in the municipality's time zone. */
export function formatDate(iso: string): string {
  const locale = currentLocale() === 'nl' ? 'nl-NL' : 'en-GB'
  return formatter(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(
    new Date(iso),
  )
}

/** "3 oktober 2026 om 14:05" / "3 October 2026 at 14:05": comments within a day need the time. */
export function formatDateTime(iso: string): string {
  const locale = currentLocale() === 'nl' ? 'nl-NL' : 'en-GB'
  return formatter(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso))
}
