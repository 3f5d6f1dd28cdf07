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
