import type { IdeaDetail } from '@meedenken/shared'
import { WORK_STATUSES } from '@meedenken/shared/constants'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { formatDate } from '../../../lib/format'
import { Field, formValues } from '../../../ui/form'
import type { IdeaWork } from '../api/staff-mutations'
import { FormProblem, localProblem, type Problem, problemFrom } from '../form-problem'
import { UPDATE_MIN } from '../rules'

const RUNNING: readonly string[] = WORK_STATUSES

/** Public progress updates for planned and running ideas; followers are told of each one. */
export function ProgressPanel({ idea, work }: { idea: IdeaDetail; work: IdeaWork }) {
  const { t } = useTranslation('staff')
  const form = useRef<HTMLFormElement>(null)
  const [problem, setProblem] = useState<Problem | null>(null)
  const [done, setDone] = useState('')
  const labels = { 'progress.body': t('progress.label') }
  const running = RUNNING.includes(idea.status)
  if (!running && idea.progressUpdates.length === 0) return null

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (work.postUpdate.isPending) return
    setDone('')
    const body = (formValues(event.currentTarget)['progress.body'] ?? '').trim()
    const local = localProblem(
      body.length >= UPDATE_MIN ? {} : { 'progress.body': t('progress.tooShort', { min: UPDATE_MIN }) },
    )
    if (local) {
      setProblem(local)
      return
    }
    work.postUpdate.mutate(body, {
      onSuccess: () => {
        setProblem(null)
        form.current?.reset()
        setDone(t('progress.posted'))
      },
      onError: (error) => setProblem(problemFrom('progress', error)),
    })
  }

  return (
    <section className="work-section" aria-labelledby="progress-title">
      <h2 id="progress-title">{t('progress.title')}</h2>
      {running && (
        <>
          <p className="public-note">
            {idea.daysSinceUpdate !== null
              ? t('progress.introSince', { count: idea.daysSinceUpdate })
              : t('progress.intro')}
          </p>
          <FormProblem problem={problem} labels={labels} />
          <form className="form" noValidate onSubmit={submit} ref={form}>
            <Field
              name="progress.body"
              label={labels['progress.body']}
              hint={t('progress.hint', { min: UPDATE_MIN })}
              error={problem?.errors['progress.body']}
            >
              {(p) => <textarea {...p} rows={3} maxLength={2000} />}
            </Field>
            <div className="form__actions">
              <button type="submit" className="button" aria-disabled={work.postUpdate.isPending || undefined}>
                {t('progress.submit')}
              </button>
            </div>
          </form>
          <p role="status" className="status-line status-line--success">
            {done}
          </p>
        </>
      )}
      {idea.progressUpdates.length > 0 && (
        <>
          <h3>{t('progress.earlier')}</h3>
          <ol className="work-log">
            {idea.progressUpdates.map((u) => (
              <li key={u.id}>
                <p className="work-log__when">
                  <time dateTime={u.createdAt}>{formatDate(u.createdAt)}</time> · {u.authorName}
                </p>
                {/* biome-ignore lint/security/noDangerouslySetInnerHtml: bodyHtml is rendered from markdown and sanitised (allow-list) by the API at write time */}
                <div className="prose prose--comment" dangerouslySetInnerHTML={{ __html: u.bodyHtml }} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  )
}
