import type { IdeaDetail } from '@meedenken/shared'
import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import '../../../lib/i18n-staff'
import '../../../lib/i18n-werkbak'
import { formatDate } from '../../../lib/format'
import { Field, formValues } from '../../../ui/form'
import { localName } from '../../catalog/local-name'
import type { IdeaWork } from '../api/staff-mutations'
import { departmentsQuery, ideaTemplatesQuery } from '../api/staff-queries'
import { FormProblem, localProblem, type Problem, problemFrom } from '../form-problem'

/** The municipality's public answer: a comment marked official, shown at the top of the idea. */
export function AnswerForm({ idea, work }: { idea: IdeaDetail; work: IdeaWork }) {
  const { t } = useTranslation('staff')
  const form = useRef<HTMLFormElement>(null)
  const text = useRef<HTMLTextAreaElement>(null)
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
          <TemplatePicker ideaId={idea.id} into={text} />
          <form className="form" noValidate onSubmit={submit} ref={form}>
            <Field
              name="answer.body"
              label={labels['answer.body']}
              hint={t('answer.hint')}
              error={problem?.errors['answer.body']}
            >
              {(p) => <textarea {...p} rows={6} maxLength={2000} ref={text} />}
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

/**
 * The department's answer texts, with the resident's name and the idea's title already
 * filled in. Choosing one puts its text in the answer field, where it can still be changed.
 */
function TemplatePicker({ ideaId, into }: { ideaId: number; into: React.RefObject<HTMLTextAreaElement | null> }) {
  const { t } = useTranslation('werkbak')
  const templates = useQuery(ideaTemplatesQuery(ideaId))
  const departments = useQuery(departmentsQuery)
  const [chosen, setChosen] = useState('')
  const [said, setSaid] = useState('')
  const items = templates.data?.items ?? []
  if (!templates.isSuccess) return null
  if (items.length === 0) {
    return (
      <p className="field__hint">
        {t('templates.none')} <Link to="/medewerkers/antwoordteksten">{t('templates.manage')}</Link>
      </p>
    )
  }
  const department = (id: number) => {
    const d = departments.data?.items.find((x) => x.id === id)
    return d ? localName(d) : ''
  }
  const groups = [...new Set(items.map((i) => i.departmentId))]

  function use() {
    const template = items.find((i) => String(i.id) === chosen)
    const field = into.current
    if (!field) return
    if (!template) {
      setSaid(t('templates.chooseFirst'))
      return
    }
    // Added after what is already typed, so nothing written is lost.
    field.value = field.value.trim() ? `${field.value.trimEnd()}\n\n${template.text}` : template.text
    field.focus()
    setSaid(t('templates.used', { title: template.title }))
  }

  return (
    <div className="template-picker">
      <div className="field">
        <label htmlFor="answer-template">{t('templates.pick')}</label>
        <p className="field__hint" id="answer-template-hint">
          {t('templates.pickHint')}
        </p>
        <div className="template-picker__row">
          <select
            id="answer-template"
            aria-describedby="answer-template-hint"
            value={chosen}
            onChange={(event) => setChosen(event.target.value)}
          >
            <option value="">{t('templates.choose')}</option>
            {groups.map((id) => (
              <optgroup key={id} label={department(id)}>
                {items
                  .filter((i) => i.departmentId === id)
                  .map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.title}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
          <button type="button" className="button button--secondary" onClick={use}>
            {t('templates.use')}
          </button>
        </div>
      </div>
      <p role="status" className="field__hint">
        {said}
      </p>
    </div>
  )
}
