import type { Campaign } from '@meedenken/shared'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDate } from '../../../lib/format'
import '../../../lib/i18n-engage'
import { outcomeVisible } from './campaign-steps'

/** One question in the list: its phase in words, the dates that matter now, and who it is for. */
export function CampaignCard({ campaign, themeName }: { campaign: Campaign; themeName: string | undefined }) {
  const { t } = useTranslation(['engage', 'ideas'])
  const c = campaign
  return (
    <article className="campaign-card" aria-labelledby={`campaign-${c.id}-title`}>
      <div className="idea-card__meta">
        <span className={`phase phase--${c.phase}`}>{t(`campaigns.phase.${c.phase}`)}</span>
        {themeName && <span className="tag">{themeName}</span>}
      </div>
      <h3 className="campaign-card__title" id={`campaign-${c.id}-title`}>
        <Link to={`/meedenkvragen/${c.id}`}>{c.title}</Link>
      </h3>
      <p className="campaign-card__when">{phaseDates(c, t)}</p>
      <p className="campaign-card__meta">
        <span className="count">{t('campaigns.ideaCount', { count: c.ideaCount })}</span>
        {c.targetGroups.length > 0 && (
          <span>
            {t('campaigns.forGroups', {
              groups: c.targetGroups.map((g) => t(`ideas:targetGroupPlural.${g}`).toLowerCase()).join(', '),
            })}
          </span>
        )}
        {outcomeVisible(c) && <span className="voted">{t('campaigns.outcomePublished')}</span>}
      </p>
    </article>
  )
}

type T = ReturnType<typeof useTranslation<['engage', 'ideas']>>['t']

/** The dates that matter in the campaign's current phase, as one sentence. */
export function phaseDates(c: Campaign, t: T): string {
  const voting =
    c.votingFrom && c.votingUntil
      ? t('campaigns.votingFromUntil', { from: formatDate(c.votingFrom), until: formatDate(c.votingUntil) })
      : null
  switch (c.phase) {
    case 'upcoming':
      return t('campaigns.opensOn', { date: formatDate(c.ideasFrom) })
    case 'ideas':
      return [t('campaigns.ideasUntil', { date: formatDate(c.ideasUntil) }), voting].filter(Boolean).join('. ')
    case 'between':
    case 'voting':
      return voting ?? ''
    default:
      return voting ?? t('campaigns.ideasUntil', { date: formatDate(c.ideasUntil) })
  }
}
