import { queryOptions } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'

/**
 * Kept apart from the notification list's queries: the header's bell imports this on every
 * page, so it holds only what the bell needs.
 */
export const notificationKeys = {
  all: ['notifications'] as const,
  unread: () => [...notificationKeys.all, 'unread'] as const,
  lists: () => [...notificationKeys.all, 'list'] as const,
}

export type Unread = { unread: number }

/** The unread count: the newest notification is the smallest page that carries it. */
export const unreadQuery = queryOptions({
  queryKey: notificationKeys.unread(),
  queryFn: async (): Promise<Unread> => {
    const page = await call(api.api.me.notifications.$get({ query: { limit: '1' } }))
    return { unread: page.unread }
  },
  staleTime: 60_000,
})
