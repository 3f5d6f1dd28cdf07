import {
  type DefaultError,
  type FetchQueryOptions,
  type Query,
  QueryCache,
  QueryClient,
  type QueryKey,
  type QueryOptions,
  type QueryState,
  skipToken,
} from '@tanstack/react-query'
import { ApiRequestError } from '../lib/api-client'
import { createQueryClient } from '../lib/query-client'

/** Enough for a page whose data depends on other data (an idea, then its campaign). */
const MAX_PASSES = 4

/** The options a component gave; `enabled` is an observer's option, not a query's. */
type Asked = {
  query: Query
  options: QueryOptions & {
    queryKey: QueryKey
    enabled?: boolean | ((query: Query) => boolean)
    retryOnMount?: boolean
  }
}

/**
 * A query cache that notes which queries a render asks for, with the options the
 * component gave (its query function, whether it is enabled). On the server nothing
 * subscribes, so nothing fetches by itself: the caller fetches what was asked.
 */
class AskingQueryCache extends QueryCache {
  asked: Asked[] | null = null

  override build<
    TQueryFnData = unknown,
    TError = DefaultError,
    TData = TQueryFnData,
    TQueryKey extends QueryKey = QueryKey,
  >(
    client: QueryClient,
    options: QueryOptions<TQueryFnData, TError, TData, TQueryKey> & { queryKey: TQueryKey },
    state?: QueryState<TData, TError>,
  ): Query<TQueryFnData, TError, TData, TQueryKey> {
    const query = super.build(client, options, state)
    this.asked?.push({ query: query as unknown as Query, options: options as Asked['options'] })
    return query
  }
}

/** The browser's defaults, but never a retry: a render waits for nothing twice. */
export function createServerQueryClient(): QueryClient {
  const { queries, ...defaults } = createQueryClient().getDefaultOptions()
  return new QueryClient({
    queryCache: new AskingQueryCache(),
    defaultOptions: { ...defaults, queries: { ...queries, retry: false } },
  })
}

/**
 * The API refused (4xx), and the query keeps that on mount: the page shows the refusal
 * ("this idea does not exist"). A query that retries on mount would start over as
 * "loading" in the browser, which would not match the server's page.
 */
function shownRefusal(error: unknown, options: object): boolean {
  const refused = error instanceof ApiRequestError && error.status >= 400 && error.status < 500
  // An observer's option, which query options may carry too (ideaQuery does).
  return refused && (options as { retryOnMount?: boolean }).retryOnMount === false
}

function waiting({ query, options }: Asked): boolean {
  if (query.state.status !== 'pending' || query.state.fetchStatus !== 'idle') return false
  if (options.queryFn === skipToken) return false
  const enabled = typeof options.enabled === 'function' ? options.enabled(query) : options.enabled
  return enabled !== false
}

/**
 * Renders a page with the data it shows (decision 020). Each pass renders the page, fetches
 * every query the render asked for and nobody fetched yet, with the very query function the
 * component uses (features/<x>/api), and renders again, until a pass asks for nothing new.
 * So the server holds exactly the data the browser's first render reads, with no list per
 * page to keep in step, and data that depends on other data (an idea's campaign) comes
 * along in the next pass. What the page is known to show (`known`) is fetched before the
 * first pass, which saves passes. The API refusing a query (4xx: "this idea does not exist") is
 * part of the page when the query keeps that on mount (`retryOnMount: false`); any other
 * failure throws, and the caller serves the plain shell.
 */
export async function renderWithData<T>(
  queryClient: QueryClient,
  // biome-ignore lint/suspicious/noExplicitAny: a list of different queries' options
  known: FetchQueryOptions<any, any, any, any>[],
  render: () => T,
): Promise<T> {
  const cache = queryClient.getQueryCache()
  if (!(cache instanceof AskingQueryCache)) throw new Error('renderWithData needs createServerQueryClient()')
  // What the page is known to show, before the first pass. A failure the page could not
  // show is forgotten, as if never fetched: the passes decide what the page shows.
  await Promise.all(
    known.map((options) =>
      queryClient.fetchQuery(options).catch((error: unknown) => {
        if (!shownRefusal(error, options)) queryClient.removeQueries({ queryKey: options.queryKey, exact: true })
      }),
    ),
  )
  for (let pass = 1; ; pass++) {
    const asked: Asked[] = []
    cache.asked = asked
    let result: T
    try {
      result = render()
    } finally {
      cache.asked = null
    }
    const fetches = new Map<string, Asked>()
    for (const entry of asked) if (waiting(entry)) fetches.set(entry.query.queryHash, entry)
    if (fetches.size === 0 || pass === MAX_PASSES) return result
    await Promise.all(
      [...fetches.values()].map(({ options }) =>
        queryClient.fetchQuery(options).catch((error: unknown) => {
          if (!shownRefusal(error, options)) throw error
        }),
      ),
    )
  }
}
