import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { CampaignBanner } from '../features/campaigns/components/campaign-banner'
import { districtsQuery, themesQuery } from '../features/catalog/api/catalog-queries'
import { namesById } from '../features/catalog/local-name'
import { filtersFromSearch, ideaCountQuery, ideaListQuery, searchFromFilters } from '../features/ideas/api/idea-queries'
import { IdeaFilters } from '../features/ideas/components/idea-filters'
import { IdeaList } from '../features/ideas/components/idea-list'
import { MapView } from '../features/mapviews/components/map-view'
import { ViewSwitch, viewFromSearch, withView } from '../features/mapviews/components/view-switch'
import { formatNumber } from '../lib/format-number'
import { currentLocale } from '../lib/i18n'
import { LinkButton } from '../ui/button'
import { ErrorMessage } from '../ui/error-message'
import { LoadMore } from '../ui/load-more'
import { Loading } from '../ui/loading'
import { PageHeading } from '../ui/page-heading'
import { Paragraph } from '../ui/paragraph'

/** The home page. The server renders it (decision 011); this same code then hydrates it. */
export function IdeasPage() {
  const { t } = useTranslation('ideas')
  const [searchParams, setSearchParams] = useSearchParams()
  const filters = filtersFromSearch(searchParams)
  const view = viewFromSearch(searchParams)
  const { sort: _sort, ...mapFilters } = filters
  const themes = useQuery(themesQuery)
  const districts = useQuery(districtsQuery)
  const list = useInfiniteQuery(ideaListQuery(filters))
  const found = useQuery(ideaCountQuery(filters))
  const locale = currentLocale()
  const [focusId, setFocusId] = useState<number | null>(null)

  // Stable between renders, so the memoised pages of cards are not drawn again for nothing.
  const themeNames = useMemo(() => namesById(themes.data?.items, locale), [themes.data, locale])
  const districtNames = useMemo(() => new Map(districts.data?.items.map((d) => [d.id, d.name])), [districts.data])
  const pages = list.data?.pages ?? []
  const count = pages.reduce((sum, page) => sum + page.items.length, 0)

  // After "load more", focus moves to the first new idea, so keyboard and screen-reader
  // users read on where the new ideas start.
  useEffect(() => {
    if (focusId === null) return
    document.getElementById(`idea-${focusId}-title`)?.querySelector('a')?.focus()
    setFocusId(null)
  }, [focusId])

  async function loadMore() {
    if (list.isFetchingNextPage) return
    const result = await list.fetchNextPage()
    const first = result.data?.pages.flatMap((page) => page.items)[count]
    if (first) setFocusId(first.id)
  }

  return (
    <>
      <div className="page-intro">
        <div>
          <PageHeading title={t('list.title')}>{t('list.title')}</PageHeading>
          <Paragraph lead>{t('list.intro')}</Paragraph>
        </div>
        <div className="propose-cta">
          <p>{t('list.proposeIntro')}</p>
          {/* Visitors are sent to the login page and back by the new-idea page itself. */}
          <LinkButton to="/ideeen/nieuw" tone="positive">
            {t('list.propose')}
          </LinkButton>
        </div>
      </div>
      <CampaignBanner />
      <IdeaFilters
        filters={filters}
        themes={themes.data?.items ?? []}
        districts={districts.data?.items ?? []}
        onChange={(next) => setSearchParams(withView(searchFromFilters(next), view))}
      />
      <ViewSwitch view={view} search={searchParams} />
      <section aria-label={t('list.resultsLabel')} className="results">
        <p className="visually-hidden" role="status">
          {view === 'list' && list.isSuccess ? t('list.count', { count }) : ''}
        </p>
        {/* Asked apart from the list, so the list itself costs no count at 100,000 ideas. */}
        <p className="results__found">
          {found.data
            ? found.data.more
              ? t('list.foundMore', { n: formatNumber(found.data.count) })
              : t('list.found', { count: found.data.count, n: formatNumber(found.data.count) })
            : '\u00a0'}
        </p>
        {/* The map's code loads only now, when the map is chosen (map-view.tsx). */}
        {view === 'map' && <MapView filters={mapFilters} kind="list" />}
        {view === 'list' && list.isPending && <Loading />}
        {view === 'list' && list.isError && <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />}
        {view === 'list' && list.isSuccess && count === 0 && (
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
        {view === 'list' && count > 0 && (
          <IdeaList pages={pages} themeNames={themeNames} districtNames={districtNames} />
        )}
        {view === 'list' && list.hasNextPage && (
          <LoadMore loading={list.isFetchingNextPage} onLoad={() => void loadMore()}>
            {list.isFetchingNextPage ? t('list.loadingMore') : t('list.loadMore')}
          </LoadMore>
        )}
      </section>
    </>
  )
}
