import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { CampaignBanner } from '../features/campaigns/components/campaign-banner'
import { districtsQuery, themesQuery } from '../features/catalog/api/catalog-queries'
import { filtersFromSearch, ideaListQuery, searchFromFilters } from '../features/ideas/api/idea-queries'
import { IdeaCard } from '../features/ideas/components/idea-card'
import { IdeaFilters } from '../features/ideas/components/idea-filters'
import { currentLocale } from '../lib/i18n'
import { ErrorMessage } from '../ui/error-message'
import { Loading } from '../ui/loading'
import { PageHeading } from '../ui/page-heading'

export function IdeasPage() {
  const { t } = useTranslation('ideas')
  const [searchParams, setSearchParams] = useSearchParams()
  const filters = filtersFromSearch(searchParams)
  const themes = useQuery(themesQuery)
  const districts = useQuery(districtsQuery)
  const list = useInfiniteQuery(ideaListQuery(filters))
  const locale = currentLocale()

  const themeName = new Map(themes.data?.items.map((th) => [th.id, locale === 'en' ? th.nameEn : th.name]))
  const districtName = new Map(districts.data?.items.map((d) => [d.id, d.name]))
  const ideas = list.data?.pages.flatMap((p) => p.items) ?? []

  return (
    <>
      <div className="page-intro">
        <div>
          <PageHeading title={t('list.title')}>{t('list.title')}</PageHeading>
          <p className="lead">{t('list.intro')}</p>
        </div>
        <div className="propose-cta">
          <p>{t('list.proposeIntro')}</p>
          {/* Visitors are sent to the login page and back by the new-idea page itself. */}
          <Link to="/ideeen/nieuw" className="button">
            {t('list.propose')}
          </Link>
        </div>
      </div>
      <CampaignBanner />
      <IdeaFilters
        filters={filters}
        themes={themes.data?.items ?? []}
        districts={districts.data?.items ?? []}
        onChange={(next) => setSearchParams(searchFromFilters(next))}
      />
      <section aria-label={t('list.resultsLabel')} className="results">
        <p className="visually-hidden" role="status">
          {list.isSuccess ? t('list.count', { count: ideas.length }) : ''}
        </p>
        {list.isPending && <Loading />}
        {list.isError && <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />}
        {list.isSuccess && ideas.length === 0 && (
          <div className="empty-state">
            <p className="empty-state__title">
              {filters.q ? t('list.emptySearch', { q: filters.q }) : t('list.empty')}
            </p>
            <p>{t('list.emptyHint')}</p>
            <p>
              {t('list.proposeIntro')} <Link to="/ideeen/nieuw">{t('list.propose')}</Link>
            </p>
          </div>
        )}
        {ideas.length > 0 && (
          <ul className="idea-list">
            {ideas.map((idea) => (
              <li key={idea.id}>
                <IdeaCard
                  idea={idea}
                  themeName={themeName.get(idea.themeId)}
                  districtName={idea.districtId ? districtName.get(idea.districtId) : undefined}
                />
              </li>
            ))}
          </ul>
        )}
        {list.hasNextPage && (
          <button
            type="button"
            className="button button--secondary load-more"
            onClick={() => void list.fetchNextPage()}
            disabled={list.isFetchingNextPage}
          >
            {list.isFetchingNextPage ? t('list.loadingMore') : t('list.loadMore')}
          </button>
        )}
      </section>
    </>
  )
}
