import type { IdeaDetail } from '@meedenken/shared'
import { COMMENT_BODY } from '@meedenken/shared/constants'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { formatDate } from '../../../lib/format'
import { useForm } from '../../../lib/use-form'
import { Button } from '../../../ui/button'
import { Field, Textarea } from '../../../ui/form'
import type { IdeaWork } from '../api/staff-mutations'
import { AnswerTemplatePicker } from './answer-template-picker'
import { FormSummary } from './form-summary'
import { SuccessLine } from './success-line'

/** The municipality's public answer: a comment marked official, shown at the top of the idea. */
export function AnswerForm({ idea, work }: { idea: IdeaDetail; work: IdeaWork }) {
  const { t } = useTranslation('staff')
  const text = useRef<HTMLTextAreaElement>(null)
  const closed = idea.status === 'merged'
  const form = useForm({
    scope: 'answer',
    labels: { body: t('answer.label') },
    read: (v) => v.text('body'),
    check: (body) => ({ body: !body && t('answer.empty') }),
    send: async (body) => {
      await work.answer.mutateAsync(body)
      return t('answer.posted')
    },
    resetOnSuccess: true,
  })

  return (
    <section className="work-section" aria-labelledby="answer-title">
      <h2 id="answer-title">{t('answer.title')}</h2>
      {closed ? (
        <p>{t('answer.merged')}</p>
      ) : (
        <>
          <p className="public-note">
            {idea.officialAnswer
              ? t('answer.introAgain', { date: formatDate(idea.officialAnswer.createdAt) })
              : t('answer.intro')}
          </p>
          <FormSummary form={form} />
          <AnswerTemplatePicker ideaId={idea.id} into={text} />
          <form className="form" {...form.props}>
            <Field {...form.field('body')} hint={t('answer.hint')}>
              {(p) => <Textarea {...p} rows={6} maxLength={COMMENT_BODY.max} ref={text} />}
            </Field>
            <div className="form__actions">
              <Button type="submit" busy={form.pending}>
                {form.pending ? t('answer.sending') : t('answer.submit')}
              </Button>
            </div>
          </form>
        </>
      )}
      <SuccessLine>{form.done}</SuccessLine>
    </section>
  )
}
