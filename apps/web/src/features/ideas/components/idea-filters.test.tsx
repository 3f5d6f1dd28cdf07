import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../lib/i18n'
import { IdeaFilters } from './idea-filters'

afterEach(cleanup)

describe('the filter form', () => {
  it('offers "best match" only with a search term, and switches to it for a new search', async () => {
    const onChange = vi.fn()
    render(<IdeaFilters filters={{ sort: 'trending' }} themes={[]} districts={[]} onChange={onChange} />)
    expect(screen.queryByRole('option', { name: 'Best passend' })).toBeNull()

    await userEvent.type(screen.getByRole('searchbox', { name: 'Zoeken' }), '  fietsenrek ')
    await userEvent.click(screen.getByRole('button', { name: 'Toon ideeën' }))
    expect(onChange).toHaveBeenLastCalledWith({ sort: 'relevance', q: 'fietsenrek' })
  })

  it('keeps the chosen order when the search changes, and drops "best match" when the search is emptied', async () => {
    const onChange = vi.fn()
    const { unmount } = render(
      <IdeaFilters filters={{ sort: 'top', q: 'afval' }} themes={[]} districts={[]} onChange={onChange} />,
    )
    expect(screen.getByRole('option', { name: 'Best passend' })).toBeTruthy()
    const search = screen.getByRole('searchbox', { name: 'Zoeken' })
    await userEvent.clear(search)
    await userEvent.type(search, 'bankjes')
    await userEvent.click(screen.getByRole('button', { name: 'Toon ideeën' }))
    expect(onChange).toHaveBeenLastCalledWith({ sort: 'top', q: 'bankjes' })
    unmount()

    render(<IdeaFilters filters={{ sort: 'relevance', q: 'afval' }} themes={[]} districts={[]} onChange={onChange} />)
    await userEvent.clear(screen.getByRole('searchbox', { name: 'Zoeken' }))
    await userEvent.click(screen.getByRole('button', { name: 'Toon ideeën' }))
    expect(onChange).toHaveBeenLastCalledWith({ sort: 'trending' })
  })
})
