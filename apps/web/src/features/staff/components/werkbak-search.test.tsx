import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../lib/i18n'
import '../../../lib/i18n-werkbak'
import { districtsQuery, themesQuery } from '../../catalog/api/catalog-queries'
import { colleaguesQuery, departmentsQuery } from '../api/staff-queries'
import { readView } from '../werkbak-view'
import { WerkbakSearch } from './werkbak-search'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('the Werkbak search', () => {
  it('keeps a filter chosen while another list is still loading', async () => {
    // The colleagues arrive last (their request hangs until the test answers it).
    vi.stubGlobal('fetch', () => new Promise(() => undefined))
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    client.setQueryData(themesQuery.queryKey, {
      items: [{ id: 7, slug: 'groen', name: 'Groen', nameEn: 'Green', archived: false }],
    } as never)
    client.setQueryData(districtsQuery.queryKey, { items: [] } as never)
    client.setQueryData(departmentsQuery.queryKey, { items: [] } as never)
    render(
      <QueryClientProvider client={client}>
        <MemoryRouter>
          <WerkbakSearch view={readView(new URLSearchParams('tab=all'))} />
        </MemoryRouter>
      </QueryClientProvider>,
    )
    const user = userEvent.setup()
    await user.selectOptions(screen.getByLabelText('Thema'), '7')
    act(() => {
      client.setQueryData(colleaguesQuery.queryKey, { items: [{ id: 3, displayName: 'Dennis Meijer' }] } as never)
    })
    expect(await screen.findByRole('option', { name: 'Dennis Meijer' })).toBeTruthy()
    expect((screen.getByLabelText('Thema') as HTMLSelectElement).value).toBe('7')
  })
})
