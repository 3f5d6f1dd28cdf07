import type { StaffIdeaDetail } from '@meedenken/shared'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { formatDateTime } from '../../../lib/format'
import { Field, formValues } from '../../../ui/form'
import type { IdeaWork } from '../api/staff-mutations'
import { FormProblem, localProblem, type Problem, problemFrom } from '../form-problem'

/** Notes for colleagues. Marked in words (not only by colour) as never shown to residents. */
export function NotesPanel({ detail, work }: { detail: StaffIdeaDetail; work: IdeaWork }) {
  const { t } = useTranslation('staff')
  const form = useRef<HTMLFormElement>(null)
  const [problem, setProblem] = useState<Problem | null>(null)
  const [done, setDone] = useState('')
  const labels = { 'note.body': t('notes.label') }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (work.addNote.isPending) return
    setDone('')
    const body = (formValues(event.currentTarget)['note.body'] ?? '').trim()
    const local = localProblem(body ? {} : { 'note.body': t('notes.empty') })
    if (local) {
      setProblem(local)
      return
    }
    work.addNote.mutate(body, {
      onSuccess: () => {
        setProblem(null)
        form.current?.reset()
        setDone(t('notes.saved'))
      },
      onError: (error) => setProblem(problemFrom('note', error)),
    })
  }

  return (
    <section className="work-section work-section--side staff-only" aria-labelledby="notes-title">
      <h2 id="notes-title">{t('notes.title')}</h2>
      <p className="staff-only__label">{t('notes.onlyStaff')}</p>
      {detail.notes.length === 0 ? (
        <p className="muted">{t('notes.none')}</p>
      ) : (
        <ol className="work-log">
          {detail.notes.map((note) => (
            <li key={note.id}>
              <p className="work-log__when">
                <time dateTime={note.createdAt}>{formatDateTime(note.createdAt)}</time> · {note.authorName}
              </p>
              <p className="pre-wrap">{note.body}</p>
            </li>
          ))}
        </ol>
      )}
      <FormProblem problem={problem} labels={labels} />
      <form className="form form--compact" noValidate onSubmit={submit} ref={form}>
        <Field name="note.body" label={labels['note.body']} error={problem?.errors['note.body']}>
          {(p) => <textarea {...p} rows={3} maxLength={4000} />}
        </Field>
        <div className="form__actions">
          <button
            type="submit"
            className="button button--secondary"
            aria-disabled={work.addNote.isPending || undefined}
          >
            {t('notes.submit')}
          </button>
        </div>
      </form>
      <p role="status" className="status-line status-line--success">
        {done}
      </p>
    </section>
  )
}
