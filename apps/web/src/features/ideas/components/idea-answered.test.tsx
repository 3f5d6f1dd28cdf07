import type { IdeaDetail } from '@meedenken/shared'
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import '../../../lib/i18n'
import { IdeaTimeline } from './idea-timeline'
import { IdeaWaiting } from './idea-waiting'

const base = {
  id: 7,
  status: 'new',
  createdAt: '2026-11-02T09:00:00.000Z',
  timeline: [],
  officialAnswer: null,
  responseNormDays: 10,
  waitingWorkingDays: 3,
  daysSinceUpdate: null,
} as unknown as IdeaDetail

const answer = {
  id: 40,
  bodyHtml: '<p>We kijken ernaar.</p>',
  createdAt: '2026-11-04T10:00:00.000Z',
  author: { id: 2, displayName: 'Gemeente' },
} as unknown as NonNullable<IdeaDetail['officialAnswer']>

function renderBoth(idea: IdeaDetail) {
  render(
    <>
      <IdeaWaiting idea={idea} />
      <IdeaTimeline idea={idea} />
    </>,
  )
  return document.body.textContent ?? ''
}

afterEach(cleanup)

describe('an idea page before and after the municipality answered', () => {
  it('says it waits for a first answer while nothing has been said', () => {
    const text = renderBoth(base)
    expect(text).toContain('De gemeente heeft nog niet gereageerd.')
    expect(text).toContain('3 werkdagen')
  })

  it('never says "not answered yet" once there is an official answer, and shows the answer in the timeline', () => {
    // Even if the waiting count had not caught up (an older cached page), the answer decides.
    const text = renderBoth({ ...base, officialAnswer: answer })
    expect(text).not.toContain('nog niet gereageerd')
    expect(text).not.toContain('werkdagen')
    expect(text).toContain('De status is nog niet veranderd.')
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringContaining('Idee geplaatst'),
      expect.stringContaining('De gemeente gaf antwoord'),
    ])
  })

  it('never says "not answered yet" after a status change without an answer', () => {
    const changed = {
      ...base,
      status: 'under_review',
      waitingWorkingDays: null,
      timeline: [
        {
          id: 1,
          fromStatus: 'new',
          toStatus: 'under_review',
          explanation: 'We bekijken het.',
          declineReason: null,
          referredTo: null,
          closure: null,
          createdAt: '2026-11-03T10:00:00.000Z',
        },
      ],
    } as unknown as IdeaDetail
    const text = renderBoth(changed)
    expect(text).not.toContain('nog niet gereageerd')
    expect(text).not.toContain('De status is nog niet veranderd.')
    expect(text).toContain('Status: In behandeling')
  })

  it('puts the answer between the status changes by date', () => {
    const entry = (id: number, toStatus: string, createdAt: string) => ({
      id,
      fromStatus: 'new',
      toStatus,
      explanation: `Uitleg ${id}`,
      declineReason: null,
      referredTo: null,
      closure: null,
      createdAt,
    })
    renderBoth({
      ...base,
      waitingWorkingDays: null,
      officialAnswer: answer,
      timeline: [entry(1, 'under_review', '2026-11-03T10:00:00.000Z'), entry(2, 'planned', '2026-11-20T10:00:00.000Z')],
    } as unknown as IdeaDetail)
    expect(screen.getAllByRole('listitem').map((li) => li.querySelector('.timeline__title')?.textContent)).toEqual([
      'Idee geplaatst',
      'Status: In behandeling',
      'De gemeente gaf antwoord',
      'Status: Gepland',
    ])
  })
})
