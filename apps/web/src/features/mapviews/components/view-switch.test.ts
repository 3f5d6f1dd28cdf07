import { describe, expect, it } from 'vitest'
import { viewFromSearch, withView } from './view-switch'

describe('the list view in the address', () => {
  it('reads ?weergave=kaart as the map and anything else as the list', () => {
    expect(viewFromSearch(new URLSearchParams('weergave=kaart&q=bank'))).toBe('map')
    expect(viewFromSearch(new URLSearchParams('q=bank'))).toBe('list')
    expect(viewFromSearch(new URLSearchParams('weergave=lijst'))).toBe('list')
  })

  it('switches the view and keeps every filter and the search', () => {
    const search = new URLSearchParams('q=bank&status=done&theme=3')
    expect(withView(search, 'map').toString()).toBe('q=bank&status=done&theme=3&weergave=kaart')
    expect(withView(withView(search, 'map'), 'list').toString()).toBe('q=bank&status=done&theme=3')
    // The given search is left as it was.
    expect(search.toString()).toBe('q=bank&status=done&theme=3')
  })
})
