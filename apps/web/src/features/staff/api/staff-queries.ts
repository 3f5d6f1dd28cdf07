import type { AuditAction } from '@meedenken/shared'
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import type { WerkbakView } from '../werkbak-view'

export const staffKeys = {
  all: ['staff'] as const,
  inboxes: () => [...staffKeys.all, 'inbox'] as const,
  inbox: (view: WerkbakView) => [...staffKeys.inboxes(), view.tab, view.filters] as const,
  ideas: () => [...staffKeys.all, 'idea'] as const,
  idea: (id: number) => [...staffKeys.ideas(), id] as const,
  helpers: (id: number) => [...staffKeys.idea(id), 'helpers'] as const,
  // Under the idea's key: every action on the idea refreshes the conversation too.
  comments: (id: number) => [...staffKeys.idea(id), 'comments'] as const,
  ratings: (id: number) => [...staffKeys.idea(id), 'ratings'] as const,
  search: (q: string) => [...staffKeys.all, 'search', q] as const,
  colleagues: () => [...staffKeys.all, 'colleagues'] as const,
  departments: () => [...staffKeys.all, 'departments'] as const,
  settings: () => [...staffKeys.all, 'settings'] as const,
  moderation: () => [...staffKeys.all, 'moderation'] as const,
  blocked: () => [...staffKeys.all, 'blocked'] as const,
  dashboard: (quarter: string | undefined) => [...staffKeys.all, 'dashboard', quarter ?? 'current'] as const,
  campaigns: () => [...staffKeys.all, 'campaigns'] as const,
  audit: (filters: AuditFilters) => [...staffKeys.all, 'audit', filters] as const,
  templates: () => [...staffKeys.all, 'answer-templates'] as const,
  // Under the idea's key: a changed title or name refreshes the filled-in texts.
  ideaTemplates: (id: number) => [...staffKeys.idea(id), 'answer-templates'] as const,
}

/** The inbox shows many rows at once: a civil servant scans a tab rather than pages through it. */
export const INBOX_PAGE_SIZE = 50

/** A tab of the Werkbak with its search and filters. */
export const inboxQuery = (view: WerkbakView) =>
  infiniteQueryOptions({
    queryKey: staffKeys.inbox(view),
    queryFn: ({ pageParam }) =>
      call(
        api.api.staff.inbox.$get({
          query: {
            tab: view.tab,
            ...view.filters,
            limit: String(INBOX_PAGE_SIZE),
            ...(pageParam ? { cursor: pageParam } : {}),
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  })

export const staffIdeaQuery = (id: number) =>
  queryOptions({
    queryKey: staffKeys.idea(id),
    queryFn: () => call(api.api.staff.ideas[':id'].$get({ param: { id: String(id) } })),
  })

/** The conversation as staff read it: hidden comments keep their words (flagged hidden). */
export const staffCommentsQuery = (id: number) =>
  infiniteQueryOptions({
    queryKey: staffKeys.comments(id),
    queryFn: ({ pageParam }) =>
      call(
        api.api.staff.ideas[':id'].comments.$get({
          param: { id: String(id) },
          query: pageParam ? { cursor: pageParam } : {},
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  })

export const helpersQuery = (id: number) =>
  queryOptions({
    queryKey: staffKeys.helpers(id),
    queryFn: () => call(api.api.staff.ideas[':id'].helpers.$get({ param: { id: String(id) } })),
  })

export const ratingsQuery = (id: number) =>
  queryOptions({
    queryKey: staffKeys.ratings(id),
    queryFn: () => call(api.api.staff.ideas[':id'].ratings.$get({ param: { id: String(id) } })),
  })

/** Ideas to merge a duplicate into: the public search, which leaves hidden ideas out. */
export const ideaSearchQuery = (q: string) =>
  queryOptions({
    queryKey: staffKeys.search(q),
    queryFn: () => call(api.api.ideas.$get({ query: { q, limit: '10' } })),
    enabled: q.length > 0,
  })

// Colleagues, departments and settings change rarely; one fetch per few minutes is plenty.
export const colleaguesQuery = queryOptions({
  queryKey: staffKeys.colleagues(),
  queryFn: () => call(api.api.staff.colleagues.$get()),
  staleTime: 5 * 60_000,
})

export const departmentsQuery = queryOptions({
  queryKey: staffKeys.departments(),
  queryFn: () => call(api.api.departments.$get()),
  staleTime: 5 * 60_000,
})

export const settingsQuery = queryOptions({
  queryKey: staffKeys.settings(),
  queryFn: () => call(api.api.settings.$get()),
  staleTime: 5 * 60_000,
})

export const moderationQuery = queryOptions({
  queryKey: staffKeys.moderation(),
  queryFn: () => call(api.api.staff.moderation.$get()),
})

export const blockedMembersQuery = infiniteQueryOptions({
  queryKey: staffKeys.blocked(),
  queryFn: ({ pageParam }) =>
    call(api.api.staff['blocked-members'].$get({ query: pageParam ? { cursor: pageParam } : {} })),
  initialPageParam: null as string | null,
  getNextPageParam: (page) => page.nextCursor,
})

export const dashboardQuery = (quarter: string | undefined) =>
  queryOptions({
    queryKey: staffKeys.dashboard(quarter),
    queryFn: () => call(api.api.staff.dashboard.$get({ query: quarter ? { quarter } : {} })),
  })

export const campaignsQuery = queryOptions({
  queryKey: staffKeys.campaigns(),
  queryFn: () => call(api.api.campaigns.$get()),
})

export type AuditFilters = { action?: AuditAction; actor?: string }

export const auditQuery = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: staffKeys.audit(filters),
    queryFn: ({ pageParam }) =>
      call(
        api.api.admin.audit.$get({
          query: {
            ...(filters.action ? { action: filters.action } : {}),
            ...(filters.actor ? { actor: filters.actor } : {}),
            ...(pageParam ? { cursor: pageParam } : {}),
            limit: '50',
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  })

/** One idea by its number, for "merge into #12". */
export const ideaByNumberQuery = (id: number | null) =>
  queryOptions({
    queryKey: [...staffKeys.all, 'number', id] as const,
    queryFn: () => call(api.api.ideas[':id'].$get({ param: { id: String(id) } })),
    enabled: id !== null,
    retry: false,
  })

export const answerTemplatesQuery = queryOptions({
  queryKey: staffKeys.templates(),
  queryFn: () => call(api.api.staff['answer-templates'].$get({ query: {} })),
})

/** The templates filled in for one idea: the resident's name and the idea's title. */
export const ideaTemplatesQuery = (id: number) =>
  queryOptions({
    queryKey: staffKeys.ideaTemplates(id),
    queryFn: () => call(api.api.staff.ideas[':id']['answer-templates'].$get({ param: { id: String(id) } })),
  })

/** The Werkbak's list as a file: the same tab, search and filters, every page. */
export const werkbakExportPath = (view: WerkbakView, format: 'xlsx' | 'excel-nl') =>
  api.api.staff.export.$path({ query: { tab: view.tab, ...view.filters, format } })
