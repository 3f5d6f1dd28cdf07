import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Field, formValues } from '../../../ui/form'
import { FormProblem, localProblem, type Problem, problemFrom } from '../form-problem'
import { MODERATION_REASON_MIN } from '../rules'

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
  pending,
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
  pending: boolean
  /** Resolves when done; a rejection shows as the form's problem. */
  onConfirm: (reason: string) => Promise<void>
  onCancel: () => void
}) {
  const { t } = useTranslation('staff')
  const [problem, setProblem] = useState<Problem | null>(null)
  const warningRef = useRef<HTMLParagraphElement>(null)
  const reasonField = `${scope}.reason`
  const labels = { [reasonField]: reasonLabel }

  useEffect(() => {
    warningRef.current?.focus()
  }, [])

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (pending) return
    const reason = (formValues(event.currentTarget)[reasonField] ?? '').trim()
    const local = localProblem(
      reason.length >= MODERATION_REASON_MIN
        ? {}
        : { [reasonField]: t('moderation.errors.reason', { min: MODERATION_REASON_MIN }) },
    )
    if (local) {
      setProblem(local)
      return
    }
    try {
      await onConfirm(reason)
    } catch (error) {
      setProblem(problemFrom(scope, error))
    }
  }

  return (
    <div className={danger ? 'confirm-box' : 'confirm-box confirm-box--calm'}>
      <p ref={warningRef} tabIndex={-1}>
        {warning}
      </p>
      <FormProblem problem={problem} labels={labels} />
      <form className="form form--compact" noValidate onSubmit={(event) => void submit(event)}>
        <Field name={reasonField} label={reasonLabel} hint={reasonHint} error={problem?.errors[reasonField]}>
          {(p) => <input {...p} type="text" maxLength={500} />}
        </Field>
        <div className="form__actions">
          <button
            type="submit"
            className={danger ? 'button button--danger' : 'button'}
            aria-disabled={pending || undefined}
          >
            {confirmLabel}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {cancelLabel}
          </button>
        </div>
      </form>
    </div>
  )
}
