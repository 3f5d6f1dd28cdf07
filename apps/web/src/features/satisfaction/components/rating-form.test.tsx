import type { Satisfaction } from '@meedenken/shared'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import '../../../lib/i18n'
import { RatingForm } from './rating-form'

type Occasion = Satisfaction['occasions'][number]
const occasion: Occasion = {
  type: 'status_change',
  id: 12,
  status: 'planned',
  createdAt: '2026-10-11T09:00:00.000Z',
  myScore: null,
  myRemark: null,
}

const fetchMock = vi.fn(
  async (_url: string, _init?: RequestInit) =>
    new Response(JSON.stringify({ canRate: true, occasions: [], followup: null }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    }),
)

function renderForm(given: Occasion = occasion) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <QueryClientProvider client={qc}>
      <RatingForm ideaId={7} occasion={given} latest />
    </QueryClientProvider>,
  )
}

beforeEach(() => {
  fetchMock.mockClear()
  vi.stubGlobal('fetch', fetchMock)
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('the satisfaction question', () => {
  it('asks for a score before sending anything, and ties the problem to the group', async () => {
    renderForm()
    await userEvent.click(screen.getByRole('button', { name: 'Mening opslaan' }))
    expect(fetchMock).not.toHaveBeenCalled()
    const group = screen.getByRole('group', { name: 'Hoe tevreden bent u over hoe de gemeente met dit idee omgaat?' })
    expect(group.getAttribute('aria-describedby')).toContain('error')
    expect(screen.getByText('Kies een cijfer van 1 tot 5.')).toBeTruthy()
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: '1 – Zeer ontevreden' }))
  })

  it('sends the score and the remark for this answer of the municipality, and says it was saved', async () => {
    renderForm()
    await userEvent.click(screen.getByRole('radio', { name: '4 – Tevreden' }))
    await userEvent.type(screen.getByLabelText('Wilt u iets uitleggen? (niet verplicht)'), 'Snel geregeld')
    await userEvent.click(screen.getByRole('button', { name: 'Mening opslaan' }))
    expect(await screen.findByText(/Bedankt! Uw mening is opgeslagen./)).toBeTruthy()
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit]
    expect(url).toMatch(/\/api\/ideas\/7\/ratings$/)
    expect(init.method).toBe('PUT')
    expect(JSON.parse(String(init.body))).toEqual({
      occasionType: 'status_change',
      occasionId: 12,
      score: 4,
      remark: 'Snel geregeld',
    })
  })

  it('shows the earlier choice, so it can be changed', () => {
    renderForm({ ...occasion, myScore: 2, myRemark: 'Te laat' })
    expect((screen.getByRole('radio', { name: '2 – Ontevreden' }) as HTMLInputElement).checked).toBe(true)
    expect(screen.getByText('U gaf eerder: 2 – Ontevreden. U kunt dit veranderen.')).toBeTruthy()
    expect((screen.getByLabelText('Wilt u iets uitleggen? (niet verplicht)') as HTMLTextAreaElement).value).toBe(
      'Te laat',
    )
  })
})
