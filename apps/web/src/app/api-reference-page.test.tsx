import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, render, screen } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { i18n } from '../lib/i18n'
import { ApiReferencePage } from './api-reference-page'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const spec = {
  info: { title: 'Meedenken API' },
  paths: {
    '/api/health': { get: { summary: 'Liveness: the process answers', tags: ['Operations'], responses: { 200: {} } } },
  },
}

describe('the API reference on the Dutch site', () => {
  it('marks the English names and summaries of the OpenAPI document as English, and says so in Dutch', async () => {
    await i18n.changeLanguage('nl')
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(spec), { status: 200 })),
    )
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    render(
      <QueryClientProvider client={qc}>
        <MemoryRouter>
          <ApiReferencePage />
        </MemoryRouter>
      </QueryClientProvider>,
    )
    const group = await screen.findByRole('heading', { level: 2, name: 'Operations' })
    expect(group.getAttribute('lang')).toBe('en')
    expect(screen.getByText('Liveness: the process answers').getAttribute('lang')).toBe('en')
    expect(screen.getByText(/De technische beschrijving hieronder is in het Engels/)).toBeTruthy()
    // The Dutch labels around them stay Dutch: no lang on the list item itself.
    expect(
      screen
        .getByText(/Wie mag dit gebruiken/)
        .closest('[lang]')
        ?.getAttribute('lang'),
    ).not.toBe('en')
  })
})
