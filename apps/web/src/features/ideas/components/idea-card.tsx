import type { Idea } from '@meedenken/shared'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDate } from '../../../lib/format'
import { StatusBadge } from '../../../ui/status-badge'
import { excerpt } from '../excerpt'

type Props = { idea: Idea; themeName: string | undefined; districtName: string | undefined }

export function IdeaCard({ idea, themeName, districtName }: Props) {
  const { t } = useTranslation('ideas')
  return (
    <article className="idea-card" aria-labelledby={`idea-${idea.id}-title`}>
      <div className="idea-card__meta">
        <StatusBadge status={idea.status} />
        {themeName && <span className="tag">{themeName}</span>}
        <span className="tag tag--place">{districtName ?? t('card.everywhere')}</span>
      </div>
      <h2 className="idea-card__title" id={`idea-${idea.id}-title`}>
        <Link to={`/ideeen/${idea.id}`}>{idea.title}</Link>
      </h2>
      <p className="idea-card__excerpt">{excerpt(idea.body, 180)}</p>
      <p className="idea-card__footer">
        <span className="count">{t('card.votes', { count: idea.voteCount })}</span>
        <span className="count">{t('card.comments', { count: idea.commentCount })}</span>
        {idea.hasVoted && <span className="voted">{t('card.youVoted')}</span>}
        <span className="idea-card__date">{t('card.postedOn', { date: formatDate(idea.createdAt) })}</span>
      </p>
    </article>
  )
}
