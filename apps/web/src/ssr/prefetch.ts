import type { AppType } from '@meedenken/api/app'
import type { QueryClient } from '@tanstack/react-query'
import type { hc } from 'hono/client'
import { accountKeys, meQuery } from '../features/accounts/api/account-queries'
import { siteQuery } from '../features/accounts/api/site-query'
import { campaignsQuery } from '../features/campaigns/api/campaign-queries'
import { districtsQuery, themesQuery } from '../features/catalog/api/catalog-queries'
import { filtersFromSearch, ideaCountQuery, ideaListQuery } from '../features/ideas/api/idea-queries'
import { unreadQuery } from '../features/notifications/api/notification-keys'
import { ApiRequestError, call } from '../lib/api-client'

type Api = ReturnType<typeof hc<AppType>>

/**
 * The data a server-rendered page shows, fetched into `queryClient` under the browser's
 * own query keys and options, so the browser finds it there and asks for nothing again.
 * Only the fetch differs: the server's API client answers in-process. Any failure throws,
 * and the page is served as the plain shell instead: half a page from the server would
 * not match what the browser renders.
 */
async function fetchLayout(queryClient: QueryClient, api: Api, signedIn: boolean): Promise<void> {
  const me = signedIn
    ? queryClient.fetchQuery({
        ...meQuery,
        retry: false,
        queryFn: async () => {
          try {
            return (await call(api.api.me.$get())).user
          } catch (error) {
            // The session ended between the page's own check and this one.
            if (error instanceof ApiRequestError && error.status === 401) return null
            throw error
          }
        },
      })
    : Promise.resolve(queryClient.setQueryData(accountKeys.me(), null))
  await Promise.all([
    me.then((user) =>
      user
        ? queryClient.fetchQuery({
            ...unreadQuery,
            retry: false,
            queryFn: async () => ({
              unread: (await call(api.api.me.notifications.$get({ query: { limit: '1' } }))).unread,
            }),
          })
        : undefined,
    ),
    queryClient.fetchQuery({ ...siteQuery, retry: false, queryFn: () => call(api.api.config.$get()) }),
  ])
}

/** `/`: the idea list with the filters in its query string, the catalogue, open questions. */
export async function fetchIdeasPage(
  queryClient: QueryClient,
  api: Api,
  search: URLSearchParams,
  signedIn: boolean,
): Promise<void> {
  const filters = filtersFromSearch(search)
  await Promise.all([
    fetchLayout(queryClient, api, signedIn),
    queryClient.fetchQuery({ ...themesQuery, retry: false, queryFn: () => call(api.api.themes.$get()) }),
    queryClient.fetchQuery({ ...districtsQuery, retry: false, queryFn: () => call(api.api.districts.$get()) }),
    queryClient.fetchQuery({ ...campaignsQuery, retry: false, queryFn: () => call(api.api.campaigns.$get()) }),
    queryClient.fetchInfiniteQuery({
      ...ideaListQuery(filters),
      retry: false,
      // The first page only, as the browser's list starts.
      queryFn: () => call(api.api.ideas.$get({ query: { ...filters } })),
    }),
    queryClient.fetchQuery({
      ...ideaCountQuery(filters),
      retry: false,
      queryFn: () => {
        const { sort: _sort, ...counted } = filters
        return call(api.api.ideas.count.$get({ query: counted }))
      },
    }),
  ])
}
