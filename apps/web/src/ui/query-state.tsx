import type { ReactNode } from 'react'
import { ErrorMessage } from './error-message'
import { Loading } from './loading'

/** What QueryState reads of a TanStack query (useQuery and useInfiniteQuery both fit). */
type QueryLike<T> = {
  data: T | undefined
  error: unknown
  isPending: boolean
  isError: boolean
  fetchStatus: 'fetching' | 'paused' | 'idle'
  refetch: () => Promise<unknown>
}

/**
 * A query's four states in one place: loading, a failure with a way to try again, nothing
 * found, and the data. A query that is switched off (no search term yet) shows nothing.
 * What was loaded stays on screen when loading more fails, with the failure above it.
 */
export function QueryState<T>({
  query,
  empty,
  isEmpty = hasNoItems,
  children,
}: {
  query: QueryLike<T>
  /** Shown instead of the data when there is nothing; without it, children decide. */
  empty?: ReactNode
  /** When the data counts as nothing; the default: no items (on any page). */
  isEmpty?: (data: T) => boolean
  children: (data: T) => ReactNode
}) {
  const { data } = query
  return (
    <>
      {query.isPending && query.fetchStatus !== 'idle' && <Loading />}
      {query.isError && <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />}
      {data !== undefined && (empty !== undefined && isEmpty(data) ? empty : children(data))}
    </>
  )
}

function hasNoItems(data: unknown): boolean {
  const items = (value: unknown) => (value as { items?: unknown[] } | null)?.items
  const pages = (data as { pages?: unknown[] } | null)?.pages
  if (Array.isArray(pages)) return pages.every((page) => (items(page)?.length ?? 0) === 0)
  return (items(data)?.length ?? 0) === 0
}
