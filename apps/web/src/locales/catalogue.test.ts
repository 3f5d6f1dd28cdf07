import { describe, expect, it } from 'vitest'

// Every catalogue file, including the namespaces pages add when they load.
const files = import.meta.glob<{ default: unknown }>('./*/*.json', { eager: true })

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

const namespaces = (language: string) =>
  Object.keys(files)
    .filter((f) => f.startsWith(`./${language}/`))
    .map((f) => f.slice(language.length + 3))
    .sort()

describe('the translation catalogue', () => {
  it('has the same namespaces and keys in Dutch and English, none empty', () => {
    expect(namespaces('en')).toEqual(namespaces('nl'))
    expect(namespaces('nl').length).toBeGreaterThanOrEqual(4)
    for (const file of namespaces('nl')) {
      const nl = files[`./nl/${file}`]?.default
      const en = files[`./en/${file}`]?.default
      expect(keys(en).sort(), file).toEqual(keys(nl).sort())
      for (const [language, catalogue] of [
        ['nl', nl],
        ['en', en],
      ] as const) {
        expect(JSON.stringify(catalogue), `${language}/${file}`).not.toMatch(/:""/)
      }
    }
  })
})
