import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * Every theme in public/themes/ gives every basis token the components use, and its
 * colours keep WCAG 2.2 AA: text at least 4.5:1 on the backgrounds it is drawn on, control
 * borders and the focus ring at least 3:1 (1.4.3, 1.4.11). axe checks the pages it visits
 * in one theme; this checks each theme's palette as a whole, including states a journey
 * does not reach.
 */
const webRoot = path.resolve(__dirname, '../..')
const themesDir = path.join(webRoot, 'public/themes')
const themes = readdirSync(themesDir).filter((f) => f.endsWith('.css'))

/** The custom properties a theme file declares, var() references resolved within the file. */
function tokensOf(css: string): Map<string, string> {
  const raw = new Map<string, string>()
  for (const [, name, value] of css.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g))
    raw.set(name as string, (value as string).trim())
  const resolve = (value: string, depth = 0): string =>
    depth > 10
      ? value
      : value.replace(/var\((--[\w-]+)\)/g, (_, ref: string) => resolve(raw.get(ref) ?? `<${ref}>`, depth + 1))
  return new Map([...raw].map(([k, v]) => [k, resolve(v)]))
}

function luminance(hex: string): number {
  const h = hex.replace('#', '')
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = Number.parseInt(full.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number]
  return (x + 0.05) / (y + 0.05)
}

const b = (name: string) => `--basis-color-${name}`
/** [foreground, background]: text drawn on a background. */
const TEXT: [string, string][] = [
  ...['bg-document', 'bg-default', 'bg-subtle', 'bg-hover'].map((bg): [string, string] => [
    b('default-color-document'),
    b(`default-${bg}`),
  ]),
  ...['bg-document', 'bg-default', 'bg-subtle'].map((bg): [string, string] => [
    b('default-color-subtle'),
    b(`default-${bg}`),
  ]),
  [b('default-color-default'), b('default-bg-subtle')],
  [b('action-1-inverse-color-default'), b('action-1-inverse-bg-default')],
  [b('action-1-inverse-color-default'), b('action-1-inverse-bg-hover')],
  [b('action-2-color-default'), b('default-bg-default')],
  [b('action-2-color-default'), b('default-bg-document')],
  [b('action-2-color-hover'), b('action-1-bg-hover')],
  [b('accent-1-inverse-color-default'), b('accent-1-inverse-bg-default')],
  [b('accent-1-color-default'), b('accent-1-bg-subtle')],
  [b('accent-1-color-default'), b('default-bg-default')],
  [b('accent-2-color-default'), b('accent-2-bg-default')],
  [b('accent-3-color-default'), b('accent-3-bg-default')],
  [b('positive-color-default'), b('positive-bg-default')],
  [b('positive-color-default'), b('default-bg-default')],
  [b('positive-inverse-color-default'), b('positive-inverse-bg-default')],
  [b('positive-inverse-color-default'), b('positive-inverse-bg-hover')],
  [b('negative-color-default'), b('default-bg-default')],
  [b('negative-color-default'), b('negative-bg-default')],
  [b('negative-color-document'), b('negative-bg-default')],
  [b('negative-color-document'), b('negative-bg-subtle')],
  [b('negative-inverse-color-default'), b('negative-inverse-bg-default')],
  [b('negative-inverse-color-default'), b('negative-inverse-bg-hover')],
  [b('warning-color-default'), b('warning-bg-default')],
  [b('warning-color-default'), b('warning-bg-subtle')],
  [b('info-color-default'), b('info-bg-default')],
  [b('info-color-default'), b('info-bg-subtle')],
  ...['info', 'positive', 'warning', 'negative'].map((tone): [string, string] => [
    b('default-color-document'),
    b(`${tone}-bg-default`),
  ]),
  ['--basis-focus-color', '--basis-focus-background-color'],
]
/** [shape, background]: borders that identify a control, and the focus ring. */
const SHAPES: [string, string][] = [
  [b('default-border-default'), b('default-bg-default')],
  [b('default-border-default'), b('default-bg-document')],
  [b('action-1-inverse-bg-default'), b('default-bg-default')],
  [b('negative-border-default'), b('default-bg-default')],
  [b('warning-border-default'), b('default-bg-default')],
  ['--basis-focus-outline-color', b('default-bg-document')],
  ['--basis-focus-outline-color', '--basis-focus-inverse-outline-color'],
]

/** Every basis token the component tokens read. */
const needed = [...new Set(readFileSync(path.join(webRoot, 'src/styles/tokens.css'), 'utf8').match(/--basis-[\w-]+/g))]

describe.each(themes)('theme %s', (file) => {
  const css = readFileSync(path.join(themesDir, file), 'utf8')
  const tokens = tokensOf(css)
  const name = file.replace(/\.css$/, '')

  it('declares its tokens under its own class, as NL Design System themes do', () => {
    expect(css).toMatch(new RegExp(`^\\.${name}-theme \\{`, 'm'))
  })

  it('gives every basis token the components use', () => {
    expect(needed.filter((token) => !tokens.has(token))).toEqual([])
  })

  it.each(TEXT)('text %s on %s has at least 4.5:1', (fg, bg) => {
    expect(contrast(tokens.get(fg) ?? '', tokens.get(bg) ?? '')).toBeGreaterThanOrEqual(4.5)
  })

  it.each(SHAPES)('%s on %s has at least 3:1', (fg, bg) => {
    expect(contrast(tokens.get(fg) ?? '', tokens.get(bg) ?? '')).toBeGreaterThanOrEqual(3)
  })
})
