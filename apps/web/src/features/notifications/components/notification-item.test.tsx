import type { Notification } from '@meedenken/shared'
import { cleanup, render, screen } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it } from 'vitest'
import '../../../lib/i18n'
import { NotificationItem } from './notification-item'

const base: Notification = {
  id: 1,
  kind: 'status_changed',
  ideaId: 7,
  ideaTitle: 'Bankjes bij de vijver',
  campaignId: null,
  campaignTitle: null,
  status: 'planned',
  excerpt: null,
  commentId: null,
  mergedInto: null,
  reason: 'follower',
  channel: 'web',
  department: null,
  read: false,
  createdAt: '2026-11-10T08:00:00.000Z',
}

function show(changes: Partial<Notification>) {
  render(
    <MemoryRouter>
      <NotificationItem notification={{ ...base, ...changes }} onOpen={() => {}} />
    </MemoryRouter>,
  )
}

afterEach(cleanup)

describe('a notification', () => {
  it('shows the answer, links to it and says why I am told', () => {
    show({
      kind: 'official_answer',
      commentId: 12,
      excerpt: 'We plaatsen de bankjes in het voorjaar.',
      reason: 'voter',
    })
    const link = screen.getByRole('link', { name: 'De gemeente heeft gereageerd op “Bankjes bij de vijver”.' })
    expect(link.getAttribute('href')).toBe('/ideeen/7#reactie-12')
    expect(screen.getByText('We plaatsen de bankjes in het voorjaar.').closest('blockquote')).not.toBeNull()
    expect(screen.getByText('U krijgt dit omdat u op dit idee hebt gestemd.')).toBeTruthy()
  })

  it('leads a merge to the idea it was merged into', () => {
    show({ kind: 'merged', mergedInto: { id: 9, title: 'Meer bankjes in het park' }, status: 'merged' })
    const link = screen.getByRole('link', {
      name: '“Bankjes bij de vijver” is samengevoegd met “Meer bankjes in het park”. U volgt nu dat idee.',
    })
    expect(link.getAttribute('href')).toBe('/ideeen/9')
  })

  it('says how an idea sent in by phone came in', () => {
    show({ reason: 'author', channel: 'phone' })
    expect(screen.getByText('U krijgt dit omdat u dit idee indiende via de telefoon.')).toBeTruthy()
  })

  it('leads staff to their own page of the idea, naming their department', () => {
    show({
      kind: 'idea_overdue',
      reason: 'department',
      department: { name: 'Wegen en Verkeer', nameEn: 'Roads and Traffic' },
    })
    const link = screen.getByRole('link', {
      name: '“Bankjes bij de vijver” heeft nog geen eerste antwoord, en de termijn is voorbij.',
    })
    expect(link.getAttribute('href')).toBe('/medewerkers/ideeen/7')
    expect(screen.getByText('U krijgt dit omdat u medewerker bent van de afdeling Wegen en Verkeer.')).toBeTruthy()
    expect(screen.queryByText(/Zeg op de pagina van het idee hoe tevreden/)).toBeNull()
  })

  it('leads a report to moderation', () => {
    show({ kind: 'report_new', reason: 'assignee', commentId: 3 })
    expect(screen.getByRole('link').getAttribute('href')).toBe('/medewerkers/moderatie')
  })
})
