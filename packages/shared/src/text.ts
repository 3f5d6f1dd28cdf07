import type { Locale } from './enums'

/** A sentence in both interface languages. The API answers in the caller's language. */
export type Text = Record<Locale, string>

export function pickLocale(acceptLanguage: string | undefined | null): Locale {
  if (!acceptLanguage) return 'nl'
  // The first language the caller names wins; Dutch for anything we do not speak.
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? ''
  return first.startsWith('en') ? 'en' : 'nl'
}
