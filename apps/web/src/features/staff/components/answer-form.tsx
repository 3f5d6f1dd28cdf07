import type { IdeaDetail } from '@meedenken/shared'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { formatDate } from '../../../lib/format'
import { Field, formValues } from '../../../ui/form'
import type { IdeaWork } from '../api/staff-mutations'
import { FormProblem, localProblem, type Problem, problemFrom } from '../form-problem'

/** The municipality's public answer: a comment marked official, shown at the top of the idea. */
export function AnswerForm({ idea, work }: { idea: IdeaDetail; work: IdeaWork }) {
  const { t } = useTranslation('staff')
  const form = useRef<HTMLFormElement>(null)
  const [problem, setProblem] = useState<Problem | null>(null)
  const [done, setDone] = useState('')
  const labels = { 'answer.body': t('answer.label') }
  const closed = idea.status === 'merged'

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (work.answer.isPending) return
    setDone('')
    const body = (formValues(event.currentTarget)['answer.body'] ?? '').trim()
    const local = localProblem(body ? {} : { 'answer.body': t('answer.empty') })
    if (local) {
      setProblem(local)
      return
    }
    work.answer.mutate(body, {
      onSuccess: () => {
        setProblem(null)
        form.current?.reset()
        setDone(t('answer.posted'))
      },
      onError: (error) => setProblem(problemFrom('answer', error)),
    })
  }

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
          <FormProblem problem={problem} labels={labels} />
          <form className="form" noValidate onSubmit={submit} ref={form}>
            <Field
              name="answer.body"
              label={labels['answer.body']}
              hint={t('answer.hint')}
              error={problem?.errors['answer.body']}
            >
              {(p) => <textarea {...p} rows={6} maxLength={2000} />}
            </Field>
            <div className="form__actions">
              <button type="submit" className="button" aria-disabled={work.answer.isPending || undefined}>
                {work.answer.isPending ? t('answer.sending') : t('answer.submit')}
              </button>
            </div>
          </form>
        </>
      )}
      <p role="status" className="status-line status-line--success">
        {done}
      </p>
    </section>
  )
}
