import type { DeclineReason, IdeaStatus, StatusChangeBody } from '@meedenken/shared'
import { DECLINE_REASONS } from '@meedenken/shared/constants'
import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { Choice, Field, type FieldErrors } from '../../../ui/form'
import { CLOSURE, EXPLANATION_MIN, REFERRED_TO_MIN } from '../rules'

type StaffT = TFunction<['staff', 'ideas']>

/** The labels of a status change's fields, under a form's own prefix (for ids and the error summary). */
export function statusFieldLabels(t: StaffT, scope: string): Record<string, string> {
  return {
    [`${scope}.status`]: t('statusForm.newStatus'),
    [`${scope}.explanation`]: t('statusForm.explanation'),
    [`${scope}.declineReason`]: t('statusForm.declineReason'),
    [`${scope}.referredTo`]: t('statusForm.referredTo'),
    [`${scope}.closure`]: t('statusForm.closure'),
    [`${scope}.closure.whatChanged`]: t('statusForm.whatChanged'),
    [`${scope}.closure.since`]: t('statusForm.since'),
    [`${scope}.closure.team`]: t('statusForm.team'),
    [`${scope}.closure.link`]: t('statusForm.link'),
  }
}

/**
 * A status change as the API takes it, read from the form's values, with what is missing:
 * the same rules whether it is for one idea or for a selection.
 */
export function readStatusChange(
  v: Record<string, string>,
  scope: string,
  t: StaffT,
): { body: StatusChangeBody; errors: FieldErrors } {
  const chosen = v[`${scope}.status`] as IdeaStatus | undefined
  const explanation = (v[`${scope}.explanation`] ?? '').trim()
  const errors: FieldErrors = {}
  if (!chosen) errors[`${scope}.status`] = t('statusForm.errors.status')
  if (explanation.length < EXPLANATION_MIN) {
    errors[`${scope}.explanation`] = t('statusForm.errors.explanation', { min: EXPLANATION_MIN })
  }
  const body: StatusChangeBody = { status: chosen ?? 'under_review', explanation }
  if (chosen === 'declined') {
    const declineReason = v[`${scope}.declineReason`] as DeclineReason | undefined
    if (!declineReason) errors[`${scope}.declineReason`] = t('statusForm.errors.declineReason')
    else body.declineReason = declineReason
    if (declineReason === 'not_municipal_task') {
      const referredTo = (v[`${scope}.referredTo`] ?? '').trim()
      if (referredTo.length < REFERRED_TO_MIN) errors[`${scope}.referredTo`] = t('statusForm.errors.referredTo')
      else body.referredTo = referredTo
    }
  }
  if (chosen === 'done') {
    const whatChanged = (v[`${scope}.closure.whatChanged`] ?? '').trim()
    const since = v[`${scope}.closure.since`] ?? ''
    const team = (v[`${scope}.closure.team`] ?? '').trim()
    const link = (v[`${scope}.closure.link`] ?? '').trim()
    if (whatChanged.length < CLOSURE.whatChangedMin) {
      errors[`${scope}.closure.whatChanged`] = t('statusForm.errors.whatChanged', { min: CLOSURE.whatChangedMin })
    }
    if (!since) errors[`${scope}.closure.since`] = t('statusForm.errors.since')
    if (team.length < CLOSURE.teamMin) errors[`${scope}.closure.team`] = t('statusForm.errors.team')
    body.closure = { whatChanged, since, team, link: link || null }
  }
  return { body, errors }
}

/** Which status and decline reason are chosen, to show the fields that go with them. */
export function useStatusChoice(scope: string) {
  const [status, setStatus] = useState<IdeaStatus | ''>('')
  const [reason, setReason] = useState<DeclineReason | ''>('')
  return {
    status,
    reason,
    /** For the form's onChange. */
    changed(event: React.FormEvent<HTMLFormElement>) {
      const target = event.target as HTMLInputElement
      if (target.name === `${scope}.status`) setStatus(target.value as IdeaStatus)
      if (target.name === `${scope}.declineReason`) setReason(target.value as DeclineReason)
    },
    reset() {
      setStatus('')
      setReason('')
    },
  }
}

/**
 * The fields of a status change: the new status (only the given options), a coded reason
 * to decline (and the organisation when it is not a municipal task), the closure record
 * when done, and the public explanation.
 */
export function StatusFields({
  scope,
  options,
  hint,
  errors,
  choice,
}: {
  scope: string
  options: readonly IdeaStatus[]
  hint: string
  errors: FieldErrors
  choice: { status: IdeaStatus | ''; reason: DeclineReason | '' }
}) {
  const { t } = useTranslation(['staff', 'ideas'])
  const labels = statusFieldLabels(t, scope)
  const label = (field: string) => labels[`${scope}.${field}`] ?? ''
  return (
    <>
      <Choice
        name={`${scope}.status`}
        legend={label('status')}
        hint={hint}
        error={errors[`${scope}.status`]}
        options={options.map((s) => ({ value: s, label: t(`ideas:status.${s}`) }))}
      />
      {choice.status === 'declined' && (
        <>
          <Choice
            name={`${scope}.declineReason`}
            legend={label('declineReason')}
            hint={t('statusForm.declineReasonHint')}
            error={errors[`${scope}.declineReason`]}
            options={DECLINE_REASONS.map((r) => ({ value: r, label: t(`ideas:declineReason.${r}`) }))}
          />
          {choice.reason === 'not_municipal_task' && (
            <Field
              name={`${scope}.referredTo`}
              label={label('referredTo')}
              hint={t('statusForm.referredToHint')}
              error={errors[`${scope}.referredTo`]}
            >
              {(p) => <input {...p} type="text" maxLength={200} autoComplete="organization" />}
            </Field>
          )}
        </>
      )}
      {choice.status === 'done' && (
        <fieldset className="closure-fields" id={`field-${scope}.closure`}>
          <legend>{label('closure')}</legend>
          <p className="field__hint">{t('statusForm.closureHint')}</p>
          <Field
            name={`${scope}.closure.whatChanged`}
            label={label('closure.whatChanged')}
            hint={t('statusForm.whatChangedHint')}
            error={errors[`${scope}.closure.whatChanged`] ?? errors[`${scope}.closure`]}
          >
            {(p) => <textarea {...p} rows={3} maxLength={1000} />}
          </Field>
          <Field
            name={`${scope}.closure.since`}
            label={label('closure.since')}
            error={errors[`${scope}.closure.since`]}
          >
            {(p) => <input {...p} type="date" className="input--date" />}
          </Field>
          <Field
            name={`${scope}.closure.team`}
            label={label('closure.team')}
            hint={t('statusForm.teamHint')}
            error={errors[`${scope}.closure.team`]}
          >
            {(p) => <input {...p} type="text" maxLength={120} />}
          </Field>
          <Field
            name={`${scope}.closure.link`}
            label={label('closure.link')}
            hint={t('statusForm.linkHint')}
            error={errors[`${scope}.closure.link`]}
          >
            {(p) => <input {...p} type="url" maxLength={500} inputMode="url" />}
          </Field>
        </fieldset>
      )}
      <Field
        name={`${scope}.explanation`}
        label={label('explanation')}
        hint={t('statusForm.explanationHint', { min: EXPLANATION_MIN })}
        error={errors[`${scope}.explanation`]}
      >
        {(p) => <textarea {...p} rows={4} maxLength={2000} />}
      </Field>
    </>
  )
}
