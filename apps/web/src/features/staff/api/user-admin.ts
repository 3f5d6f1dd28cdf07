import type { Role } from '@meedenken/shared'
import { infiniteQueryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'

const userKeys = {
  all: ['admin', 'users'] as const,
  search: (q: string, role: Role | undefined) => [...userKeys.all, q, role] as const,
}

/** Everyone with an account, by part of the name or address and by role, page by page. */
export const usersQuery = (q: string, role: Role | undefined) =>
  infiniteQueryOptions({
    queryKey: userKeys.search(q, role),
    queryFn: ({ pageParam }) =>
      call(
        api.api.admin.users.$get({
          query: { ...(q ? { q } : {}), ...(role ? { role } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  })

/** Gives someone another role; the list reads again. */
export function useRoleChange(userId: number) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (role: Role) =>
      call(api.api.admin.users[':id'].role.$put({ param: { id: String(userId) }, json: { role } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: userKeys.all }),
  })
}
