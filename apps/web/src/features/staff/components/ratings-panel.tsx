import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-staff'
import { formatDate } from '../../../lib/format'
import { QueryState } from '../../../ui/query-state'
import { ratingsQuery } from '../api/staff-queries'

/**
 * Satisfaction ratings of this idea: how the scores spread, and the remarks, which only
 * staff read. The bars repeat the numbers beside them.
 */
export function RatingsPanel({ ideaId }: { ideaId: number }) {
  const { t } = useTranslation(['staff', 'ideas'])
  const ratings = useQuery(ratingsQuery(ideaId))
  const items = ratings.data?.items ?? []
  const satisfied = items.filter((r) => r.score >= 4).length
  const remarks = items.filter((r) => r.remark)
  const scores = [5, 4, 3, 2, 1].map((score) => ({ score, count: items.filter((r) => r.score === score).length }))
  return (
    <section className="work-section work-section--side" aria-labelledby="ratings-title">
      <h2 id="ratings-title">{t('ratings.title')}</h2>
      <QueryState query={ratings} empty={<p className="muted">{t('ratings.none')}</p>}>
        {() => (
          <>
            <p>{t('ratings.summary', { count: items.length, satisfied })}</p>
            <ul className="score-bars" aria-label={t('ratings.spread')}>
              {scores.map(({ score, count }) => (
                <li key={score}>
                  <span>{t('ratings.score', { score })}</span>
                  <span className="score-bars__bar" aria-hidden="true">
                    <span className="score-bars__fill" style={{ width: `${(count / items.length) * 100}%` }} />
                  </span>
                  <span className="score-bars__count">{count}</span>
                </li>
              ))}
            </ul>
            <h3>{t('ratings.remarks')}</h3>
            {remarks.length === 0 ? (
              <p className="muted">{t('ratings.noRemarks')}</p>
            ) : (
              <ul className="work-log">
                {remarks.map((r) => (
                  <li key={`${r.occasionType}-${r.occasionId}-${r.createdAt}`}>
                    <p className="pre-wrap">“{r.remark}”</p>
                    <p className="work-log__when">
                      {t('ratings.score', { score: r.score })} ·{' '}
                      {r.occasionType === 'official_answer' ? t('ratings.onAnswer') : t('ratings.onStatus')}
                      {r.raterGroup && <> · {t(`ideas:targetGroup.${r.raterGroup}`)}</>} · {formatDate(r.createdAt)}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </QueryState>
    </section>
  )
}
