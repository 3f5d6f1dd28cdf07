import type { StaffIdeaDetail } from '@meedenken/shared'
import { ASSIGN_NOTE_MAX } from '@meedenken/shared/constants'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { formatDateTime } from '../../../lib/format'
import { useForm } from '../../../lib/use-form'
import { Button } from '../../../ui/button'
import { Field, Select, Textarea } from '../../../ui/form'
import { localName } from '../../catalog/local-name'
import type { IdeaWork } from '../api/staff-mutations'
import { colleaguesQuery, departmentsQuery } from '../api/staff-queries'
import { useDepartmentName } from '../use-department-name'
import { FormSummary } from './form-summary'
import { SuccessLine } from './success-line'

/** Hand the idea to a department and/or a colleague, with the log of earlier hand-offs. */
export function AssignPanel({ detail, work }: { detail: StaffIdeaDetail; work: IdeaWork }) {
  const { t } = useTranslation('staff')
  const departments = useQuery(departmentsQuery)
  const colleagues = useQuery(colleaguesQuery)
  const departmentName = useDepartmentName()
  const colleagueName = (id: number | null) =>
    id === null ? t('common.nobody') : (colleagues.data?.items.find((c) => c.id === id)?.displayName ?? `#${id}`)
  const form = useForm({
    scope: 'assign',
    labels: { departmentId: t('assign.department'), assigneeId: t('assign.assignee'), note: t('assign.note') },
    read: (v) => ({ departmentId: v.id('departmentId'), assigneeId: v.id('assigneeId'), note: v.text('note') }),
    send: async ({ departmentId, assigneeId, note }) => {
      await work.assign.mutateAsync({ departmentId, assigneeId, ...(note ? { note } : {}) })
      // Only the note empties: the choices show what the idea has now.
      const noteField = form.props.ref.current?.elements.namedItem(form.name('note'))
      if (noteField instanceof HTMLTextAreaElement) noteField.value = ''
      return t('assign.done', { department: departmentName(departmentId), assignee: colleagueName(assigneeId) })
    },
  })

  const loaded = departments.isSuccess && colleagues.isSuccess
  const log = [...detail.assignments].reverse()
  return (
    <section className="work-section work-section--side" aria-labelledby="assign-title">
      <h2 id="assign-title">{t('assign.title')}</h2>
      <FormSummary form={form} />
      <form className="form form--compact" {...form.props}>
        <Field {...form.field('departmentId')}>
          {(p) => (
            // Re-created once the lists arrive, so the current choice shows.
            <Select
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
            </Select>
          )}
        </Field>
        <Field {...form.field('assigneeId')}>
          {(p) => (
            <Select {...p} defaultValue={detail.staff.assigneeId ?? ''} key={`c-${loaded}-${detail.staff.assigneeId}`}>
              <option value="">{t('common.nobody')}</option>
              {colleagues.data?.items.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.departmentId === null ? c.displayName : `${c.displayName} (${departmentName(c.departmentId)})`}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field {...form.field('note')} hint={t('assign.noteHint')}>
          {(p) => <Textarea {...p} rows={2} maxLength={ASSIGN_NOTE_MAX} />}
        </Field>
        <div className="form__actions">
          <Button type="submit" busy={form.pending}>
            {t('assign.submit')}
          </Button>
        </div>
      </form>
      <SuccessLine>{form.done}</SuccessLine>
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
