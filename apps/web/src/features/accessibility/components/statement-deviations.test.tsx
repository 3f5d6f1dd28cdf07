import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { i18n, loadLanguageStrings } from '../../../lib/i18n'
import { StatementDeviations } from './statement-deviations'

afterEach(cleanup)

const mapSection = () => within(screen.getByRole('region', { name: /kaart|map/i }))

describe('the known deviations of the accessibility statement', () => {
  it('describe the maps as they are now: live, with the list and the address as the way without the map', async () => {
    await i18n.changeLanguage('nl')
    render(<StatementDeviations />)
    expect(mapSection().getByRole('heading', { level: 3 }).textContent).not.toMatch(/later/i)
    const text = screen.getByRole('region', { name: /kaart/i }).textContent
    expect(text).not.toMatch(/komt later|er komt een kaart|tegelijk met de kaart/i)
    expect(text).toMatch(/lijst/)
    expect(text).toMatch(/adres/)
    expect(text).toMatch(/toetsenbord/)
    expect(text).toMatch(/PDOK/)
  })

  it('say the same in English', async () => {
    await i18n.changeLanguage('en')
    await loadLanguageStrings()
    render(<StatementDeviations />)
    const text = screen.getByRole('region', { name: /map/i }).textContent
    expect(text).not.toMatch(/coming later|will come|together with the map/i)
    expect(text).toMatch(/list/)
    expect(text).toMatch(/keyboard/)
    expect(text).toMatch(/PDOK/)
    await i18n.changeLanguage('nl')
  })
})
