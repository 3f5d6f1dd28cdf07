import type { Campaign } from '@meedenken/shared'
import { useQuery } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import '../../../lib/i18n-staff'
import { formatDate } from '../../../lib/format'
import { Button } from '../../../ui/button'
import { themesQuery } from '../../catalog/api/catalog-queries'
import { localName } from '../../catalog/local-name'
import { CampaignOutcomeForm } from './campaign-outcome-form'

/** A question to the public as staff see it: its phases, its ideas, and what to do with it now. */
export function StaffCampaignCard({
  campaign,
  onEdit,
  onAnnounce,
}: {
  campaign: Campaign
  onEdit: () => void
  onAnnounce: (text: string) => void
}) {
  const { t } = useTranslation(['staff', 'ideas'])
  const themes = useQuery(themesQuery)
  const theme = themes.data?.items.find((th) => th.id === campaign.themeId)
  const [outcomeOpen, setOutcomeOpen] = useState(false)
  const outcomeButton = useRef<HTMLButtonElement>(null)
  return (
    <article className="campaign-card" aria-labelledby={`campaign-${campaign.id}-title`}>
      <div className="campaign-card__head">
        <h3 id={`campaign-${campaign.id}-title`}>{campaign.title}</h3>
        <span className={`phase phase--${campaign.phase}`}>{t(`campaigns.phase.${campaign.phase}`)}</span>
      </div>
      <dl className="facts facts--inline">
        <div>
          <dt>{t('campaigns.theme')}</dt>
          <dd>{theme ? localName(theme) : '…'}</dd>
        </div>
        <div>
          <dt>{t('campaigns.for')}</dt>
          <dd>{campaign.targetGroups.map((g) => t(`ideas:targetGroupPlural.${g}`)).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('campaigns.ideasPhase')}</dt>
          <dd>
            {t('campaigns.range', { from: formatDate(campaign.ideasFrom), until: formatDate(campaign.ideasUntil) })}
          </dd>
        </div>
        {campaign.votingFrom && campaign.votingUntil && (
          <div>
            <dt>{t('campaigns.votingPhase')}</dt>
            <dd>
              {t('campaigns.range', { from: formatDate(campaign.votingFrom), until: formatDate(campaign.votingUntil) })}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('campaigns.ideas')}</dt>
          <dd>{campaign.ideaCount}</dd>
        </div>
      </dl>
      {campaign.outcomeHtml && (
        <div className="campaign-card__outcome">
          <p className="campaign-card__outcome-title">
            {t('campaigns.outcomePublished', { date: formatDate(campaign.outcomePublishedAt ?? campaign.ideasUntil) })}
          </p>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: outcomeHtml is rendered from markdown and sanitised (allow-list) by the API at write time */}
          <div className="prose prose--comment" dangerouslySetInnerHTML={{ __html: campaign.outcomeHtml }} />
        </div>
      )}
      <div className="form__actions">
        <Button appearance="secondary" size="small" onClick={onEdit}>
          {t('campaigns.edit')}
          <span className="visually-hidden"> ({campaign.title})</span>
        </Button>
        {/* The API refuses the outcome while voting is still ahead or open: say when it can be done instead. */}
        {!outcomeOpen && campaign.votingUntil !== null && campaign.phase !== 'outcome' && (
          <p className="utrecht-form-field-description">
            {t('campaigns.outcomeAfterVoting', { date: formatDate(campaign.votingUntil) })}
          </p>
        )}
        {!outcomeOpen && (campaign.votingUntil === null || campaign.phase === 'outcome') && (
          <Button ref={outcomeButton} onClick={() => setOutcomeOpen(true)} appearance="secondary" size="small">
            {campaign.outcome ? t('campaigns.changeOutcome') : t('campaigns.publishOutcome')}
            <span className="visually-hidden"> ({campaign.title})</span>
          </Button>
        )}
        <Link to={`/meedenkvragen/${campaign.id}`}>{t('campaigns.publicPage')}</Link>
      </div>
      {outcomeOpen && (
        <CampaignOutcomeForm
          campaign={campaign}
          onClose={(text) => {
            setOutcomeOpen(false)
            if (text) onAnnounce(text)
            requestAnimationFrame(() => outcomeButton.current?.focus())
          }}
        />
      )}
    </article>
  )
}
