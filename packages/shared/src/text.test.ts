import { describe, expect, it } from 'vitest'
import { excerpt } from './text'

describe('excerpt', () => {
  it('keeps < and > that are part of the text, so markup someone typed shows as the text it is', () => {
    expect(excerpt('Kijk: <script>alert(1)</script> en verder')).toBe('Kijk: <script>alert(1)</script> en verder')
    expect(excerpt('Snelheid > 30 km/u en afstand < 5 m')).toBe('Snelheid > 30 km/u en afstand < 5 m')
  })

  it('takes out markdown: quote and heading marks at the start of a line, emphasis, links, list marks', () => {
    expect(
      excerpt('# Kop\n> Een citaat\n\n**Vet** en *schuin*, zie [de kaart](https://example.org).\n- een\n- twee'),
    ).toBe('Kop Een citaat Vet en schuin, zie de kaart. een twee')
  })

  it('keeps a # inside a sentence', () => {
    expect(excerpt('Zie idee #12 over de brug')).toBe('Zie idee #12 over de brug')
  })

  it('cuts a long text at a word boundary with …', () => {
    const text = 'woord '.repeat(60)
    const cut = excerpt(text, 40)
    expect(cut.endsWith('…')).toBe(true)
    expect(cut.length).toBeLessThanOrEqual(41)
  })
})
