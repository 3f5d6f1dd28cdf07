import type { IdeaDetail } from '@meedenken/shared'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-engage-idea'

/** After this many days without public news, a planned or running idea is "stale" (DESIGN.md). */
const STALE_DAYS = 30

/**
 * How long the idea has waited for the municipality: before the first answer, against the
 * promised number of working days; while planned or in progress, since the last update
 * (prominent once that is a month or more).
 */
export function IdeaWaiting({ idea }: { idea: IdeaDetail }) {
  const { t } = useTranslation('engage')
  const norm = idea.responseNormDays
  // Never "waiting for a first answer" beside an answer or a status change, whatever the count says.
  const answered = idea.officialAnswer !== null || idea.timeline.length > 0
  const waiting = answered ? null : idea.waitingWorkingDays
  if (waiting !== null && idea.status !== 'merged') {
    const late = waiting > norm
    return (
      <p className={`waiting${late ? ' waiting--late' : ''}`}>
        {waiting === 0
          ? t('idea.waitingNew', { norm })
          : late
            ? t('idea.waitingLate', { count: waiting, norm })
            : t('idea.waiting', { count: waiting, norm })}
      </p>
    )
  }
  const days = idea.daysSinceUpdate
  if (days === null || (idea.status !== 'planned' && idea.status !== 'in_progress')) return null
  const text = days === 0 ? t('idea.lastUpdateToday') : t('idea.lastUpdate', { count: days })
  if (days < STALE_DAYS) return <p className="last-update">{text}</p>
  return (
    <div className="waiting waiting--stale">
      <p>
        <strong>{text}</strong>
      </p>
      <p>{t('idea.staleHint')}</p>
    </div>
  )
}
