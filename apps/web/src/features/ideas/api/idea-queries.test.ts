import { describe, expect, it } from 'vitest'
import { filtersFromSearch, searchFromFilters } from './idea-queries'

const roundTrip = (search: string) => searchFromFilters(filtersFromSearch(new URLSearchParams(search))).toString()

describe('filters in the URL', () => {
  it('sorts a search by best match without writing the default into the link', () => {
    expect(filtersFromSearch(new URLSearchParams('q=afval'))).toEqual({ q: 'afval', sort: 'relevance' })
    expect(roundTrip('q=afval')).toBe('q=afval')
  })

  it('keeps another order chosen for a search, and trending when it was chosen explicitly', () => {
    expect(roundTrip('q=afval&sort=top')).toBe('sort=top&q=afval')
    expect(roundTrip('q=afval&sort=trending')).toBe('sort=trending&q=afval')
  })

  it('reads "best match" without a search term as the usual order', () => {
    expect(filtersFromSearch(new URLSearchParams('sort=relevance'))).toEqual({ sort: 'trending' })
    expect(roundTrip('sort=relevance&status=done')).toBe('status=done')
  })

  it('ignores unknown values and blank searches', () => {
    expect(filtersFromSearch(new URLSearchParams('status=bogus&theme=abc&q=%20%20&sort=x'))).toEqual({
      sort: 'trending',
    })
  })
})
