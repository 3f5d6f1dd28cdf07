import type { RatingBody } from '@meedenken/shared'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'

export type FollowupAnswer = 'yes' | 'partly' | 'no'

export const satisfactionKeys = {
  all: ['satisfaction'] as const,
  mine: (ideaId: number) => [...satisfactionKeys.all, 'mine', ideaId] as const,
  supporters: (ideaId: number) => [...satisfactionKeys.all, 'supporters', ideaId] as const,
}

/** What the signed-in person may rate on this idea, with what they said before. */
export const satisfactionQuery = (ideaId: number) =>
  queryOptions({
    queryKey: satisfactionKeys.mine(ideaId),
    queryFn: () => call(api.api.ideas[':id'].satisfaction.$get({ param: { id: String(ideaId) } })),
  })

export const supportersQuery = (ideaId: number) =>
  queryOptions({
    queryKey: satisfactionKeys.supporters(ideaId),
    queryFn: () => call(api.api.ideas[':id'].supporters.$get({ param: { id: String(ideaId) } })),
  })

/** One rating per answer of the municipality; sending again changes it. */
export function useRate(ideaId: number) {
  const qc = useQueryClient()
  const { queryKey } = satisfactionQuery(ideaId)
  return useMutation({
    mutationFn: (rating: RatingBody) =>
      call(api.api.ideas[':id'].ratings.$put({ param: { id: String(ideaId) }, json: rating })),
    onSuccess: (satisfaction) => qc.setQueryData(queryKey, satisfaction),
  })
}

export function useFollowup(ideaId: number) {
  const qc = useQueryClient()
  const { queryKey } = satisfactionQuery(ideaId)
  return useMutation({
    mutationFn: (body: { answer: FollowupAnswer; remark?: string }) =>
      call(api.api.ideas[':id'].followup.$put({ param: { id: String(ideaId) }, json: body })),
    onSuccess: (satisfaction) => qc.setQueryData(queryKey, satisfaction),
  })
}
