import type { TimelineEntry } from '@meedenken/shared'
import { useTranslation } from 'react-i18next'
import { formatDate } from '../../../lib/format'

/** The public record of what the municipality did with the idea, oldest first. */
export function IdeaTimeline({ createdAt, entries }: { createdAt: string; entries: TimelineEntry[] }) {
  const { t } = useTranslation('ideas')
  return (
    <ol className="timeline">
      <li className="timeline__item">
        <p className="timeline__date">{formatDate(createdAt)}</p>
        <p className="timeline__title">{t('detail.submitted')}</p>
      </li>
      {entries.map((entry) => (
        <li key={entry.id} className={`timeline__item timeline__item--${entry.toStatus}`}>
          <p className="timeline__date">{formatDate(entry.createdAt)}</p>
          <p className="timeline__title">{t('detail.statusChangedTo', { status: t(`status.${entry.toStatus}`) })}</p>
          <p>{entry.explanation}</p>
          {entry.declineReason && (
            <p className="timeline__note">
              {t('detail.reason', { reason: t(`declineReason.${entry.declineReason}`) })}
            </p>
          )}
          {entry.referredTo && (
            <p className="timeline__note">{t('detail.referredTo', { organisation: entry.referredTo })}</p>
          )}
          {entry.closure && (
            <div className="closure">
              <h3 className="closure__title">{t('detail.closureTitle')}</h3>
              <p>{entry.closure.whatChanged}</p>
              <p className="timeline__note">
                {t('detail.closureSince', { date: formatDate(entry.closure.since) })} ·{' '}
                {t('detail.closureTeam', { team: entry.closure.team })}
              </p>
              {entry.closure.link && (
                <p>
                  <a href={entry.closure.link} rel="nofollow noopener noreferrer">
                    {t('detail.closureLink')}
                  </a>
                </p>
              )}
            </div>
          )}
        </li>
      ))}
    </ol>
  )
}
