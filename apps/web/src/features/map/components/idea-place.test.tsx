import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, render, screen } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { i18n } from '../../../lib/i18n'
import { IdeaPlaceSection } from './idea-place'

beforeEach(async () => {
  await i18n.changeLanguage('nl')
  // The map's settings: not needed for the words.
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response('{}', { status: 503 })),
  )
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const point = { latitude: 53.216, longitude: 6.697344, label: null }

function renderPlace(props: Parameters<typeof IdeaPlaceSection>[0]) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <QueryClientProvider client={qc}>
      <MemoryRouter>
        <IdeaPlaceSection {...props} />
      </MemoryRouter>
    </QueryClientProvider>,
  )
}

describe('the place of an idea in words', () => {
  it('tells a resident where a point without an address is in words, with its village, never its coordinates', () => {
    renderPlace({ place: point, district: 'Zuidbroek' })
    expect(screen.getByText('Dit idee gaat over: een plek op de kaart in Zuidbroek')).toBeTruthy()
    expect(document.body.textContent).not.toMatch(/53[.,]21|6[.,]69/)
  })

  it('says "a place on the map" when the idea names no village or district', () => {
    renderPlace({ place: point })
    expect(screen.getByText('Dit idee gaat over: een plek op de kaart')).toBeTruthy()
  })

  it('shows the address when the place has one', () => {
    renderPlace({ place: { ...point, label: 'Hoofdstraat 1, Zuidbroek' }, district: 'Zuidbroek' })
    expect(screen.getByText('Dit idee gaat over: Hoofdstraat 1, Zuidbroek')).toBeTruthy()
  })

  it('keeps the coordinates for staff', () => {
    renderPlace({ place: point, district: 'Zuidbroek', withCoordinates: true })
    expect(screen.getByText('Dit idee gaat over: een plek op de kaart in Zuidbroek (53.21600, 6.69734)')).toBeTruthy()
  })
})
