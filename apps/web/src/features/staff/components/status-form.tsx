import type { DeclineReason, IdeaDetail, IdeaStatus, StatusChangeBody } from '@meedenken/shared'
import { DECLINE_REASONS, STATUS_TRANSITIONS } from '@meedenken/shared/constants'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { Choice, Field, type FieldErrors, formValues } from '../../../ui/form'
import type { IdeaWork } from '../api/staff-mutations'
import { FormProblem, localProblem, type Problem, problemFrom } from '../form-problem'
import { CLOSURE, EXPLANATION_MIN, REFERRED_TO_MIN } from '../rules'

/**
 * A status change with its public explanation. Only the changes allowed from the current
 * status are offered; declining asks for a coded reason (and, when it is not the
 * municipality's task, who it was referred to); done asks for the closure record.
 */
export function StatusForm({ idea, work }: { idea: IdeaDetail; work: IdeaWork }) {
  const { t } = useTranslation(['staff', 'ideas'])
  const form = useRef<HTMLFormElement>(null)
  const [status, setStatus] = useState<IdeaStatus | ''>('')
  const [reason, setReason] = useState<DeclineReason | ''>('')
  const [problem, setProblem] = useState<Problem | null>(null)
  const [done, setDone] = useState('')
  const options = STATUS_TRANSITIONS[idea.status]
  const message = useRef<HTMLParagraphElement>(null)

  // A final status removes the form and its button: keep focus on what just happened.
  useEffect(() => {
    if (done && options.length === 0) message.current?.focus()
  }, [done, options.length])

  const labels: Record<string, string> = {
    'status.status': t('statusForm.newStatus'),
    'status.explanation': t('statusForm.explanation'),
    'status.declineReason': t('statusForm.declineReason'),
    'status.referredTo': t('statusForm.referredTo'),
    'status.closure': t('statusForm.closure'),
    'status.closure.whatChanged': t('statusForm.whatChanged'),
    'status.closure.since': t('statusForm.since'),
    'status.closure.team': t('statusForm.team'),
    'status.closure.link': t('statusForm.link'),
  }
  const errors = problem?.errors ?? {}

  function changed(event: FormEvent<HTMLFormElement>) {
    const target = event.target as HTMLInputElement
    if (target.name === 'status.status') setStatus(target.value as IdeaStatus)
    if (target.name === 'status.declineReason') setReason(target.value as DeclineReason)
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (work.changeStatus.isPending) return
    setDone('')
    const v = formValues(event.currentTarget)
    const chosen = v['status.status'] as IdeaStatus | undefined
    const explanation = (v['status.explanation'] ?? '').trim()
    const found: FieldErrors = {}
    if (!chosen) found['status.status'] = t('statusForm.errors.status')
    if (explanation.length < EXPLANATION_MIN) {
      found['status.explanation'] = t('statusForm.errors.explanation', { min: EXPLANATION_MIN })
    }
    const body: StatusChangeBody = { status: chosen ?? 'under_review', explanation }
    if (chosen === 'declined') {
      const declineReason = v['status.declineReason'] as DeclineReason | undefined
      if (!declineReason) found['status.declineReason'] = t('statusForm.errors.declineReason')
      else body.declineReason = declineReason
      if (declineReason === 'not_municipal_task') {
        const referredTo = (v['status.referredTo'] ?? '').trim()
        if (referredTo.length < REFERRED_TO_MIN) found['status.referredTo'] = t('statusForm.errors.referredTo')
        else body.referredTo = referredTo
      }
    }
    if (chosen === 'done') {
      const whatChanged = (v['status.closure.whatChanged'] ?? '').trim()
      const since = v['status.closure.since'] ?? ''
      const team = (v['status.closure.team'] ?? '').trim()
      const link = (v['status.closure.link'] ?? '').trim()
      if (whatChanged.length < CLOSURE.whatChangedMin) {
        found['status.closure.whatChanged'] = t('statusForm.errors.whatChanged', { min: CLOSURE.whatChangedMin })
      }
      if (!since) found['status.closure.since'] = t('statusForm.errors.since')
      if (team.length < CLOSURE.teamMin) found['status.closure.team'] = t('statusForm.errors.team')
      body.closure = { whatChanged, since, team, link: link || null }
    }
    const local = localProblem(found)
    if (local) {
      setProblem(local)
      return
    }
    work.changeStatus.mutate(body, {
      onSuccess: () => {
        setProblem(null)
        form.current?.reset()
        setStatus('')
        setReason('')
        setDone(t('statusForm.changed', { status: t(`ideas:status.${body.status}`) }))
      },
      onError: (error) => setProblem(problemFrom('status', error)),
    })
  }

  return (
    <section className="work-section" aria-labelledby="status-title">
      <h2 id="status-title">{t('statusForm.title')}</h2>
      {options.length === 0 ? (
        <p>{t('statusForm.final', { status: t(`ideas:status.${idea.status}`) })}</p>
      ) : (
        <>
          <p className="public-note">{t('statusForm.intro')}</p>
          <FormProblem problem={problem} labels={labels} />
          <form className="form" noValidate onSubmit={submit} onChange={changed} ref={form}>
            <Choice
              name="status.status"
              legend={labels['status.status'] ?? ''}
              hint={t('statusForm.current', { status: t(`ideas:status.${idea.status}`) })}
              error={errors['status.status']}
              options={options.map((s) => ({ value: s, label: t(`ideas:status.${s}`) }))}
            />
            {status === 'declined' && (
              <>
                <Choice
                  name="status.declineReason"
                  legend={labels['status.declineReason'] ?? ''}
                  hint={t('statusForm.declineReasonHint')}
                  error={errors['status.declineReason']}
                  options={DECLINE_REASONS.map((r) => ({ value: r, label: t(`ideas:declineReason.${r}`) }))}
                />
                {reason === 'not_municipal_task' && (
                  <Field
                    name="status.referredTo"
                    label={labels['status.referredTo'] ?? ''}
                    hint={t('statusForm.referredToHint')}
                    error={errors['status.referredTo']}
                  >
                    {(p) => <input {...p} type="text" maxLength={200} autoComplete="organization" />}
                  </Field>
                )}
              </>
            )}
            {status === 'done' && (
              <fieldset className="closure-fields" id="field-status.closure">
                <legend>{labels['status.closure']}</legend>
                <p className="field__hint">{t('statusForm.closureHint')}</p>
                <Field
                  name="status.closure.whatChanged"
                  label={labels['status.closure.whatChanged'] ?? ''}
                  hint={t('statusForm.whatChangedHint')}
                  error={errors['status.closure.whatChanged'] ?? errors['status.closure']}
                >
                  {(p) => <textarea {...p} rows={3} maxLength={1000} />}
                </Field>
                <Field
                  name="status.closure.since"
                  label={labels['status.closure.since'] ?? ''}
                  error={errors['status.closure.since']}
                >
                  {(p) => <input {...p} type="date" className="input--date" />}
                </Field>
                <Field
                  name="status.closure.team"
                  label={labels['status.closure.team'] ?? ''}
                  hint={t('statusForm.teamHint')}
                  error={errors['status.closure.team']}
                >
                  {(p) => <input {...p} type="text" maxLength={120} />}
                </Field>
                <Field
                  name="status.closure.link"
                  label={labels['status.closure.link'] ?? ''}
                  hint={t('statusForm.linkHint')}
                  error={errors['status.closure.link']}
                >
                  {(p) => <input {...p} type="url" maxLength={500} inputMode="url" />}
                </Field>
              </fieldset>
            )}
            <Field
              name="status.explanation"
              label={labels['status.explanation'] ?? ''}
              hint={t('statusForm.explanationHint', { min: EXPLANATION_MIN })}
              error={errors['status.explanation']}
            >
              {(p) => <textarea {...p} rows={4} maxLength={2000} />}
            </Field>
            <div className="form__actions">
              <button type="submit" className="button" aria-disabled={work.changeStatus.isPending || undefined}>
                {t('statusForm.submit')}
              </button>
            </div>
          </form>
        </>
      )}
      <p role="status" className="status-line status-line--success" ref={message} tabIndex={-1}>
        {done}
      </p>
    </section>
  )
}
