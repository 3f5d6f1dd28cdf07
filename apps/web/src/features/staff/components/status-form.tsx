import type { IdeaDetail } from '@meedenken/shared'
import { STATUS_TRANSITIONS } from '@meedenken/shared/constants'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { useForm } from '../../../lib/use-form'
import { Button } from '../../../ui/button'
import type { IdeaWork } from '../api/staff-mutations'
import { FormSummary } from './form-summary'
import { readStatusChange, StatusFields, statusFieldLabels, useStatusChoice } from './status-fields'
import { SuccessLine } from './success-line'

/**
 * A status change with its public explanation. Only the changes allowed from the current
 * status are offered; declining asks for a coded reason (and, when it is not the
 * municipality's task, who it was referred to); done asks for the closure record.
 */
export function StatusForm({ idea, work }: { idea: IdeaDetail; work: IdeaWork }) {
  const { t } = useTranslation(['staff', 'ideas'])
  const choice = useStatusChoice('status')
  const options = STATUS_TRANSITIONS[idea.status]
  const message = useRef<HTMLParagraphElement>(null)
  const form = useForm({
    scope: 'status',
    labels: statusFieldLabels(t),
    read: (v) => readStatusChange(v, t),
    check: ({ errors }) => errors,
    send: async ({ body }) => {
      await work.changeStatus.mutateAsync(body)
      choice.reset()
      return t('statusForm.changed', { status: t(`ideas:status.${body.status}`) })
    },
    resetOnSuccess: true,
  })

  // A final status removes the form and its button: keep focus on what just happened.
  useEffect(() => {
    if (form.done && options.length === 0) message.current?.focus()
  }, [form.done, options.length])

  return (
    <section className="work-section" aria-labelledby="status-title">
      <h2 id="status-title">{t('statusForm.title')}</h2>
      {options.length === 0 ? (
        <p>{t('statusForm.final', { status: t(`ideas:status.${idea.status}`) })}</p>
      ) : (
        <>
          <p className="public-note">{t('statusForm.intro')}</p>
          <FormSummary form={form} />
          <form className="form" {...form.props} onChange={choice.changed}>
            <StatusFields
              form={form}
              options={options}
              hint={t('statusForm.current', { status: t(`ideas:status.${idea.status}`) })}
              choice={choice}
            />
            <div className="form__actions">
              <Button type="submit" busy={form.pending}>
                {t('statusForm.submit')}
              </Button>
            </div>
          </form>
        </>
      )}
      <SuccessLine ref={message}>{form.done}</SuccessLine>
    </section>
  )
}
