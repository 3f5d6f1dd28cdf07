import { MODERATION_REASON } from '@meedenken/shared/constants'
import { type ReactNode, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { useForm } from '../../../lib/use-form'
import { Button } from '../../../ui/button'
import { Field, TextInput } from '../../../ui/form'
import { FormSummary } from './form-summary'

/**
 * "Are you sure?" for a step that needs a written reason (blocking, unblocking): the
 * warning takes focus when it opens, the reason is checked here first, and the API's
 * answer shows against the field. The opener shows it and gets focus back on cancel.
 */
export function ConfirmWithReason({
  scope,
  warning,
  reasonLabel,
  reasonHint,
  confirmLabel,
  cancelLabel,
  danger = false,
  onConfirm,
  onCancel,
}: {
  /** Unique on the page: the field is `${scope}.reason`, and API errors are read under it. */
  scope: string
  warning: ReactNode
  reasonLabel: string
  reasonHint: string
  confirmLabel: string
  cancelLabel: string
  danger?: boolean
  /** Resolves when done; a rejection shows as the form's problem. */
  onConfirm: (reason: string) => Promise<void>
  onCancel: () => void
}) {
  const { t } = useTranslation('staff')
  const warningRef = useRef<HTMLParagraphElement>(null)
  const form = useForm({
    scope,
    labels: { reason: reasonLabel },
    read: (v) => v.text('reason'),
    check: (reason) => ({
      reason: reason.length < MODERATION_REASON.min && t('moderation.errors.reason', { min: MODERATION_REASON.min }),
    }),
    send: onConfirm,
  })

  useEffect(() => {
    warningRef.current?.focus()
  }, [])

  return (
    <div className={danger ? 'confirm-box' : 'confirm-box confirm-box--calm'}>
      <p ref={warningRef} tabIndex={-1}>
        {warning}
      </p>
      <FormSummary form={form} />
      <form className="form form--compact" {...form.props}>
        <Field {...form.field('reason')} hint={reasonHint}>
          {(p) => <TextInput {...p} type="text" maxLength={MODERATION_REASON.max} />}
        </Field>
        <div className="form__actions">
          <Button type="submit" tone={danger ? 'negative' : undefined} busy={form.pending}>
            {confirmLabel}
          </Button>
          <Button appearance="secondary" onClick={onCancel}>
            {cancelLabel}
          </Button>
        </div>
      </form>
    </div>
  )
}
