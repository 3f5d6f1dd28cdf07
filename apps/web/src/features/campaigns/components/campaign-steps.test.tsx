import type { Campaign } from '@meedenken/shared'
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import '../../../lib/i18n'
import '../../../lib/i18n-engage'
import { CampaignSteps, outcomeVisible } from './campaign-steps'

const base = {
  id: 1,
  ideasFrom: '2026-11-02T00:00:00+01:00',
  ideasUntil: '2026-11-16T00:00:00+01:00',
  votingFrom: '2026-11-16T00:00:00+01:00',
  votingUntil: '2026-11-30T00:00:00+01:00',
  outcome: null,
  outcomeHtml: null,
  outcomePublishedAt: null,
} as unknown as Campaign

const published = {
  outcome: 'We planten bomen.',
  outcomeHtml: '<p>We planten bomen.</p>',
  outcomePublishedAt: '2026-11-20T10:00:00+01:00',
}

function states(campaign: Campaign) {
  render(<CampaignSteps campaign={campaign} />)
  const items = screen.getAllByRole('listitem')
  const current = items.filter((li) => li.getAttribute('aria-current') === 'step')
  return { labels: items.map((li) => li.querySelector('.steps__state')?.textContent), current: current.length }
}

afterEach(cleanup)

describe('the campaign steps', () => {
  it.each([
    ['ideas', ['Nu', 'Nog niet', 'Nog niet'], 1],
    ['between', ['Klaar', 'Nog niet', 'Nog niet'], 0],
    ['voting', ['Klaar', 'Nu', 'Nog niet'], 1],
    ['outcome', ['Klaar', 'Klaar', 'Nu'], 1],
  ] as const)('in the %s phase show at most one current step', (phase, labels, current) => {
    expect(states({ ...base, phase } as Campaign)).toEqual({ labels, current })
  })

  it('never say "Klaar" for the outcome while people can still vote, even if one was published', () => {
    const campaign = { ...base, ...published, phase: 'voting' } as Campaign
    expect(states(campaign)).toEqual({ labels: ['Klaar', 'Nu', 'Nog niet'], current: 1 })
    expect(outcomeVisible(campaign)).toBe(false)
  })

  it('show a published outcome as done once voting has closed', () => {
    const campaign = { ...base, ...published, phase: 'outcome' } as Campaign
    expect(states(campaign)).toEqual({ labels: ['Klaar', 'Klaar', 'Klaar'], current: 0 })
    expect(outcomeVisible(campaign)).toBe(true)
  })
})
