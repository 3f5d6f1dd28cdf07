import { describe, expect, it } from 'vitest'
import { resources } from '../lib/i18n'

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

describe('the translation catalogue', () => {
  it('has the same keys in Dutch and English, none empty', () => {
    for (const namespace of Object.keys(resources.nl) as (keyof typeof resources.nl)[]) {
      expect(keys(resources.en[namespace]).sort(), namespace).toEqual(keys(resources.nl[namespace]).sort())
      for (const language of ['nl', 'en'] as const) {
        const flat = JSON.stringify(resources[language][namespace])
        expect(flat, `${language}/${namespace}`).not.toMatch(/:""/)
      }
    }
  })
})
