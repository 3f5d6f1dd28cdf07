import type { User } from '@meedenken/shared'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { ApiRequestError, api, call } from '../../../lib/api-client'

export const accountKeys = {
  all: ['account'] as const,
  me: () => [...accountKeys.all, 'me'] as const,
}

/** The signed-in person, or null for a visitor (a 401 is an answer here, not an error). */
export const meQuery = queryOptions({
  queryKey: accountKeys.me(),
  queryFn: async (): Promise<User | null> => {
    try {
      return (await call(api.api.me.$get())).user
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 401) return null
      throw error
    }
  },
  staleTime: 5 * 60_000,
})

/** After signing in or out, everything personal (votes, follows) must be fetched again. */
export function useSetSignedIn() {
  const qc = useQueryClient()
  return (user: User | null) => {
    // A "who am I" request still under way (started as a visitor) must not overwrite this.
    void qc.cancelQueries({ queryKey: accountKeys.me() })
    qc.setQueryData(accountKeys.me(), user)
    void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== accountKeys.all[0] })
  }
}

export function useLogout() {
  const setSignedIn = useSetSignedIn()
  return useMutation({
    mutationFn: () => call(api.api.auth.logout.$post()),
    onSuccess: () => setSignedIn(null),
  })
}
