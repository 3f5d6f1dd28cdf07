import type { StaffIdea } from '@meedenken/shared'
import { ASSIGN_NOTE_MAX } from '@meedenken/shared/constants'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import '../../../lib/i18n-werkbak'
import { isConflict, useForm } from '../../../lib/use-form'
import { Button } from '../../../ui/button'
import { Field, Select, Textarea } from '../../../ui/form'
import { localName } from '../../catalog/local-name'
import type { BulkActions } from '../api/staff-mutations'
import { colleaguesQuery, departmentsQuery } from '../api/staff-queries'
import { FormSummary } from './form-summary'

/** '' keeps what each idea has, 'none' takes it away, a number hands it over. */
function choice(value: string): number | null | undefined {
  if (!value) return undefined
  return value === 'none' ? null : Number(value)
}

/** Hand every chosen idea to a department and/or a colleague, with one note. */
export function BulkAssignForm({
  selected,
  actions,
  onDone,
}: {
  selected: StaffIdea[]
  actions: BulkActions
  onDone: (message: string) => void
}) {
  const { t } = useTranslation(['werkbak', 'staff'])
  const departments = useQuery(departmentsQuery)
  const colleagues = useQuery(colleaguesQuery)
  const form = useForm({
    scope: 'bulkAssign',
    labels: {
      departmentId: t('staff:assign.department'),
      assigneeId: t('staff:assign.assignee'),
      note: t('staff:assign.note'),
    },
    read: (v) => ({
      departmentId: choice(v.text('departmentId')),
      assigneeId: choice(v.text('assigneeId')),
      note: v.text('note'),
    }),
    check: (v) => ({
      departmentId: v.departmentId === undefined && v.assigneeId === undefined && t('bulk.assignWhat'),
    }),
    send: async ({ departmentId, assigneeId, note }) => {
      const { ideaIds } = await actions.assign.mutateAsync({
        ideaIds: selected.map((i) => i.id),
        ...(departmentId !== undefined ? { departmentId } : {}),
        ...(assigneeId !== undefined ? { assigneeId } : {}),
        ...(note ? { note } : {}),
      })
      onDone(
        ideaIds.length === selected.length
          ? t('bulk.assigned', { count: ideaIds.length })
          : t('bulk.assignedSome', { count: ideaIds.length, unchanged: selected.length - ideaIds.length }),
      )
    },
    // A refusal of the whole selection names each idea that cannot take part, in its message.
    asMessage: isConflict,
  })

  return (
    <>
      <FormSummary form={form} />
      <form className="form form--compact" {...form.props}>
        <p className="utrecht-form-field-description">{t('bulk.assignHint')}</p>
        <Field {...form.field('departmentId')}>
          {(p) => (
            <Select {...p} defaultValue="">
              <option value="">{t('bulk.keep')}</option>
              <option value="none">{t('staff:common.noDepartment')}</option>
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
            <Select {...p} defaultValue="">
              <option value="">{t('bulk.keep')}</option>
              <option value="none">{t('staff:common.nobody')}</option>
              {colleagues.data?.items.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.displayName}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field {...form.field('note')} hint={t('staff:assign.noteHint')}>
          {(p) => <Textarea {...p} rows={2} maxLength={ASSIGN_NOTE_MAX} />}
        </Field>
        <div className="form__actions">
          <Button type="submit" busy={form.pending}>
            {t('bulk.assignSubmit', { count: selected.length })}
          </Button>
        </div>
      </form>
    </>
  )
}
