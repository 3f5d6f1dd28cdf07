import { queryOptions } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'

export const catalogKeys = {
  all: ['catalog'] as const,
  themes: () => [...catalogKeys.all, 'themes'] as const,
  districts: () => [...catalogKeys.all, 'districts'] as const,
}

// Themes and districts change a few times a year: fetch once per visit.
export const themesQuery = queryOptions({
  queryKey: catalogKeys.themes(),
  queryFn: () => call(api.api.themes.$get()),
  staleTime: Number.POSITIVE_INFINITY,
})

export const districtsQuery = queryOptions({
  queryKey: catalogKeys.districts(),
  queryFn: () => call(api.api.districts.$get()),
  staleTime: Number.POSITIVE_INFINITY,
})
