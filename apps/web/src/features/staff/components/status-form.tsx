import type { IdeaDetail } from '@meedenken/shared'
import { STATUS_TRANSITIONS } from '@meedenken/shared/constants'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { formValues } from '../../../ui/form'
import type { IdeaWork } from '../api/staff-mutations'
import { FormProblem, localProblem, type Problem, problemFrom } from '../form-problem'
import { readStatusChange, StatusFields, statusFieldLabels, useStatusChoice } from './status-fields'

/**
 * A status change with its public explanation. Only the changes allowed from the current
 * status are offered; declining asks for a coded reason (and, when it is not the
 * municipality's task, who it was referred to); done asks for the closure record.
 */
export function StatusForm({ idea, work }: { idea: IdeaDetail; work: IdeaWork }) {
  const { t } = useTranslation(['staff', 'ideas'])
  const form = useRef<HTMLFormElement>(null)
  const choice = useStatusChoice('status')
  const [problem, setProblem] = useState<Problem | null>(null)
  const [done, setDone] = useState('')
  const options = STATUS_TRANSITIONS[idea.status]
  const message = useRef<HTMLParagraphElement>(null)

  // A final status removes the form and its button: keep focus on what just happened.
  useEffect(() => {
    if (done && options.length === 0) message.current?.focus()
  }, [done, options.length])

  const labels = statusFieldLabels(t, 'status')

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (work.changeStatus.isPending) return
    setDone('')
    const { body, errors } = readStatusChange(formValues(event.currentTarget), 'status', t)
    const local = localProblem(errors)
    if (local) {
      setProblem(local)
      return
    }
    work.changeStatus.mutate(body, {
      onSuccess: () => {
        setProblem(null)
        form.current?.reset()
        choice.reset()
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
          <form className="form" noValidate onSubmit={submit} onChange={choice.changed} ref={form}>
            <StatusFields
              scope="status"
              options={options}
              hint={t('statusForm.current', { status: t(`ideas:status.${idea.status}`) })}
              errors={problem?.errors ?? {}}
              choice={choice}
            />
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
