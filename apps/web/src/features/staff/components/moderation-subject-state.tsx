import type { ModerationItem } from '@meedenken/shared'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'

/** Why it is hidden or not, and whether its author deleted it: what staff weigh before deciding. */
export function ModerationSubjectState({ item }: { item: ModerationItem }) {
  const { t } = useTranslation('staff')
  const lines = [
    item.hidden && item.hiddenReason ? t(`moderation.hiddenBecause.${item.hiddenReason}`) : null,
    item.reportsCannotHide ? t(`moderation.reportsCannotHide.${item.reportsCannotHide}`) : null,
    item.deleted ? t('moderation.deletedByAuthor') : null,
  ].filter((line): line is string => line !== null)
  if (lines.length === 0) return null
  return (
    <ul className="report-list moderation-card__meta">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  )
}
