import type { CommentPage, IdeaSort, IdeaStatus, TargetGroup } from '@meedenken/shared'
import { IDEA_SORTS, IDEA_STATUSES, TARGET_GROUPS } from '@meedenken/shared/constants'
import { type InfiniteData, infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { commentKeys } from '../../comments/api/comment-queries'

export type IdeaFilters = {
  status?: IdeaStatus
  theme?: string
  district?: string
  targetGroup?: TargetGroup
  q?: string
  /** A campaign's ideas; set by its page, never read from the list page's URL. */
  campaign?: string
  sort: IdeaSort
}

export const ideaKeys = {
  all: ['ideas'] as const,
  lists: () => [...ideaKeys.all, 'list'] as const,
  list: (filters: IdeaFilters) => [...ideaKeys.lists(), filters] as const,
  details: () => [...ideaKeys.all, 'detail'] as const,
  detail: (id: number) => [...ideaKeys.details(), id] as const,
  similar: (title: string) => [...ideaKeys.all, 'similar', title] as const,
}

/** What the API sorts by when no sort is given: best match for a search, otherwise what is popular now. */
export function defaultSort(q: string | undefined): IdeaSort {
  return q ? 'relevance' : 'trending'
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined
}

/** The URL is the source of truth for filters, so a search can be shared as a link. */
export function filtersFromSearch(params: URLSearchParams): IdeaFilters {
  const digits = (v: string | null) => (v && /^\d+$/.test(v) ? v : undefined)
  const q = params.get('q')?.trim().slice(0, 200) || undefined
  const sort = oneOf(IDEA_SORTS, params.get('sort'))
  // "Best match" means nothing without a search term.
  const filters: IdeaFilters = { sort: sort && !(sort === 'relevance' && !q) ? sort : defaultSort(q) }
  const status = oneOf(IDEA_STATUSES, params.get('status'))
  const theme = digits(params.get('theme'))
  const district = digits(params.get('district'))
  const targetGroup = oneOf(TARGET_GROUPS, params.get('targetGroup'))
  if (status) filters.status = status
  if (theme) filters.theme = theme
  if (district) filters.district = district
  if (targetGroup) filters.targetGroup = targetGroup
  if (q) filters.q = q
  return filters
}

export function searchFromFilters(filters: IdeaFilters): URLSearchParams {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filters)) {
    if (value && !(key === 'sort' && value === defaultSort(filters.q))) params.set(key, value)
  }
  return params
}

export const ideaListQuery = (filters: IdeaFilters) =>
  infiniteQueryOptions({
    queryKey: ideaKeys.list(filters),
    queryFn: ({ pageParam }) =>
      call(api.api.ideas.$get({ query: { ...filters, ...(pageParam ? { cursor: pageParam } : {}) } })),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  })

/** How many ideas the list's filters and search find (up to 1,000, then "more"). */
export const ideaCountQuery = ({ sort: _sort, ...filters }: IdeaFilters) =>
  queryOptions({
    queryKey: [...ideaKeys.lists(), 'count', filters] as const,
    queryFn: () => call(api.api.ideas.count.$get({ query: filters })),
  })

export const ideaQuery = (id: number) =>
  queryOptions({
    queryKey: ideaKeys.detail(id),
    queryFn: async ({ client }) => {
      const data = await call(api.api.ideas[':id'].$get({ param: { id: String(id) } }))
      // The idea arrives with its first page of comments: the comment list needs no request of its own.
      // More pages someone already opened stay; they are refreshed by the comment list itself.
      const shown = client.getQueryData<InfiniteData<CommentPage, string | null>>(commentKeys.list(id))
      if (!shown || shown.pages.length <= 1) {
        client.setQueryData(commentKeys.list(id), { pages: [data.comments], pageParams: [null] })
      }
      return data
    },
    select: (data) => data.idea,
    // "This idea does not exist" stays until something changes (signing in refetches
    // everything): the page does not flash "loading" again, and a server-rendered 404
    // hydrates as the same page.
    retryOnMount: false,
  })
