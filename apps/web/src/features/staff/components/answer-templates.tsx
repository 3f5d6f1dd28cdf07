import type { AnswerTemplate } from '@meedenken/shared'
import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-werkbak'
import { ErrorMessage } from '../../../ui/error-message'
import { Field, type FieldErrors, formValues } from '../../../ui/form'
import { Loading } from '../../../ui/loading'
import { localName } from '../../catalog/local-name'
import { useTemplateActions } from '../api/staff-mutations'
import { answerTemplatesQuery, departmentsQuery } from '../api/staff-queries'
import { FormProblem, localProblem, type Problem, problemFrom } from '../form-problem'
import { ANSWER_TEMPLATE_BODY, ANSWER_TEMPLATE_TITLE } from '../rules'

/**
 * The answer texts staff keep per department: add, change and delete. In the answer form
 * of an idea they come with the resident's name and the idea's title filled in.
 */
export function AnswerTemplates() {
  const { t } = useTranslation('werkbak')
  const templates = useQuery(answerTemplatesQuery)
  const departments = useQuery(departmentsQuery)
  const actions = useTemplateActions()
  const [editing, setEditing] = useState<AnswerTemplate | null>(null)
  const [done, setDone] = useState('')
  const formHeading = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    if (editing) formHeading.current?.focus()
  }, [editing])

  if (templates.isPending || departments.isPending) return <Loading />
  if (templates.isError) return <ErrorMessage error={templates.error} onRetry={() => void templates.refetch()} />
  if (departments.isError) return <ErrorMessage error={departments.error} onRetry={() => void departments.refetch()} />

  const items = templates.data.items
  const groups = departments.data.items.filter((d) => items.some((i) => i.departmentId === d.id))

  return (
    <>
      <p role="status" className="status-line status-line--success">
        {done}
      </p>
      <section className="work-section" aria-labelledby="template-form-title">
        <h2 id="template-form-title" ref={formHeading} tabIndex={-1}>
          {editing ? t('templates.editTitle', { title: editing.title }) : t('templates.newTitle')}
        </h2>
        {departments.data.items.length === 0 ? (
          <p>{t('templates.noDepartments')}</p>
        ) : (
          <TemplateForm
            key={editing?.id ?? 'new'}
            editing={editing}
            departments={departments.data.items}
            actions={actions}
            onDone={(message) => {
              setEditing(null)
              setDone(message)
            }}
            onCancel={() => setEditing(null)}
          />
        )}
      </section>
      <section className="template-lists" aria-labelledby="template-list-title">
        <h2 id="template-list-title">{t('templates.listTitle')}</h2>
        {items.length === 0 && <p>{t('templates.empty')}</p>}
        {groups.map((d) => (
          <section key={d.id} className="template-group" aria-labelledby={`template-group-${d.id}`}>
            <h3 id={`template-group-${d.id}`}>{localName(d)}</h3>
            <ul className="template-list">
              {items
                .filter((i) => i.departmentId === d.id)
                .map((template) => (
                  <TemplateItem
                    key={template.id}
                    template={template}
                    actions={actions}
                    onEdit={() => {
                      setDone('')
                      setEditing(template)
                    }}
                    onDeleted={() => setDone(t('templates.deleted', { title: template.title }))}
                  />
                ))}
            </ul>
          </section>
        ))}
      </section>
    </>
  )
}

type Actions = ReturnType<typeof useTemplateActions>

function TemplateForm({
  editing,
  departments,
  actions,
  onDone,
  onCancel,
}: {
  editing: AnswerTemplate | null
  departments: { id: number; name: string; nameEn: string }[]
  actions: Actions
  onDone: (message: string) => void
  onCancel: () => void
}) {
  const { t } = useTranslation('werkbak')
  const [problem, setProblem] = useState<Problem | null>(null)
  const labels = {
    'template.departmentId': t('templates.department'),
    'template.title': t('templates.titleField'),
    'template.body': t('templates.body'),
  }
  const pending = actions.create.isPending || actions.update.isPending

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (pending) return
    const form = event.currentTarget
    const v = formValues(form)
    const departmentId = Number(v['template.departmentId'])
    const title = (v['template.title'] ?? '').trim()
    const body = (v['template.body'] ?? '').trim()
    const found: FieldErrors = {}
    if (!departmentId) found['template.departmentId'] = t('templates.errors.department')
    if (title.length < ANSWER_TEMPLATE_TITLE.min)
      found['template.title'] = t('templates.errors.title', { min: ANSWER_TEMPLATE_TITLE.min })
    if (body.length < ANSWER_TEMPLATE_BODY.min)
      found['template.body'] = t('templates.errors.body', { min: ANSWER_TEMPLATE_BODY.min })
    const local = localProblem(found)
    if (local) {
      setProblem(local)
      return
    }
    const input = { departmentId, title, body }
    const options = {
      onSuccess: () => {
        setProblem(null)
        form.reset()
        onDone(editing ? t('templates.saved', { title }) : t('templates.added', { title }))
      },
      onError: (error: unknown) => setProblem(problemFrom('template', error)),
    }
    if (editing) actions.update.mutate({ id: editing.id, body: input }, options)
    else actions.create.mutate(input, options)
  }

  return (
    <>
      <p className="field__hint">{t('templates.placeholders')}</p>
      <FormProblem problem={problem} labels={labels} />
      <form className="form" noValidate onSubmit={submit}>
        <Field
          name="template.departmentId"
          label={labels['template.departmentId']}
          error={problem?.errors['template.departmentId']}
        >
          {(p) => (
            <select {...p} defaultValue={editing?.departmentId ?? ''}>
              <option value="">{t('templates.chooseDepartment')}</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {localName(d)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="template.title"
          label={labels['template.title']}
          hint={t('templates.titleHint')}
          error={problem?.errors['template.title']}
        >
          {(p) => <input {...p} type="text" maxLength={ANSWER_TEMPLATE_TITLE.max} defaultValue={editing?.title} />}
        </Field>
        <Field
          name="template.body"
          label={labels['template.body']}
          hint={t('templates.bodyHint')}
          error={problem?.errors['template.body']}
        >
          {(p) => <textarea {...p} rows={8} maxLength={ANSWER_TEMPLATE_BODY.max} defaultValue={editing?.body} />}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button" aria-disabled={pending || undefined}>
            {editing ? t('templates.save') : t('templates.add')}
          </button>
          {editing && (
            <button type="button" className="button button--secondary" onClick={onCancel}>
              {t('templates.cancel')}
            </button>
          )}
        </div>
      </form>
    </>
  )
}

function TemplateItem({
  template,
  actions,
  onEdit,
  onDeleted,
}: {
  template: AnswerTemplate
  actions: Actions
  onEdit: () => void
  onDeleted: () => void
}) {
  const { t } = useTranslation('werkbak')
  const [confirming, setConfirming] = useState(false)
  const [problem, setProblem] = useState('')
  const confirmBox = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (confirming) confirmBox.current?.focus()
  }, [confirming])

  function remove() {
    if (actions.remove.isPending) return
    actions.remove.mutate(template.id, {
      onSuccess: onDeleted,
      onError: (error) => {
        setConfirming(false)
        setProblem(problemFrom('template', error).message ?? '')
      },
    })
  }

  return (
    <li className="template-item">
      <h4>{template.title}</h4>
      <p className="pre-wrap">{template.body}</p>
      {confirming ? (
        <div className="confirm-box" ref={confirmBox} tabIndex={-1}>
          <p>{t('templates.confirmDelete', { title: template.title })}</p>
          <div className="form__actions">
            <button type="button" className="button button--danger" onClick={remove}>
              {t('templates.deleteYes')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              {t('templates.deleteNo')}
            </button>
          </div>
        </div>
      ) : (
        <div className="form__actions">
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={onEdit}
            aria-label={t('templates.editLabel', { title: template.title })}
          >
            {t('templates.edit')}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setConfirming(true)}
            aria-label={t('templates.deleteLabel', { title: template.title })}
          >
            {t('templates.delete')}
          </button>
        </div>
      )}
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
    </li>
  )
}
