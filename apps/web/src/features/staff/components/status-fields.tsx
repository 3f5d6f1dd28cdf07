import type { DeclineReason, IdeaStatus, StatusChangeBody } from '@meedenken/shared'
import { CLOSURE, DECLINE_REASONS, EXPLANATION, REFERRED_TO } from '@meedenken/shared/constants'
import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import type { Form, FormValues } from '../../../lib/use-form'
import { Choice, Field, type FieldErrors, Fieldset, Textarea, TextInput } from '../../../ui/form'

type StaffT = TFunction<['staff', 'ideas']>

/** The labels of a status change's fields (the error summary names them). */
export function statusFieldLabels(t: StaffT): Record<string, string> {
  return {
    status: t('statusForm.newStatus'),
    explanation: t('statusForm.explanation'),
    declineReason: t('statusForm.declineReason'),
    referredTo: t('statusForm.referredTo'),
    closure: t('statusForm.closure'),
    'closure.whatChanged': t('statusForm.whatChanged'),
    'closure.since': t('statusForm.since'),
    'closure.team': t('statusForm.team'),
    'closure.link': t('statusForm.link'),
  }
}

/**
 * A status change as the API takes it, read from the form, with what is missing: the same
 * rules whether it is for one idea or for a selection.
 */
export function readStatusChange(v: FormValues, t: StaffT): { body: StatusChangeBody; errors: FieldErrors } {
  const chosen = (v.text('status') || undefined) as IdeaStatus | undefined
  const explanation = v.text('explanation')
  const errors: FieldErrors = {}
  if (!chosen) errors.status = t('statusForm.errors.status')
  if (explanation.length < EXPLANATION.min) {
    errors.explanation = t('statusForm.errors.explanation', { min: EXPLANATION.min })
  }
  const body: StatusChangeBody = { status: chosen ?? 'under_review', explanation }
  if (chosen === 'declined') {
    const declineReason = (v.text('declineReason') || undefined) as DeclineReason | undefined
    if (!declineReason) errors.declineReason = t('statusForm.errors.declineReason')
    else body.declineReason = declineReason
    if (declineReason === 'not_municipal_task') {
      const referredTo = v.text('referredTo')
      if (referredTo.length < REFERRED_TO.min) errors.referredTo = t('statusForm.errors.referredTo')
      else body.referredTo = referredTo
    }
  }
  if (chosen === 'done') {
    const whatChanged = v.text('closure.whatChanged')
    const since = v.text('closure.since')
    const team = v.text('closure.team')
    const link = v.text('closure.link')
    if (whatChanged.length < CLOSURE.whatChanged.min) {
      errors['closure.whatChanged'] = t('statusForm.errors.whatChanged', { min: CLOSURE.whatChanged.min })
    }
    if (!since) errors['closure.since'] = t('statusForm.errors.since')
    if (team.length < CLOSURE.team.min) errors['closure.team'] = t('statusForm.errors.team')
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
  form,
  options,
  hint,
  choice,
}: {
  form: Form
  options: readonly IdeaStatus[]
  hint: string
  choice: { status: IdeaStatus | ''; reason: DeclineReason | '' }
}) {
  const { t } = useTranslation(['staff', 'ideas'])
  return (
    <>
      <Choice
        name={form.name('status')}
        legend={form.label('status')}
        hint={hint}
        error={form.error('status')}
        options={options.map((s) => ({ value: s, label: t(`ideas:status.${s}`) }))}
      />
      {choice.status === 'declined' && (
        <>
          <Choice
            name={form.name('declineReason')}
            legend={form.label('declineReason')}
            hint={t('statusForm.declineReasonHint')}
            error={form.error('declineReason')}
            options={DECLINE_REASONS.map((r) => ({ value: r, label: t(`ideas:declineReason.${r}`) }))}
          />
          {choice.reason === 'not_municipal_task' && (
            <Field {...form.field('referredTo')} hint={t('statusForm.referredToHint')}>
              {(p) => <TextInput {...p} type="text" maxLength={REFERRED_TO.max} autoComplete="organization" />}
            </Field>
          )}
        </>
      )}
      {choice.status === 'done' && (
        <Fieldset legend={form.label('closure')} className="closure-fields" id={`field-${form.name('closure')}`}>
          <p className="utrecht-form-field-description">{t('statusForm.closureHint')}</p>
          <Field
            {...form.field('closure.whatChanged')}
            hint={t('statusForm.whatChangedHint')}
            error={form.error('closure.whatChanged') ?? form.error('closure')}
          >
            {(p) => <Textarea {...p} rows={3} maxLength={CLOSURE.whatChanged.max} />}
          </Field>
          <Field {...form.field('closure.since')}>
            {(p) => <TextInput {...p} type="date" className="input--date" />}
          </Field>
          <Field {...form.field('closure.team')} hint={t('statusForm.teamHint')}>
            {(p) => <TextInput {...p} type="text" maxLength={CLOSURE.team.max} />}
          </Field>
          <Field {...form.field('closure.link')} hint={t('statusForm.linkHint')}>
            {(p) => <TextInput {...p} type="url" maxLength={CLOSURE.linkMax} inputMode="url" />}
          </Field>
        </Fieldset>
      )}
      <Field {...form.field('explanation')} hint={t('statusForm.explanationHint', { min: EXPLANATION.min })}>
        {(p) => <Textarea {...p} rows={4} maxLength={EXPLANATION.max} />}
      </Field>
    </>
  )
}
