import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { watchLive } from '../../notifications/api/live-line'
import { ideaQuery } from './idea-queries'

type Handlers = {
  /** The comment count changed elsewhere: the page fetches the comments again. */
  onComments: () => void
  /** Another person's vote changed the count (own votes are already on screen). */
  onRemoteVotes: (voteCount: number) => void
}

/**
 * Keeps an open idea's vote and comment counts current. The counts come on the tab's one
 * live line (features/notifications/api/live-line.ts), for visitors and members alike: a
 * visitor's tab opens it only on an idea page, a member's tab has it anyway for the bell,
 * so an idea page adds no connection of its own. While the server refuses the line (it caps
 * lines per process and per client) the idea is fetched every 20 s instead; a visitor's page
 * answers 304 from the stored page then (decision 015), so polling costs the server little.
 */
export function useIdeaLive(ideaId: number, enabled: boolean, handlers: Handlers): void {
  const qc = useQueryClient()
  const latest = useRef(handlers)
  latest.current = handlers

  useEffect(() => {
    if (!enabled) return
    const { queryKey } = ideaQuery(ideaId)
    const current = () => qc.getQueryData(queryKey)?.idea

    const showVotes = (voteCount: number) => {
      const idea = current()
      if (!idea || idea.voteCount === voteCount) return
      qc.setQueryData(queryKey, (old) => old && { ...old, idea: { ...old.idea, voteCount } })
      latest.current.onRemoteVotes(voteCount)
    }
    const showComments = (commentCount: number) => {
      const idea = current()
      if (!idea || idea.commentCount === commentCount) return
      qc.setQueryData(queryKey, (old) => old && { ...old, idea: { ...old.idea, commentCount } })
      latest.current.onComments()
    }
    // Fetches the idea and tells the page what changed, as the events would have.
    const reread = async () => {
      const before = current()
      const after = await qc.fetchQuery({ ...ideaQuery(ideaId), staleTime: 0 }).catch(() => null)
      if (!before || !after) return
      if (after.idea.voteCount !== before.voteCount) latest.current.onRemoteVotes(after.idea.voteCount)
      if (after.idea.commentCount !== before.commentCount) latest.current.onComments()
    }

    return watchLive({
      ideaId,
      onVotes: showVotes,
      onComments: showComments,
      onReconnected: () => void reread(),
      poll: () => void reread(),
    })
  }, [ideaId, enabled, qc])
}
