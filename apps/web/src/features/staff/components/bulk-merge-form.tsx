import type { StaffIdea } from '@meedenken/shared'
import { EXPLANATION } from '@meedenken/shared/constants'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import '../../../lib/i18n-werkbak'
import { isConflict, useForm } from '../../../lib/use-form'
import { Button } from '../../../ui/button'
import { Choice, Field, Textarea } from '../../../ui/form'
import type { BulkActions } from '../api/staff-mutations'
import { FormSummary } from './form-summary'

type Merge = { targetId: number; explanation: string }

/** Merge the chosen ideas into one of them: choose it, explain, then confirm (it cannot be undone). */
export function BulkMergeForm({
  selected,
  actions,
  onDone,
}: {
  selected: StaffIdea[]
  actions: BulkActions
  onDone: (message: string) => void
}) {
  const { t } = useTranslation(['werkbak', 'staff'])
  const [confirm, setConfirm] = useState<Merge | null>(null)
  const confirmBox = useRef<HTMLDivElement>(null)
  const open = selected.filter((i) => i.status !== 'merged')
  const form = useForm({
    scope: 'bulkMerge',
    labels: { targetId: t('bulk.mergeTarget'), explanation: t('staff:merge.explanation') },
    read: (v) => ({ targetId: v.id('targetId'), explanation: v.text('explanation') }),
    check: (v) => ({
      targetId: v.targetId === null && t('bulk.mergeTargetMissing'),
      explanation:
        v.explanation.length < EXPLANATION.min && t('staff:merge.errors.explanation', { min: EXPLANATION.min }),
    }),
    // Nothing is sent yet: first the confirmation.
    send: async ({ targetId, explanation }) => setConfirm({ targetId: targetId ?? 0, explanation }),
    asMessage: isConflict,
  })

  useEffect(() => {
    if (confirm) confirmBox.current?.focus()
  }, [confirm])

  if (open.length < 2) return <p>{t('bulk.mergeTooFew')}</p>

  function merge() {
    if (!confirm || actions.merge.isPending) return
    const sourceIds = open.map((i) => i.id).filter((id) => id !== confirm.targetId)
    actions.merge.mutate(
      { sourceIds, targetId: confirm.targetId, explanation: confirm.explanation },
      {
        onSuccess: () => onDone(t('bulk.merged', { count: sourceIds.length, id: confirm.targetId })),
        onError: (error) => {
          setConfirm(null)
          form.fail(error)
        },
      },
    )
  }

  const target = confirm ? open.find((i) => i.id === confirm.targetId) : undefined
  return (
    <>
      <p>{t('bulk.mergeIntro')}</p>
      <FormSummary form={form} />
      <form className="form" {...form.props} hidden={confirm !== null}>
        <Choice
          name={form.name('targetId')}
          legend={form.label('targetId')}
          hint={t('bulk.mergeTargetHint')}
          error={form.error('targetId')}
          options={open.map((i) => ({ value: String(i.id), label: `#${i.id} ${i.title}` }))}
        />
        <Field {...form.field('explanation')} hint={t('staff:merge.explanationHint', { min: EXPLANATION.min })}>
          {(p) => <Textarea {...p} rows={3} maxLength={EXPLANATION.max} />}
        </Field>
        <div className="form__actions">
          <Button type="submit">{t('bulk.mergeSubmit', { count: open.length })}</Button>
        </div>
      </form>
      {confirm && target && (
        <div className="confirm-box" ref={confirmBox} tabIndex={-1}>
          <p>{t('bulk.mergeConfirm', { count: open.length - 1, id: target.id, title: target.title })}</p>
          <div className="form__actions">
            <Button onClick={merge} busy={actions.merge.isPending} tone="negative">
              {t('staff:merge.confirmYes')}
            </Button>
            <Button appearance="secondary" onClick={() => setConfirm(null)}>
              {t('staff:merge.confirmNo')}
            </Button>
          </div>
        </div>
      )}
    </>
  )
}
