import type { StaffIdea } from '@meedenken/shared'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import '../../../lib/i18n-werkbak'
import { isConflict, useForm } from '../../../lib/use-form'
import { Button } from '../../../ui/button'
import type { BulkActions } from '../api/staff-mutations'
import { commonTransitions } from '../werkbak-view'
import { FormSummary } from './form-summary'
import { readStatusChange, StatusFields, statusFieldLabels, useStatusChoice } from './status-fields'

/** One status change with one public explanation for every chosen idea, when they allow the same changes. */
export function BulkStatusForm({
  selected,
  actions,
  onDone,
}: {
  selected: StaffIdea[]
  actions: BulkActions
  onDone: (message: string) => void
}) {
  const { t } = useTranslation(['werkbak', 'staff', 'ideas'])
  const { t: staffT } = useTranslation(['staff', 'ideas'])
  const status = useStatusChoice('bulkStatus')
  const options = commonTransitions(selected.map((i) => i.status))
  const statuses = [...new Set(selected.map((i) => t(`ideas:status.${i.status}`)))].join(', ')
  const form = useForm({
    scope: 'bulkStatus',
    labels: statusFieldLabels(staffT),
    read: (v) => readStatusChange(v, staffT),
    check: ({ errors }) => errors,
    send: async ({ body }) => {
      const { ideaIds } = await actions.changeStatus.mutateAsync({ ...body, ideaIds: selected.map((i) => i.id) })
      onDone(t('bulk.statusChanged', { count: ideaIds.length, status: t(`ideas:status.${body.status}`) }))
    },
    asMessage: isConflict,
  })

  if (options.length === 0) return <p>{t('bulk.noCommonStatus', { statuses })}</p>
  return (
    <>
      <p className="public-note">{t('bulk.statusIntro', { count: selected.length })}</p>
      <FormSummary form={form} />
      <form className="form" {...form.props} onChange={status.changed}>
        <StatusFields form={form} options={options} hint={t('bulk.statusHint', { statuses })} choice={status} />
        <div className="form__actions">
          <Button type="submit" busy={form.pending}>
            {t('bulk.statusSubmit', { count: selected.length })}
          </Button>
        </div>
      </form>
    </>
  )
}
