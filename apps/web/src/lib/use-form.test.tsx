import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ErrorSummary, Field } from '../ui/form'
import { ApiRequestError } from './api-client'
import './i18n'
import { useForm } from './use-form'

type Send = (name: string) => Promise<string | undefined>

/** A form as the staff pages write one: a scope, a label per field, a check, a request. */
function DepartmentForm({ send }: { send: Send }) {
  const form = useForm({
    scope: 'newDept',
    labels: { name: 'Naam' },
    read: (v) => ({ name: v.text('name') }),
    check: ({ name }) => ({ name: name.length < 2 && 'Vul een naam in van minstens 2 tekens.' }),
    send: ({ name }) => send(name),
    resetOnSuccess: true,
  })
  return (
    <>
      {form.problem && (
        <ErrorSummary
          key={form.problem.attempt}
          errors={form.problem.errors}
          labels={form.labels}
          message={form.problem.message}
        />
      )}
      <form {...form.props}>
        <Field {...form.field('name')}>{(p) => <input {...p} type="text" defaultValue="Afval" />}</Field>
        <button type="submit" aria-disabled={form.pending || undefined}>
          Opslaan
        </button>
        <button type="button" onClick={form.reset}>
          Opnieuw beginnen
        </button>
      </form>
      <p role="status">{form.done}</p>
    </>
  )
}

const refusal = (fields?: Record<string, string>, message = 'Dat kan niet.') =>
  new ApiRequestError(422, { code: 'validation_failed', message, ...(fields ? { fields } : {}) }, null)

function errorOf(field: HTMLElement): string {
  const ids = (field.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean)
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
}

afterEach(cleanup)

describe('useForm', () => {
  it("ties the API's error for a field to that field, under the form's scope, and names it in the summary", async () => {
    const user = userEvent.setup()
    const send = vi.fn<Send>().mockRejectedValue(refusal({ name: 'Deze naam bestaat al.' }))
    render(<DepartmentForm send={send} />)
    await user.click(screen.getByRole('button', { name: 'Opslaan' }))

    const field = screen.getByLabelText('Naam')
    expect(send).toHaveBeenCalledWith('Afval')
    expect(field.getAttribute('name')).toBe('newDept.name')
    expect(field.getAttribute('aria-invalid')).toBe('true')
    expect(errorOf(field)).toBe('Deze naam bestaat al.')
    const link = screen.getByRole('link', { name: 'Naam: Deze naam bestaat al.' })
    expect(link.getAttribute('href')).toBe('#field-newDept.name')
    // The summary takes focus, so a screen reader hears what is wrong.
    expect(document.activeElement?.contains(link)).toBe(true)
  })

  it('checks here first and sends nothing while a field is wrong', async () => {
    const user = userEvent.setup()
    const send = vi.fn<Send>()
    render(<DepartmentForm send={send} />)
    const field = screen.getByLabelText('Naam')
    await user.clear(field)
    await user.type(field, 'A ')
    await user.click(screen.getByRole('button', { name: 'Opslaan' }))

    expect(send).not.toHaveBeenCalled()
    expect(field.getAttribute('aria-invalid')).toBe('true')
    expect(errorOf(field)).toBe('Vul een naam in van minstens 2 tekens.')
  })

  it('says a refusal that names no field as one sentence', async () => {
    const user = userEvent.setup()
    render(<DepartmentForm send={vi.fn<Send>().mockRejectedValue(refusal(undefined, 'U mag dit niet doen.'))} />)
    await user.click(screen.getByRole('button', { name: 'Opslaan' }))

    expect(screen.getByText('U mag dit niet doen.')).toBeTruthy()
    expect(screen.getByLabelText('Naam').getAttribute('aria-invalid')).toBeNull()
  })

  it('reset takes the problem away and puts the fields back to their first values', async () => {
    const user = userEvent.setup()
    render(<DepartmentForm send={vi.fn<Send>().mockRejectedValue(refusal({ name: 'Deze naam bestaat al.' }))} />)
    const field = screen.getByLabelText('Naam') as HTMLInputElement
    await user.clear(field)
    await user.type(field, 'Wegen')
    await user.click(screen.getByRole('button', { name: 'Opslaan' }))
    expect(field.getAttribute('aria-invalid')).toBe('true')

    await user.click(screen.getByRole('button', { name: 'Opnieuw beginnen' }))
    expect(field.value).toBe('Afval')
    expect(field.getAttribute('aria-invalid')).toBeNull()
    expect(field.getAttribute('aria-describedby')).toBeNull()
    expect(screen.queryByRole('link', { name: /Naam/ })).toBeNull()
  })

  it('sends once while a request is under way, then says what happened and empties the fields', async () => {
    const user = userEvent.setup()
    let finish: (said: string) => void = () => {}
    const send = vi.fn<Send>(() => new Promise((resolve) => (finish = resolve)))
    render(<DepartmentForm send={send} />)
    const field = screen.getByLabelText('Naam') as HTMLInputElement
    await user.clear(field)
    await user.type(field, 'Wegen')
    const button = screen.getByRole('button', { name: 'Opslaan' })
    await user.click(button)
    await user.click(button)
    expect(send).toHaveBeenCalledTimes(1)
    expect(button.getAttribute('aria-disabled')).toBe('true')

    finish('Afdeling Wegen toegevoegd.')
    expect(await screen.findByText('Afdeling Wegen toegevoegd.')).toBeTruthy()
    expect(screen.getByRole('status').textContent).toBe('Afdeling Wegen toegevoegd.')
    expect(field.value).toBe('Afval')
    expect(button.getAttribute('aria-disabled')).toBeNull()
  })
})
