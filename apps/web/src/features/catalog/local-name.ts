import type { Locale } from '@meedenken/shared'
import { currentLocale } from '../../lib/i18n'

/** Anything the catalogue names in both languages: themes, districts, departments. */
type Named = { id: number; name: string; nameEn: string }

/** Its name in the interface language (Dutch unless English was chosen). */
export function localName(item: Pick<Named, 'name' | 'nameEn'>, locale: Locale = currentLocale()): string {
  return locale === 'en' ? item.nameEn : item.name
}

/** Id → name in the interface language, for lists that show names by id. */
export function namesById(items: readonly Named[] | undefined, locale: Locale = currentLocale()): Map<number, string> {
  return new Map((items ?? []).map((item) => [item.id, localName(item, locale)]))
}

/**
 * The themes or districts a form for something new may offer: the ones not archived, plus
 * the one already chosen (an old idea keeps its archived theme when it is edited).
 */
export function offered<T extends { id: number; archived: boolean }>(
  items: readonly T[] | undefined,
  current?: number | null,
): T[] {
  return (items ?? []).filter((item) => !item.archived || item.id === current)
}
