import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { ideaKeys, ideaQuery } from './idea-queries'

/**
 * Vote or take the vote back. The button changes at once (optimistic); on failure the
 * previous state comes back. Lists are refreshed afterwards for their counts and "you voted".
 */
export function useVote(ideaId: number) {
  const qc = useQueryClient()
  const { queryKey } = ideaQuery(ideaId)
  return useMutation({
    mutationFn: (vote: boolean) => {
      const request = { param: { id: String(ideaId) } }
      return call(vote ? api.api.ideas[':id'].vote.$put(request) : api.api.ideas[':id'].vote.$delete(request))
    },
    onMutate: async (vote) => {
      // A refetch still under way would overwrite the optimistic state with the old one.
      await qc.cancelQueries({ queryKey })
      const previous = qc.getQueryData(queryKey)
      qc.setQueryData(queryKey, (old) => {
        if (!old || old.idea.hasVoted === vote) return old
        return { ...old, idea: { ...old.idea, hasVoted: vote, voteCount: old.idea.voteCount + (vote ? 1 : -1) } }
      })
      return { previous }
    },
    onError: (_error, _vote, context) => {
      if (context?.previous) qc.setQueryData(queryKey, context.previous)
    },
    onSuccess: (state) => {
      // The server's count is exact: others may have voted meanwhile.
      qc.setQueryData(queryKey, (old) => old && { ...old, idea: { ...old.idea, ...state } })
    },
    onSettled: () => qc.invalidateQueries({ queryKey: ideaKeys.lists() }),
  })
}

export function useFollow(ideaId: number) {
  const qc = useQueryClient()
  const { queryKey } = ideaQuery(ideaId)
  return useMutation({
    mutationFn: (follow: boolean) => {
      const request = { param: { id: String(ideaId) } }
      return call(follow ? api.api.ideas[':id'].follow.$put(request) : api.api.ideas[':id'].follow.$delete(request))
    },
    onSuccess: (state) => {
      qc.setQueryData(queryKey, (old) => old && { ...old, idea: { ...old.idea, ...state } })
    },
  })
}

/** "Ik denk mee": offer to help with a planned or running idea, or withdraw the offer. */
export function useHelp(ideaId: number) {
  const qc = useQueryClient()
  const { queryKey } = ideaQuery(ideaId)
  return useMutation({
    mutationFn: (offer: { note: string } | null) => {
      const param = { id: String(ideaId) }
      return call(
        offer
          ? api.api.ideas[':id'].help.$put({ param, json: offer.note ? { note: offer.note } : {} })
          : api.api.ideas[':id'].help.$delete({ param }),
      )
    },
    onSuccess: (state) => {
      qc.setQueryData(queryKey, (old) => old && { ...old, idea: { ...old.idea, ...state } })
    },
  })
}
