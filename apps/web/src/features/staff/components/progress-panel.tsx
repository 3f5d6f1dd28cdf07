import type { IdeaDetail } from '@meedenken/shared'
import { PROGRESS_UPDATE, WORK_STATUSES } from '@meedenken/shared/constants'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { formatDate } from '../../../lib/format'
import { useForm } from '../../../lib/use-form'
import { Button } from '../../../ui/button'
import { Field, Textarea } from '../../../ui/form'
import type { IdeaWork } from '../api/staff-mutations'
import { FormSummary } from './form-summary'
import { SuccessLine } from './success-line'

const RUNNING: readonly string[] = WORK_STATUSES

/** Public progress updates for planned and running ideas; followers are told of each one. */
export function ProgressPanel({ idea, work }: { idea: IdeaDetail; work: IdeaWork }) {
  const { t } = useTranslation('staff')
  const form = useForm({
    scope: 'progress',
    labels: { body: t('progress.label') },
    read: (v) => v.text('body'),
    check: (body) => ({
      body: body.length < PROGRESS_UPDATE.min && t('progress.tooShort', { min: PROGRESS_UPDATE.min }),
    }),
    send: async (body) => {
      await work.postUpdate.mutateAsync(body)
      return t('progress.posted')
    },
    resetOnSuccess: true,
  })
  const running = RUNNING.includes(idea.status)
  if (!running && idea.progressUpdates.length === 0) return null

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
          <FormSummary form={form} />
          <form className="form" {...form.props}>
            <Field {...form.field('body')} hint={t('progress.hint', { min: PROGRESS_UPDATE.min })}>
              {(p) => <Textarea {...p} rows={3} maxLength={PROGRESS_UPDATE.max} />}
            </Field>
            <div className="form__actions">
              <Button type="submit" busy={form.pending}>
                {t('progress.submit')}
              </Button>
            </div>
          </form>
          <SuccessLine>{form.done}</SuccessLine>
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
