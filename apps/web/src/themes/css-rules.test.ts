import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The rules our own CSS keeps (src/styles): colours come from tokens only, everything sits
 * in a cascade layer, and each component (a BEM block: `.phase`, `.phase--outcome`,
 * `.campaign-card__title` are all `phase` or `campaign-card`) is defined in one file. Two
 * lazily loaded files that both define a component style it differently depending on
 * which page was opened first (the public campaign page showed an unstyled "outcome" phase
 * unless a staff page had loaded staff.css before).
 */
const stylesDir = path.resolve(__dirname, '../styles')
const files = readdirSync(stylesDir).filter((f) => f.endsWith('.css'))
const read = (file: string) => readFileSync(path.join(stylesDir, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')

/** The block each top-level rule of a file styles: the first class of each selector. */
function blocksOf(css: string): Set<string> {
  const blocks = new Set<string>()
  for (const [, selectors] of css.matchAll(/([^{};@]+)\{/g)) {
    for (const selector of (selectors as string).split(',')) {
      const first = /^\s*\.([a-z][\w-]*)/.exec(selector)?.[1]
      if (first) blocks.add(first.replace(/(__|--).*$/, ''))
    }
  }
  return blocks
}

describe('our CSS', () => {
  it('takes every colour from a token (only tokens.css maps tokens to tokens)', () => {
    const literal = /#[0-9a-f]{3,8}\b|\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(/gi
    const found = files
      .filter((f) => f !== 'tokens.css')
      .flatMap((f) => [...read(f).matchAll(literal)].map((m) => `${f}: ${m[0]}`))
    expect(found).toEqual([])
  })

  it('puts every rule in a cascade layer', () => {
    for (const file of files.filter((f) => f !== 'global.css' && f !== 'nlds.css')) {
      expect(read(file).trim(), file).toMatch(/^@layer (tokens|base|components|pages) \{[\s\S]*\}$/)
    }
  })

  it('defines each component in one file', () => {
    const owners = new Map<string, string[]>()
    for (const file of files) {
      for (const block of blocksOf(read(file))) owners.set(block, [...(owners.get(block) ?? []), file])
    }
    const twice = [...owners]
      .filter(([, where]) => where.length > 1)
      .map(([block, where]) => `${block}: ${where.join(', ')}`)
    expect(twice).toEqual([])
  })
})
