import type { MapIdeas } from '@meedenken/shared'
import { type UseQueryResult, useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatNumber } from '../../../lib/format-number'
import '../../../lib/i18n-mapviews'
import { ErrorMessage } from '../../../ui/error-message'
import { Loading } from '../../../ui/loading'
import { StatusBadge } from '../../../ui/status-badge'
import { type MapFilters, mapIdeasQuery } from '../api/map-queries'
import { PointsMap } from './points-map'

export type IdeasMapProps = {
  filters: MapFilters
  /** `list`: the idea list's map view. `done`: what was done, on "Jij zei, wij deden". */
  kind: 'list' | 'done'
}

/**
 * A map of the ideas the filters find, with the same ideas as a list beside it: the list is
 * the map's alternative for keyboard and screen-reader users, and for anyone the map does not
 * help. Loaded only when a map is shown (map-view.tsx).
 */
export function IdeasMap({ filters, kind }: IdeasMapProps) {
  const { t } = useTranslation('mapviews')
  const found = useQuery(mapIdeasQuery(filters))
  const listId = useId()

  if (kind === 'done') {
    // Below the page's own content, with a heading of its own.
    return (
      <section className="ideas-map ideas-map--done" aria-labelledby={`${listId}-map`}>
        <h2 id={`${listId}-map`}>{t('done.title')}</h2>
        <p>{t('done.intro')}</p>
        <MapBody found={found} kind={kind} listId={listId} />
      </section>
    )
  }
  return (
    <div className="ideas-map">
      <MapBody found={found} kind={kind} listId={listId} />
    </div>
  )
}

function MapBody({
  found,
  kind,
  listId,
}: {
  found: UseQueryResult<MapIdeas>
  kind: IdeasMapProps['kind']
  listId: string
}) {
  const { t } = useTranslation('mapviews')
  const Heading = kind === 'done' ? 'h3' : 'h2'
  if (found.isPending) return <Loading />
  if (found.isError) return <ErrorMessage error={found.error} onRetry={() => void found.refetch()} />
  const { points } = found.data
  return (
    <>
      <p className="ideas-map__summary" role="status">
        {summary(found.data, kind, t)}
      </p>
      {points.length > 0 && (
        <>
          <PointsMap points={points} label={t('map.label')} listId={listId} />
          <section className="ideas-map__list" aria-labelledby={`${listId}-title`}>
            <Heading id={`${listId}-title`}>{kind === 'done' ? t('done.listTitle') : t('list.title')}</Heading>
            <p>{t('list.intro')}</p>
            <ol id={listId} tabIndex={-1}>
              {points.map((point) => (
                <li key={point.id}>
                  <Link to={`/ideeen/${point.id}`}>{point.title}</Link> <StatusBadge status={point.status} />
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </>
  )
}

type T = ReturnType<typeof useTranslation<'mapviews'>>['t']

/** "12 ideeën op de kaart. 3 ideeën hebben geen plek en staan niet op de kaart." */
function summary(data: MapIdeas, kind: IdeasMapProps['kind'], t: T): string {
  if (data.points.length === 0) return kind === 'done' ? t('done.empty') : t('summary.empty')
  const parts = [t('summary.onMap', { count: data.points.length, n: formatNumber(data.points.length) })]
  if (data.truncated) {
    const values = { shown: formatNumber(data.points.length), total: formatNumber(data.total) }
    parts.push(data.more ? t('summary.truncatedMore', values) : t('summary.truncated', values))
  }
  if (data.withoutPlace === null) parts.push(t('summary.withoutPlaceUnknown'))
  else if (data.withoutPlace > 0)
    parts.push(t('summary.withoutPlace', { count: data.withoutPlace, n: formatNumber(data.withoutPlace) }))
  return parts.join(' ')
}
