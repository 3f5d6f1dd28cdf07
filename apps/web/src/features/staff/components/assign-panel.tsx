import type { StaffIdeaDetail } from '@meedenken/shared'
import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { formatDateTime } from '../../../lib/format'
import { Field, formValues } from '../../../ui/form'
import { localName } from '../../catalog/local-name'
import type { IdeaWork } from '../api/staff-mutations'
import { colleaguesQuery, departmentsQuery } from '../api/staff-queries'
import { FormProblem, type Problem, problemFrom } from '../form-problem'

/** Hand the idea to a department and/or a colleague, with the log of earlier hand-offs. */
export function AssignPanel({ detail, work }: { detail: StaffIdeaDetail; work: IdeaWork }) {
  const { t } = useTranslation('staff')
  const departments = useQuery(departmentsQuery)
  const colleagues = useQuery(colleaguesQuery)
  const form = useRef<HTMLFormElement>(null)
  const [problem, setProblem] = useState<Problem | null>(null)
  const [done, setDone] = useState('')
  const labels = {
    'assign.departmentId': t('assign.department'),
    'assign.assigneeId': t('assign.assignee'),
    'assign.note': t('assign.note'),
  }
  const departmentName = (id: number | null) => {
    if (id === null) return t('common.noDepartment')
    const d = departments.data?.items.find((x) => x.id === id)
    return d ? localName(d) : `#${id}`
  }
  const colleagueName = (id: number | null) =>
    id === null ? t('common.nobody') : (colleagues.data?.items.find((c) => c.id === id)?.displayName ?? `#${id}`)

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (work.assign.isPending) return
    setDone('')
    const v = formValues(event.currentTarget)
    const departmentId = v['assign.departmentId'] ? Number(v['assign.departmentId']) : null
    const assigneeId = v['assign.assigneeId'] ? Number(v['assign.assigneeId']) : null
    const note = v['assign.note']?.trim()
    work.assign.mutate(
      { departmentId, assigneeId, ...(note ? { note } : {}) },
      {
        onSuccess: () => {
          setProblem(null)
          const noteField = form.current?.elements.namedItem('assign.note')
          if (noteField instanceof HTMLTextAreaElement) noteField.value = ''
          setDone(t('assign.done', { department: departmentName(departmentId), assignee: colleagueName(assigneeId) }))
        },
        onError: (error) => setProblem(problemFrom('assign', error)),
      },
    )
  }

  const loaded = departments.isSuccess && colleagues.isSuccess
  const log = [...detail.assignments].reverse()
  return (
    <section className="work-section work-section--side" aria-labelledby="assign-title">
      <h2 id="assign-title">{t('assign.title')}</h2>
      <FormProblem problem={problem} labels={labels} />
      <form className="form form--compact" noValidate onSubmit={submit} ref={form}>
        <Field
          name="assign.departmentId"
          label={labels['assign.departmentId']}
          error={problem?.errors['assign.departmentId']}
        >
          {(p) => (
            // Re-created once the lists arrive, so the current choice shows.
            <select
              {...p}
              defaultValue={detail.staff.departmentId ?? ''}
              key={`d-${loaded}-${detail.staff.departmentId}`}
            >
              <option value="">{t('common.noDepartment')}</option>
              {departments.data?.items.map((d) => (
                <option key={d.id} value={d.id}>
                  {localName(d)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="assign.assigneeId"
          label={labels['assign.assigneeId']}
          error={problem?.errors['assign.assigneeId']}
        >
          {(p) => (
            <select {...p} defaultValue={detail.staff.assigneeId ?? ''} key={`c-${loaded}-${detail.staff.assigneeId}`}>
              <option value="">{t('common.nobody')}</option>
              {colleagues.data?.items.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.departmentId === null ? c.displayName : `${c.displayName} (${departmentName(c.departmentId)})`}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="assign.note"
          label={labels['assign.note']}
          hint={t('assign.noteHint')}
          error={problem?.errors['assign.note']}
        >
          {(p) => <textarea {...p} rows={2} maxLength={1000} />}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button" aria-disabled={work.assign.isPending || undefined}>
            {t('assign.submit')}
          </button>
        </div>
      </form>
      <p role="status" className="status-line status-line--success">
        {done}
      </p>
      <h3>{t('assign.logTitle')}</h3>
      {log.length === 0 ? (
        <p className="muted">{t('assign.logEmpty')}</p>
      ) : (
        <ol className="work-log">
          {log.map((a) => (
            <li key={a.id}>
              <p className="work-log__when">
                <time dateTime={a.createdAt}>{formatDateTime(a.createdAt)}</time> · {a.actorName}
              </p>
              {a.fromDepartmentId !== a.toDepartmentId && (
                <p>
                  {t('assign.logDepartment', {
                    from: departmentName(a.fromDepartmentId),
                    to: departmentName(a.toDepartmentId),
                  })}
                </p>
              )}
              {a.fromAssigneeId !== a.toAssigneeId && (
                <p>
                  {t('assign.logAssignee', {
                    from: colleagueName(a.fromAssigneeId),
                    to: colleagueName(a.toAssigneeId),
                  })}
                </p>
              )}
              {a.note && <p className="work-log__note">{a.note}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
