import type { User } from '@meedenken/shared'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { ApiRequestError, api, call } from '../../../lib/api-client'

export const accountKeys = {
  all: ['account'] as const,
  me: () => [...accountKeys.all, 'me'] as const,
  verifyLink: (token: string) => [...accountKeys.all, 'verify-link', token] as const,
}

/**
 * The signed-in person, or null for a visitor (the API answers a visitor `user: null`; a
 * 401 only once, when the browser's session has just ended, and that means null too).
 */
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

/** The address a mailed confirmation link confirms; looking does not use the link. */
export function verifyLinkQuery(token: string) {
  return queryOptions({
    queryKey: accountKeys.verifyLink(token),
    queryFn: () => call(api.api.auth.verify.$get({ query: { token } })),
    enabled: token.length > 0,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  })
}

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

/**
 * Logs out. `leave` runs first (such as navigating to the home page) and only then does the
 * app forget who was signed in: the other way round, a members-only page would see a visitor
 * and send them to the login page before the navigation away from it lands.
 */
export function useLogout(leave?: () => unknown) {
  const setSignedIn = useSetSignedIn()
  return useMutation({
    mutationFn: () => call(api.api.auth.logout.$post()),
    onSuccess: async () => {
      await leave?.()
      setSignedIn(null)
    },
  })
}
