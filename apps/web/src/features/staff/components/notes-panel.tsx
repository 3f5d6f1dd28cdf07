import type { StaffIdeaDetail } from '@meedenken/shared'
import { NOTE_BODY } from '@meedenken/shared/constants'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { formatDateTime } from '../../../lib/format'
import { useForm } from '../../../lib/use-form'
import { Button } from '../../../ui/button'
import { Field, Textarea } from '../../../ui/form'
import type { IdeaWork } from '../api/staff-mutations'
import { FormSummary } from './form-summary'
import { SuccessLine } from './success-line'

/** Notes for colleagues. Marked in words (not only by colour) as never shown to residents. */
export function NotesPanel({ detail, work }: { detail: StaffIdeaDetail; work: IdeaWork }) {
  const { t } = useTranslation('staff')
  const form = useForm({
    scope: 'note',
    labels: { body: t('notes.label') },
    read: (v) => v.text('body'),
    check: (body) => ({ body: !body && t('notes.empty') }),
    send: async (body) => {
      await work.addNote.mutateAsync(body)
      return t('notes.saved')
    },
    resetOnSuccess: true,
  })

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
      <FormSummary form={form} />
      <form className="form form--compact" {...form.props}>
        <Field {...form.field('body')}>{(p) => <Textarea {...p} rows={3} maxLength={NOTE_BODY.max} />}</Field>
        <div className="form__actions">
          <Button appearance="secondary" type="submit" busy={form.pending}>
            {t('notes.submit')}
          </Button>
        </div>
      </form>
      <SuccessLine>{form.done}</SuccessLine>
    </section>
  )
}
