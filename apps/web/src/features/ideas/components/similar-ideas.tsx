import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import '../../../lib/i18n-participate'
import '../../../lib/i18n-participate-form'
import { useDebouncedValue } from '../../../lib/use-debounced-value'
import { StatusBadge } from '../../../ui/status-badge'
import { similarIdeasQuery } from '../api/propose-queries'
import { TITLE_LENGTH } from '../idea-rules'

/**
 * Ideas that look like the title being typed, so the member can vote there instead of
 * sending in a duplicate. A polite live region: screen-reader users hear the suggestions
 * when they pause, without being interrupted while typing.
 */
export function SimilarIdeas({ title }: { title: string }) {
  const { t } = useTranslation('participate')
  const settled = useDebouncedValue(title.trim(), 300)
  const enabled = settled.length >= TITLE_LENGTH.min
  // Keep the previous suggestions while the next ones load, so the list does not flicker.
  const similar = useQuery({ ...similarIdeasQuery(settled), enabled, placeholderData: keepPreviousData })
  const items = enabled ? (similar.data?.items ?? []) : []

  return (
    <div className="similar" aria-live="polite">
      {items.length > 0 && (
        <div className="similar__box">
          <p className="similar__title">{t('similar.title')}</p>
          <p>{t('similar.intro')}</p>
          <ul className="similar__list">
            {items.map((idea) => (
              <li key={idea.id}>
                <Link to={`/ideeen/${idea.id}`}>{idea.title}</Link>
                <span className="similar__meta">
                  <StatusBadge status={idea.status} />
                  <span>{t('similar.votes', { count: idea.voteCount })}</span>
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}
