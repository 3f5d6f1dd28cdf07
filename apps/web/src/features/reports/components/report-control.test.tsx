import type { User } from '@meedenken/shared'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import '../../../lib/i18n'
import { reportKeys } from '../api/report-queries'
import { ReportControl } from './report-control'

const member = { id: 3, displayName: 'Anouk', role: 'member' } as User
const comment = { type: 'comment', id: 55 } as const

const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) =>
  Response.json(
    { message: 'Bedankt voor uw melding. Een medewerker bekijkt het.', alreadyReported: false },
    { status: 201 },
  ),
)

function renderReport(props: Partial<Parameters<typeof ReportControl>[0]> = {}) {
  const qc = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, retry: false } } })
  qc.setQueryData(reportKeys.mine(7), { idea: false, comments: [], photos: [] })
  render(
    <MemoryRouter>
      <QueryClientProvider client={qc}>
        <ReportControl ideaId={7} subject={comment} authorId={9} authorName="Kees" user={member} {...props} />
      </QueryClientProvider>
    </MemoryRouter>,
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

describe('"Melden"', () => {
  it('opens a form by keyboard with focus on the first reason; Escape closes it and returns focus', async () => {
    renderReport()
    const button = screen.getByRole('button', { name: 'Melden: de reactie van Kees' })
    button.focus()
    await userEvent.keyboard('{Enter}')
    expect(button.getAttribute('aria-expanded')).toBe('true')
    expect(screen.getByRole('group', { name: 'Waarom meldt u de reactie van Kees?' })).toBeTruthy()
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Reclame of spam' }))
    await userEvent.keyboard('{Escape}')
    expect(screen.queryByRole('group')).toBeNull()
    expect(document.activeElement).toBe(button)
    expect(button.getAttribute('aria-expanded')).toBe('false')
  })

  it('asks for a reason first, with the error tied to the choice, and sends nothing', async () => {
    renderReport()
    await userEvent.click(screen.getByRole('button', { name: /^Melden/ }))
    await userEvent.click(screen.getByRole('button', { name: 'Melding versturen' }))
    expect(fetchMock).not.toHaveBeenCalled()
    const group = screen.getByRole('group')
    expect(group.getAttribute('aria-describedby')).toContain(screen.getByText('Kies waarom u dit meldt.').id)
    const first = screen.getByRole('radio', { name: 'Reclame of spam' })
    expect(first.getAttribute('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(first)
  })

  it('sends the reason and explanation, then says it is done and offers nothing more', async () => {
    const qc = renderReport()
    await userEvent.click(screen.getByRole('button', { name: /^Melden/ }))
    await userEvent.click(screen.getByRole('radio', { name: 'Er staan persoonlijke gegevens in' }))
    const note = screen.getByRole('textbox', { name: 'Toelichting (niet verplicht)' })
    expect(note.getAttribute('maxlength')).toBe('500')
    await userEvent.type(note, 'Er staat een telefoonnummer in.')
    await userEvent.click(screen.getByRole('button', { name: 'Melding versturen' }))
    const done = await screen.findByText('U hebt dit gemeld.')
    expect(document.activeElement).toBe(done)
    expect(screen.getByRole('status').textContent).toBe('Bedankt voor uw melding. Een medewerker bekijkt het.')
    expect(screen.queryByRole('button')).toBeNull()
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit]
    expect(url).toMatch(/\/api\/reports$/)
    expect(JSON.parse(String(init.body))).toEqual({
      subjectType: 'comment',
      subjectId: 55,
      reason: 'personal_data',
      note: 'Er staat een telefoonnummer in.',
    })
    expect(qc.getQueryData(reportKeys.mine(7))).toEqual({ idea: false, comments: [55], photos: [] })
  })

  it('says "U hebt dit gemeld" at once for something this person reported before', () => {
    const qc = new QueryClient()
    qc.setQueryData(reportKeys.mine(7), { idea: true, comments: [], photos: [] })
    render(
      <MemoryRouter>
        <QueryClientProvider client={qc}>
          <ReportControl ideaId={7} subject={{ type: 'idea', id: 7 }} authorId={9} user={member} />
        </QueryClientProvider>
      </MemoryRouter>,
    )
    expect(screen.getByText('U hebt dit gemeld.')).toBeTruthy()
    expect(screen.queryByRole('button')).toBeNull()
  })

  it('reports a photo by its number on the page, then says it is done; a photo reported before says so at once', async () => {
    const qc = renderReport({ subject: { type: 'photo', id: 12 }, photoNumber: 2, authorName: undefined })
    await userEvent.click(screen.getByRole('button', { name: 'Melden: foto 2' }))
    expect(screen.getByRole('group', { name: 'Waarom meldt u foto 2?' })).toBeTruthy()
    await userEvent.click(screen.getByRole('radio', { name: 'Beledigend of kwetsend' }))
    await userEvent.click(screen.getByRole('button', { name: 'Melding versturen' }))
    expect(await screen.findByText('U hebt dit gemeld.')).toBeTruthy()
    const [, init] = fetchMock.mock.calls[0] as [string, RequestInit]
    expect(JSON.parse(String(init.body))).toEqual({ subjectType: 'photo', subjectId: 12, reason: 'offensive' })
    expect(qc.getQueryData(reportKeys.mine(7))).toEqual({ idea: false, comments: [], photos: [12] })
    cleanup()
    const before = new QueryClient()
    before.setQueryData(reportKeys.mine(7), { idea: false, comments: [12], photos: [13] })
    render(
      <MemoryRouter>
        <QueryClientProvider client={before}>
          <ReportControl ideaId={7} subject={{ type: 'photo', id: 12 }} photoNumber={1} authorId={9} user={member} />
          <ReportControl ideaId={7} subject={{ type: 'photo', id: 13 }} photoNumber={2} authorId={9} user={member} />
        </QueryClientProvider>
      </MemoryRouter>,
    )
    expect(screen.getByRole('button', { name: 'Melden: foto 1' })).toBeTruthy()
    expect(screen.getAllByText('U hebt dit gemeld.')).toHaveLength(1)
  })

  it('is not offered on one’s own words; visitors are asked to log in (on the idea)', () => {
    renderReport({ authorId: member.id })
    expect(screen.queryByRole('button')).toBeNull()
    cleanup()
    renderReport({ user: null, subject: { type: 'idea', id: 7 } })
    expect(screen.getByRole('link', { name: 'Log in om te melden' }).getAttribute('href')).toBe(
      '/inloggen?terug=%2Fideeen%2F7',
    )
  })

  it('shows a field error from the API under the explanation, with focus there', async () => {
    fetchMock.mockResolvedValueOnce(
      Response.json(
        {
          error: {
            code: 'validation_failed',
            message: 'Controleer',
            fields: { note: 'Gebruik hoogstens 500 tekens.' },
          },
        },
        { status: 422 },
      ),
    )
    renderReport()
    await userEvent.click(screen.getByRole('button', { name: /^Melden/ }))
    await userEvent.click(screen.getByRole('radio', { name: 'Iets anders' }))
    await userEvent.click(screen.getByRole('button', { name: 'Melding versturen' }))
    const error = await screen.findByText('Gebruik hoogstens 500 tekens.')
    const note = screen.getByRole('textbox')
    expect(note.getAttribute('aria-describedby')).toContain(error.id)
    expect(note.getAttribute('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(note)
  })
})
