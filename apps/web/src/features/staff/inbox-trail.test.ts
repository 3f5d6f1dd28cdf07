import { describe, expect, it } from 'vitest'
import { positionInTrail, readTrail, trailHref } from './inbox-trail'

describe('the inbox trail', () => {
  it('reads a valid trail from router state and ignores anything else', () => {
    expect(readTrail({ inbox: { tab: 'overdue', ids: [4, 2, 9] } })).toEqual({ tab: 'overdue', ids: [4, 2, 9] })
    expect(readTrail(null)).toBeNull()
    expect(readTrail({ notice: 'x' })).toBeNull()
    expect(readTrail({ inbox: { tab: 'nonsense', ids: [1] } })).toBeNull()
    expect(readTrail({ inbox: { tab: 'mine', ids: ['1'] } })).toBeNull()
  })

  it('goes back to the list with its search and filters, and never anywhere else', () => {
    const trail = readTrail({ inbox: { tab: 'all', ids: [4], search: 'tab=all&q=fiets+station&theme=2' } })
    expect(trailHref(trail)).toBe('/medewerkers?tab=all&q=fiets+station&theme=2')
    const odd = readTrail({ inbox: { tab: 'all', ids: [4], search: '/../beheer?x=1' } })
    expect(trailHref(odd)).toBe('/medewerkers?tab=all')
    expect(trailHref(null)).toBe('/medewerkers')
  })

  it('finds the next idea, and none after the last or for an idea outside the trail', () => {
    const trail = { tab: 'mine' as const, ids: [4, 2, 9] }
    expect(positionInTrail(trail, 2)).toEqual({ index: 1, next: 9 })
    expect(positionInTrail(trail, 9)).toEqual({ index: 2, next: null })
    expect(positionInTrail(trail, 7)).toBeNull()
  })
})
