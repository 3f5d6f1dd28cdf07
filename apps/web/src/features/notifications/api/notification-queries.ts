import { infiniteQueryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { notificationKeys, type Unread } from './notification-keys'

export const notificationsQuery = infiniteQueryOptions({
  queryKey: notificationKeys.lists(),
  queryFn: ({ pageParam }) => call(api.api.me.notifications.$get({ query: pageParam ? { cursor: pageParam } : {} })),
  initialPageParam: null as string | null,
  getNextPageParam: (page) => page.nextCursor,
  // Opening the page should show what is new, not what was cached a minute ago.
  staleTime: 0,
})

/** Marks some (or, without ids, all) notifications as read; the bell follows at once. */
export function useMarkRead() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (ids?: number[]) => call(api.api.me.notifications.read.$post({ json: ids ? { ids } : {} })),
    onMutate: (ids) => {
      qc.setQueryData(notificationsQuery.queryKey, (old) => {
        if (!old) return old
        const marks = (id: number) => !ids || ids.includes(id)
        return {
          ...old,
          pages: old.pages.map((page) => ({
            ...page,
            items: page.items.map((n) => (marks(n.id) ? { ...n, read: true } : n)),
          })),
        }
      })
      qc.setQueryData<Unread>(notificationKeys.unread(), (old) =>
        old ? { unread: ids ? Math.max(0, old.unread - ids.length) : 0 } : old,
      )
    },
    onSettled: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  })
}
