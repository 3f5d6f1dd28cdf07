import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { campaignQuery } from '../features/campaigns/api/campaign-queries'
import { phaseDates } from '../features/campaigns/components/campaign-card'
import { CampaignSteps, outcomeVisible } from '../features/campaigns/components/campaign-steps'
import { districtsQuery, themesQuery } from '../features/catalog/api/catalog-queries'
import { ideaListQuery } from '../features/ideas/api/idea-queries'
import { IdeaCard } from '../features/ideas/components/idea-card'
import { ApiRequestError } from '../lib/api-client'
import { formatDate } from '../lib/format'
import { currentLocale } from '../lib/i18n'
import '../lib/i18n-engage'
import { NotFoundStatus } from '../ssr/status'
import { Alert } from '../ui/alert'
import { LinkButton } from '../ui/button'
import { ErrorMessage } from '../ui/error-message'
import { LoadMore } from '../ui/load-more'
import { Loading } from '../ui/loading'
import { PageHeading } from '../ui/page-heading'
import '../styles/engage.css'
import { namesById } from '../features/catalog/local-name'

export function CampaignPage() {
  const { t } = useTranslation(['engage', 'ideas', 'common'])
  const id = Number(useParams().id)
  const valid = Number.isSafeInteger(id) && id > 0
  const campaign = useQuery({ ...campaignQuery(id), enabled: valid })
  const themes = useQuery(themesQuery)
  const districts = useQuery(districtsQuery)
  const c = campaign.data
  // While people vote, the most supported ideas come first; before that, the newest.
  const sort = c && (c.phase === 'voting' || c.phase === 'outcome') ? 'top' : 'new'
  const ideas = useInfiniteQuery({ ...ideaListQuery({ campaign: String(id), sort }), enabled: valid && !!c })
  const locale = currentLocale()
  const themeName = namesById(themes.data?.items, locale)
  const districtName = new Map(districts.data?.items.map((d) => [d.id, d.name]))

  const notFound = !valid || (campaign.error instanceof ApiRequestError && campaign.error.status === 404)
  if (notFound) {
    return (
      <>
        <NotFoundStatus />
        <PageHeading title={t('campaign.notFoundTitle')}>{t('campaign.notFoundTitle')}</PageHeading>
        <p>{t('campaign.notFoundBody')}</p>
        <p>
          <Link to="/meedenkvragen">{t('campaign.back')}</Link>
        </p>
      </>
    )
  }
  if (!c) {
    return (
      <>
        <PageHeading title={t('common:loading')}>{t('common:loading')}</PageHeading>
        {campaign.isError ? (
          <ErrorMessage error={campaign.error} onRetry={() => void campaign.refetch()} />
        ) : (
          <Loading />
        )}
      </>
    )
  }

  const list = ideas.data?.pages.flatMap((p) => p.items) ?? []
  return (
    <article className="campaign-detail">
      <p className="back-link">
        <Link to="/meedenkvragen">{t('campaign.back')}</Link>
      </p>
      <div className="idea-card__meta">
        <span className={`phase phase--${c.phase}`}>{t(`campaigns.phase.${c.phase}`)}</span>
        {themeName.get(c.themeId) && <span className="tag">{themeName.get(c.themeId)}</span>}
      </div>
      <PageHeading title={c.title}>{c.title}</PageHeading>
      <p className="campaign-detail__when">{phaseDates(c, t)}</p>
      {c.targetGroups.length > 0 && (
        <p>
          {t('campaigns.forGroups', {
            groups: c.targetGroups.map((g) => t(`ideas:targetGroupPlural.${g}`).toLowerCase()).join(', '),
          })}
        </p>
      )}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: descriptionHtml is rendered from markdown and sanitised (allow-list) by the API at write time */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: c.descriptionHtml }} />
      {c.phase === 'ideas' && (
        <div className="propose-cta campaign-detail__cta">
          <p>{t('campaign.proposeHint')}</p>
          <LinkButton to={`/ideeen/nieuw?meedenkvraag=${c.id}`}>{t('campaign.propose')}</LinkButton>
        </div>
      )}
      {c.phase === 'voting' && <Alert>{t('campaign.votingOpen')}</Alert>}
      {outcomeVisible(c) && c.outcomeHtml && (
        <section className="official-answer" aria-labelledby="outcome-title">
          <h2 id="outcome-title" className="official-answer__title">
            {t('campaign.outcomeTitle')}
          </h2>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: outcomeHtml is rendered from markdown and sanitised (allow-list) by the API at write time */}
          <div className="prose" dangerouslySetInnerHTML={{ __html: c.outcomeHtml }} />
          {c.outcomePublishedAt && (
            <p className="official-answer__byline">
              {t('campaign.stepOutcomeWhen', { date: formatDate(c.outcomePublishedAt) })}
            </p>
          )}
        </section>
      )}
      <section className="section" aria-labelledby="steps-title">
        <h2 id="steps-title">{t('campaign.stepsTitle')}</h2>
        <CampaignSteps campaign={c} />
      </section>
      <section className="section" aria-labelledby="campaign-ideas-title">
        <h2 id="campaign-ideas-title">
          {t('campaign.ideasTitle')} <span className="comments__count">({c.ideaCount})</span>
        </h2>
        {ideas.isPending && <Loading />}
        {ideas.isError && <ErrorMessage error={ideas.error} onRetry={() => void ideas.refetch()} />}
        {ideas.isSuccess && list.length === 0 && <p>{t('campaign.ideasEmpty')}</p>}
        {list.length > 0 && (
          <ul className="idea-list">
            {list.map((idea) => (
              <li key={idea.id}>
                <IdeaCard
                  idea={idea}
                  headingLevel={3}
                  themeName={themeName.get(idea.themeId)}
                  districtName={idea.districtId ? districtName.get(idea.districtId) : undefined}
                />
              </li>
            ))}
          </ul>
        )}
        {ideas.hasNextPage && (
          <LoadMore loading={ideas.isFetchingNextPage} onLoad={() => void ideas.fetchNextPage()}>
            {ideas.isFetchingNextPage ? t('ideas:list.loadingMore') : t('ideas:list.loadMore')}
          </LoadMore>
        )}
      </section>
    </article>
  )
}
