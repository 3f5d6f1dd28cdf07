import { describe, expect, it } from 'vitest'
import { CLOSED_STATUSES, canTransition, IDEA_STATUSES, STATUS_LABELS_NL, STATUS_TRANSITIONS } from './constants'

describe('status transitions', () => {
  it('names only known statuses and never leads back to new or into merged', () => {
    for (const [from, targets] of Object.entries(STATUS_TRANSITIONS)) {
      expect(IDEA_STATUSES).toContain(from)
      for (const to of targets) {
        expect(IDEA_STATUSES).toContain(to)
        expect(to).not.toBe('new')
        expect(to).not.toBe('merged')
        expect(to).not.toBe(from)
      }
    }
  })

  it('keeps done and merged final', () => {
    expect(STATUS_TRANSITIONS.done).toEqual([])
    expect(STATUS_TRANSITIONS.merged).toEqual([])
    expect(canTransition('done', 'planned')).toBe(false)
  })

  it('lets every open idea reach an answer', () => {
    for (const status of IDEA_STATUSES.filter((s) => !CLOSED_STATUSES.includes(s))) {
      expect(STATUS_TRANSITIONS[status].length, status).toBeGreaterThan(0)
    }
  })

  it('has a Dutch label for every status', () => {
    expect(Object.keys(STATUS_LABELS_NL).sort()).toEqual([...IDEA_STATUSES].sort())
  })
})
