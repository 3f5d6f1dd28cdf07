import { queryOptions } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'

export const siteQuery = queryOptions({
  queryKey: ['site'],
  queryFn: () => call(api.api.config.$get()),
  staleTime: Number.POSITIVE_INFINITY,
})
