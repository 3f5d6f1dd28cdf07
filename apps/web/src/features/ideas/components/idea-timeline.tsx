import type { IdeaDetail, TimelineEntry } from '@meedenken/shared'
import { useTranslation } from 'react-i18next'
import { formatDate } from '../../../lib/format'

type Props = Pick<IdeaDetail, 'createdAt' | 'timeline' | 'officialAnswer' | 'waitingWorkingDays'>

/**
 * The public record of what the municipality did with the idea, oldest first: placed, its
 * latest official answer, and every status change. It says "not answered yet" only while
 * that is true: never next to an answer (the idea's first answer stops its waiting count).
 */
export function IdeaTimeline({ idea }: { idea: Props }) {
  const { t } = useTranslation('ideas')
  const entries = idea.timeline
  const answer = idea.officialAnswer
  const answered = answer !== null || entries.length > 0 || idea.waitingWorkingDays === null
  const answerAt = answer ? Date.parse(answer.createdAt) : null
  const before = answerAt === null ? entries : entries.filter((e) => Date.parse(e.createdAt) <= answerAt)
  const after = answerAt === null ? [] : entries.filter((e) => Date.parse(e.createdAt) > answerAt)
  return (
    <>
      {entries.length === 0 && <p>{answered ? t('detail.timelineNoStatus') : t('detail.timelineEmpty')}</p>}
      <ol className="timeline">
        <li className="timeline__item">
          <p className="timeline__date">{formatDate(idea.createdAt)}</p>
          <p className="timeline__title">{t('detail.submitted')}</p>
        </li>
        {before.map((entry) => (
          <Entry key={entry.id} entry={entry} />
        ))}
        {answer && (
          <li className="timeline__item timeline__item--answer">
            <p className="timeline__date">{formatDate(answer.createdAt)}</p>
            <p className="timeline__title">{t('detail.answered')}</p>
          </li>
        )}
        {after.map((entry) => (
          <Entry key={entry.id} entry={entry} />
        ))}
      </ol>
    </>
  )
}

function Entry({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation('ideas')
  return (
    <li className={`timeline__item timeline__item--${entry.toStatus}`}>
      <p className="timeline__date">{formatDate(entry.createdAt)}</p>
      <p className="timeline__title">{t('detail.statusChangedTo', { status: t(`status.${entry.toStatus}`) })}</p>
      <p>{entry.explanation}</p>
      {entry.declineReason && (
        <p className="timeline__note">{t('detail.reason', { reason: t(`declineReason.${entry.declineReason}`) })}</p>
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
  )
}
