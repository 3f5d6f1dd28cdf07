import { queryOptions } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: () => [...campaignKeys.all, 'list'] as const,
  detail: (id: number) => [...campaignKeys.all, 'detail', id] as const,
}

export const campaignsQuery = queryOptions({
  queryKey: campaignKeys.list(),
  queryFn: () => call(api.api.campaigns.$get()),
  select: (data) => data.items,
  // Phases change by the clock, not by anything on this page: a minute is fresh enough.
  staleTime: 60_000,
})

export const campaignQuery = (id: number) =>
  queryOptions({
    queryKey: campaignKeys.detail(id),
    queryFn: () => call(api.api.campaigns[':id'].$get({ param: { id: String(id) } })),
    select: (data) => data.campaign,
    staleTime: 60_000,
    // As ideaQuery: a campaign that does not exist is not asked for again on mount.
    retryOnMount: false,
  })
