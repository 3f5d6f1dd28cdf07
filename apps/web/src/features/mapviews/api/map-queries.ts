import type { IdeaStatus, TargetGroup } from '@meedenken/shared'
import { queryOptions } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'

/** The list's filters, as the map takes them (no order, no pages). */
export type MapFilters = {
  status?: IdeaStatus
  theme?: string
  district?: string
  targetGroup?: TargetGroup
  q?: string
  campaign?: string
}

export const mapKeys = {
  all: ['mapviews'] as const,
  ideas: (filters: MapFilters) => [...mapKeys.all, 'ideas', filters] as const,
}

/** The ideas with a place that the filters find, as points (GET /api/map/ideas). */
export const mapIdeasQuery = (filters: MapFilters) =>
  queryOptions({
    queryKey: mapKeys.ideas(filters),
    queryFn: () => call(api.api.map.ideas.$get({ query: filters })),
  })
