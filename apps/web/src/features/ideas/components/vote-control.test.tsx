import type { IdeaDetail, User } from '@meedenken/shared'
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import '../../../lib/i18n'
import { ideaKeys, ideaQuery } from '../api/idea-queries'
import { VoteControl, type VotingCampaign } from './vote-control'

const idea = {
  id: 7,
  title: 'Een bankje bij de bushalte',
  status: 'new',
  voteCount: 18,
  hasVoted: false,
  followerCount: 2,
  isFollowing: false,
} as IdeaDetail
const member = { id: 3, displayName: 'Anouk', role: 'member' } as User

// The API's answer is held back until the test releases it, to see the state in between.
let answer: (status: number, body: unknown) => void
const fetchMock = vi.fn(
  () =>
    new Promise<Response>((resolve) => {
      answer = (status, body) =>
        resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }))
    }),
)

function Harness({ campaign = null }: { campaign?: VotingCampaign }) {
  const detail = useQuery(ideaQuery(idea.id))
  return detail.data ? <VoteControl idea={detail.data} user={member} campaign={campaign} /> : null
}

function renderVote(campaign: VotingCampaign = null) {
  const qc = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, retry: false } } })
  qc.setQueryData(ideaKeys.detail(idea.id), { idea })
  qc.setQueryData(ideaKeys.list({ sort: 'trending' }), { pages: [], pageParams: [] })
  render(
    <QueryClientProvider client={qc}>
      <Harness campaign={campaign} />
    </QueryClientProvider>,
  )
  return qc
}

beforeEach(() => {
  fetchMock.mockClear()
  vi.stubGlobal('fetch', fetchMock)
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('the vote button', () => {
  it('counts the vote at once, then shows and announces the exact count from the server', async () => {
    const qc = renderVote()
    const button = screen.getByRole('button', { name: 'Stem voor dit idee' })
    expect(button.getAttribute('aria-pressed')).toBe('false')

    await userEvent.click(button)
    expect(button.getAttribute('aria-pressed')).toBe('true')
    expect(screen.getByText('19 stemmen')).toBeTruthy()
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toMatch(/\/api\/ideas\/7\/vote$/)
    expect(init.method).toBe('PUT')

    // Someone else voted meanwhile: the server's count wins.
    answer(200, { voteCount: 21, hasVoted: true })
    expect(await screen.findByText('Uw stem is geteld. Dit idee heeft nu 21 stemmen.')).toBeTruthy()
    expect(screen.getByText('21 stemmen')).toBeTruthy()
    expect(qc.getQueryState(ideaKeys.list({ sort: 'trending' }))?.isInvalidated).toBe(true)
  })

  it('puts everything back and says why when the vote is refused', async () => {
    renderVote()
    const button = screen.getByRole('button', { name: 'Stem voor dit idee' })
    await userEvent.click(button)
    expect(button.getAttribute('aria-pressed')).toBe('true')

    answer(409, { error: { code: 'conflict', message: 'Stemmen kan niet meer: dit idee is afgerond.' } })
    expect(
      await screen.findByText('Uw stem is niet opgeslagen. Stemmen kan niet meer: dit idee is afgerond.'),
    ).toBeTruthy()
    expect(button.getAttribute('aria-pressed')).toBe('false')
    expect(screen.getByText('18 stemmen')).toBeTruthy()
  })

  it('shows a refusal as an error: read out at once, tied to the button, not as a success', async () => {
    renderVote()
    const button = screen.getByRole('button', { name: 'Stem voor dit idee' })
    await userEvent.click(button)
    answer(409, { error: { code: 'conflict', message: 'Stemmen kan niet meer: dit idee is afgerond.' } })
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toBe('Uw stem is niet opgeslagen. Stemmen kan niet meer: dit idee is afgerond.')
    expect(alert.className).toContain('field__error')
    expect(button.getAttribute('aria-describedby')).toBe(alert.id)
    expect(screen.getByRole('status').textContent).toBe('')
  })

  const window_ = { votingFrom: '2026-11-16T00:00:00+01:00', votingUntil: '2026-11-30T00:00:00+01:00' }

  it.each([
    ['upcoming', 'Bij deze meedenkvraag kunt u stemmen van 16 november 2026 tot 30 november 2026.'],
    ['ideas', 'Bij deze meedenkvraag kunt u stemmen van 16 november 2026 tot 30 november 2026.'],
    ['between', 'Bij deze meedenkvraag kunt u stemmen van 16 november 2026 tot 30 november 2026.'],
    ['outcome', 'Het stemmen bij deze meedenkvraag is voorbij.'],
  ] as const)('has no vote button in a campaign’s %s phase, and says when voting is', (phase, text) => {
    renderVote({ phase, ...window_ })
    expect(screen.queryByRole('button')).toBeNull()
    expect(screen.getByText(text)).toBeTruthy()
  })

  it('offers the vote button in the campaign’s voting phase, or when the campaign has none', () => {
    renderVote({ phase: 'voting', ...window_ })
    expect(screen.getByRole('button', { name: 'Stem voor dit idee' })).toBeTruthy()
    cleanup()
    renderVote({ phase: 'ideas', votingFrom: null, votingUntil: null })
    expect(screen.getByRole('button', { name: 'Stem voor dit idee' })).toBeTruthy()
  })

  it('shows no button while the campaign is still loading, so none appears and then vanishes', () => {
    renderVote('pending')
    expect(screen.queryByRole('button')).toBeNull()
    expect(screen.getByText('18 stemmen')).toBeTruthy()
  })

  it('ignores a second press while the first is still on its way, keeping focus on the button', async () => {
    renderVote()
    const button = screen.getByRole('button', { name: 'Stem voor dit idee' })
    await userEvent.click(button)
    await userEvent.click(button)
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(button.getAttribute('aria-disabled')).toBe('true')
    expect(document.activeElement).toBe(button)
    answer(200, { voteCount: 19, hasVoted: true })
    expect(await screen.findByText('Uw stem is geteld. Dit idee heeft nu 19 stemmen.')).toBeTruthy()
  })
})
