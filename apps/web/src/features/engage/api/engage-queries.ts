import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'

/** Filters of the public accountability pages, as they stand in the URL (ids as strings). */
export type RoadmapFilters = { theme?: string; district?: string }
export type ScorecardRange = { from?: string; to?: string; theme?: string }

export const engageKeys = {
  all: ['engage'] as const,
  roadmap: (filters: RoadmapFilters) => [...engageKeys.all, 'roadmap', filters] as const,
  youSaidWeDid: (theme: string | undefined) => [...engageKeys.all, 'you-said-we-did', theme ?? null] as const,
  scorecard: (range: ScorecardRange) => [...engageKeys.all, 'scorecard', range] as const,
}

export const roadmapQuery = (filters: RoadmapFilters) =>
  queryOptions({
    queryKey: engageKeys.roadmap(filters),
    queryFn: () => call(api.api.roadmap.$get({ query: filters })),
  })

export const youSaidWeDidQuery = (theme: string | undefined) =>
  infiniteQueryOptions({
    queryKey: engageKeys.youSaidWeDid(theme),
    queryFn: ({ pageParam }) =>
      call(
        api.api['you-said-we-did'].$get({
          query: { ...(theme ? { theme } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  })

export const scorecardQuery = (range: ScorecardRange) =>
  queryOptions({
    queryKey: engageKeys.scorecard(range),
    queryFn: () => call(api.api.stats.scorecard.$get({ query: range })),
    // The figures change slowly; a visitor comparing quarters should not wait each time.
    staleTime: 5 * 60_000,
  })

/**
 * Download links of the open data, with the same filters as the scorecard on screen. Each
 * CSV comes in two forms: the standard one (",", decimal point) and one Dutch Excel opens
 * in columns on a double click (";", decimal comma, BOM).
 */
export const openDataLinks = (range: ScorecardRange) => ({
  scorecardCsv: api.api['open-data']['scorecard.csv'].$path({ query: range }),
  scorecardExcel: api.api['open-data']['scorecard.csv'].$path({ query: { ...range, format: 'excel-nl' } }),
  scorecardJson: api.api.stats.scorecard.$path({ query: range }),
  ideasCsv: api.api['open-data']['ideas.csv'].$path(),
  ideasExcel: api.api['open-data']['ideas.csv'].$path({ query: { format: 'excel-nl' } }),
  ideasJson: api.api['open-data']['ideas.json'].$path(),
})
