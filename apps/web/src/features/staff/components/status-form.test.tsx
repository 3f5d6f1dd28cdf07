import type { IdeaDetail } from '@meedenken/shared'
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../lib/i18n'
import type { IdeaWork } from '../api/staff-mutations'
import { StatusForm } from './status-form'

function renderForm(status: IdeaDetail['status']) {
  const mutate = vi.fn(() => Promise.resolve({}))
  const work = { changeStatus: { isPending: false, mutateAsync: mutate } } as unknown as IdeaWork
  render(<StatusForm idea={{ id: 4, status } as IdeaDetail} work={work} />)
  return mutate
}

afterEach(cleanup)

describe('the status form', () => {
  it('offers only the changes allowed from the current status', () => {
    renderForm('new')
    const names = screen.getAllByRole('radio').map((radio) => radio.getAttribute('value'))
    expect(names).toEqual(['under_review', 'planned', 'in_progress', 'declined'])
  })

  it('asks who a declined idea was referred to when it is not a municipal task, before sending', async () => {
    const user = userEvent.setup()
    const mutate = renderForm('under_review')
    await user.click(screen.getByRole('radio', { name: 'Niet uitgevoerd' }))
    await user.click(screen.getByRole('radio', { name: 'Geen taak van de gemeente' }))
    await user.type(screen.getByLabelText('Uitleg voor inwoners'), 'Dit is een taak van de provincie Groningen.')
    await user.click(screen.getByRole('button', { name: 'Status opslaan' }))
    const organisation = screen.getByLabelText('Naar welke organisatie hebt u het idee doorgestuurd?')
    expect(organisation.getAttribute('aria-invalid')).toBe('true')
    expect(organisation.getAttribute('aria-describedby')).toContain('error')
    expect(mutate).not.toHaveBeenCalled()

    await user.type(organisation, 'Provincie Groningen')
    await user.click(screen.getByRole('button', { name: 'Status opslaan' }))
    expect(mutate).toHaveBeenCalledWith({
      status: 'declined',
      explanation: 'Dit is een taak van de provincie Groningen.',
      declineReason: 'not_municipal_task',
      referredTo: 'Provincie Groningen',
    })
  })

  it('sends the closure record with a done idea, without a link when none is given', async () => {
    const user = userEvent.setup()
    const mutate = renderForm('in_progress')
    await user.click(screen.getByRole('radio', { name: 'Gerealiseerd' }))
    await user.type(screen.getByLabelText('Uitleg voor inwoners'), 'De lantaarnpaal staat er nu. Dank u wel!')
    await user.click(screen.getByRole('button', { name: 'Status opslaan' }))
    expect(screen.getByLabelText('Wat is er veranderd?').getAttribute('aria-invalid')).toBe('true')
    expect(mutate).not.toHaveBeenCalled()

    await user.type(screen.getByLabelText('Wat is er veranderd?'), 'Er staat een extra lantaarnpaal.')
    await user.type(screen.getByLabelText('Sinds wanneer?'), '2026-10-01')
    await user.type(screen.getByLabelText('Welk team deed het?'), 'Team Verlichting')
    await user.click(screen.getByRole('button', { name: 'Status opslaan' }))
    expect(mutate).toHaveBeenCalledWith({
      status: 'done',
      explanation: 'De lantaarnpaal staat er nu. Dank u wel!',
      closure: {
        whatChanged: 'Er staat een extra lantaarnpaal.',
        since: '2026-10-01',
        team: 'Team Verlichting',
        link: null,
      },
    })
  })

  it('says that a final status cannot change', () => {
    renderForm('done')
    expect(screen.queryByRole('radio')).toBeNull()
    expect(screen.getByText('De status is Gerealiseerd. Die kan niet meer veranderen.')).toBeTruthy()
  })
})
