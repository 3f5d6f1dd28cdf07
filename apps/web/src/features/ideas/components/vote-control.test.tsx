import type { IdeaDetail, User } from '@meedenken/shared'
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import '../../../lib/i18n'
import { ideaKeys, ideaQuery } from '../api/idea-queries'
import { VoteControl } from './vote-control'

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

function Harness() {
  const detail = useQuery(ideaQuery(idea.id))
  return detail.data ? <VoteControl idea={detail.data} user={member} /> : null
}

function renderVote() {
  const qc = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, retry: false } } })
  qc.setQueryData(ideaKeys.detail(idea.id), { idea })
  qc.setQueryData(ideaKeys.list({ sort: 'trending' }), { pages: [], pageParams: [] })
  render(
    <QueryClientProvider client={qc}>
      <Harness />
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
