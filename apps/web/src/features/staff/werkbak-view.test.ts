import { describe, expect, it } from 'vitest'
import { commonTransitions, readView, viewSearch } from './werkbak-view'

describe('the Werkbak view in the address', () => {
  it('reads the tab and the filters, leaving out what the API would refuse', () => {
    expect(
      readView(new URLSearchParams('tab=all&q=+fiets+&theme=4&district=0x10&status=lost&department=none&assignee=7')),
    ).toEqual({
      tab: 'all',
      filters: { q: 'fiets', theme: '4', department: 'none', assignee: '7' },
    })
    expect(readView(new URLSearchParams('tab=nonsense&theme=04&assignee=iedereen'))).toEqual({
      tab: 'needs_answer',
      filters: {},
    })
  })

  it('writes the tab first, then the filters that are set, so a view has one address', () => {
    expect(viewSearch({ tab: 'overdue', filters: {} })).toBe('tab=overdue')
    expect(viewSearch({ tab: 'all', filters: { assignee: 'none', q: 'fiets station', theme: '2' } })).toBe(
      'tab=all&q=fiets+station&theme=2&assignee=none',
    )
  })
})

describe('a status change for a selection', () => {
  it('offers only the changes every selected idea may make, never merging', () => {
    expect(commonTransitions(['new', 'under_review'])).toEqual(['planned', 'in_progress', 'declined'])
    expect(commonTransitions(['new', 'done'])).toEqual([])
    expect(commonTransitions(['declined'])).toEqual(['under_review'])
    expect(commonTransitions([])).toEqual([])
  })
})
