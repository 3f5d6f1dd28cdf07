import { describe, expect, it, vi } from 'vitest'
import { addNamespace, i18n, setLocale } from './i18n'

describe('string catalogues per language', () => {
  it('loads a Dutch visitor only the Dutch strings, and the English ones before switching to English', async () => {
    const nl = vi.fn(async () => ({ default: { hello: 'Hallo' } }))
    const en = vi.fn(async () => ({ default: { hello: 'Hello' } }))
    await addNamespace('lazy-test', { nl, en })
    expect(nl).toHaveBeenCalledTimes(1)
    expect(en).not.toHaveBeenCalled()
    expect(i18n.getResource('nl', 'lazy-test', 'hello')).toBe('Hallo')

    setLocale('en')
    await vi.waitFor(() => expect(i18n.language).toBe('en'))
    // Every namespace added so far came in English before the switch, the list's too.
    expect(en).toHaveBeenCalledTimes(1)
    expect(i18n.getResource('en', 'lazy-test', 'hello')).toBe('Hello')
    expect(i18n.hasResourceBundle('en', 'common')).toBe(true)
    expect(document.documentElement.lang).toBe('en')

    setLocale('nl')
    await vi.waitFor(() => expect(i18n.language).toBe('nl'))
    expect(document.documentElement.lang).toBe('nl')
  })
})
