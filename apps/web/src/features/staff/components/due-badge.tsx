import type { DueBadge as Badge } from '@meedenken/shared'
import { useTranslation } from 'react-i18next'
import { formatDate } from '../../../lib/format'
import '../../../lib/i18n-staff'

type DueFields = { badge: Badge; dueAt: string; firstResponseAt: string | null }

/** Where an idea stands against the response norm, in words; the colour only repeats it. */
export function DueBadge({ badge }: { badge: Badge }) {
  const { t } = useTranslation('staff')
  return <span className={`due-badge due-badge--${badge}`}>{t(`due.${badge}`)}</span>
}

/** The date that goes with the badge: when the answer is due, was due, or was given. */
export function DueDate({ staff }: { staff: DueFields }) {
  const { t } = useTranslation('staff')
  if (staff.badge === 'answered') {
    return <>{staff.firstResponseAt ? t('due.answeredOn', { date: formatDate(staff.firstResponseAt) }) : null}</>
  }
  if (staff.badge === 'overdue') return <>{t('due.wasDue', { date: formatDate(staff.dueAt) })}</>
  return <>{t('due.dueBy', { date: formatDate(staff.dueAt) })}</>
}
