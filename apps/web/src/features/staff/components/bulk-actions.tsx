import type { StaffIdea } from '@meedenken/shared'
import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-werkbak'
import { ApiRequestError } from '../../../lib/api-client'
import { errorText } from '../../../lib/errors'
import { Choice, Field, type FieldErrors, formValues } from '../../../ui/form'
import { localName } from '../../catalog/local-name'
import type { BulkActions } from '../api/staff-mutations'
import { colleaguesQuery, departmentsQuery } from '../api/staff-queries'
import { FormProblem, localProblem, type Problem, problemFrom } from '../form-problem'
import { EXPLANATION_MIN } from '../rules'
import { commonTransitions } from '../werkbak-view'
import { readStatusChange, StatusFields, statusFieldLabels, useStatusChoice } from './status-fields'

type Action = 'assign' | 'status' | 'merge'

/**
 * A refusal of the whole selection (409) names each idea that cannot take part and why,
 * in its message: shown as it is. Other problems are field errors under the form's prefix.
 */
function bulkProblem(scope: string, error: unknown): Problem {
  if (error instanceof ApiRequestError && error.status === 409) {
    return { errors: {}, message: errorText(error), attempt: Date.now() }
  }
  return problemFrom(scope, error)
}

/**
 * What to do with the chosen ideas: hand them over, change their status with one
 * explanation, or merge them into one. Each works on the whole selection or not at all.
 */
export function BulkActionsBar({
  selected,
  actions,
  onClear,
  onDone,
}: {
  selected: StaffIdea[]
  actions: BulkActions
  onClear: () => void
  onDone: (message: string) => void
}) {
  const { t } = useTranslation('werkbak')
  const [open, setOpen] = useState<Action | null>(null)
  const panel = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    if (open) panel.current?.focus()
  }, [open])

  if (selected.length === 0) return null
  const finish = (message: string) => {
    setOpen(null)
    onDone(message)
  }
  const button = (action: Action, label: string) => (
    <button
      type="button"
      className={`button button--small${open === action ? '' : ' button--secondary'}`}
      aria-expanded={open === action}
      aria-controls="bulk-panel"
      onClick={() => setOpen(open === action ? null : action)}
    >
      {label}
    </button>
  )
  return (
    <>
      <div className="bulk-bar">
        <p className="bulk-bar__count">{t('bulk.selected', { count: selected.length })}</p>
        <div className="bulk-bar__actions">
          {button('assign', t('bulk.assign'))}
          {button('status', t('bulk.status'))}
          {button('merge', t('bulk.merge'))}
          <button type="button" className="button button--small button--link" onClick={onClear}>
            {t('bulk.clear')}
          </button>
        </div>
      </div>
      {open && (
        <section id="bulk-panel" className="bulk-panel" aria-labelledby="bulk-panel-title">
          <h3 id="bulk-panel-title" ref={panel} tabIndex={-1}>
            {t(`bulk.${open}Title`, { count: selected.length })}
          </h3>
          {open === 'assign' && <BulkAssign selected={selected} actions={actions} onDone={finish} />}
          {open === 'status' && <BulkStatus selected={selected} actions={actions} onDone={finish} />}
          {open === 'merge' && <BulkMerge selected={selected} actions={actions} onDone={finish} />}
        </section>
      )}
    </>
  )
}

type FormProps = { selected: StaffIdea[]; actions: BulkActions; onDone: (message: string) => void }

/** '' keeps what each idea has, 'none' takes it away, a number hands it over. */
function choice(value: string | undefined): number | null | undefined {
  if (!value) return undefined
  return value === 'none' ? null : Number(value)
}

function BulkAssign({ selected, actions, onDone }: FormProps) {
  const { t } = useTranslation(['werkbak', 'staff'])
  const departments = useQuery(departmentsQuery)
  const colleagues = useQuery(colleaguesQuery)
  const [problem, setProblem] = useState<Problem | null>(null)
  const labels = {
    'bulkAssign.departmentId': t('staff:assign.department'),
    'bulkAssign.assigneeId': t('staff:assign.assignee'),
    'bulkAssign.note': t('staff:assign.note'),
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (actions.assign.isPending) return
    const v = formValues(event.currentTarget)
    const departmentId = choice(v['bulkAssign.departmentId'])
    const assigneeId = choice(v['bulkAssign.assigneeId'])
    if (departmentId === undefined && assigneeId === undefined) {
      setProblem(localProblem({ 'bulkAssign.departmentId': t('bulk.assignWhat') }))
      return
    }
    const note = v['bulkAssign.note']?.trim()
    actions.assign.mutate(
      {
        ideaIds: selected.map((i) => i.id),
        ...(departmentId !== undefined ? { departmentId } : {}),
        ...(assigneeId !== undefined ? { assigneeId } : {}),
        ...(note ? { note } : {}),
      },
      {
        onSuccess: ({ ideaIds }) =>
          onDone(
            ideaIds.length === selected.length
              ? t('bulk.assigned', { count: ideaIds.length })
              : t('bulk.assignedSome', { count: ideaIds.length, unchanged: selected.length - ideaIds.length }),
          ),
        onError: (error) => setProblem(bulkProblem('bulkAssign', error)),
      },
    )
  }

  return (
    <>
      <FormProblem problem={problem} labels={labels} />
      <form className="form form--compact" noValidate onSubmit={submit}>
        <p className="field__hint">{t('bulk.assignHint')}</p>
        <Field
          name="bulkAssign.departmentId"
          label={labels['bulkAssign.departmentId']}
          error={problem?.errors['bulkAssign.departmentId']}
        >
          {(p) => (
            <select {...p} defaultValue="">
              <option value="">{t('bulk.keep')}</option>
              <option value="none">{t('staff:common.noDepartment')}</option>
              {departments.data?.items.map((d) => (
                <option key={d.id} value={d.id}>
                  {localName(d)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="bulkAssign.assigneeId"
          label={labels['bulkAssign.assigneeId']}
          error={problem?.errors['bulkAssign.assigneeId']}
        >
          {(p) => (
            <select {...p} defaultValue="">
              <option value="">{t('bulk.keep')}</option>
              <option value="none">{t('staff:common.nobody')}</option>
              {colleagues.data?.items.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.displayName}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="bulkAssign.note"
          label={labels['bulkAssign.note']}
          hint={t('staff:assign.noteHint')}
          error={problem?.errors['bulkAssign.note']}
        >
          {(p) => <textarea {...p} rows={2} maxLength={1000} />}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button" aria-disabled={actions.assign.isPending || undefined}>
            {t('bulk.assignSubmit', { count: selected.length })}
          </button>
        </div>
      </form>
    </>
  )
}

function BulkStatus({ selected, actions, onDone }: FormProps) {
  const { t } = useTranslation(['werkbak', 'staff', 'ideas'])
  const { t: staffT } = useTranslation(['staff', 'ideas'])
  const status = useStatusChoice('bulkStatus')
  const [problem, setProblem] = useState<Problem | null>(null)
  const options = commonTransitions(selected.map((i) => i.status))
  const labels = statusFieldLabels(staffT, 'bulkStatus')
  const statuses = [...new Set(selected.map((i) => t(`ideas:status.${i.status}`)))].join(', ')

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (actions.changeStatus.isPending) return
    const { body, errors } = readStatusChange(formValues(event.currentTarget), 'bulkStatus', staffT)
    const local = localProblem(errors)
    if (local) {
      setProblem(local)
      return
    }
    actions.changeStatus.mutate(
      { ...body, ideaIds: selected.map((i) => i.id) },
      {
        onSuccess: ({ ideaIds }) =>
          onDone(t('bulk.statusChanged', { count: ideaIds.length, status: t(`ideas:status.${body.status}`) })),
        onError: (error) => setProblem(bulkProblem('bulkStatus', error)),
      },
    )
  }

  if (options.length === 0) return <p>{t('bulk.noCommonStatus', { statuses })}</p>
  return (
    <>
      <p className="public-note">{t('bulk.statusIntro', { count: selected.length })}</p>
      <FormProblem problem={problem} labels={labels} />
      <form className="form" noValidate onSubmit={submit} onChange={status.changed}>
        <StatusFields
          scope="bulkStatus"
          options={options}
          hint={t('bulk.statusHint', { statuses })}
          errors={problem?.errors ?? {}}
          choice={status}
        />
        <div className="form__actions">
          <button type="submit" className="button" aria-disabled={actions.changeStatus.isPending || undefined}>
            {t('bulk.statusSubmit', { count: selected.length })}
          </button>
        </div>
      </form>
    </>
  )
}

function BulkMerge({ selected, actions, onDone }: FormProps) {
  const { t } = useTranslation(['werkbak', 'staff'])
  const [problem, setProblem] = useState<Problem | null>(null)
  const [confirm, setConfirm] = useState<{ targetId: number; explanation: string } | null>(null)
  const confirmBox = useRef<HTMLDivElement>(null)
  const open = selected.filter((i) => i.status !== 'merged')
  const labels = { 'bulkMerge.targetId': t('bulk.mergeTarget'), 'bulkMerge.explanation': t('staff:merge.explanation') }

  useEffect(() => {
    if (confirm) confirmBox.current?.focus()
  }, [confirm])

  if (open.length < 2) return <p>{t('bulk.mergeTooFew')}</p>

  function check(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const v = formValues(event.currentTarget)
    const explanation = (v['bulkMerge.explanation'] ?? '').trim()
    const found: FieldErrors = {}
    if (!v['bulkMerge.targetId']) found['bulkMerge.targetId'] = t('bulk.mergeTargetMissing')
    if (explanation.length < EXPLANATION_MIN)
      found['bulkMerge.explanation'] = t('staff:merge.errors.explanation', { min: EXPLANATION_MIN })
    const local = localProblem(found)
    setProblem(local)
    if (!local) setConfirm({ targetId: Number(v['bulkMerge.targetId']), explanation })
  }

  function merge() {
    if (!confirm || actions.merge.isPending) return
    const sourceIds = open.map((i) => i.id).filter((id) => id !== confirm.targetId)
    actions.merge.mutate(
      { sourceIds, targetId: confirm.targetId, explanation: confirm.explanation },
      {
        onSuccess: () => onDone(t('bulk.merged', { count: sourceIds.length, id: confirm.targetId })),
        onError: (error) => {
          setConfirm(null)
          setProblem(bulkProblem('bulkMerge', error))
        },
      },
    )
  }

  const target = confirm ? open.find((i) => i.id === confirm.targetId) : undefined
  return (
    <>
      <p>{t('bulk.mergeIntro')}</p>
      <FormProblem problem={problem} labels={labels} />
      <form className="form" noValidate onSubmit={check} hidden={confirm !== null}>
        <Choice
          name="bulkMerge.targetId"
          legend={labels['bulkMerge.targetId']}
          hint={t('bulk.mergeTargetHint')}
          error={problem?.errors['bulkMerge.targetId']}
          options={open.map((i) => ({ value: String(i.id), label: `#${i.id} ${i.title}` }))}
        />
        <Field
          name="bulkMerge.explanation"
          label={labels['bulkMerge.explanation']}
          hint={t('staff:merge.explanationHint', { min: EXPLANATION_MIN })}
          error={problem?.errors['bulkMerge.explanation']}
        >
          {(p) => <textarea {...p} rows={3} maxLength={2000} />}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button">
            {t('bulk.mergeSubmit', { count: open.length })}
          </button>
        </div>
      </form>
      {confirm && target && (
        <div className="confirm-box" ref={confirmBox} tabIndex={-1}>
          <p>{t('bulk.mergeConfirm', { count: open.length - 1, id: target.id, title: target.title })}</p>
          <div className="form__actions">
            <button
              type="button"
              className="button button--danger"
              onClick={merge}
              aria-disabled={actions.merge.isPending || undefined}
            >
              {t('staff:merge.confirmYes')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirm(null)}>
              {t('staff:merge.confirmNo')}
            </button>
          </div>
        </div>
      )}
    </>
  )
}
