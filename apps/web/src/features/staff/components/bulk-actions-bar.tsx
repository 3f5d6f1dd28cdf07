import type { StaffIdea } from '@meedenken/shared'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-werkbak'
import { Button } from '../../../ui/button'
import type { BulkActions } from '../api/staff-mutations'
import { BulkAssignForm } from './bulk-assign-form'
import { BulkMergeForm } from './bulk-merge-form'
import { BulkStatusForm } from './bulk-status-form'

type Action = 'assign' | 'status' | 'merge'

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
    <Button
      size="small"
      appearance={open === action ? 'primary' : 'secondary'}
      aria-expanded={open === action}
      aria-controls="bulk-panel"
      onClick={() => setOpen(open === action ? null : action)}
    >
      {label}
    </Button>
  )
  return (
    <>
      <div className="bulk-bar">
        <p className="bulk-bar__count">{t('bulk.selected', { count: selected.length })}</p>
        <div className="bulk-bar__actions">
          {button('assign', t('bulk.assign'))}
          {button('status', t('bulk.status'))}
          {button('merge', t('bulk.merge'))}
          <Button size="small" appearance="subtle" onClick={onClear}>
            {t('bulk.clear')}
          </Button>
        </div>
      </div>
      {open && (
        <section id="bulk-panel" className="bulk-panel" aria-labelledby="bulk-panel-title">
          <h3 id="bulk-panel-title" ref={panel} tabIndex={-1}>
            {t(`bulk.${open}Title`, { count: selected.length })}
          </h3>
          {open === 'assign' && <BulkAssignForm selected={selected} actions={actions} onDone={finish} />}
          {open === 'status' && <BulkStatusForm selected={selected} actions={actions} onDone={finish} />}
          {open === 'merge' && <BulkMergeForm selected={selected} actions={actions} onDone={finish} />}
        </section>
      )}
    </>
  )
}
