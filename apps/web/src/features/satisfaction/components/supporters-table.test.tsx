import type { Breakdown, District } from '@meedenken/shared'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../lib/i18n'
import { SupportersTable } from './supporters-table'

const districts: District[] = [
  { id: 1, slug: 'noorddorp', name: 'Noorddorp' },
  { id: 2, slug: 'zuiddorp', name: 'Zuiddorp' },
] as District[]

async function renderWith(breakdown: Breakdown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () =>
        new Response(JSON.stringify(breakdown), { status: 200, headers: { 'content-type': 'application/json' } }),
    ),
  )
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <QueryClientProvider client={qc}>
      <SupportersTable ideaId={7} districts={districts} />
    </QueryClientProvider>,
  )
  await screen.findByRole('heading', { name: 'Wie steunen dit idee?' })
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const empty = { byTargetGroup: [], otherTargetGroups: null, byDistrict: [], otherDistricts: null, suppressedBelow: 5 }

describe('the supporters of an idea', () => {
  it('shows no table at all for fewer than 5 votes, and says why', async () => {
    await renderWith({ total: 1, ...empty })
    expect(screen.queryByRole('table')).toBeNull()
    expect(screen.getByText(/In totaal 1 stem\./)).toBeTruthy()
    expect(screen.getByText(/minder dan 5 stemmen/)).toBeTruthy()
  })

  it('shows the groups of 5 or more, and one "Overig (minder dan 5)" line for the rest', async () => {
    await renderWith({
      total: 13,
      byTargetGroup: [{ targetGroup: 'resident', count: 7 }],
      otherTargetGroups: 6,
      byDistrict: [{ districtId: 1, count: 7 }],
      otherDistricts: 6,
      suppressedBelow: 5,
    })
    const byGroup = screen.getByRole('table', { name: 'Stemmen per doelgroep' })
    const groupRows = within(byGroup).getAllByRole('row').slice(1)
    expect(groupRows.map((row) => row.textContent)).toEqual(['Inwoners7', 'Overig (minder dan 5)6'])
    const byDistrict = screen.getByRole('table', { name: 'Stemmen per dorp of wijk' })
    const districtRows = within(byDistrict).getAllByRole('row').slice(1)
    expect(districtRows.map((row) => row.textContent)).toEqual(['Noorddorp7', 'Overig (minder dan 5)6'])
    // Nothing names or counts the groups folded into "Overig".
    expect(screen.queryByText('Zuiddorp')).toBeNull()
    expect(screen.queryByText(/te weinig/)).toBeNull()
  })

  it('shows only the "Overig" line when every group is small', async () => {
    await renderWith({ ...empty, total: 9, otherTargetGroups: 9, otherDistricts: 9 })
    const byGroup = screen.getByRole('table', { name: 'Stemmen per doelgroep' })
    expect(
      within(byGroup)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual(['Overig (minder dan 5)9'])
  })
})
