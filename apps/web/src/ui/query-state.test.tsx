import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../lib/i18n'
import { QueryState } from './query-state'

type List = { items: string[] }

function Departments({ load, enabled = true }: { load: () => Promise<List>; enabled?: boolean }) {
  const query = useQuery({ queryKey: ['departments'], queryFn: load, enabled, retry: false })
  return (
    <QueryState query={query} empty={<p>Nog geen afdelingen.</p>}>
      {(data) => (
        <ul>
          {data.items.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      )}
    </QueryState>
  )
}

function show(load: () => Promise<List>, enabled = true) {
  const client = new QueryClient()
  render(
    <QueryClientProvider client={client}>
      <Departments load={load} enabled={enabled} />
    </QueryClientProvider>,
  )
}

afterEach(cleanup)

describe('QueryState', () => {
  it('says it is loading, then shows the data', async () => {
    show(() => Promise.resolve({ items: ['Wegen', 'Afval'] }))
    expect(screen.getByRole('status').textContent).toBe('Bezig met laden…')
    expect(await screen.findByText('Wegen')).toBeTruthy()
    expect(screen.queryByRole('status')).toBeNull()
  })

  it('says when there is nothing', async () => {
    show(() => Promise.resolve({ items: [] }))
    expect(await screen.findByText('Nog geen afdelingen.')).toBeTruthy()
  })

  it('says a failure and loads again on request', async () => {
    const user = userEvent.setup()
    const load = vi
      .fn<() => Promise<List>>()
      .mockRejectedValueOnce(new Error('down'))
      .mockResolvedValue({ items: ['Wegen'] })
    show(load)
    expect((await screen.findByRole('alert')).textContent).toContain('Deze pagina kon niet worden geladen.')
    await user.click(screen.getByRole('button'))
    expect(await screen.findByText('Wegen')).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('shows nothing for a query that is switched off', () => {
    show(() => Promise.resolve({ items: ['Wegen'] }), false)
    expect(screen.queryByRole('status')).toBeNull()
    expect(screen.queryByText('Nog geen afdelingen.')).toBeNull()
  })
})
