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

  it('adds the sections one page needs, and the whole catalogue for another, without losing either', async () => {
    const section = vi.fn(async () => ({ default: { idea: { waiting: 'Wacht' } } }))
    const whole = vi.fn(async () => ({ default: { idea: { waiting: 'Wacht' }, roadmap: { title: 'Plannen' } } }))
    const en = vi.fn(async () => ({ default: {} }))
    await addNamespace('sections-test', { nl: section, en }, 'idea')
    expect(i18n.getResource('nl', 'sections-test', 'idea.waiting')).toBe('Wacht')
    // Another page needs the whole catalogue: a namespace already there is not enough.
    await addNamespace('sections-test', { nl: whole, en })
    expect(whole).toHaveBeenCalledTimes(1)
    expect(i18n.getResource('nl', 'sections-test', 'roadmap.title')).toBe('Plannen')
    expect(i18n.getResource('nl', 'sections-test', 'idea.waiting')).toBe('Wacht')
    // Each part is loaded once.
    await addNamespace('sections-test', { nl: section, en }, 'idea')
    expect(section).toHaveBeenCalledTimes(1)
  })
})
