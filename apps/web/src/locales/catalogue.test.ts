import { describe, expect, it } from 'vitest'
import { resources } from '../lib/i18n'
import { participateResources } from '../lib/i18n-participate'

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

// Namespaces bundled with the app and those added when a page needs them.
const catalogue = {
  nl: { ...resources.nl, ...participateResources.nl },
  en: { ...resources.en, ...participateResources.en },
}

describe('the translation catalogue', () => {
  it('has the same keys in Dutch and English, none empty', () => {
    for (const namespace of Object.keys(catalogue.nl) as (keyof typeof catalogue.nl)[]) {
      expect(keys(catalogue.en[namespace]).sort(), namespace).toEqual(keys(catalogue.nl[namespace]).sort())
      for (const language of ['nl', 'en'] as const) {
        const flat = JSON.stringify(catalogue[language][namespace])
        expect(flat, `${language}/${namespace}`).not.toMatch(/:""/)
      }
    }
  })
})
