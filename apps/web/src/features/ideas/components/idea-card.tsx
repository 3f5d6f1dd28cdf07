import type { Idea } from '@meedenken/shared'
import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDate } from '../../../lib/format'
import { StatusBadge } from '../../../ui/status-badge'

type Props = {
  idea: Idea
  themeName: string | undefined
  districtName: string | undefined
  /** 3 where the list sits under its own h2 (a campaign's ideas). */
  headingLevel?: 2 | 3
}

/** Memoised: a long list re-renders only the cards whose idea or names changed. */
export const IdeaCard = memo(function IdeaCard({ idea, themeName, districtName, headingLevel = 2 }: Props) {
  const { t } = useTranslation('ideas')
  const Heading = headingLevel === 3 ? 'h3' : 'h2'
  return (
    <article className="idea-card" aria-labelledby={`idea-${idea.id}-title`}>
      <div className="idea-card__meta">
        <StatusBadge status={idea.status} />
        {themeName && <span className="tag">{themeName}</span>}
        <span className="tag tag--place">{districtName ?? t('card.everywhere')}</span>
      </div>
      <Heading className="idea-card__title" id={`idea-${idea.id}-title`}>
        <Link to={`/ideeen/${idea.id}`}>{idea.title}</Link>
      </Heading>
      <p className="idea-card__excerpt">{idea.excerpt}</p>
      <p className="idea-card__footer">
        <span className="count">{t('card.votes', { count: idea.voteCount })}</span>
        <span className="count">{t('card.comments', { count: idea.commentCount })}</span>
        {idea.hasVoted && <span className="voted">{t('card.youVoted')}</span>}
        <span className="idea-card__date">{t('card.postedOn', { date: formatDate(idea.createdAt) })}</span>
      </p>
    </article>
  )
})
